import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { useCliSession } from '../cli/cli-fixture.ts';
import { setAssertions } from './set-assertions.ts';

describe('assertions travel with a collection', () => {
  const session = useCliSession();

  it('export writes them, import collection reads them back, and they still run', async () => {
    const assertions = [
      { kind: 'status', expected: '200' },
      { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'PENDING' },
      { kind: 'response-time', belowMs: 60_000, enabled: false },
    ] as const;
    await setAssertions(session.path(), 'PayNet OSP/Report status', assertions);
    const file = join(session.path(), 'paynet.countersign.json');
    const exported = await session.run(['export', 'PayNet OSP', file]);
    expect(exported.code, exported.stderr).toBe(EXIT.ok);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"path": "$.status"');

    const imported = await session.run(['import', 'collection', file, '--on-conflict', 'keep-both']);
    expect(imported.code, imported.stderr).toBe(EXIT.ok);
    const again = await session.run(['run', 'PayNet OSP (2)/Report status', '--env', 'Sandbox', '--json']);
    expect(again.code).toBe(EXIT.assertions);
    const parsed = JSON.parse(again.stdout) as { assertions: { label: string; passed: boolean }[] };
    // The disabled one came back disabled: not checked.
    expect(parsed.assertions.map((a) => [a.label, a.passed])).toEqual([
      ['status is 200', true],
      ['$.status equals PENDING', false],
    ]);
  });
});
