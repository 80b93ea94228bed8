import type { DiagnosisReport, VariantsReport } from '../../contract/diagnosis.ts';

/** The diagnosis as plain text: the sentence first, then what it rests on. */
export function diagnosisText(report: DiagnosisReport): string {
  const lines = [report.sentence, '', `Cause: ${report.cause}`, `Compared: ${report.subject}`, `Scheme: ${report.scheme}`];
  if (report.historyId !== null) lines.push(`Re-derived exactly: ${report.reDerived ? 'yes' : 'no'}`);
  if (report.evidence.length > 0) lines.push('', 'Evidence:', ...report.evidence.map((line) => `  - ${line}`));
  if (report.keysTried.length > 0) lines.push('', 'Keys tried:', ...report.keysTried.map((key) => `  ${key.matches ? '=' : '-'} ${key.description}`));
  if (report.secrets.length > 0) {
    lines.push(
      '',
      'Secrets used:',
      ...report.secrets.map((s) => `  ${s.name} (${s.environment}): ${s.length} chars, ${s.fingerprint}${s.changedSince === true ? ', CHANGED since this send' : ''}`),
    );
  }
  if (report.compare.differences.length > 0) {
    lines.push('', `Differences (${report.compare.summary}):`);
    for (const d of report.compare.differences) {
      lines.push(`  ${d.component}`, `    gateway: ${d.expected}`, `    sent:    ${d.actual}`, ...(d.hint === undefined ? [] : [`    hint:    ${d.hint}`]));
    }
  }
  if (report.warnings.length > 0) lines.push('', ...report.warnings.map((w) => `Note: ${w}`));
  return `${lines.join('\n')}\n`;
}

export function variantsText(report: VariantsReport): string {
  const lines = ['', report.sentence, `Expected: ${report.expected}`, 'Variants:'];
  for (const v of report.variants) lines.push(`  ${v.matches ? '=' : '-'} ${v.id}: ${v.description}`, `      key ${v.key}; hex ${v.signatureHex}`);
  return `${lines.join('\n')}\n`;
}
