import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The repository's own eslint.config.js, applied to probe files that exist only in memory:
// each probe sits (by its filePath) in a folder and imports one real module elsewhere.
// TypeScript's project service refuses files that are not on disk, so the probes are parsed
// without type information; the import rules under test need none.
const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root, overrideConfig: [{ ...tseslint.configs.disableTypeChecked, files: ['**/layer-probe.ts'] }] });

type Finding = { ruleId: string | null; message: string };

async function lint(probePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, probePath) });
  const fatal = result!.messages.filter((message) => message.fatal === true);
  expect(fatal).toEqual([]);
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const layerErrors = (messages: Finding[]) => messages.filter((message) => message.ruleId === 'import-x/no-restricted-paths');
const rendererErrors = (messages: Finding[]) => messages.filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports');

describe('layer rules of main/ (eslint.config.js)', { timeout: 120_000 }, () => {
  it('refuses a domain folder importing services/, naming what it may import', async () => {
    const messages = await lint('main/workspace/openapi/layer-probe.ts', "import { createBackend } from '../../services/backend.ts';\nexport const probe = createBackend;\n");
    const errors = layerErrors(messages);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('main/workspace/ may import only');
    expect(errors[0]!.message).not.toContain('services/,');
  });

  it('refuses a type-only import from a higher layer (vault -> requests)', async () => {
    const messages = await lint('main/vault/hosts/layer-probe.ts', "import type { RequestService } from '../../requests/request-service.ts';\nexport type Probe = RequestService;\n");
    expect(layerErrors(messages)).toHaveLength(1);
  });

  it('refuses an import between two folders of the same layer (signing -> history)', async () => {
    const messages = await lint('main/signing/layer-probe.ts', "import type { HistoryService } from '../history/history-service.ts';\nexport type Probe = HistoryService;\n");
    expect(layerErrors(messages)).toHaveLength(1);
  });

  it('refuses an inline import() type, which the path rule cannot see', async () => {
    const messages = await lint('main/workspace/layer-probe.ts', "export type Probe = import('../services/backend.ts').Backend;\n");
    expect(messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message)).toEqual([expect.stringContaining('inline import')]);
  });

  it('lets a folder import lower layers (workspace -> signing, vault, contract)', async () => {
    const code = [
      "import type { SigningRequest } from '../signing/types.ts';",
      "import type { VaultService } from '../vault/index.ts';",
      "import { channels } from '../contract/index.ts';",
      'export type Probe = [SigningRequest, VaultService, typeof channels];',
      '',
    ].join('\n');
    expect(layerErrors(await lint('main/workspace/layer-probe.ts', code))).toEqual([]);
  });

  it('places every folder of main/ in a layer: each one is refused an import of the top layer (cli/)', async () => {
    const folders = readdirSync(join(root, 'main'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'cli')
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(10);
    const unplaced: string[] = [];
    for (const folder of folders) {
      const messages = await lint(`main/${folder}/layer-probe.ts`, "import type { CliContext } from '../cli/context.ts';\nexport type Probe = CliContext;\n");
      if (layerErrors(messages).length === 0) unplaced.push(folder);
    }
    expect(unplaced).toEqual([]);
  });
});

describe('renderer imports from main/ (eslint.config.js)', { timeout: 120_000 }, () => {
  it('allows types from main/contract/ only', async () => {
    const ok = await lint('renderer/src/layer-probe.ts', "import type { Channels } from '../../main/contract/index.ts';\nexport type Probe = Channels;\n");
    expect(rendererErrors(ok)).toEqual([]);
    const elsewhere = await lint('renderer/src/layer-probe.ts', "import type { SigningRequest } from '../../main/signing/types.ts';\nexport type Probe = SigningRequest;\n");
    expect(rendererErrors(elsewhere).map((error) => error.message)).toEqual([expect.stringContaining('main/contract/ only')]);
  });

  it('refuses runtime code even from main/contract/', async () => {
    const messages = await lint('renderer/src/layer-probe.ts', "import { channels } from '../../main/contract/index.ts';\nexport const probe = channels;\n");
    expect(rendererErrors(messages)).toHaveLength(1);
  });
});
