import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { runCli } from '../../../main/cli/index.ts';
import { bufferIo } from '../../support/cli-io.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testContext } from '../cli/cli-fixture.ts';

describe('countersign export --format postman', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.remove());

  const cli = async (...args: string[]) => {
    const io = bufferIo({});
    const code = await runCli([...args, '--data-dir', join(dir.path, 'data')], io, testContext());
    return { code, out: io.stdout(), err: io.stderr() };
  };

  it('writes the collection and, with --env, the environment beside it (0600), and lists what Postman cannot carry', async () => {
    const file = join(dir.path, 'momo.postman_collection.json');
    const result = await cli('export', 'MTN MoMo', file, '--format', 'postman', '--env', 'Sandbox');
    expect(result.code).toBe(EXIT.ok);
    const collection = JSON.parse(readFileSync(file, 'utf8')) as { info: { schema: string } };
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const envFile = readdirSync(dir.path).find((name) => name.endsWith('.postman_environment.json'));
    expect(envFile).toBe('mtn_momo.sandbox.postman_environment.json');
    expect(JSON.parse(readFileSync(join(dir.path, envFile ?? ''), 'utf8'))).toMatchObject({ name: 'Sandbox', _postman_variable_scope: 'environment' });
    expect(result.err).toContain('Postman cannot compute this without a script');
    expect(result.err).toContain('2 flow(s): Postman has no flows');
  });

  it('refuses an unknown format, --env without postman, and an environment the collection lacks', async () => {
    expect((await cli('export', 'MTN MoMo', '-', '--format', 'bruno')).err).toContain('--format is countersign or postman');
    expect((await cli('export', 'MTN MoMo', '-', '--env', 'UAT')).code).toBe(EXIT.usage);
    const missing = await cli('export', 'MTN MoMo', '-', '--format', 'postman', '--env', 'Nope');
    expect(missing.code).not.toBe(EXIT.ok);
    expect(missing.err).toContain('has no environment "Nope"');
    expect(missing.out).toBe('');
  });
});
