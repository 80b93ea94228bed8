import type { Backend } from '../../services/backend.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { service } from '../service-errors.ts';
import { vaultPassphrase } from './vault-backup.ts';

/** `vault hosts NAME --env E [--host H]...`: where a secret may be sent; with --host, replaces that list (vault passphrase). */
export async function secretHosts(backend: Backend, io: CliIo, context: CliContext, name: string, environment: string, hosts: string[] | undefined): Promise<number> {
  const secret = (await service(() => backend.dispatcher.call('vault:list', { environment }))).secrets.find((entry) => entry.name === name);
  if (!secret) throw new CliError(`There is no secret named "${name}" in ${environment}.`, EXIT.usage);
  if (hosts === undefined) {
    for (const host of secret.hosts ?? []) io.out(`${host}\n`);
    if ((secret.hosts ?? []).length === 0) io.err(`${name} may not be sent anywhere yet: add a host with --host.\n`);
    return EXIT.ok;
  }
  const passphrase = await vaultPassphrase(io, context);
  const updated = await service(() => backend.dispatcher.call('vault:set-hosts', { environment, name, hosts, passphrase }));
  io.err(`${name} (${environment}) may now be sent to: ${(updated.hosts ?? []).join(', ') || 'nowhere'}.\n`);
  return EXIT.ok;
}

/** `vault allow NAME[,NAME] --env E --allow-host HOST`: adds HOST for good (a one-time allowance ends with the process). */
export async function allowHosts(backend: Backend, io: CliIo, context: CliContext, names: string, environment: string, hosts: string[] | undefined): Promise<number> {
  if (hosts === undefined || hosts.length === 0) throw new CliError('Name the host with --allow-host HOST (host[:port]).', EXIT.usage);
  const list = names.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const passphrase = await vaultPassphrase(io, context);
  for (const host of hosts) {
    const result = await service(() => backend.dispatcher.call('vault:allow-host', { environment, names: list, host, scope: 'always', passphrase }));
    io.err(`${list.join(', ')} (${environment}) may now also be sent to ${result.host}.\n`);
  }
  return EXIT.ok;
}
