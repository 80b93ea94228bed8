import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFolderStore } from '../../../main/workspace/folder/folder-store.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { requestByName, samples, tempDir } from './support.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

describe('workspace folder: multipart and binary-file bodies', () => {
  it('writes them as readable YAML (paths only) and reads them back unchanged', () => {
    const made = tempDir();
    cleanups.push(made.remove);
    const doc = samples();
    const upload = requestByName(doc, 'Request a report');
    upload.body = {
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'merchant', value: '{{merchantId}}', enabled: true },
        { kind: 'file', name: 'statement', path: '/data/statement.csv', enabled: false, contentType: 'text/csv', fileName: 'q3.csv' },
      ],
    };
    const put = requestByName(doc, 'Report status');
    put.body = { kind: 'binary', path: '{{fixtures}}/payload.bin', contentType: '' };
    createFolderStore(made.dir).save(doc);

    const yaml = readFileSync(join(made.dir, 'paynet-osp/request-a-report.request.yaml'), 'utf8');
    expect(yaml).toContain('kind: multipart');
    expect(yaml).toContain('path: /data/statement.csv');

    const outcome = createFolderStore(made.dir, sequentialIds('fresh')).load();
    if (outcome.kind !== 'loaded') throw new Error(`not loaded: ${outcome.kind}`);
    expect(requestByName(outcome.document, 'Request a report').body).toEqual(upload.body);
    expect(requestByName(outcome.document, 'Report status').body).toEqual(put.body);
  });
});
