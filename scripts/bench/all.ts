// `npm run bench`: runs every benchmark in scripts/bench/ one after another (their full output goes to
// stderr as it comes) and prints the README's Figures table (markdown) on stdout, headed by the date
// and the machine's load (`uptime`) before and after. A script that fails keeps its row, saying so.
//
//   npm run bench [-- --only run-collection,cli-startup] [-- --tools DIR (newman and bru already installed)]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const BENCH = import.meta.dirname;

type Row = {
  what: string;
  script: string;
  args?: (tools: string) => string[];
  target: string;
  /** The figure from the script's output; null when the expected line is missing. */
  figure: (output: string) => string | null;
};

const line = (output: string, pattern: RegExp) => output.split('\n').find((text) => pattern.test(text)) ?? null;
const summary = (name: string) => (output: string) => line(output, new RegExp(`^SUMMARY ${name}`))?.replace(/^SUMMARY [^:]+:\s*/, '') ?? null;
const ratioOf = (output: string, scheme: RegExp) => /ratio ([\d.]+)x\s+\(\+(-?[\d.]+) µs/.exec(line(output, scheme) ?? '');

const ROWS: Row[] = [
  {
    what: 'RSA-SHA256 signing vs raw `crypto.sign` (2048 / 4096)',
    script: 'signing.ts',
    target: '<= 1.2x',
    figure: (out) => {
      const [a, b] = [ratioOf(out, /RSA-SHA256.*2048/), ratioOf(out, /RSA-SHA256.*4096/)];
      return a && b ? `${a[1] ?? ''}x / ${b[1] ?? ''}x` : null;
    },
  },
  {
    what: 'HMAC schemes / OAuth 2.0 + PayNet chain vs raw `createHmac`',
    script: 'signing.ts',
    target: '<= 2x / <= 3x',
    // Each HMAC row by name, with its ratio to the least a hand-written client must do by the gateway's spec where the script has one.
    figure: (out) => {
      const rows = [
        ['PayNet', /^PayNet X-Signature/],
        ['CENTAGATE', /^CENTAGATE/],
        ['OAuth 1.0a HMAC-SHA1', /^OAuth 1\.0a HMAC-SHA1 /],
        ['OAuth 1.0a HMAC-SHA256', /^OAuth 1\.0a HMAC-SHA256 /],
      ] as const;
      const hmac = rows.map(([name, pattern]) => {
        const text = line(out, pattern);
        const raw = /ratio ([\d.]+)x/.exec(text ?? '')?.[1];
        const spec = /ratio to spec ([\d.]+)x/.exec(text ?? '')?.[1];
        return raw === undefined ? null : `${name} ${raw}x${spec === undefined ? '' : ` (${spec}x spec)`}`;
      });
      const chain = ratioOf(out, /^signRequest/);
      if (hmac.some((figure) => figure === null) || !chain) return null;
      return `${hmac.join(', ')} / chain ${chain[1] ?? ''}x (+${chain[2] ?? ''} µs)`;
    },
  },
  { what: 'event-loop delay during 4096-bit key generation', script: 'keygen.ts', target: '<= 50 ms', figure: (out) => /generating: worst max ([\d.]+ ?ms)/.exec(out)?.[1]?.concat(' worst') ?? null },
  {
    what: '1 GiB download saved by the executor vs `curl -o` (https; http) and RSS growth',
    script: 'download.ts',
    target: '>= 0.9x https, >= 1x http; <= 64 MiB',
    figure: summary('download'),
  },
  { what: 'HTTPS batch vs the same over plain HTTP', script: 'https-batch.ts', target: '>= 0.8x', figure: summary('https-batch') },
  { what: 'vault passphrase derivation (scrypt N=2^17)', script: 'vault-crypto.ts', target: '>= 100 ms', figure: (out) => /N=2\^17[^:]*: median ([\d.]+ ?m?s)/.exec(out)?.[1] ?? null },
  {
    what: 'Workbench with 10,000 requests, in the browser: open / filter keystroke',
    script: 'workbench.ts',
    target: '<= 300 ms / <= 30 ms',
    figure: (out) => {
      const open = /first tree rows painted: first ([\d.]+ ?ms), median ([\d.]+ ?ms)/.exec(out);
      const filter = /filtered rows painted.*?median ([\d.]+ ?ms), p95 ([\d.]+ ?ms)/.exec(out);
      return open && filter ? `${open[2] ?? ''} median (${open[1] ?? ''} cold) / ${filter[1] ?? ''} median, ${filter[2] ?? ''} p95` : null;
    },
  },
  {
    what: 'workspace of 10,000 requests in main: load / filter',
    script: 'workspace.ts',
    target: '(figures only)',
    figure: (out) => {
      const load = /load from disk.*?median ([\d.]+ ?ms)/.exec(out);
      const filter = /filter per keystroke.*?median ([\d.]+ ?ms)/.exec(out);
      return load && filter ? `${load[1] ?? ''} / ${filter[1] ?? ''} median` : null;
    },
  },
  { what: 'redaction walk of the 10,000-request tree, 50 secrets', script: 'redaction.ts', target: '(figures only)', figure: (out) => line(out, /^50 secrets:/)?.replace(/^50 secrets:\s*/, '') ?? null },
  {
    what: '`run-collection`, 1,000 PayNet-signed requests, concurrency 1, vs newman and bru (+ concurrency 16)',
    script: 'run-collection.ts',
    args: (tools) => ['--tools', tools],
    target: '>= 5x newman, >= 3x bru',
    figure: summary('run-collection'),
  },
  {
    what: 'CLI start-up: `--help` / `list` / `trace` (vault unlock) / newman `--version` / `trace` through the unlock agent',
    script: 'cli-startup.ts',
    args: (tools) => ['--tools', tools],
    target: '--help <= 0.15 s, list <= 0.3 s',
    figure: summary('cli-startup'),
  },
];

function runScript(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BENCH, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/.*load average:\s*/, '');
const { values } = parseArgs({ options: { only: { type: 'string' }, tools: { type: 'string' } } });
const only = values.only?.split(',').map((name) => name.replace(/\.ts$/, ''));
const work = await mkdtemp(join(tmpdir(), 'countersign-bench-all-'));
// newman and bru go into one temp prefix shared by the scripts that compare with them.
const tools = values.tools ?? join(work, 'tools');
try {
  const loadBefore = load();
  const outputs = new Map<string, { code: number | null; output: string }>();
  for (const row of ROWS) {
    if (only && !only.includes(row.script.replace(/\.ts$/, ''))) continue;
    if (outputs.has(row.script)) continue;
    process.stderr.write(`\n=== node scripts/bench/${row.script}\n`);
    outputs.set(row.script, await runScript(row.script, row.args?.(tools) ?? []));
  }
  const loadAfter = load();
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    `Measured ${when} UTC by \`npm run bench\`; load average (1, 5, 15 min) before ${loadBefore}, after ${loadAfter}.`,
    '',
    '| what | script | figure | target |',
    '|---|---|---|---|',
  ];
  for (const row of ROWS) {
    const result = outputs.get(row.script);
    if (!result) continue;
    const figure = result.code === 0 ? (row.figure(result.output) ?? 'figure not found in the output') : `failed (exit ${String(result.code)})`;
    lines.push(`| ${row.what} | \`node scripts/bench/${row.script}\` | ${figure} | ${row.target} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
