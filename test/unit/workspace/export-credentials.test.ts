import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeExportFile } from '../../../main/cli/commands/export-file.ts';
import { exportWithFindings, moveCredentialsToVault } from '../../../main/services/credential-move.ts';
import { openService, smallTree, tempDir, type TempDir } from './helpers.ts';

let temp: TempDir;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const TOKEN = 'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0';

/** An in-memory vault with the slice of the API the move uses; `failAfter` makes the n-th add throw. */
function fakeVault(failAfter = Infinity) {
  const entries: { environment: string; name: string; value: string }[] = [];
  return {
    entries,
    status: () => Promise.resolve({ state: 'unlocked' as const }),
    list: () => ({ secrets: entries.map((e) => ({ environment: e.environment, name: e.name })) }),
    add: (input: { environment: string; name: string; value: string }) => {
      if (entries.length >= failAfter) return Promise.reject(new Error('disk full'));
      entries.push(input);
      return Promise.resolve(input);
    },
  };
}

function setup() {
  const service = openService(temp.dir);
  const tree = smallTree(service);
  service.updateRequest(tree.pay, { headers: [{ name: 'Authorization', value: TOKEN, enabled: true }] });
  return { service, ...tree };
}

describe('export flags typed-in credentials and can move them into the vault', () => {
  it('the export answer lists the finding by request and field, never the value', () => {
    const { service, collection } = setup();
    const result = exportWithFindings(service, fakeVault() as never, collection);
    expect(result.credentialFindings.map((f) => `${f.request} ${f.place} ${f.field}`)).toEqual(['Payments/Pay header Authorization']);
    expect(JSON.stringify(result.credentialFindings)).not.toContain('9f8e7d6c');
  });

  it('--move-to-vault stores the value in every environment, leaves a reference and declares it', async () => {
    const { service, collection, pay } = setup();
    const vault = fakeVault();
    const moved = await moveCredentialsToVault(service, vault as never, collection);
    const names = service.environments(collection).map((env) => env.name);
    expect(names.length).toBeGreaterThan(1);
    expect(moved.secretsStored).toEqual([{ name: 'gateway.authorization', environments: names }]);
    expect(vault.entries.map((e) => `${e.environment}:${e.name}:${e.value}`)).toEqual(names.map((env) => `${env}:gateway.authorization:${TOKEN}`));
    const node = service.get(pay);
    expect(node.kind === 'request' ? node.headers[0]?.value : '').toBe('{{secret:gateway.authorization}}');
    expect(service.environments(collection).every((env) => env.secrets.includes('gateway.authorization'))).toBe(true);
    expect(exportWithFindings(service, vault as never, collection).credentialFindings).toEqual([]);
    expect(service.exportCollection(collection).text).not.toContain('9f8e7d6c');
  });

  it('a vault failure part-way leaves every request as it was', async () => {
    const { service, collection, pay } = setup();
    await expect(moveCredentialsToVault(service, fakeVault(1) as never, collection)).rejects.toThrow('disk full');
    const node = service.get(pay);
    expect(node.kind === 'request' ? node.headers[0]?.value : '').toBe(TOKEN);
  });
});

describe('writeExportFile', () => {
  it('creates 0600, refuses an existing file without force, replaces it 0600 with force', async () => {
    const path = join(temp.dir, 'out.json');
    expect(await writeExportFile(path, 'one', false)).toBe('created');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await writeExportFile(path, 'two', false)).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('one');
    const other = join(temp.dir, 'loose.json');
    writeFileSync(other, 'old', { mode: 0o644 });
    expect(await writeExportFile(other, 'new', true)).toBe('replaced');
    expect(readFileSync(other, 'utf8')).toBe('new');
    expect(statSync(other).mode & 0o777).toBe(0o600);
  });
});
