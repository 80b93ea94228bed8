import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { FAULT_SECRETS, SANDBOX_FAULTS_ENV, type SandboxFaults } from '../../../main/sandbox/faults.ts';
import { leaks } from '../redaction/harness.ts';
import { secretValues, useCliSession } from './cli-fixture.ts';

/**
 * `countersign explain` against the sandbox made to misbehave: each command
 * runs in-process, and the app's on-demand sandbox reads its faults when the
 * command builds its backend.
 */
describe('countersign explain', () => {
  const session = useCliSession(Object.values(FAULT_SECRETS));

  const withFaults = async <T,>(faults: SandboxFaults, work: () => Promise<T>): Promise<T> => {
    process.env[SANDBOX_FAULTS_ENV] = JSON.stringify(faults);
    try {
      return await work();
    } finally {
      Reflect.deleteProperty(process.env, SANDBOX_FAULTS_ENV);
    }
  };

  /** Sends the request against the faulty sandbox and returns its body and the History id of the send. */
  const sendWith = async (faults: SandboxFaults, path: string) => {
    const sent = await withFaults(faults, () => session.run(['run', path, '--env', 'Sandbox']));
    const listed = await session.run(['history', '--limit', '1', '--json']);
    const [entry] = JSON.parse(listed.stdout) as { id: string; requestName: string }[];
    expect(entry?.requestName).toBe(path.split('/').pop());
    return { sent, id: entry?.id ?? '' };
  };

  const line = (body: string, name: string) => body.split('\n').find((l) => l.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';

  it('history lists the sends with their ids, newest first', async () => {
    await session.run(['run', 'CENTAGATE/authQRCode (transaction)', '--env', 'Sandbox']);
    const listed = await session.run(['history', '--limit', '2']);
    expect(listed.code).toBe(EXIT.ok);
    expect(listed.stdout).toMatch(/^[0-9a-f-]{36} {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}Sandbox {2}CENTAGATE\/authQRCode \(transaction\) {2}200$/m);
  });

  it('Elecsnet with another control key at the gateway: the base strings are equal, so the key differs', async () => {
    const { sent, id } = await sendWith({ wrongSecret: ['elecsnet'] }, 'Elecsnet/Sale (HMAC-SHA1)');
    expect(sent.code).toBe(EXIT.httpStatus);
    const file = join(session.path(), 'base.txt');
    await writeFile(file, `${line(sent.stdout, 'sandbox-signature-base-string')}\n`);
    const explained = await session.run(['explain', id, '--expected-base-string', file]);
    expect(explained.code, explained.stderr).toBe(EXIT.ok);
    expect(explained.stdout.split('\n')[0]).toMatch(/^The base strings are equal, so the key differs: .*elecsnet\.control_key in Sandbox/);
    expect(explained.stdout).toContain('Cause: key_differs');
    expect(explained.stdout).toContain('Re-derived exactly: yes');
    // The variants: the request as sent gives that base string; the key variants share it but a base string cannot vouch for a key.
    const variants = await session.run(['explain', id, '--expected-base-string', file, '--variants']);
    expect(variants.stdout.match(/^ {2}= .*$/gm)).toEqual(['  = as-sent: the request as sent (RFC 5849)']);
  });

  it('a skewed gateway clock is named from the Date header kept in History, with nothing pasted', async () => {
    const { id } = await sendWith({ clockSkewSeconds: -1200 }, 'CENTAGATE/authQRCode (transaction)');
    const explained = await session.run(['explain', id, '--json']);
    expect(explained.code).toBe(EXIT.ok);
    const report = JSON.parse(explained.stdout) as { cause: string; sentence: string };
    expect(report.cause).toBe('clock_skew');
    expect(report.sentence).toMatch(/is 1[12]\d\d s ahead of the gateway's clock/);
  });

  it("Elecsnet encoding a space as '+': the diagnosis names the encoding, and --variants finds it from the base string", async () => {
    const { sent, id } = await sendWith({ encoding: 'plus-for-space' }, 'Elecsnet/Sale (HMAC-SHA1)');
    const base = line(sent.stdout, 'sandbox-signature-base-string');
    const explained = await session.run(['explain', id, '--expected-base-string', '-', '--variants'], { stdin: base });
    expect(explained.code, explained.stderr).toBe(EXIT.ok);
    expect(explained.stdout).toContain('Cause: encoding');
    expect(explained.stdout).toMatch(/= encoding\.plus-for-space: a space is encoded as '\+'/);
    expect(explained.stdout.match(/^ {2}= /gm)).toHaveLength(1);
  });

  it('CENTAGATE concatenating absent fields as "null" and PayNet over milliseconds: optional_null and wrong_input', async () => {
    const centagate = await sendWith({ centagateAbsentAs: 'null' }, 'CENTAGATE/authQRCode (transaction)');
    const message = (JSON.parse(centagate.sent.stdout) as { message: string }).message;
    const concatenated = JSON.parse(message.slice(message.indexOf('It concatenated: ') + 'It concatenated: '.length)) as string;
    const file = join(session.path(), 'centagate.txt');
    await writeFile(file, concatenated);
    const c = await session.run(['explain', centagate.id, '--expected-base-string', file]);
    expect(c.stdout).toContain('Cause: optional_null');

    const paynet = await sendWith({ paynetSignature: 'timestamp-ms' }, 'PayNet OSP/Request a report');
    expect(paynet.sent.code).toBe(EXIT.httpStatus);
    const expected = (JSON.parse(paynet.sent.stdout) as { sandboxDebug: { signatureExpected: string } }).sandboxDebug.signatureExpected;
    const p = await session.run(['explain', paynet.id, '--expected-x-signature', expected, '--json', '--variants']);
    const report = JSON.parse(p.stdout) as { cause: string; variants: { matched: string } };
    expect(report.cause).toBe('wrong_input');
    expect(report.variants.matched).toBe('paynet.timestamp-ms');
  });

  it('a request path signs afresh with --env, and usage errors exit 2', async () => {
    const fresh = await session.run(['explain', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--expected-signature', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=']);
    expect(fresh.code, fresh.stderr).toBe(EXIT.ok);
    expect(fresh.stdout).toContain('Compared: a fresh signature');
    expect((await session.run(['explain', 'Elecsnet/Sale (HMAC-SHA1)'])).code).toBe(EXIT.usage);
    expect((await session.run(['explain', '00000000-0000-4000-8000-000000000000'])).code).toBe(EXIT.usage);
    expect((await session.run(['explain', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox'])).code).toBe(EXIT.usage);
  });

  it('prints no secret value, in any encoding, in anything above', () => {
    expect(leaks(session.printed.join('\n'), [...secretValues(), ...Object.values(FAULT_SECRETS)])).toEqual([]);
  });
});
