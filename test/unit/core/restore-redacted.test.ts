import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../main/core/redactor.ts';
import { restoreRedacted } from '../../../main/core/restore-redacted.ts';

const ledger = () => new Redactor().add('s3cret-value').add('other-secret');

describe('restoreRedacted', () => {
  it('gives back the stored string a placeholder stands for, wherever it moved', () => {
    const stored = { headers: [{ value: 'Bearer s3cret-value' }, { value: 'plain' }] };
    const incoming = { headers: [{ value: 'plain' }, { value: 'Bearer [redacted]' }] };
    expect(restoreRedacted(incoming, stored, ledger())).toEqual({ headers: [{ value: 'plain' }, { value: 'Bearer s3cret-value' }] });
  });

  it('keeps what the user typed, and leaves a placeholder two different stored strings share', () => {
    const stored = { a: 's3cret-value', b: 'other-secret', c: 'x s3cret-value' };
    const incoming = { a: '[redacted]', c: 'x [redacted] edited' };
    expect(restoreRedacted(incoming, stored, ledger())).toEqual(incoming);
  });

  it('changes nothing when the ledger knows no secret of the stored data', () => {
    const incoming = { a: '[redacted]' };
    expect(restoreRedacted(incoming, { a: 'no secret here' }, ledger())).toBe(incoming);
  });
});
