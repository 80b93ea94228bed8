import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import type { HistoryEntry } from '../../../main/contract/history.ts';
import { setAssertions } from '../assertions/set-assertions.ts';
import { useCliSession } from '../cli/cli-fixture.ts';

const STATUS = 'PayNet OSP/Report status';

describe('countersign history after a run whose assertion failed', () => {
  const session = useCliSession();
  afterEach(() => setAssertions(session.path(), STATUS, []));

  it('ends the send’s line with the tally and gives every result in --json', async () => {
    await setAssertions(session.path(), STATUS, [
      { kind: 'status', expected: '200' },
      { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'PENDING' },
    ]);
    expect((await session.run(['run', STATUS, '--env', 'Sandbox'])).code).toBe(EXIT.assertions);

    const text = await session.run(['history', '--limit', '1']);
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/ {2}Sandbox {2}PayNet OSP\/Report status {2}200 {2}1 of 2 assertions failed\n$/);

    const json = await session.run(['history', '--limit', '1', '--json']);
    const [entry] = JSON.parse(json.stdout) as HistoryEntry[];
    expect(entry?.assertions?.map((result) => [result.label, result.passed, result.message])).toEqual([
      ['status is 200', true, 'Status 200.'],
      ['$.status equals PENDING', false, '$.status is READY, expected PENDING.'],
    ]);
  });
});
