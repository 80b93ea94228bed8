import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import { resolveAuth } from '../../../main/workspace/effective-auth.ts';
import { environmentVariables } from '../../../main/workspace/environments.ts';
import type { WorkspaceService } from '../../../main/workspace/workspace-service.ts';
import { openService, smallTree, tempDir, type TempDir } from './helpers.ts';

let temp: TempDir;
let service: WorkspaceService;
beforeEach(() => {
  temp = tempDir();
  service = openService(temp.dir);
});
afterEach(() => temp.cleanup());

const bearer = (name: string): AuthStep => ({ type: 'bearer', token: `{{secret:${name}}}` });

describe('effective auth', () => {
  it('is nothing when no one up the tree sets auth', () => {
    const { pay } = smallTree(service);
    expect(service.effectiveAuth(pay)).toEqual([]);
  });

  it('comes from the collection, then the nearest folder, then the request itself', () => {
    const { collection, folder, pay, ping } = smallTree(service);
    service.setAuth(collection, { mode: 'chain', steps: [bearer('collection_token')] });
    expect(service.effectiveAuth(pay)).toEqual([bearer('collection_token')]);
    expect(service.effectiveAuth(ping)).toEqual([bearer('collection_token')]);

    service.setAuth(folder, { mode: 'chain', steps: [bearer('folder_token')] });
    expect(service.effectiveAuth(pay)).toEqual([bearer('folder_token')]);
    expect(service.effectiveAuth(ping)).toEqual([bearer('collection_token')]);
    expect(resolveAuth(service.document, pay).sourceId).toBe(folder);

    service.updateRequest(pay, { auth: { mode: 'chain', steps: [bearer('own_token')] } });
    expect(service.effectiveAuth(pay)).toEqual([bearer('own_token')]);
  });

  it('"none" on a folder stops inheritance from the collection', () => {
    const { collection, folder, pay } = smallTree(service);
    service.setAuth(collection, { mode: 'chain', steps: [bearer('collection_token')] });
    service.setAuth(folder, { mode: 'none' });
    expect(service.effectiveAuth(pay)).toEqual([]);
  });

  it('follows a request that moves to another folder', () => {
    const { collection, folder, ping } = smallTree(service);
    service.setAuth(collection, { mode: 'chain', steps: [bearer('collection_token')] });
    service.setAuth(folder, { mode: 'chain', steps: [bearer('folder_token')] });
    service.move(ping, folder);
    expect(service.effectiveAuth(ping)).toEqual([bearer('folder_token')]);
  });
});

describe('secrets stay out of the workspace', () => {
  it('refuses a typed-in secret value and names the field, never the value', () => {
    const { pay } = smallTree(service);
    const attempt = (): unknown =>
      service.updateRequest(pay, { auth: { mode: 'chain', steps: [{ type: 'basic', username: 'analyst', password: 'hunter2-typed' }] } });
    expect(attempt).toThrow(/basic\.password must reference a vault entry/);
    try {
      attempt();
    } catch (error) {
      expect(JSON.stringify(error) + String(error)).not.toContain('hunter2-typed');
    }
    const request = service.get(pay);
    expect(request.auth).toEqual({ mode: 'inherit' });
  });

  it('accepts vault references and variables in secret fields', () => {
    const { folder } = smallTree(service);
    const step: AuthStep = {
      type: 'oauth1',
      signatureMethod: 'RSA-SHA256',
      consumerKey: 'merchant',
      privateKey: '{{secret:merchant_key}}',
      privateKeyPassphrase: '{{ secret:merchant_key_pass }}',
      includeVersion: true,
      oauthParamsInBody: false,
    };
    expect(() => service.setAuth(folder, { mode: 'chain', steps: [step] })).not.toThrow();
    expect(() => service.setAuth(folder, { mode: 'chain', steps: [{ ...step, privateKeyPassphrase: 'x{{secret:a}}' }] })).toThrow(/privateKeyPassphrase/);
  });
});

describe('environments', () => {
  it('creates, updates variables and secret names, and marks protection', () => {
    const { collection } = smallTree(service);
    const staging = service.createEnvironment(collection, 'Staging', false);
    service.updateEnvironment(collection, staging.id, {
      variables: [{ name: 'baseUrl', value: 'https://staging.example', enabled: true }],
      secrets: ['client_secret', 'client_secret'],
      protected: true,
    });
    const listed = service.environments(collection).find((env) => env.id === staging.id);
    expect(listed).toEqual({ id: staging.id, name: 'Staging', protected: true, variables: [{ name: 'baseUrl', value: 'https://staging.example', enabled: true }], secrets: ['client_secret'] });
  });

  it('gives the signer enabled variables only, and treats __proto__ as a plain name', () => {
    const { collection } = smallTree(service);
    const [sandbox] = service.environments(collection);
    const env = service.updateEnvironment(collection, sandbox?.id ?? '', {
      variables: [
        { name: 'baseUrl', value: 'http://127.0.0.1:1', enabled: true },
        { name: 'off', value: 'x', enabled: false },
        { name: '__proto__', value: 'p', enabled: true },
      ],
    });
    const values = environmentVariables(env);
    expect(Object.keys(values)).toEqual(['baseUrl', '__proto__']);
    expect(Object.hasOwn(values, '__proto__') && values.__proto__).toBe('p');
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('deletes an environment but never the last one', () => {
    const { collection } = smallTree(service);
    const [sandbox, uat, production] = service.environments(collection);
    expect(service.deleteEnvironment(collection, uat?.id ?? '').map((env) => env.name)).toEqual(['Sandbox', 'Production']);
    service.deleteEnvironment(collection, production?.id ?? '');
    expect(() => service.deleteEnvironment(collection, sandbox?.id ?? '')).toThrow(/at least one environment/);
    expect(() => service.deleteEnvironment(collection, 'nope')).toThrow(/no environment with the id/);
  });

  it('refuses duplicate environment names and duplicate variables', () => {
    const { collection } = smallTree(service);
    expect(() => service.createEnvironment(collection, 'production', false)).toThrow(/already has an environment/);
    const [sandbox] = service.environments(collection);
    expect(() =>
      service.updateEnvironment(collection, sandbox?.id ?? '', {
        variables: [
          { name: 'a', value: '1', enabled: true },
          { name: 'a', value: '2', enabled: true },
        ],
      }),
    ).toThrow(/defined twice/);
  });
});
