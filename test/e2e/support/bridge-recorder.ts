import type { Page } from '@playwright/test';

export type BridgeRecording = {
  /** The whole text of each reply or event stream, by request. */
  texts(): string[];
  /** Which recorded replies contain any of `values`, in any encoded form (described by URL). */
  find(values: readonly string[]): string[];
};

/**
 * The forms a value takes in a reply: as is, percent-encoded (once, twice,
 * as a form), base64, base64url, hex and JSON-escaped (every reply is JSON,
 * so a quote or backslash in a value is escaped there).
 */
function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const once = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const forms = [
    value,
    encodeURIComponent(value),
    once,
    encodeURIComponent(once),
    new URLSearchParams({ s: value }).toString().slice(2),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    JSON.stringify(value).slice(1, -1),
  ];
  return [...new Set(forms)];
}

// Exposed functions return promises in the page; awaiting each keeps chunks in order.
type Recorder = (id: number, url: string, chunk: string) => void | Promise<void>;

/**
 * Records, inside the page, every byte the renderer reads from /api/ (call
 * replies and the event stream, chunk by chunk), and hands it to the test
 * process as it arrives, so a reload or a closed page loses nothing.
 */
export async function recordBridge(page: Page): Promise<BridgeRecording> {
  const responses = new Map<number, { url: string; text: string }>();
  const record: Recorder = (id, url, chunk) => {
    const entry = responses.get(id) ?? { url, text: '' };
    entry.text += chunk;
    responses.set(id, entry);
  };
  await page.exposeFunction('__countersignRecordBridge', record);
  await page.addInitScript(() => {
    const send = (globalThis as unknown as { __countersignRecordBridge: Recorder }).__countersignRecordBridge;
    const original = globalThis.fetch.bind(globalThis);
    let next = Math.floor(Math.random() * 1e9);
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await original(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!new URL(url, location.href).pathname.startsWith('/api/') || !response.body) return response;
      const id = next++;
      const reader = response.clone().body!.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          await send(id, url, value);
        }
      })().catch(() => {});
      return response;
    };
  });
  return {
    texts: () => [...responses.values()].map((entry) => entry.text),
    find: (values) => {
      const forms = values.filter((value) => value !== '').flatMap(encodedForms);
      return [...responses.values()].filter((entry) => forms.some((form) => entry.text.includes(form))).map((entry) => entry.url);
    },
  };
}
