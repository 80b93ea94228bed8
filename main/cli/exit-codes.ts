/**
 * What `countersign` exits with. Scripts and CI branch on these, so they are
 * part of the interface: documented in the README and never reused.
 */
export const EXIT = {
  ok: 0,
  /** Something unexpected; the message says what. */
  internal: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** The gateway answered with a status outside 2xx. */
  httpStatus: 3,
  /** No answer: DNS, refused, TLS, timeout, reset. */
  network: 4,
  /** Signing or configuration: unknown variable, missing secret, locked vault, bad key. */
  config: 5,
  /** A protected environment without --yes-production. */
  protectedEnvironment: 6,
  /** The gateway answered, and at least one of the request's assertions failed (docs/cli.md). */
  assertions: 7,
  /** Stopped with Ctrl+C: what was in flight was cancelled and cleaned up (the shells' 128 + SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
