import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startElectronDoor } from '../../../main/electron/door.ts';
import { APP_ORIGIN } from '../../../main/electron/protocol.ts';
import { rendererSource } from '../../../main/electron/renderer-source.ts';
import { testBackend } from '../../support/backend.ts';
import { fakeElectron, FakeWindow } from '../../support/fake-electron.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const DEV = 'http://localhost:5173/';

describe('which renderer the window loads, and which origin IPC trusts', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir();
    await mkdir(join(dir.path, 'renderer'));
    await writeFile(join(dir.path, 'renderer', 'index.html'), '<!doctype html>');
  });
  afterEach(() => dir.remove());

  async function start(packaged: boolean, devServerUrl: string | undefined) {
    const fake = fakeElectron({ packaged });
    const warnings: string[] = [];
    await startElectronDoor(fake.surface, {
      preloadPath: '/p',
      rendererDir: join(dir.path, 'renderer'),
      ...(devServerUrl === undefined ? {} : { devServerUrl }),
      createBackend: () => testBackend(join(dir.path, 'data')),
      warn: (message) => warnings.push(message),
    });
    const window = FakeWindow.created[0]!;
    const call = (frameUrl: string) => fake.handlers.get('settings:get')!({ sender: window.webContents, senderFrame: { url: frameUrl, parent: null } }, {});
    return { window, call, warnings };
  }

  it('a packaged app ignores ELECTRON_RENDERER_URL: it loads the app scheme and refuses IPC from that origin', async () => {
    const { window, call, warnings } = await start(true, DEV);
    expect(window.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
    expect(await call(`${DEV}index.html`)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(`${APP_ORIGIN}/index.html`)).toMatchObject({ ok: true });
    expect(warnings).toEqual([expect.stringContaining('packaged')]);
  });

  it('in development (not packaged) the dev server is loaded and trusted', async () => {
    const { window, call, warnings } = await start(false, DEV);
    expect(window.loadedUrl).toBe(DEV);
    expect(await call(`${DEV}index.html`)).toMatchObject({ ok: true });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['a remote host', 'http://dev.example:5173/'],
    ['a non-http scheme', 'file:///tmp/index.html'],
    ['something that is not a URL', 'not a url'],
  ])('even in development, %s is not trusted', (_label, url) => {
    const source = rendererSource(url, false);
    expect(source.origin).toBe(APP_ORIGIN);
    expect(source.url).toBe(`${APP_ORIGIN}/index.html`);
    expect(source.ignored).not.toBeNull();
  });

  it('loopback forms a dev server uses are accepted', () => {
    expect(rendererSource('http://127.0.0.1:5173', false).origin).toBe('http://127.0.0.1:5173');
    expect(rendererSource('http://[::1]:5173/', false).origin).toBe('http://[::1]:5173');
  });
});
