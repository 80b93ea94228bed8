import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { findRequestByPath } from '../../../main/cli/request-path.ts';
import type { TreeListing } from '../../../main/contract/workspace.ts';
import { FAULT_SECRETS, SANDBOX_FAULTS_ENV, type SandboxFaults } from '../../../main/sandbox/faults.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { useCliSession } from './cli-fixture.ts';

type Paste = 'nothing' | 'base string' | 'x-signature';
type Case = { gateway: string; fault: string; faults: SandboxFaults; path: string; paste: Paste; runExit: number; cause: string; says: RegExp };

// For each gateway, each misconfiguration that applies to it, as a user meets it: run, find the send in history, explain.
const CASES: Case[] = [
  { gateway: 'PayNet', fault: 'wrong client secret', faults: { wrongSecret: ['paynet'] }, path: 'PayNet OSP/Request a report', paste: 'nothing', runExit: EXIT.config, cause: 'token_failed', says: /refused the client credentials: check paynet\.client_secret in Sandbox/ },
  { gateway: 'PayNet', fault: 'another signing key', faults: { paynetSignature: 'other-secret' }, path: 'PayNet OSP/Request a report', paste: 'x-signature', runExit: EXIT.httpStatus, cause: 'key_differs', says: /so the key differs: .*paynet\.client_secret in Sandbox/ },
  { gateway: 'PayNet', fault: 'skewed clock', faults: { clockSkewSeconds: 1800 }, path: 'PayNet OSP/Request a report', paste: 'nothing', runExit: EXIT.httpStatus, cause: 'clock_skew', says: /s behind the gateway's clock/ },
  { gateway: 'PayNet', fault: 'signature over the client id', faults: { paynetSignature: 'client-id-key' }, path: 'PayNet OSP/Request a report', paste: 'x-signature', runExit: EXIT.httpStatus, cause: 'wrong_input', says: /the client id instead of the client secret/ },
  { gateway: 'MTN MoMo', fault: 'wrong API key', faults: { wrongSecret: ['momo'] }, path: 'MTN MoMo/Request to pay', paste: 'nothing', runExit: EXIT.config, cause: 'token_failed', says: /check momo\.api_key in Sandbox/ },
  { gateway: 'CENTAGATE', fault: 'wrong secret key', faults: { wrongSecret: ['centagate'] }, path: 'CENTAGATE/authQRCode (with optional fields)', paste: 'base string', runExit: EXIT.ok, cause: 'key_differs', says: /centagate\.secret_key in Sandbox/ },
  { gateway: 'CENTAGATE', fault: 'skewed clock', faults: { clockSkewSeconds: -1800 }, path: 'CENTAGATE/authQRCode (with optional fields)', paste: 'nothing', runExit: EXIT.ok, cause: 'clock_skew', says: /s ahead of the gateway's clock/ },
  { gateway: 'CENTAGATE', fault: "the parameter table's field order", faults: { centagateOrder: 'parameter-table' }, path: 'CENTAGATE/authQRCode (with optional fields)', paste: 'base string', runExit: EXIT.ok, cause: 'field_order', says: /parameter table's order/ },
  { gateway: 'CENTAGATE', fault: 'absent fields as "null"', faults: { centagateAbsentAs: 'null' }, path: 'CENTAGATE/authQRCode (transaction)', paste: 'base string', runExit: EXIT.ok, cause: 'optional_null', says: /"null"/ },
  { gateway: 'Elecsnet', fault: 'wrong control key', faults: { wrongSecret: ['elecsnet'] }, path: 'Elecsnet/Sale (HMAC-SHA1)', paste: 'base string', runExit: EXIT.httpStatus, cause: 'key_differs', says: /elecsnet\.control_key in Sandbox/ },
  { gateway: 'Elecsnet', fault: 'another RSA key registered', faults: { wrongKey: ['elecsnet'] }, path: 'Elecsnet/Sale (RSA-SHA256)', paste: 'base string', runExit: EXIT.httpStatus, cause: 'key_differs', says: /elecsnet\.merchant_private_key in Sandbox/ },
  { gateway: 'Elecsnet', fault: 'skewed clock', faults: { clockSkewSeconds: 3600 }, path: 'Elecsnet/Sale (RSA-SHA256)', paste: 'nothing', runExit: EXIT.httpStatus, cause: 'clock_skew', says: /3\d{3} s behind/ },
  { gateway: 'Elecsnet', fault: 'parameters encoded twice', faults: { encoding: 'double' }, path: 'Elecsnet/Sale (RSA-SHA256)', paste: 'base string', runExit: EXIT.httpStatus, cause: 'encoding', says: /encoded twice/ },
];

/** What the gateway's refusal says it expected, as a user copies it from the response. */
function pasteFrom(paste: Paste, body: string): string[] {
  if (paste === 'nothing') return [];
  if (paste === 'x-signature') return ['--expected-x-signature', (JSON.parse(body) as { sandboxDebug: { signatureExpected: string } }).sandboxDebug.signatureExpected];
  const elecsnet = body.split('\n').find((line) => line.startsWith('sandbox-signature-base-string='));
  if (elecsnet !== undefined) return ['--expected-base-string', '-', elecsnet.slice('sandbox-signature-base-string='.length)];
  const message = (JSON.parse(body) as { message: string }).message;
  return ['--expected-base-string', '-', JSON.parse(message.slice(message.indexOf('It concatenated: ') + 'It concatenated: '.length)) as string];
}

describe('countersign explain names each misconfiguration, for every gateway it applies to', () => {
  const session = useCliSession(Object.values(FAULT_SECRETS));

  it('setup: a CENTAGATE request that sends optional fields (with none, both field orders sign the same string)', async () => {
    const backend = testBackend(session.path());
    try {
      const call = contractCaller(() => backend);
      const tree = await call<TreeListing>('workspace:tree', {});
      const copy = await call<{ id: string }>('workspace:duplicate', { id: findRequestByPath(tree, 'CENTAGATE/authQRCode (transaction)').id });
      await call('workspace:rename', { id: copy.id, name: 'authQRCode (with optional fields)' });
      const node = await call<{ body: { kind: string; text: string } }>('workspace:get', { id: copy.id });
      const body = { ...(JSON.parse(node.body.text) as Record<string, string>), ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux)' };
      await call('workspace:update-request', { id: copy.id, patch: { body: { ...node.body, text: JSON.stringify(body) } } });
    } finally {
      await backend.close();
    }
  });

  for (const c of CASES) {
    it(`${c.gateway}, ${c.fault}: ${c.cause}`, async () => {
      process.env[SANDBOX_FAULTS_ENV] = JSON.stringify(c.faults);
      let sent: Awaited<ReturnType<typeof session.run>>;
      try {
        sent = await session.run(['run', c.path, '--env', 'Sandbox']);
      } finally {
        Reflect.deleteProperty(process.env, SANDBOX_FAULTS_ENV);
      }
      expect(sent.code, sent.stderr).toBe(c.runExit);
      const [entry] = JSON.parse((await session.run(['history', '--limit', '1', '--json'])).stdout) as { id: string }[];
      const [flag, value, stdin] = pasteFrom(c.paste, sent.stdout);
      const args = ['explain', entry?.id ?? '', ...(flag === undefined ? [] : [flag, value ?? ''])];
      const explained = await session.run(args, stdin === undefined ? {} : { stdin });
      expect(explained.code, explained.stderr).toBe(EXIT.ok);
      expect(explained.stdout).toContain(`Cause: ${c.cause}\n`);
      expect(explained.stdout.split('\n')[0]).toMatch(c.says);
    });
  }
});
