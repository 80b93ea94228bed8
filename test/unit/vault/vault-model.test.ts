import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, testVault } from './helpers.ts';

type Op =
  | { type: 'add'; environment: string; name: string; value: string }
  | { type: 'rotate'; environment: string; name: string; value: string }
  | { type: 'delete'; environment: string; name: string };

const environment = fc.constantFrom('sandbox', 'uat', 'production');
const name = fc.constantFrom('client_id', 'client_secret', 'api_key');
const value = fc.string({ minLength: 1, maxLength: 40 }).filter((v) => v.trim().length > 0);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('add' as const), environment, name, value }),
  fc.record({ type: fc.constant('rotate' as const), environment, name, value }),
  fc.record({ type: fc.constant('delete' as const), environment, name }),
);

describe('vault against a plain map', () => {
  it('after any sequence of adds, rotations and deletions, a reopened vault holds exactly what the map holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const dir = await makeTempDir('countersign-vault-model-');
        try {
          const model = new Map<string, string>();
          const vault = testVault(dir.path);
          await vault.setup({ passphrase: PASSPHRASE });
          for (const step of ops) {
            const key = `${step.environment}/${step.name}`;
            const expectedCode = step.type === 'add' ? (model.has(key) ? 'conflict' : null) : model.has(key) ? null : 'not_found';
            const run =
              step.type === 'add'
                ? vault.add({ environment: step.environment, name: step.name, kind: 'text', value: step.value })
                : step.type === 'rotate'
                  ? vault.rotate({ environment: step.environment, name: step.name, value: step.value })
                  : vault.remove({ environment: step.environment, name: step.name, confirm: true });
            const error = await run.then(
              () => null,
              (e: unknown) => e,
            );
            expect(error === null ? null : (error as ServiceError).code).toBe(expectedCode);
            if (expectedCode === null) {
              if (step.type === 'delete') model.delete(key);
              else model.set(key, step.value);
            }
          }
          await vault.close();

          const reopened = testVault(dir.path);
          await reopened.unlock({ passphrase: PASSPHRASE });
          const listed = reopened.list({}).secrets.map((s) => `${s.environment}/${s.name}`);
          expect(listed.sort()).toEqual([...model.keys()].sort());
          for (const [key, expected] of model) {
            const [env = '', secretName = ''] = key.split('/');
            expect(await reopened.get(env, secretName)).toBe(expected);
          }
        } finally {
          await dir.remove();
        }
      }),
      { numRuns: 25 },
    );
  });
});
