import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../main/contract/workspace.ts';
import { knownNames, splitTemplate, unresolvedNames } from '../../../renderer/src/pages/workbench/template-vars.ts';

const sandbox: Environment = {
  id: 'e1',
  name: 'Sandbox',
  protected: false,
  variables: [
    { name: 'baseUrl', value: 'http://127.0.0.1:1', enabled: true },
    { name: 'switchedOff', value: 'x', enabled: false },
  ],
  secrets: [],
};

describe('the URL warning for unresolved variables', () => {
  const known = knownNames(sandbox, ['client_secret']);

  it('knows enabled variables, vault names as secret:name, and the dynamic values', () => {
    expect(unresolvedNames(['{{baseUrl}}/x?s={{secret:client_secret}}&n={{$nonce}}&t={{ $timestamp }}'], known)).toEqual([]);
  });

  it('names each unknown or disabled variable once, in order', () => {
    expect(unresolvedNames(['{{host}}/{{switchedOff}}', '{{host}}', '{{secret:missing}}'], known)).toEqual(['host', 'switchedOff', 'secret:missing']);
  });

  it('does not treat an unknown $name as a dynamic value: the signer would refuse it', () => {
    expect(unresolvedNames(['{{$uuid}} {{$notAThing}}'], known)).toEqual(['$notAThing']);
  });

  it('splits text and references for highlighting without losing characters', () => {
    const pieces = splitTemplate('a{{baseUrl}}b{{nope}}', known);
    expect(pieces.map((piece) => piece.text).join('')).toBe('a{{baseUrl}}b{{nope}}');
    expect(pieces.filter((piece) => piece.kind === 'var').map((piece) => [piece.name, piece.kind === 'var' && piece.resolved])).toEqual([
      ['baseUrl', true],
      ['nope', false],
    ]);
  });
});
