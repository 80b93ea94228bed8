import type { CliIo } from '../../main/cli/io.ts';

/** A CLI io that keeps what was written, for assertions. */
export function bufferIo(env: NodeJS.ProcessEnv = {}): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => (out += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')),
    err: (text) => (err += text),
    isTty: false,
    env,
    stdout: () => out,
    stderr: () => err,
  };
}
