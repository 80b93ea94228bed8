import { describe, expect, it } from 'vitest';
import { checkInputShape, INPUT_LIMITS } from '../../../main/core/input-guard.ts';

describe('input shape guard', () => {
  it('accepts ordinary JSON values', () => {
    expect(checkInputShape({ a: [1, 'two', { b: null }], c: true })).toBeNull();
  });

  it.each([
    ['__proto__', JSON.parse('{"a": {"__proto__": {"x": 1}}}') as unknown, 'a.__proto__'],
    ['constructor', { constructor: {} }, 'constructor'],
    ['prototype', { list: [{ prototype: 1 }] }, 'list.0.prototype'],
  ])('refuses a %s key and names where it was', (_label, input, path) => {
    expect(checkInputShape(input)).toMatchObject({ path });
  });

  it('refuses class instances, which JSON never produces', () => {
    expect(checkInputShape({ when: new Date() })).toMatchObject({ path: 'when' });
  });

  it('bounds depth, key count and string length', () => {
    let deep: unknown = 1;
    for (let i = 0; i <= INPUT_LIMITS.maxDepth + 1; i++) deep = [deep];
    expect(checkInputShape(deep)?.message).toMatch(/deeper/);
    const wide = Object.fromEntries(Array.from({ length: INPUT_LIMITS.maxKeys + 1 }, (_, i) => [`k${i}`, i]));
    expect(checkInputShape(wide)?.message).toMatch(/keys/);
    expect(checkInputShape({ s: 'x'.repeat(INPUT_LIMITS.maxStringLength + 1) })?.message).toMatch(/longer/);
  });
});
