import type { SchemeTrace, TraceStep } from '../contract/auth.ts';
import { Redactor } from '../core/redactor.ts';

/** Collects a scheme's labelled intermediates in order. */
export class TraceBuilder {
  readonly #scheme: string;
  readonly #steps: TraceStep[] = [];

  constructor(scheme: string) {
    this.#scheme = scheme;
  }

  add(label: string, value: string, note?: string): this {
    this.#steps.push(note === undefined ? { label, value } : { label, value, note });
    return this;
  }

  /** The finished trace, with every secret this scheme handled redacted by value. */
  build(secrets: Iterable<string>): SchemeTrace {
    return redactTrace(this.unredacted(), secrets);
  }

  /** The trace as built, still holding secrets: only for a caller that redacts it before it leaves main (signRequest). */
  unredacted(): SchemeTrace {
    return { scheme: this.#scheme, steps: this.#steps };
  }
}

/** A copy of the trace with every secret (in any encoded form) replaced by `[redacted]`. */
export function redactTrace(trace: SchemeTrace, secrets: Iterable<string>): SchemeTrace {
  return new Redactor().addAll(secrets).redactDeep(trace);
}

/** "client secret (36 chars)": what the trace says about a key instead of the key. */
export function keyShape(what: string, value: string): string {
  return `${what} (${value.length} chars)`;
}
