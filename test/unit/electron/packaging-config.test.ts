import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

const projectDir = fileURLToPath(new URL('../../../', import.meta.url));

// electron-builder's own loader and JSON schema read the file: no Electron binary is needed.
async function packagingConfig() {
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('packaging configuration (electron-builder.yml)', () => {
  it('is valid for electron-builder and packs the built app into an asar', async () => {
    const config = await packagingConfig();
    expect(config.asar).toBe(true);
    // The validator normalizes files into file sets.
    expect(JSON.stringify(config.files)).toContain('"out/**/*"');
  });

  it('the schema check is real: a misspelt fuse is refused', async () => {
    const config = await getConfig(projectDir, null, null);
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } as never }, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('flips every fuse that keeps code out of the process holding the secrets', async () => {
    const { electronFuses } = await packagingConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
