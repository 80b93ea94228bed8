import type { StepDetail } from '../contract/flows.ts';
import { REDACTED } from '../signing/redact.ts';

/**
 * A value captured into the vault: take it out of everything the runner can
 * show of an exchange (the request as sent, the trace, the response or the
 * callback), so it exists only in the vault.
 */
export function redactSecretCaptures(detail: StepDetail, secret: string): StepDetail {
  const scrub = (text: string) => text.split(secret).join(REDACTED);
  if (detail.kind === 'callback') {
    const { entry } = detail;
    return { kind: 'callback', entry: { ...entry, path: scrub(entry.path), body: scrub(entry.body), headers: entry.headers.map(([name, value]) => [name, scrub(value)]) } };
  }
  if (detail.kind !== 'request') return detail;
  const sent = {
    request: { ...detail.request, url: scrub(detail.request.url), body: scrub(detail.request.body), headers: detail.request.headers.map((h) => ({ name: h.name, value: scrub(h.value) })) },
    traces: detail.traces.map((trace) => ({ ...trace, steps: trace.steps.map((step) => ({ ...step, value: scrub(step.value), ...(step.note === undefined ? {} : { note: scrub(step.note) }) })) })),
  };
  if (!detail.outcome.ok) return { ...detail, ...sent, outcome: { ...detail.outcome, error: { ...detail.outcome.error, message: scrub(detail.outcome.error.message) } } };
  const { response } = detail.outcome;
  const preview =
    response.preview.encoding === 'utf8'
      ? { ...response.preview, data: scrub(response.preview.data) }
      : Buffer.from(response.preview.data, 'base64').includes(secret)
        ? { encoding: 'utf8' as const, data: `${REDACTED} (a binary body that held a value stored in the vault)`, truncated: false }
        : response.preview;
  return {
    ...detail,
    ...sent,
    outcome: { ok: true, response: { ...response, url: scrub(response.url), preview, headers: response.headers.map(([name, value]) => [name, scrub(value)]) } },
  };
}
