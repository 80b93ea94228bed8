import { UnknownVariableError } from './errors.ts';
import type { Clock, NonceSource, SecretSource } from './types.ts';
import { DYNAMIC_VARIABLES } from '../contract/auth.ts';
import { parseTemplate } from './template.ts';

export type VariableScope = {
  /** The environment's name, passed to the secret source. */
  readonly environment: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly secrets: SecretSource;
  readonly clock: Clock;
  readonly nonces: NonceSource;
};

const DYNAMIC: ReadonlySet<string> = new Set(DYNAMIC_VARIABLES);
const same = (value: string): string => value;

/**
 * Resolves `{{name}}`, `{{secret:name}}` and the dynamic `{{$...}}` values for
 * one send. It remembers every secret value it handed out so the caller can
 * redact them; `$timestamp` and `$isoTimestamp` read the clock once per send
 * so all of a request agrees on the time.
 */
export class VariableResolver {
  readonly #scope: VariableScope;
  readonly #secretValues = new Set<string>();
  /** Each secret read once per resolver: its value, or why it could not be read. */
  readonly #secrets = new Map<string, { readonly value: string } | { readonly error: unknown }>();
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
  async resolve(text: string, escape: (value: string) => string = same): Promise<string> {
    await this.fetchSecrets([text]);
    return this.resolveNow(text, escape);
  }

  /**
   * Reads from the secret source every `{{secret:name}}` the texts name that
   * this resolver has not read yet, one at a time in the order they appear
   * (the order a resolution would ask in). Undefined when there is nothing to
   * read, so a caller with everything at hand stays synchronous. A read that
   * fails is kept and thrown where the secret is used, so errors still come
   * in the order of the texts.
   */
  fetchSecrets(texts: readonly string[]): Promise<void> | undefined {
    let names: string[] | undefined;
    for (const text of texts) {
      if (!text.includes('secret:')) continue;
      for (const secret of parseTemplate(text).secrets) {
        if (!this.#secrets.has(secret) && !(names ??= []).includes(secret)) names.push(secret);
      }
    }
    return names === undefined ? undefined : this.#fetchAll(names);
  }

  async #fetchAll(names: readonly string[]): Promise<void> {
    for (const name of names) {
      if (this.#secrets.has(name)) continue;
      try {
        const value = await this.#scope.secrets.get(this.#scope.environment, name);
        if (value !== '') this.#secretValues.add(value);
        this.#secrets.set(name, { value });
      } catch (error) {
        this.#secrets.set(name, { error });
      }
    }
  }

  /**
   * Resolves the text with what is at hand: the secrets it names must have
   * been read by fetchSecrets first (resolve does both).
   */
  resolveNow(text: string, escape: (value: string) => string = same): string {
    if (!text.includes('{{')) return text;
    const { literals, names } = parseTemplate(text);
    // Names in order, so the first unknown one is the one reported; dynamic values are fresh per occurrence.
    let out = literals[0] ?? '';
    for (let i = 0; i < names.length; i++) {
      const name = names[i] ?? '';
      out += escape(name.startsWith('$') ? this.#dynamic(name) : this.#lookup(name)) + (literals[i + 1] ?? '');
    }
    return out;
  }

  #lookup(name: string): string {
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

  #secret(name: string): string {
    const read = this.#secrets.get(name);
    if (read === undefined) throw new Error(`{{secret:${name}}} was not read before it was resolved (fetchSecrets first).`);
    if ('value' in read) return read.value;
    // The vault's error stays available as `cause` (e.g. to tell "locked" apart); the message is ours.
    throw new UnknownVariableError(
      `secret:${name}`,
      `Secret {{secret:${name}}} could not be read for environment "${this.#scope.environment}": the vault has no such secret, or is locked.`,
      read.error,
    );
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
