import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import type { CliContext } from '../../../main/cli/context.ts';
import { runCli } from '../../../main/cli/index.ts';
import { bufferIo } from '../../support/cli-io.ts';
import { PASSPHRASE, cli, preparedDataDir, testContext } from './cli-fixture.ts';

// `run` asks for the passphrase only when signing first reads a secret (issue #16: scrypt was paid by every run).
describe('countersign run unlocks the vault only for a request that uses a secret', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let server: Server;
  beforeAll(async () => {
    dir = await makeTempDir();
    await preparedDataDir(dir.path);
    server = createServer((_request, response) => response.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const backend = testBackend(dir.path);
    try {
      const collection = await backend.dispatcher.call('workspace:create', { kind: 'collection', name: 'Plain' });
      const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/ping`;
      await backend.dispatcher.call('workspace:create', { kind: 'request', parentId: collection.id, name: 'Ping', method: 'GET', url });
      await backend.dispatcher.call('workspace:create-environment', { collectionId: collection.id, name: 'Local', protected: false });
    } finally {
      await backend.close();
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dir.remove();
  });

  it('sends a request without secrets with no passphrase and no terminal', async () => {
    const result = await cli(dir.path, ['run', 'Plain/Ping', '--env', 'Local'], { env: { COUNTERSIGN_PASSPHRASE: '' } });
    expect(result.stderr).not.toContain('locked');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toBe('pong');
  });

  it('does not unlock when it could (passphrase given, terminal there): no unlock call reaches main', async () => {
    const channels: string[] = [];
    const base = testContext({ prompt: () => Promise.reject(new Error('asked for the passphrase')) });
    const context: CliContext = {
      ...base,
      openBackend: (dataDir) => {
        const backend = base.openBackend(dataDir);
        const { dispatcher } = backend;
        return {
          ...backend,
          dispatcher: {
            invoke: (name, input, callContext) => dispatcher.invoke(name, input, callContext),
            call: (name, input, callContext) => {
              channels.push(name);
              return dispatcher.call(name, input, callContext);
            },
          },
        };
      },
    };
    const io = bufferIo({ COUNTERSIGN_PASSPHRASE: PASSPHRASE });
    const code = await runCli(['run', 'Plain/Ping', '--env', 'Local', '--data-dir', dir.path], io, context);
    expect(io.stdout()).toBe('pong');
    expect(code).toBe(EXIT.ok);
    expect(channels).toContain('cli:send');
    expect(channels.filter((name) => /unlock/.test(name))).toEqual([]);
  });

  it('still asks once, and says why, when the request signs with a secret', async () => {
    const locked = await cli(dir.path, ['trace', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox'], { env: { COUNTERSIGN_PASSPHRASE: '' } });
    expect(locked.code).toBe(EXIT.config);
    expect(locked.stderr).toContain('COUNTERSIGN_PASSPHRASE');
    const questions: string[] = [];
    const asked = await cli(dir.path, ['trace', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox'], {
      env: { COUNTERSIGN_PASSPHRASE: '' },
      prompt: (question) => {
        questions.push(question);
        return Promise.resolve(PASSPHRASE);
      },
    });
    expect(asked.code).toBe(EXIT.ok);
    expect(questions).toEqual(['Vault passphrase: ']);
  });
});
