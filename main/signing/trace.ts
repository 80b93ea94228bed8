import type { SchemeTrace, TraceStep } from '../contract/auth.ts';
import { redactorFor } from './redact.ts';

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
    return redactTrace({ scheme: this.#scheme, steps: this.#steps }, secrets);
  }
}

/** A copy of the trace with every secret (in any encoded form) replaced by `[redacted]`. */
export function redactTrace(trace: SchemeTrace, secrets: Iterable<string>): SchemeTrace {
  return redactTraceWith(trace, redactorFor(secrets));
}

export function redactTraceWith(trace: SchemeTrace, redact: (text: string) => string): SchemeTrace {
  return {
    scheme: redact(trace.scheme),
    steps: trace.steps.map((step) => {
      const out: TraceStep = { label: redact(step.label), value: redact(step.value) };
      if (step.note !== undefined) out.note = redact(step.note);
      return out;
    }),
  };
}

/** "client secret (36 chars)": what the trace says about a key instead of the key. */
export function keyShape(what: string, value: string): string {
  return `${what} (${value.length} chars)`;
}
