import { PassPrefix, SecretProviderSettings, type SecretProviderSetting } from '../../contract/secret-providers.ts';
import { variablePattern } from '../../secret-providers/env-names.ts';
import { defaultPassPrefix } from '../../secret-providers/pass-entry.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';

/** `env set --secret-provider`: repeatable, in chain order after the vault. */
export const PROVIDER_SET_OPTIONS = { 'secret-provider': { type: 'string', multiple: true } } as const;
/** `env unset --secret-providers`: back to the vault alone. */
export const PROVIDER_UNSET_OPTIONS = { 'secret-providers': { type: 'boolean', default: false } } as const;

export const PROVIDER_HELP = `Secret providers (set; repeat the option, asked in this order after the vault):
  --secret-provider env                read COUNTERSIGN_SECRET_<ENV>_<NAME> (e.g. COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET)
  --secret-provider pass[:PREFIX]      read "pass show PREFIX/<name>" (PREFIX defaults to countersign/<env, lower-cased>)
  --secret-provider vault              the vault only (removes the others)
Secret providers (unset): --secret-providers  (the vault only)`;

/** The providers the `--secret-provider` values name, in order; [] for "vault". Null when none was given. */
export function parseProviderFlags(values: readonly string[] | undefined): SecretProviderSetting[] | null {
  if (values === undefined || values.length === 0) return null;
  const out: SecretProviderSetting[] = [];
  for (const value of values) {
    if (value === 'vault') {
      if (values.length > 1) throw new CliError('--secret-provider vault means the vault only: give it alone.', EXIT.usage);
      return [];
    }
    if (value === 'env') out.push({ kind: 'env' });
    else if (value === 'pass') out.push({ kind: 'pass' });
    else if (value.startsWith('pass:')) {
      const prefix = PassPrefix.safeParse(value.slice('pass:'.length).replace(/^\/+|\/+$/g, ''));
      if (!prefix.success) throw new CliError(`--secret-provider ${value}: ${prefix.error.issues[0]?.message ?? 'not a pass prefix'}`, EXIT.usage);
      out.push({ kind: 'pass', prefix: prefix.data });
    } else throw new CliError(`--secret-provider takes env, pass, pass:PREFIX or vault, not "${value}".`, EXIT.usage);
  }
  const checked = SecretProviderSettings.safeParse(out);
  if (!checked.success) throw new CliError(`--secret-provider: ${checked.error.issues[0]?.message ?? 'not a provider list'}`, EXIT.usage);
  return checked.data;
}

/** One line for `env list`: where this environment's secrets come from, by rule (never a value). */
export function describeProviders(environment: string, providers: readonly SecretProviderSetting[] | undefined): string | null {
  if (providers === undefined || providers.length === 0) return null;
  const parts = providers.map((provider) =>
    provider.kind === 'env' ? `env (${variablePattern(environment)})` : `pass (${provider.prefix ?? defaultPassPrefix(environment)}/<name>)`,
  );
  return `secret providers: vault, then ${parts.join(', then ')}`;
}
