import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { useCliSession } from './cli-fixture.ts';

describe('countersign collection', () => {
  const { run } = useCliSession();

  it('creates an empty collection with the default environments, which list, env and import can then use', async () => {
    const created = await run(['collection', 'create', 'PayNet staging']);
    expect(created.code, created.stderr).toBe(EXIT.ok);
    expect(created.stdout).toMatch(/^Created collection "PayNet staging" with environments .+\.\n$/);
    const listed = await run(['collection', 'list', '--json']);
    const rows = JSON.parse(listed.stdout) as { name: string; requests: number; flows: number; environments: string[] }[];
    const row = rows.find((candidate) => candidate.name === 'PayNet staging');
    expect(row).toMatchObject({ requests: 0, flows: 0 });
    expect(row!.environments.length).toBeGreaterThan(0);
    expect(rows.find((candidate) => candidate.name === 'PayNet OSP')).toMatchObject({ requests: 4, flows: 1 });
    // A request can go straight into it: no export-edit-import, no duplicate of a sample.
    const imported = await run(['import', 'curl', 'curl https://gateway.example/ping', '--into', 'PayNet staging']);
    expect(imported.code, imported.stderr).toBe(EXIT.ok);
    expect((await run(['list', 'PayNet staging'])).stdout).toContain('GET');
  });

  it('refuses a name already taken (the CLI finds collections by name) and creates nothing', async () => {
    const before = (await run(['collection', 'list', '--json'])).stdout;
    const again = await run(['collection', 'create', 'PayNet OSP']);
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toContain('There is already a collection "PayNet OSP"');
    expect((await run(['collection', 'list', '--json'])).stdout).toBe(before);
  });

  it('removes a collection only with --yes', async () => {
    await run(['collection', 'create', 'Scratch']);
    const unconfirmed = await run(['collection', 'rm', 'Scratch']);
    expect(unconfirmed.code).toBe(EXIT.usage);
    expect((await run(['collection', 'list'])).stdout).toContain('Scratch');
    const removed = await run(['collection', 'rm', 'Scratch', '--yes']);
    expect(removed.code, removed.stderr).toBe(EXIT.ok);
    expect((await run(['collection', 'list'])).stdout).not.toContain('Scratch');
    expect((await run(['collection', 'rm', 'Scratch', '--yes'])).code).toBe(EXIT.usage);
  });

  it('says how to use it when the action is missing or unknown', async () => {
    expect((await run(['collection'])).stderr).toContain('Usage: countersign collection create|list|rm');
    expect((await run(['collection', 'create'])).code).toBe(EXIT.usage);
  });
});
