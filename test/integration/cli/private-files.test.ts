import { lstat, readdir, readFile, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { useCliSession } from './cli-fixture.ts';

const posix = process.platform !== 'win32';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** A file someone else may read, as a user's existing file often is. */
async function looseFile(path: string, content: string): Promise<void> {
  await writeFile(path, content);
  await chmod(path, 0o644);
}

describe.runIf(posix)('files the CLI writes: private, never through a symlink, never silently replaced', () => {
  const session = useCliSession();
  const run = session.run;
  const at = (name: string) => join(session.path(), name);

  it('keygen refuses an existing export file before generating, and leaves it as it was', async () => {
    await looseFile(at('taken.pem'), 'someone else\'s file');
    const result = await run(['keygen', '--bits', '2048', '--env', 'UAT', '--name', 'taken', '--export-private', at('taken.pem'), '--pkcs1']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('already exists');
    expect(result.stderr).toContain('--force');
    expect(await readFile(at('taken.pem'), 'utf8')).toBe('someone else\'s file');
    expect(await modeOf(at('taken.pem'))).toBe(0o644);
    // Refused before the key was made: nothing was stored under that name.
    expect((await run(['vault', 'list', '--env', 'UAT'])).stdout).not.toMatch(/\btaken\b/);
  });

  it('keygen never writes a private key through a symlink, even with --force', async () => {
    await looseFile(at('shared.txt'), 'shared');
    await symlink(at('shared.txt'), at('link.pem'));
    const refused = await run(['keygen', '--bits', '2048', '--env', 'UAT', '--name', 'linked', '--export-private', at('link.pem'), '--pkcs1']);
    expect(refused.code).toBe(EXIT.usage);
    expect(await readFile(at('shared.txt'), 'utf8')).toBe('shared');

    const forced = await run(['keygen', '--bits', '2048', '--env', 'UAT', '--name', 'linked', '--export-private', at('link.pem'), '--pkcs1', '--export-public', at('linked.pub.pem'), '--force']);
    expect(forced.code, forced.stderr).toBe(EXIT.ok);
    expect((await lstat(at('link.pem'))).isSymbolicLink()).toBe(false);
    expect(await readFile(at('link.pem'), 'utf8')).toContain('BEGIN RSA PRIVATE KEY');
    expect(await modeOf(at('link.pem'))).toBe(0o600);
    expect(await readFile(at('shared.txt'), 'utf8')).toBe('shared');
    // A public key is meant to be handed out.
    expect(await modeOf(at('linked.pub.pem'))).toBe(0o644);
  }, 60_000);

  it('run --out writes the body 0600, replacing a symlink rather than writing through it', async () => {
    await looseFile(at('elsewhere.json'), 'elsewhere');
    await symlink(at('elsewhere.json'), at('report.json'));
    const result = await run(['run', 'PayNet OSP/Request a report', '--env', 'Sandbox', '--out', at('report.json')]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect((await lstat(at('report.json'))).isSymbolicLink()).toBe(false);
    expect(JSON.parse(await readFile(at('report.json'), 'utf8'))).toHaveProperty('reportId');
    expect(await modeOf(at('report.json'))).toBe(0o600);
    expect(await readFile(at('elsewhere.json'), 'utf8')).toBe('elsewhere');
    // The private temp folder beside --out is gone.
    expect((await readdir(session.path())).filter((name) => name.startsWith('.countersign-run-'))).toEqual([]);
  });

  it('run --out on a non-2xx answer leaves FILE untouched and shows the error body on stderr', async () => {
    await looseFile(at('token.json'), '{"access_token":"the good one"}');
    const result = await run(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox', '--var', 'apiUser=nobody', '--out', at('token.json')]);
    expect(result.code).toBe(EXIT.httpStatus);
    expect(await readFile(at('token.json'), 'utf8')).toBe('{"access_token":"the good one"}');
    expect(result.stderr).toMatch(/^404 /);
    expect(result.stderr).toContain('left untouched');
    expect(result.stderr).toContain('RESOURCE_NOT_FOUND');
    expect(result.stdout).toBe('');

    const json = await run(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox', '--var', 'apiUser=nobody', '--out', at('token.json'), '--json']);
    expect(json.code).toBe(EXIT.httpStatus);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('savedTo');
    expect(parsed).toHaveProperty('body');
    expect(await readFile(at('token.json'), 'utf8')).toBe('{"access_token":"the good one"}');
  });

  it('run-collection --junit replaces a 0644 report with a 0600 one', async () => {
    await looseFile(at('report.xml'), 'old');
    const result = await run(['run-collection', 'Elecsnet', '--env', 'Sandbox', '--junit', at('report.xml')]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(await readFile(at('report.xml'), 'utf8')).toContain('<testsuite');
    expect(await modeOf(at('report.xml'))).toBe(0o600);
  });

  it('export writes 0600 and refuses an existing file unless --force', async () => {
    const file = at('paynet.countersign.json');
    expect((await run(['export', 'PayNet OSP', file])).code).toBe(EXIT.ok);
    expect(await modeOf(file)).toBe(0o600);
    await writeFile(file, 'edited by hand');
    const again = await run(['export', 'PayNet OSP', file]);
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toContain('--force');
    expect(await readFile(file, 'utf8')).toBe('edited by hand');
    expect((await run(['export', 'PayNet OSP', file, '--force'])).code).toBe(EXIT.ok);
    expect(await readFile(file, 'utf8')).toContain('Request a report');
  });
});
