import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('the remembered layout (settings:layout)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir('countersign-ui-layout-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('is kept in the data directory, so the next start (any port, any door) gets it back', async () => {
    const first = testBackend(dir.path);
    const call = contractCaller(() => first);
    expect(await call('settings:layout', {})).toEqual({ paneSizes: {} });
    await call('settings:set-layout', { paneSizes: { 'workbench.sidebar': 280, 'workbench.response': 420 } });
    await first.close();
    const second = testBackend(dir.path);
    expect(await contractCaller(() => second)('settings:layout', {})).toEqual({ paneSizes: { 'workbench.sidebar': 280, 'workbench.response': 420 } });
    await second.close();
  });

  it('refuses sizes that are not whole pixels in range or ids that are not pane ids, and keeps what it had', async () => {
    const backend = testBackend(dir.path);
    const call = contractCaller(() => backend);
    await call('settings:set-layout', { paneSizes: { 'workbench.sidebar': 280 } });
    await expect(call('settings:set-layout', { paneSizes: { 'workbench.sidebar': -1 } })).rejects.toThrow(/settings:set-layout/);
    await expect(call('settings:set-layout', { paneSizes: { '<script>': 10 } })).rejects.toThrow(/settings:set-layout/);
    expect(await call('settings:layout', {})).toEqual({ paneSizes: { 'workbench.sidebar': 280 } });
    await backend.close();
  });

  it('gives the default layout when the file was edited into something else', async () => {
    writeFileSync(join(dir.path, 'ui-layout.json'), JSON.stringify({ paneSizes: { sidebar: 'wide' } }));
    const backend = testBackend(dir.path);
    expect(await contractCaller(() => backend)('settings:layout', {})).toEqual({ paneSizes: {} });
    await backend.close();
  });
});
