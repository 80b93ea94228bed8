import { describe, expect, it } from 'vitest';
import { keyTemplate, secretNamesIn } from '../../../main/keys/key-references.ts';

describe('secretNamesIn', () => {
  it('finds the secrets a setting names, with the spacing the signing engine accepts', () => {
    expect(secretNamesIn('{{secret:elecsnet}}')).toEqual(['elecsnet']);
    expect(secretNamesIn('{{ secret: prod.key-2 }}')).toEqual(['prod.key-2']);
    expect(secretNamesIn('Bearer {{secret:a}} and {{secret:b}}')).toEqual(['a', 'b']);
  });

  it('ignores plain variables, dynamic values and empty or missing values', () => {
    expect(secretNamesIn('{{merchant}} {{$timestamp}}')).toEqual([]);
    expect(secretNamesIn('-----BEGIN PRIVATE KEY-----')).toEqual([]);
    expect(secretNamesIn(undefined)).toEqual([]);
  });

  it('reads back the template it writes', () => {
    expect(secretNamesIn(keyTemplate('elecsnet'))).toEqual(['elecsnet']);
  });
});
