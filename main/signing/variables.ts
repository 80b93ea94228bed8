import { UnknownVariableError } from './errors.ts';
import type { Clock, NonceSource, SecretSource } from './types.ts';
import { DYNAMIC_VARIABLES } from '../contract/auth.ts';

export type VariableScope = {
  /** The environment's name, passed to the secret source. */
  readonly environment: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly secrets: SecretSource;
  readonly clock: Clock;
  readonly nonces: NonceSource;
};

const DYNAMIC: ReadonlySet<string> = new Set(DYNAMIC_VARIABLES);
const TEMPLATE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE_TEMPLATE = /^\{\{\s*([^{}]+?)\s*\}\}$/;

/**
 * Resolves `{{name}}`, `{{secret:name}}` and the dynamic `{{$...}}` values for
 * one send. It remembers every secret value it handed out so the caller can
 * redact them; `$timestamp` and `$isoTimestamp` read the clock once per send
 * so all of a request agrees on the time.
 */
export class VariableResolver {
  readonly #scope: VariableScope;
  readonly #secretValues = new Set<string>();
  readonly #secretCache = new Map<string, Promise<string>>();
  readonly #now: number;

  constructor(scope: VariableScope) {
    this.#scope = scope;
    this.#now = scope.clock.now();
  }

  /** Every secret value resolved so far. */
  get secretValues(): ReadonlySet<string> {
    return this.#secretValues;
  }

  /** `escape` is applied to each substituted value (e.g. JSON-escaping inside a string literal). */
  async resolve(text: string, escape: (value: string) => string = (v) => v): Promise<string> {
    if (!text.includes('{{')) return text;
    // A field that is one template and nothing else (`{{secret:name}}`, the usual credential) needs no scan or replace.
    const whole = WHOLE_TEMPLATE.exec(text);
    const only = whole?.[1];
    if (only !== undefined && !only.startsWith('$')) return escape(await this.#lookup(only));
    // Without a secret every value is at hand: one pass, in order, so the first unknown name is the one reported.
    if (!text.includes('secret:')) {
      return text.replace(TEMPLATE, (_all, name: string) => escape(name.startsWith('$') ? this.#dynamic(name) : this.#variable(name)));
    }
    const values = new Map<string, string>();
    for (const match of text.matchAll(TEMPLATE)) {
      const name = match[1] ?? '';
      if (name.startsWith('$')) this.#checkDynamic(name);
      else if (!values.has(name)) values.set(name, await this.#lookup(name));
    }
    // Dynamic values are fresh per occurrence; the rest were looked up once above.
    return text.replace(TEMPLATE, (_all, name: string) =>
      escape(name.startsWith('$') ? this.#dynamic(name) : (values.get(name) ?? '')),
    );
  }

  async #lookup(name: string): Promise<string> {
    if (name.startsWith('secret:')) return this.#secret(name.slice('secret:'.length).trim());
    return this.#variable(name);
  }

  #variable(name: string): string {
    const { variables, environment } = this.#scope;
    if (!Object.hasOwn(variables, name)) {
      throw new UnknownVariableError(name, `Unknown variable {{${name}}}: environment "${environment}" does not define it.`);
    }
    return variables[name] ?? '';
  }

  async #secret(name: string): Promise<string> {
    let pending = this.#secretCache.get(name);
    if (pending === undefined) {
      pending = this.#scope.secrets.get(this.#scope.environment, name);
      this.#secretCache.set(name, pending);
    }
    let value: string;
    try {
      value = await pending;
    } catch (error) {
      // The vault's error stays available as `cause` (e.g. to tell "locked" apart); the message is ours.
      throw new UnknownVariableError(
        `secret:${name}`,
        `Secret {{secret:${name}}} could not be read for environment "${this.#scope.environment}": the vault has no such secret, or is locked.`,
        error,
      );
    }
    if (value !== '') this.#secretValues.add(value);
    return value;
  }

  #checkDynamic(name: string): void {
    if (!DYNAMIC.has(name)) {
      throw new UnknownVariableError(name, `Unknown dynamic variable {{${name}}}: use ${[...DYNAMIC].join(', ')}.`);
    }
  }

  #dynamic(name: string): string {
    const { nonces } = this.#scope;
    switch (name) {
      case '$uuid':
        return nonces.uuid();
      case '$timestamp':
        return String(Math.floor(this.#now / 1000));
      case '$isoTimestamp':
        return new Date(this.#now).toISOString();
      case '$nonce':
        return nonces.nonce();
      case '$randomInt':
        return String(nonces.randomInt());
      default:
        this.#checkDynamic(name);
        return '';
    }
  }
}
