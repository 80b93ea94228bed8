import { originOf } from './navigation.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol.ts';

export type RendererSource = {
  /** What the window loads. */
  url: string;
  /** The one origin trusted for IPC and kept in the window. */
  origin: string;
  /** Why a dev server URL that was given is not used (told once at start), or null. */
  ignored: string | null;
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The renderer comes from the app scheme, except in development: a dev
 * server URL (electron-vite's ELECTRON_RENDERER_URL) is honoured only when
 * the app is not packaged and the URL is http(s) on loopback. A packaged app
 * never trusts an origin an environment variable names: whoever can set one
 * would get the IPC bridge, and with it every channel.
 */
export function rendererSource(devServerUrl: string | undefined, isPackaged: boolean): RendererSource {
  const app = { url: APP_ENTRY_URL, origin: APP_ORIGIN };
  if (devServerUrl === undefined || devServerUrl === '') return { ...app, ignored: null };
  if (isPackaged) return { ...app, ignored: 'a dev server URL is ignored in a packaged app' };
  let url: URL;
  try {
    url = new URL(devServerUrl);
  } catch {
    return { ...app, ignored: `the dev server URL "${devServerUrl}" is not a URL` };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
    return { ...app, ignored: `the dev server URL ${url.origin} is not http(s) on this machine (localhost, 127.0.0.1 or [::1])` };
  }
  return { url: url.href, origin: originOf(url), ignored: null };
}
