import type { SchemeTrace } from '../contract/auth.ts';
import type { SignResult } from '../contract/requests.ts';
import { secretSourcesLine } from '../secret-providers/describe.ts';

/** The signature trace as plain text: every step of every scheme, values already redacted by the signer. */
export function traceText(traces: readonly SchemeTrace[]): string {
  return traces
    .map((trace) => [`[${trace.scheme}]`, ...trace.steps.map((step) => `  ${step.label}: ${indent(step.value)}${step.note ? `  (${step.note})` : ''}`)].join('\n'))
    .join('\n\n');
}

/** The signed request (secrets as placeholders) followed by its trace. */
export function signedRequestText(result: SignResult): string {
  const { method, url, headers, body } = result.request;
  const sources = secretSourcesLine(result.secretSources);
  const lines = [`Environment: ${result.environment.name}`, ...(sources === null ? [] : [sources]), '', `${method} ${url}`, ...headers.map((header) => `${header.name}: ${header.value}`)];
  if (body !== '') lines.push('', body);
  return `${lines.join('\n')}\n\n${traceText(result.traces)}\n`;
}

// Multi-line values (collected parameters, PEM text) stay under their label.
const indent = (value: string): string => value.replaceAll('\n', '\n      ');
