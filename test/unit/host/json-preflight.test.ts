import { describe, expect, it } from 'vitest';
import { checkInputShape, INPUT_LIMITS } from '../../../main/core/input-guard.ts';
import { preflightJson } from '../../../main/host/json-preflight.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('JSON body preflight (before JSON.parse)', () => {
  it('refuses an 8 MB array of tiny elements from its bytes', () => {
    const body = bytes(`[${'0,'.repeat(4_000_000)}0]`);
    expect(preflightJson(body)).toBe(`more than ${INPUT_LIMITS.maxKeys} keys in all`);
  });

  it('refuses nesting past the guard depth, and accepts the deepest the guard accepts', () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    // N brackets put the innermost array at depth N - 1.
    expect(checkInputShape(JSON.parse(nested(INPUT_LIMITS.maxDepth + 1)))).toBeNull();
    expect(preflightJson(bytes(nested(INPUT_LIMITS.maxDepth + 1)))).toBeNull();
    expect(checkInputShape(JSON.parse(nested(INPUT_LIMITS.maxDepth + 2)))).not.toBeNull();
    expect(preflightJson(bytes(nested(INPUT_LIMITS.maxDepth + 2)))).toMatch(/nested deeper than 32 levels/);
  });

  it('does not count commas or brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ body: `${',[{'.repeat(20_000)}\\"` });
    expect(preflightJson(bytes(text))).toBeNull();
  });

  it('never refuses what the guard accepts at the key limit', () => {
    const atLimit = JSON.stringify(Array.from({ length: INPUT_LIMITS.maxKeys }, () => 1));
    expect(checkInputShape(JSON.parse(atLimit))).toBeNull();
    expect(preflightJson(bytes(atLimit))).toBeNull();
    const over = JSON.stringify(Array.from({ length: INPUT_LIMITS.maxKeys + 1 }, () => 1));
    expect(preflightJson(bytes(over))).not.toBeNull();
  });
});
