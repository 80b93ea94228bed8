import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { cryptoNonces, signRequest, systemClock, TokenCache, type SigningRequest } from '../../../main/signing/index.ts';
import { collectionOf, emptyDocument } from '../../../main/workspace/document.ts';
import { effectiveAuth } from '../../../main/workspace/effective-auth.ts';
import { environmentVariables } from '../../../main/workspace/environments.ts';
import { exportCollection } from '../../../main/workspace/exchange/export-collection.ts';
import { materializeCollection } from '../../../main/workspace/exchange/materialize.ts';
import { convertPostman } from '../../../main/workspace/postman/import-postman.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { buildSampleWorkspace, sampleSandboxSecrets } from '../../../main/workspace/samples/sample-workspace.ts';
import { literalSecretFields } from '../../../main/workspace/secret-fields.ts';
import { toSigningRequest } from '../../../main/workspace/to-signing-request.ts';
import { retargetBuiltInSandbox } from '../../../main/workspace/sandbox-port.ts';

// Not a pure unit test: it sends every sample to the real built-in sandbox on
// loopback, which is what a newcomer's first Send does.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({});
});
afterAll(async () => {
  await sandbox.close();
});

const encodeForm = (pairs: readonly { name: string; value: string }[]): string =>
  pairs.map(({ name, value }) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');

async function send(request: SigningRequest): Promise<{ status: number; body: string }> {
  const body = request.body.kind === 'none' ? undefined : request.body.kind === 'form' ? encodeForm(request.body.pairs) : 'text' in request.body ? request.body.text : '';
  const response = await fetch(request.url, { method: request.method, headers: request.headers.map(({ name, value }): [string, string] => [name, value]), ...(body === undefined ? {} : { body }) });
  return { status: response.status, body: await response.text() };
}

describe('the first-run Samples workspace', () => {
  const doc = buildSampleWorkspace({ sandboxPort: 4010, ids: sequentialIds('s') });
  const collections = doc.collections.map((id) => doc.nodes[id]).filter((node) => node?.kind === 'collection');

  it('has one collection per gateway with Sandbox, UAT and a protected Production', () => {
    expect(collections.map((c) => c.name)).toEqual(['PayNet OSP', 'MTN MoMo', 'CENTAGATE', 'Elecsnet']);
    for (const collection of collections) {
      expect(collection.environments.map((env) => [env.name, env.protected])).toEqual([
        ['Sandbox', false],
        ['UAT', false],
        ['Production', true],
      ]);
    }
  });

  it('points Sandbox at the local sandbox port and takes UAT and Production hosts from the seeds', () => {
    const paynet = collections[0];
    const value = (envName: string, name: string): string | undefined =>
      paynet?.environments.find((env) => env.name === envName)?.variables.find((variable) => variable.name === name)?.value;
    expect(value('Sandbox', 'tokenUrl')).toBe('http://127.0.0.1:4010/osp/token');
    expect(value('UAT', 'tokenUrl')).toBe('https://api.reports.uat.inet.paynet.my/token');
    expect(value('Production', 'tokenUrl')).toBe('https://api.reports.paynet.my/token');
    // Production credentials stay empty.
    expect(value('Production', 'clientId')).toBe('');
  });

  it('holds no secret value: auth references the vault, and no sandbox secret appears anywhere', () => {
    const text = JSON.stringify(doc);
    for (const secret of sampleSandboxSecrets()) {
      expect(text).not.toContain(secret.value.slice(0, 24));
      expect(text).toContain(`{{secret:${secret.name}}}`);
    }
    for (const node of Object.values(doc.nodes)) {
      if (node.auth.mode === 'chain') expect(literalSecretFields(node.auth.steps)).toEqual([]);
    }
    // And each collection exports cleanly.
    for (const collection of collections) expect(() => exportCollection(doc, collection.id, new Date(0))).not.toThrow();
  });

  it('lists every referenced vault name with its sandbox value for the Sandbox environment', () => {
    const secrets = sampleSandboxSecrets();
    expect(secrets.find((secret) => secret.name === 'paynet.client_secret')).toEqual({ environment: 'Sandbox', name: 'paynet.client_secret', value: SANDBOX_CREDENTIALS.paynet.clientSecret, kind: 'text' });
    expect(secrets.find((secret) => secret.name === 'elecsnet.merchant_private_key')?.kind).toBe('rsa_private_key');
    const referenced = new Set(collections.flatMap((collection) => collection.environments.flatMap((env) => env.secrets)));
    expect(new Set(secrets.map((secret) => secret.name))).toEqual(referenced);
  });

  it('every sample request succeeds against the built-in sandbox', async () => {
    const live = buildSampleWorkspace({ sandboxPort: sandbox.port, ids: sequentialIds('live') });
    const secrets = sampleSandboxSecrets();
    const tokens = new TokenCache(systemClock);
    const deps = {
      clock: systemClock,
      nonces: cryptoNonces,
      tokens,
      secrets: {
        get: (environment: string, name: string): Promise<string> => {
          const found = secrets.find((secret) => secret.environment === environment && secret.name === name);
          return found ? Promise.resolve(found.value) : Promise.reject(new Error(`no secret ${name}`));
        },
      },
      fetchToken: send,
    };
    const outcomes: string[] = [];
    for (const node of Object.values(live.nodes)) {
      if (node.kind !== 'request') continue;
      const sandboxEnv = collectionOf(live, node.id).environments.find((env) => env.name === 'Sandbox');
      if (!sandboxEnv) throw new Error('no Sandbox environment');
      const signed = await signRequest(
        { request: toSigningRequest(node), auth: effectiveAuth(live, node.id), environment: { name: sandboxEnv.name, variables: environmentVariables(sandboxEnv) } },
        deps,
      );
      const { status, body } = await send(signed.request);
      // CENTAGATE answers 200 with a code; "0" is success.
      const ok = status >= 200 && status < 300 && !/"code":"(?!0")/.test(body);
      outcomes.push(`${collectionOf(live, node.id).name} / ${node.name}: ${ok ? 'ok' : `${String(status)} ${body.slice(0, 300)}`}`);
    }
    expect(outcomes).toEqual(outcomes.map((line) => line.replace(/: .*$/s, ': ok')));
    expect(outcomes).toHaveLength(13);
  });
});

describe('a Postman-imported OAuth 1.0 RSA-SHA256 request', () => {
  it('signs with the imported private key (from the vault list) and the sandbox accepts it, with no edit after import', async () => {
    const fixture = readFileSync(new URL('../../fixtures/workspace/elecsnet-rsa.postman_collection.json', import.meta.url), 'utf8');
    const doc = emptyDocument();
    const { draft, warnings } = convertPostman(fixture);
    expect(warnings.join('\n')).toMatch(/sent in the body as well as the header/);
    const added = materializeCollection(doc, sequentialIds('pm'), draft);
    const sale = Object.values(doc.nodes).find((node) => node.kind === 'request' && node.name === 'Sale (RSA-SHA256)');
    if (sale?.kind !== 'request') throw new Error('the RSA request was not imported');
    expect(sale.body.kind === 'form' && sale.body.pairs.map((pair) => pair.name)).toEqual(['client_orderid', 'order_desc', 'amount', 'currency']);
    expect(added.secretsToStore.map((secret) => secret.kind)).toEqual(['rsa_private_key']);
    const env = added.collection.environments[0];
    if (!env) throw new Error('no environment');
    const variables = { ...environmentVariables(env), baseUrl: sandbox.url };
    const signed = await signRequest(
      { request: toSigningRequest(sale), auth: effectiveAuth(doc, sale.id), environment: { name: env.name, variables } },
      {
        clock: systemClock,
        nonces: cryptoNonces,
        tokens: new TokenCache(systemClock),
        secrets: {
          get: (_environment: string, name: string): Promise<string> => {
            const found = added.secretsToStore.find((secret) => secret.name === name);
            return found ? Promise.resolve(found.value) : Promise.reject(new Error(`no secret ${name}`));
          },
        },
        fetchToken: send,
      },
    );
    const { status, body } = await send(signed.request);
    expect([status, body]).toEqual([200, expect.stringContaining('signature-method=RSA-SHA256')]);
  });
});

describe('the built-in sandbox port', () => {
  it('moves sample Sandbox environments to a new port and leaves other environments alone', () => {
    const doc = buildSampleWorkspace({ sandboxPort: 4010, ids: sequentialIds('p') });
    const paynet = doc.nodes[doc.collections[0] ?? ''];
    if (paynet?.kind !== 'collection') throw new Error('no PayNet collection');
    const [sandboxEnv, uat] = paynet.environments;
    if (!sandboxEnv || !uat) throw new Error('missing environments');
    uat.variables.push({ name: 'mock', value: 'http://127.0.0.1:3000/api', enabled: true });

    // PayNet baseUrl and tokenUrl, and one baseUrl each for MoMo, CENTAGATE and Elecsnet.
    expect(retargetBuiltInSandbox(doc, 51234)).toBe(5);
    expect(sandboxEnv.variables.find((variable) => variable.name === 'tokenUrl')?.value).toBe('http://127.0.0.1:51234/osp/token');
    expect(uat.variables.find((variable) => variable.name === 'mock')?.value).toBe('http://127.0.0.1:3000/api');
    expect(retargetBuiltInSandbox(doc, 51234)).toBe(0);
  });
});
