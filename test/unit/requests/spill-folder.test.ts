import { describe, expect, it } from 'vitest';
import { sendSpillFolder, type SpillFolders } from '../../../main/requests/spill-folder.ts';

function countingSpill(): SpillFolders & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    folder: () => {
      calls.push('folder');
      return Promise.resolve('/data/spill/1-ab/send-x');
    },
    settle: (folder, savedPath) => {
      calls.push(`settle ${folder} ${String(savedPath)}`);
      return Promise.resolve(savedPath !== null);
    },
  };
}

describe("a send's spill folder", () => {
  it('is never made (nor removed) for a send whose body fit the preview', async () => {
    const spill = countingSpill();
    const folder = sendSpillFolder(spill);
    expect(await folder.settle(null)).toBe(false);
    expect(spill.calls).toEqual([]);
  });

  it('is made once however often it is asked for, and settled once', async () => {
    const spill = countingSpill();
    const folder = sendSpillFolder(spill);
    const [a, b] = await Promise.all([folder.get(), folder.get()]);
    expect(a).toBe(b);
    expect(await folder.settle('/data/spill/1-ab/send-x/report.csv')).toBe(true);
    // The send's `finally` settles again: nothing happens, the kept body stays.
    expect(await folder.settle(null)).toBe(false);
    expect(spill.calls).toEqual(['folder', 'settle /data/spill/1-ab/send-x /data/spill/1-ab/send-x/report.csv']);
  });

  it('a folder that could not be made is not settled', async () => {
    const folder = sendSpillFolder({ folder: () => Promise.reject(new Error('EACCES')), settle: () => Promise.reject(new Error('must not be called')) });
    await expect(folder.get()).rejects.toThrow('EACCES');
    expect(await folder.settle(null)).toBe(false);
  });
});
