import type * as Electron from 'electron';
import { RENDERER_SECURITY_HEADERS } from '../security/csp.ts';
import { readRendererFile } from '../security/static-files.ts';

/** The renderer is served from countersign://app/, never file://, so it has a real origin that CSP and checks can name. */
export const APP_SCHEME = 'countersign';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES: Electron.CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Answers countersign://app/<path> from the built renderer, with the security headers. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { 'Content-Type': file.contentType, ...RENDERER_SECURITY_HEADERS },
    });
  };
}
