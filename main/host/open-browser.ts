import { spawn } from 'node:child_process';

/** Opens an http(s) URL in the user's browser. Anything else is refused, since the URL reaches a shell-like opener. */
export function openInBrowser(url: string): void {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`Refusing to open ${parsed.protocol} URLs.`);
  const href = parsed.href;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [href]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', href]]
        : ['xdg-open', [href]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`Could not open a browser; open ${href} yourself.\n`));
  child.unref();
}
