import type { CredentialFinding } from '../../contract/workspace.ts';
import type { CliIo } from '../io.ts';

/** Prints what looks like a typed-in credential, by request and field (never the value). */
export function printCredentialFindings(io: CliIo, findings: readonly CredentialFinding[], moved: boolean): void {
  if (findings.length === 0) return;
  io.err(moved ? `Moved ${String(findings.length)} typed-in credential(s) into the vault:\n` : `Warning: ${String(findings.length)} value(s) look like credentials typed into requests; the export holds them as typed:\n`);
  for (const f of findings) io.err(`  ${f.request}: ${f.place} ${f.field} (${f.reason}) -> {{secret:${f.suggestedSecret}}}\n`);
  if (!moved) io.err('Run again with --move-to-vault to store them in the vault (every environment of the collection) and export {{secret:...}} references instead.\n');
}
