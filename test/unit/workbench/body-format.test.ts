import { describe, expect, it } from 'vitest';
import { hexDump, parseJsonPreview } from '../../../renderer/src/pages/workbench/body-format.ts';

describe('response body formatting', () => {
  it('shows JSON only for a complete UTF-8 preview', () => {
    expect(parseJsonPreview({ encoding: 'utf8', data: '{"a":[1,2]}', truncated: false })).toEqual({ a: [1, 2] });
    expect(parseJsonPreview({ encoding: 'utf8', data: '{"a":[1,', truncated: true })).toBeUndefined();
    expect(parseJsonPreview({ encoding: 'utf8', data: '<html>', truncated: false })).toBeUndefined();
  });

  it('dumps binary as offset, hex and printable characters', () => {
    const data = Buffer.from([0x00, 0x41, 0x42, 0xff, ...Buffer.from('hello world, bytes')]).toString('base64');
    const [first, second] = hexDump({ encoding: 'base64', data, truncated: false }).split('\n');
    expect(first).toBe('00000000  00 41 42 ff 68 65 6c 6c 6f 20 77 6f 72 6c 64 2c  .AB.hello world,');
    expect(second?.startsWith('00000010  20 62 79 74 65 73')).toBe(true);
  });

  it('says when only part of a large body is dumped', () => {
    const data = Buffer.alloc(70 * 1024, 0x61).toString('base64');
    expect(hexDump({ encoding: 'base64', data, truncated: false })).toContain('only the first 64 KiB');
  });
});
