import type { StepDetail } from '../contract/flows.ts';
import { REDACTED } from '../signing/redact.ts';

/**
 * A value captured into the vault came from this exchange: take it out of
 * everything the runner can show (response preview and headers, or the
 * callback), so it exists only in the vault.
 */
export function redactSecretCaptures(detail: StepDetail, secret: string): StepDetail {
  const scrub = (text: string) => text.split(secret).join(REDACTED);
  if (detail.kind === 'callback') {
    const { entry } = detail;
    return { kind: 'callback', entry: { ...entry, path: scrub(entry.path), body: scrub(entry.body), headers: entry.headers.map(([name, value]) => [name, scrub(value)]) } };
  }
  if (detail.kind !== 'request' || !detail.outcome.ok) return detail;
  const { response } = detail.outcome;
  const preview =
    response.preview.encoding === 'utf8'
      ? { ...response.preview, data: scrub(response.preview.data) }
      : Buffer.from(response.preview.data, 'base64').includes(secret)
        ? { encoding: 'utf8' as const, data: `${REDACTED} (a binary body that held a value stored in the vault)`, truncated: false }
        : response.preview;
  return {
    ...detail,
    outcome: { ok: true, response: { ...response, preview, headers: response.headers.map(([name, value]) => [name, scrub(value)]) } },
  };
}
