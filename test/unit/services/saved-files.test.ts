import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { createSavedFiles } from '../../../main/services/saved-files.ts';

describe('opening saved files', () => {
  const fakeOpener = () => {
    const calls: string[] = [];
    return {
      calls,
      opener: {
        open: (path: string) => (calls.push(`open ${path}`), Promise.resolve()),
        reveal: (path: string) => (calls.push(`reveal ${path}`), Promise.resolve()),
      },
    };
  };

  it('opens and reveals a file this session saved', async () => {
    const { calls, opener } = fakeOpener();
    const files = createSavedFiles(opener);
    files.remember('/tmp/x/../x/report.csv');
    await files.open('/tmp/x/report.csv');
    await files.reveal('/tmp/x/report.csv');
    expect(calls).toEqual(['open /tmp/x/report.csv', 'reveal /tmp/x/report.csv']);
  });

  it('refuses any other path, so the renderer cannot launch arbitrary files', async () => {
    const { calls, opener } = fakeOpener();
    const files = createSavedFiles(opener);
    files.remember('/tmp/x/report.csv');
    await expect(files.open('/usr/bin/xterm')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(files.reveal('/tmp/x/other.csv')).rejects.toBeInstanceOf(ServiceError);
    expect(calls).toEqual([]);
  });

  it('turns a missing opener program into a clear failure', async () => {
    const files = createSavedFiles({ open: () => Promise.reject(new Error('No program to open files was found (xdg-open).')), reveal: () => Promise.resolve() });
    files.remember('/tmp/a.csv');
    await expect(files.open('/tmp/a.csv')).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('xdg-open') as unknown });
  });
});
