// Builds the countersign CLI into one prebuilt bundle, out/cli/countersign.mjs (commands and importers
// as lazily loaded chunks beside it). Run by `npm run build`, `npm run build:cli` and npm's `prepare`
// (so a fresh `npm install` has it). bin/countersign.mjs uses the bundle only while it is newer than
// every project source it was built from, and otherwise runs the sources, so a stale or missing
// bundle never changes what the CLI does, only how fast it starts.
//
//   node scripts/build-cli.mjs [--out DIR] [--if-possible]
//   --if-possible: a failed build is reported and exits 0 (npm install must not fail over a speed-up)
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE_DIR = join(ROOT, 'out', 'cli');
export const CLI_BUNDLE_NAME = 'countersign.mjs';
export const CLI_INPUTS_NAME = 'inputs.json';

/**
 * `import ... from 'node:http'` costs 100-300 ms at start on Node 24: the ESM
 * facade of a built-in reads every export, and node:http's WebSocket, CloseEvent
 * and MessageEvent getters load Node's own copy of undici. require() reads none of
 * them, so these built-ins are taken through a small module that requires them
 * and re-exports their members, minus those getters.
 */
function builtinsByRequire(names) {
  const require = createRequire(import.meta.url);
  const PREFIX = '\0countersign-cjs-builtin:';
  return {
    name: 'countersign-builtins-by-require',
    enforce: 'pre',
    resolveId(id) {
      const bare = id.startsWith('node:') ? id.slice(5) : id;
      return names.includes(bare) ? `${PREFIX}${bare}` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      const exported = require(`node:${name}`);
      // Getters are read once here (maxHeaderSize, globalAgent), except the ones that load undici.
      const members = Object.getOwnPropertyNames(exported).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && !LOADS_UNDICI.has(key));
      return [
        "import { createRequire } from 'node:module';",
        `const builtin = createRequire(import.meta.url)('node:${name}');`,
        'export default builtin;',
        ...members.map((key) => `export const ${key} = builtin.${key};`),
      ].join('\n');
    },
  };
}

/**
 * conf imports ajv and ajv-formats at its top level for its `schema` option, which no Countersign store
 * uses: evaluating them is a sixth of a cold `countersign list`. In conf, and only there, they become a
 * stand-in that refuses loudly if a schema is ever given. Assertions' own ajv (JSON Schema checks) is untouched.
 */
function confWithoutAjv() {
  const STAND_IN = '\0countersign-conf-no-ajv';
  return {
    name: 'countersign-conf-without-ajv',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer?.includes(`${join('node_modules', 'conf')}/`)) return null;
      return id === 'ajv/dist/2020.js' || id === 'ajv-formats' ? `${STAND_IN}:${id}` : null;
    },
    load(id) {
      if (!id.startsWith(STAND_IN)) return null;
      return [
        "const refuse = () => { throw new Error('conf was given a schema, but the countersign CLI bundle is built without ajv for conf (scripts/build-cli.mjs).'); };",
        'export class Ajv2020 { constructor() { refuse(); } }',
        'export default { default: refuse };',
      ].join('\n');
    },
  };
}

const BY_REQUIRE = ['http', 'https'];
/** node:http's lazy getters that load Node's internal undici when read. */
const LOADS_UNDICI = new Set(['WebSocket', 'CloseEvent', 'MessageEvent', 'EventSource']);
const EXTERNAL_BUILTINS = builtinModules.filter((name) => !BY_REQUIRE.includes(name));

/** Builds into `outDir`; resolves with the number of project source files in the bundle. */
export async function buildCli(outDir = CLI_BUNDLE_DIR) {
  const { build } = await import('vite');
  const sources = new Set();
  // Taken before reading any source: a file saved during the build counts as newer than the bundle.
  const builtAt = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    // Bundle the dependencies too: resolving and compiling hundreds of small modules is most of a cold start.
    ssr: { noExternal: true, external: ['electron', 'electron-store'] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: {
        // The unlock agent runs as its own process (main/vault-agent/start-agent.ts looks for it beside its chunk).
        input: { countersign: resolve(ROOT, 'main/cli/index.ts'), 'countersign-agent': resolve(ROOT, 'main/vault-agent/agent-main.ts') },
        external: [...EXTERNAL_BUILTINS, ...EXTERNAL_BUILTINS.map((name) => `node:${name}`), 'electron', 'electron-store'],
        output: {
          format: 'esm',
          entryFileNames: '[name].mjs',
          // Chunks sit beside the entry: sources find package.json and out/renderer by paths relative to their module.
          chunkFileNames: '[name]-[hash].mjs',
        },
      },
    },
    plugins: [
      builtinsByRequire(BY_REQUIRE),
      confWithoutAjv(),
      {
        name: 'countersign-cli-inputs',
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle)) {
            if (chunk.type !== 'chunk') continue;
            for (const id of chunk.moduleIds) if (id.startsWith(ROOT) && !id.includes('node_modules') && !id.includes('\0')) sources.add(relative(ROOT, id.split('?')[0]));
          }
        },
      },
    ],
  });
  // The sandbox reads its published test keys next to its module.
  cpSync(join(ROOT, 'main', 'sandbox', 'fixtures'), join(outDir, 'fixtures'), { recursive: true });
  const inputs = [...sources, 'package.json'].sort();
  writeFileSync(join(outDir, CLI_INPUTS_NAME), `${JSON.stringify({ builtAt, inputs })}\n`);
  return inputs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'if-possible': { type: 'boolean', default: false } } });
  const outDir = values.out ? resolve(values.out) : CLI_BUNDLE_DIR;
  try {
    mkdirSync(dirname(outDir), { recursive: true });
    const started = performance.now();
    const count = await buildCli(outDir);
    console.log(`countersign CLI bundle: ${relative(process.cwd(), join(outDir, CLI_BUNDLE_NAME))} (${String(count)} project files, ${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    console.error(`countersign CLI bundle not built (${error instanceof Error ? error.message : String(error)}); the CLI runs from its sources instead.`);
    if (!values['if-possible']) process.exitCode = 1;
  }
}
