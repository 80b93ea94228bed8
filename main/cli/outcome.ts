import type { HttpOutcome } from '../contract/http.ts';
import { EXIT } from './exit-codes.ts';

/** The exit code a finished send maps to: 2xx is success, any other status or a failure to get one has its own code. */
export function exitCodeForOutcome(outcome: HttpOutcome): number {
  if (outcome.ok) return outcome.response.status >= 200 && outcome.response.status < 300 ? EXIT.ok : EXIT.httpStatus;
  // A URL that is not a URL comes from the request or its variables, not from the network.
  return outcome.error.kind === 'invalid-request' ? EXIT.config : EXIT.network;
}

// From least to most serious; a batch exits with the most serious code among its requests.
const SEVERITY: readonly number[] = [EXIT.ok, EXIT.assertions, EXIT.httpStatus, EXIT.network, EXIT.config, EXIT.protectedEnvironment, EXIT.usage, EXIT.internal];

export function worstExitCode(codes: Iterable<number>): number {
  let worst: number = EXIT.ok;
  for (const code of codes) if (SEVERITY.indexOf(code) > SEVERITY.indexOf(worst)) worst = code;
  return worst;
}

/** One line for a person: "200 OK  12 ms  348 B" or "network error (refused): ...". */
export function statusLine(outcome: HttpOutcome): string {
  if (!outcome.ok) return `error (${outcome.error.kind}): ${outcome.error.message}`;
  const { status, statusText, timing, bytes } = outcome.response;
  return `${status} ${statusText}  ${Math.round(timing.totalMs)} ms  ${formatBytes(bytes)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
