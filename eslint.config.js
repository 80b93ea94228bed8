// Lint rules, including the layer rules of docs/architecture.md:
//   only main/electron/** (and the preload) import electron;
//   renderer/ imports nothing but types from main/;
//   nothing but the preload touches ipcRenderer.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
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
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    ignores: ['preload/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name='ipcRenderer']", message: 'Only the preload touches ipcRenderer.' }],
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
            {
              regex: '(^|/)main/',
              allowTypeImports: true,
              message: 'The renderer may import types from main/, never runtime code: talk to main through the API object.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-imports': ['error', { paths: [electronStoreOnlyInDoor] }],
    },
  },
);
