import { describe, expect, it } from 'vitest';
import { keyUsers } from '../../../main/services/key-usage.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { buildSampleWorkspace } from '../../../main/workspace/samples/sample-workspace.ts';
import { SAMPLE_SECRET_NAMES } from '../../../main/workspace/samples/secret-names.ts';

describe('which auth settings sign with a stored key', () => {
  const doc = buildSampleWorkspace({ sandboxPort: 1, ids: sequentialIds() });

  it('finds the Elecsnet RSA sample by the key name its private key field refers to', () => {
    expect(keyUsers(doc, 'Sandbox', SAMPLE_SECRET_NAMES.elecsnetPrivateKey)).toEqual(['Elecsnet / Sale (RSA-SHA256)']);
  });

  it('finds nothing for a key no setting names, or an environment the collection lacks', () => {
    expect(keyUsers(doc, 'Sandbox', 'some-other-key')).toEqual([]);
    expect(keyUsers(doc, 'Staging', SAMPLE_SECRET_NAMES.elecsnetPrivateKey)).toEqual([]);
  });
});
