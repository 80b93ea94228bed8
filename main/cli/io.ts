/** Where a command reads and writes; tests pass buffers, the real CLI passes the process streams. */
export type CliIo = {
  /** Text, or raw bytes for a response body that is not text. */
  out(text: string | Uint8Array): void;
  err(text: string): void;
  /** True when stdout is a terminal (progress bars, colours). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
};

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY,
    env: process.env,
  };
}

/** An error the user caused, reported as one line with the given exit code and no stack. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
