/**
 * Failures of the direct reader, carrying the codes error-map.ts already turns
 * into the same kinds and messages as undici's failures (timeouts, reset,
 * protocol), so a user cannot tell which path a request took from its error.
 */
export class DirectHttpError extends Error {
  readonly code: string;
  constructor(code: string, message: string, name = 'DirectHttpError') {
    super(message);
    this.name = name;
    this.code = code;
  }
}

/** A response that is not valid HTTP/1.1 (kind `protocol`). */
export function protocolError(reason: string): DirectHttpError {
  // error-map recognises parser failures by this name.
  return new DirectHttpError('HPE_DIRECT', reason, 'HTTPParserError');
}

/** The server closed the connection before the response was complete (kind `reset`). */
export function closedEarly(): DirectHttpError {
  return new DirectHttpError('ECONNRESET', 'the other side closed the connection');
}

export const timeoutError = {
  connect: (): DirectHttpError => new DirectHttpError('UND_ERR_CONNECT_TIMEOUT', 'connect timeout'),
  headers: (): DirectHttpError => new DirectHttpError('UND_ERR_HEADERS_TIMEOUT', 'headers timeout'),
  body: (): DirectHttpError => new DirectHttpError('UND_ERR_BODY_TIMEOUT', 'body idle timeout'),
};

/** A request header that cannot be sent as given (kind `invalid-request`). */
export function invalidRequest(): DirectHttpError {
  return new DirectHttpError('UND_ERR_INVALID_ARG', 'invalid request header');
}
