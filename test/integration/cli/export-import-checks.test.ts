import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { useCliSession } from './cli-fixture.ts';

const TYPED_TOKEN = 'Zx9KqL2mN8pR4tV6wY1a';

describe('countersign import and export: bad input, typed-in credentials, dropped scripts, --force', () => {
  // The typed-in token may be in the export file before the move, but never on stdout or stderr.
  const session = useCliSession([TYPED_TOKEN]);
  const run = session.run;

  it("refuses curl -X 'GET;rm' and stores nothing", async () => {
    const result = await run(['import', 'curl', "curl -X 'GET;rm' https://api.example.com/x", '--into', 'CENTAGATE']);
    expect(result.code).not.toBe(EXIT.ok);
    expect(result.stderr).toMatch(/method "GET;RM" \(-X\) is not an HTTP method/);
    const listed = await run(['list', 'CENTAGATE']);
    expect(listed.code, listed.stderr).toBe(EXIT.ok);
    expect(listed.stdout).toContain('authQRCode');
    expect(listed.stdout).not.toContain('GET;RM');
  });

  it('a URL without a scheme is named before anything is sent', async () => {
    const result = await run(['run', 'CENTAGATE/authQRCode (transaction)', '--env', 'Sandbox', '--var', 'baseUrl=api.example.com']);
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toContain('has no scheme: write it with http:// or https:// in front');
  });

  it('export writes 0600, refuses an existing file without --force, replaces it with --force', async () => {
    const file = join(session.path(), 'elecsnet.json');
    expect((await run(['export', 'Elecsnet', file])).code).toBe(EXIT.ok);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await writeFile(file, 'keep me');
    const again = await run(['export', 'Elecsnet', file]);
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toContain('already exists and was left as it was: add --force');
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect((await run(['export', 'Elecsnet', file, '--force'])).code).toBe(EXIT.ok);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'countersign.collection' });
  });

  it('export lists a typed-in credential by request and field; --move-to-vault leaves a reference in the file', async () => {
    expect((await run(['import', 'curl', `curl https://api.example.com/v1/x -H 'X-Secret-Token: ${TYPED_TOKEN}'`, '--into', 'CENTAGATE', '--name', 'Typed'])).code).toBe(EXIT.ok);
    const file = join(session.path(), 'centagate.json');
    const flagged = await run(['export', 'CENTAGATE', file]);
    expect(flagged.code).toBe(EXIT.ok);
    expect(flagged.stderr).toContain('Typed: header X-Secret-Token');
    expect(flagged.stderr).toContain('--move-to-vault');
    const moved = await run(['export', 'CENTAGATE', file, '--force', '--move-to-vault']);
    expect(moved.code, moved.stderr).toBe(EXIT.ok);
    expect(moved.stderr).toContain('Moved 1 typed-in credential(s) into the vault');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('{{secret:centagate.x_secret_token}}');
    expect(text).not.toContain(TYPED_TOKEN);
    expect((await run(['vault', 'list', '--env', 'UAT'])).stdout).toContain('centagate.x_secret_token');
  });

  it('a Postman import prints the scripts it left out, by request', async () => {
    const file = join(session.path(), 'scripted.postman_collection.json');
    await writeFile(
      file,
      JSON.stringify({
        info: { name: 'Scripted', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [{ name: 'Signed call', event: [{ listen: 'test', script: { exec: ['pm.test("ok")'] } }], request: { method: 'GET', url: 'https://api.example.com/{{$guid}}' } }],
      }),
    );
    const result = await run(['import', 'postman', file]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain('Scripts left out');
    expect(result.stderr).toContain('  Signed call: test');
  });
});
