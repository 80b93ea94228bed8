import { describe, expect, it } from 'vitest';
import { UnknownVariableError } from '../../../main/signing/errors.ts';
import { resolveJsonText } from '../../../main/signing/resolve-templates.ts';
import { recordingResolver } from './helpers.ts';

const resolver = recordingResolver;

describe('variables', () => {
  it('fills {{name}} from the environment and {{secret:name}} from the secret source, asking for the environment', async () => {
    const { r, asked } = resolver({ host: 'api.example', empty: '' }, { key: 'k-123' });
    expect(await r.resolve('https://{{host}}/x?k={{ secret:key }}&e={{empty}}')).toBe('https://api.example/x?k=k-123&e=');
    expect(asked).toEqual(['uat/key']);
    expect([...r.secretValues]).toEqual(['k-123']);
  });

  it('fills the dynamic values from the injected clock and nonce source', async () => {
    const { r } = resolver();
    expect(await r.resolve('{{$timestamp}} {{$isoTimestamp}}')).toBe('1700000000 2023-11-14T22:13:20.123Z');
    expect(await r.resolve('{{$nonce}} {{$uuid}} {{$randomInt}} {{$nonce}}')).toBe(
      'nonce-1 00000000-0000-4000-8000-000000000002 3 nonce-4',
    );
  });

  it('an unknown variable is an error naming it, never an empty string', async () => {
    const { r } = resolver({ host: 'x' });
    await expect(r.resolve('{{host}}/{{merchantId}}')).rejects.toThrow(UnknownVariableError);
    await expect(r.resolve('{{host}}/{{merchantId}}')).rejects.toThrow(/\{\{merchantId\}\}.*"uat"/);
  });

  it('an unknown secret and an unknown dynamic variable are errors naming them', async () => {
    const { r } = resolver();
    await expect(r.resolve('{{secret:control_key}}')).rejects.toThrow(/secret:control_key/);
    await expect(r.resolve('{{$guid}}')).rejects.toThrow(/\{\{\$guid\}\}/);
  });

  it('leaves text without templates untouched', async () => {
    const { r } = resolver();
    expect(await r.resolve('{"a": {"b": 1}} {single}')).toBe('{"a": {"b": 1}} {single}');
  });
});

describe('templates in a JSON body', () => {
  it('JSON-escapes values inside string literals and inserts them raw outside', async () => {
    const { r } = resolver({ amount: '12.5', name: 'Ann "A" O\\Neil' });
    const text = await resolveJsonText('{"name": "{{name}}", "amount": {{amount}}, "lit": "a \\" {{amount}}"}', r);
    expect(JSON.parse(text)).toEqual({ name: 'Ann "A" O\\Neil', amount: 12.5, lit: 'a " 12.5' });
  });
});
