import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../../main/contract/index.ts';
import { registerSchemes, startElectronDoor } from '../../../main/electron/door.ts';
import { APP_ORIGIN } from '../../../main/electron/protocol.ts';
import { testBackend } from '../../support/backend.ts';
import { fakeElectron, FakeWindow, type FakeElectron, type FakeWebContents } from '../../support/fake-electron.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('Electron door (against a fake electron)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let fake: FakeElectron;
  let window: FakeWindow;

  beforeEach(async () => {
    dir = await makeTempDir();
    const rendererDir = join(dir.path, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
    await writeFile(join(dir.path, 'secret.txt'), 'outside');
    fake = fakeElectron();
    registerSchemes(fake.surface);
    await startElectronDoor(fake.surface, {
      preloadPath: '/app/out/preload/index.cjs',
      rendererDir,
      createBackend: () => testBackend(join(dir.path, 'data')),
    });
    window = FakeWindow.created[0]!;
  });
  afterEach(() => dir.remove());

  it("sets a menu that leaves Ctrl/Cmd+W, +K and +Tab to the workbench (Electron's default menu closes the window on Ctrl+W)", () => {
    type Item = { role?: string; accelerator?: string; submenu?: Item[] };
    const items: Item[] = [];
    const walk = (list: Item[]) => {
      for (const item of list) {
        items.push(item);
        walk(item.submenu ?? []);
      }
    };
    walk(fake.menu as Item[]);
    expect(items.length).toBeGreaterThan(3);
    // Roles whose default accelerators include CmdOrCtrl+W.
    expect(items.map((item) => item.role)).not.toContain('close');
    expect(items.map((item) => item.role)).not.toContain('fileMenu');
    expect(items.map((item) => item.role)).not.toContain('windowMenu');
    expect(items.map((item) => item.accelerator ?? '').filter((key) => /\+(W|K|Tab)$/i.test(key))).toEqual([]);
    expect(items.map((item) => item.role)).toContain('quit');
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('creates the window with every security setting', () => {
    expect(FakeWindow.created).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the renderer from the app scheme, not file://', () => {
    expect(window.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
    expect(fake.schemes).toEqual([expect.objectContaining({ scheme: 'countersign', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown })]);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const handler = fake.protocolHandlers.get('countersign')!;
    const ok = await handler(new Request('countersign://app/index.html'));
    expect(ok.status).toBe(200);
    const csp = ok.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect((await handler(new Request('countersign://app/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('countersign://other/index.html'))).status).toBe(404);
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    fake.permissionRequest!(window.webContents, 'media', (value) => (granted = value));
    expect(granted).toBe(false);
    expect(fake.permissionCheck!(window.webContents, 'clipboard-read')).toBe(false);
  });

  function guardedContents(): FakeWebContents {
    const contents = window.webContents;
    fake.app.fire('web-contents-created', {}, contents);
    return contents;
  }

  it('keeps navigation inside the app and opens parsed http(s) links externally', () => {
    const contents = guardedContents();
    const navigate = (url: string) => {
      let prevented = false;
      contents.fire('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate(`${APP_ORIGIN}/index.html#x`)).toBe(false);
    expect(navigate('https://evil.example/phish')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(navigate('not a url')).toBe(true);
    expect(fake.opened).toEqual(['https://evil.example/phish']);
  });

  it('denies every new window and refuses to hand odd schemes to the OS', () => {
    const contents = guardedContents();
    expect(contents.openHandler!({ url: 'https://docs.example/page' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'smb://share/x' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://user:pw@docs.example/' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://docs.example/page']);
  });

  it('blocks webviews', () => {
    const contents = guardedContents();
    let prevented = false;
    contents.fire('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  const eventFrom = (sender: unknown, url: string, parent: unknown = null) => ({ sender, senderFrame: { url, parent } });

  it('answers the app window and refuses any other sender before parsing', async () => {
    const handler = fake.handlers.get('settings:get')!;
    expect(await handler(eventFrom(window.webContents, `${APP_ORIGIN}/index.html`), {})).toEqual({ ok: true, value: { theme: 'system' } });
    const refusals = [
      eventFrom({}, `${APP_ORIGIN}/index.html`),
      eventFrom(window.webContents, 'https://evil.example/'),
      eventFrom(window.webContents, `${APP_ORIGIN}/index.html`, { url: 'x' }),
    ];
    for (const event of refusals) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('parses input with the contract before the handler runs', async () => {
    const handler = fake.handlers.get('settings:set')!;
    const trusted = eventFrom(window.webContents, `${APP_ORIGIN}/index.html`);
    expect(await handler(trusted, { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handler(trusted, { theme: 'dark' })).toEqual({ ok: true, value: { theme: 'dark' } });
  });

  it('forwards contract events to the window on their own channel', async () => {
    const handler = fake.handlers.get('settings:set')!;
    await handler(eventFrom(window.webContents, `${APP_ORIGIN}/index.html`), { theme: 'light' });
    expect(window.webContents.sent).toContainEqual({ channel: 'event:settings:changed', payload: { theme: 'light' } });
  });

  it('quits at once when another instance holds the lock', async () => {
    const second = fakeElectron({ lock: false });
    await startElectronDoor(second.surface, {
      preloadPath: '/p',
      rendererDir: '/r',
      createBackend: () => {
        throw new Error('must not build a backend');
      },
    });
    expect(second.app.quitCalls).toBe(1);
    expect(FakeWindow.created).toHaveLength(0);
  });
});
