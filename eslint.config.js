// Lint rules, including the layer rules of docs/architecture.md:
//   only main/electron/** (and the preload) import electron;
//   a folder of main/ imports only folders of lower layers (mainLayers below);
//   renderer/ imports nothing but types from main/contract/;
//   nothing but the preload touches ipcRenderer.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInDoor = {
  name: 'electron',
  message: 'Only main/electron/** (and the preload) may import electron; keep domain code Node-only (design.md, Layers).',
};
const electronStoreOnlyInDoor = {
  name: 'electron-store',
  message: 'electron-store pulls in electron: import it only under main/electron/. Use conf elsewhere.',
};

/**
 * The layers of main/, lowest first (docs/architecture.md, "Layer rules"). A folder may import
 * the folders of lower layers only: never its own layer's other folders, never a higher layer.
 * Paths are compared after resolving each import, so type-only imports count too.
 */
export const mainLayers = [
  ['contract', 'platform', 'security'],
  ['core', 'http', 'assertions', 'keys', 'sandbox', 'inbox'],
  ['signing', 'history'],
  ['vault', 'diagnosis'],
  ['secret-providers', 'vault-agent', 'workspace'],
  ['requests'],
  ['flows'],
  ['services'],
  ['host', 'electron'],
  ['cli'],
];

const layerZones = mainLayers.flatMap((layer, index) =>
  layer.map((folder) => {
    const forbidden = mainLayers.slice(index).flat().filter((other) => other !== folder);
    const allowed = mainLayers.slice(0, index).flat();
    return {
      target: `main/${folder}`,
      from: forbidden.map((other) => `main/${other}`),
      message: ` main/${folder}/ may import only ${allowed.length > 0 ? allowed.map((other) => `${other}/`).join(', ') : 'nothing else in main/'} (docs/architecture.md, Layer rules). Move the shared type down, or the wiring up into services/.`,
    };
  }),
).filter((zone) => zone.from.length > 0);

export default defineConfig(
  { ignores: ['out/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      'no-restricted-imports': ['error', { paths: [electronOnlyInDoor, electronStoreOnlyInDoor] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['main/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }] },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    ignores: ['preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcRenderer']", message: 'Only the preload touches ipcRenderer.' },
        // The import rules read import and export declarations only; an inline import('…') type would slip past the layers.
        { selector: 'TSImportType', message: "Write import type { X } from '…' instead of an inline import('…') type, so the layer rules see it." },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInDoor, electronStoreOnlyInDoor],
          patterns: [
            // A type-only import matching an allowTypeImports pattern is let through whatever else matches, so this one names contract/ alone.
            {
              regex: '(^|/)main/contract/',
              allowTypeImports: true,
              message: 'The renderer may import types from main/contract/, never runtime code: talk to main through the API object.',
            },
            {
              regex: '(^|/)main/(?!contract/)',
              message: 'The renderer imports types from main/contract/ only: move or re-export the type there.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-imports': ['error', { paths: [electronStoreOnlyInDoor] }],
    },
  },
);
