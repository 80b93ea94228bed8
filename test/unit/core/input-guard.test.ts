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

describe('input shape guard on huge inputs', () => {
  it('refuses an array longer than the key limit from its length alone, without listing or reading its elements', () => {
    const reads: PropertyKey[] = [];
    let listed = 0;
    const huge = new Proxy(new Array<number>(5_000_000), {
      get(target, key, receiver) {
        reads.push(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
      ownKeys(target) {
        listed++;
        return Reflect.ownKeys(target);
      },
    });
    expect(checkInputShape({ items: huge })?.message).toMatch(/more than 10000 keys/);
    expect(listed).toBe(0);
    expect(reads.filter((key) => key !== 'length')).toEqual([]);
  });

  it('stops reading an object at the first key past the limit (at most limit + 1 values visited)', () => {
    let visited = 0;
    const entries = Object.fromEntries(Array.from({ length: INPUT_LIMITS.maxKeys * 3 }, (_, i) => [`k${i}`, i]));
    const counted = new Proxy(entries, {
      get(target, key, receiver) {
        visited++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(checkInputShape(counted)?.message).toMatch(/keys/);
    expect(visited).toBeLessThanOrEqual(INPUT_LIMITS.maxKeys + 1);
  });

  it('counts keys across the whole input, arrays and objects alike', () => {
    const half = Array.from({ length: INPUT_LIMITS.maxKeys / 2 }, () => 0);
    // The keys "a" and "b" count too: 2 + 5,000 + 4,998 is exactly the limit.
    expect(checkInputShape({ a: half, b: half.slice(2) })).toBeNull();
    expect(checkInputShape({ a: half, b: half.slice(1) })?.message).toMatch(/keys/);
  });

  it('still finds a forbidden key on an array (structured clone keeps such properties)', () => {
    const list: unknown[] = [1, 2];
    Object.defineProperty(list, 'constructor', { value: {}, enumerable: true });
    expect(checkInputShape({ list })).toMatchObject({ path: 'list.constructor' });
  });
});
