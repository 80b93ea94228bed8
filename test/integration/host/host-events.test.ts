import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../main/host/server.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('browser-mode event stream', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let host: Host;
  beforeAll(async () => {
    dir = await makeTempDir();
    await mkdir(join(dir.path, 'renderer'));
    await writeFile(join(dir.path, 'renderer', 'index.html'), '<!doctype html>');
    backend = testBackend(join(dir.path, 'data'));
    host = await startHost({ backend, rendererDir: join(dir.path, 'renderer') });
  });
  afterAll(async () => {
    await host.close();
    await dir.remove();
  });

  it('delivers a settings change made by another caller to a token-holding stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${host.port}/api/events`, {
      headers: { 'x-countersign-token': host.token },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await backend.dispatcher.call('settings:set', { theme: 'dark' });
    let text = '';
    // Read until one whole event block has arrived (a block ends with a blank line).
    while (!/event: settings:changed\ndata: .*\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    controller.abort();
    expect(text).toContain('event: settings:changed\ndata: {"theme":"dark"}');
  });
});
