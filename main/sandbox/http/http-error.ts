/** A request the sandbox refuses before any gateway logic runs (size, syntax). */
export class SandboxHttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'SandboxHttpError';
    this.status = status;
  }
}
