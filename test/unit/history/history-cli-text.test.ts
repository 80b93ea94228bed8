import { describe, expect, it } from 'vitest';
import type { AssertionResult } from '../../../main/contract/assertions.ts';
import { historyText } from '../../../main/cli/commands/history.ts';
import { historyEntry } from './history-fixture.ts';

const result = (index: number, passed: boolean): AssertionResult => ({ index, kind: 'status', label: `check ${String(index)}`, passed, actual: '200', message: passed ? 'ok' : 'not ok' });

describe('countersign history, as text', () => {
  it('ends each line with how its assertions went, and says nothing of assertions a send did not have', () => {
    const lines = historyText([
      { ...historyEntry(3), assertions: [result(0, true), result(1, false), result(2, false)] },
      { ...historyEntry(2), assertions: [result(0, true)] },
      historyEntry(1),
    ]).split('\n');
    expect(lines[0]).toMatch(/^h3 .* Gateway\/Pay {2}200 {2}2 of 3 assertions failed$/);
    expect(lines[1]).toMatch(/ 200 {2}1 assertion passed$/);
    expect(lines[2]).toMatch(/ Gateway\/Pay {2}200$/);
  });
});
