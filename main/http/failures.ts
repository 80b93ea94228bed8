/** A failure the executor itself detects; mapped to the same user-facing shape as network errors. */
export class TooLargeForPreviewError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super('response body larger than the preview limit');
    this.name = 'TooLargeForPreviewError';
    this.limit = limit;
  }
}

export class DownloadFileError extends Error {
  readonly path: string;
  readonly code: string;
  constructor(path: string, code: string) {
    super(`could not write ${path} (${code})`);
    this.name = 'DownloadFileError';
    this.path = path;
    this.code = code;
  }
}

export class ClientCertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientCertificateError';
  }
}

export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** The caller's beforeRedirect policy refused a hop; its message is shown as given. */
export class RedirectRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectRefusedError';
  }
}
