// Benchmark: the countersign command's start-up, as users run it (bin/countersign.mjs on the prebuilt
// bundle, built first): `--help`, `list`, and `trace` of a PayNet request (which unlocks the vault with
// the real scrypt cost), each from process start to exit with its peak RSS; median of alternating runs;
// then `trace` again through an unlock agent (`vault unlock --for`), which skips scrypt.
// With --tools DIR (a prefix holding newman, as run-collection.ts installs) newman --version too.
//
//   node scripts/bench/cli-startup.ts [--runs 7] [--tools DIR]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'countersign.mjs');
const PASSPHRASE = 'benchmark passphrase';
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, tools: { type: 'string' } } });
const runs = Number(values.runs);
const TIME = '/usr/bin/time';

type Run = { seconds: number; cpuSeconds: number | null; rssMiB: number | null; code: number | null; stderr: string };

/** Wall clock from spawn to exit; CPU (user + system) and peak RSS from GNU time where it exists (on a shared machine CPU is the steadier figure). */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const withTime = existsSync(TIME);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(withTime ? TIME : command, withTime ? ['-f', 'RSS_KB=%M CPU_S=%U+%S', command, ...args] : args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = /RSS_KB=(\d+)/.exec(stderr);
      const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr);
      resolve({ seconds, cpuSeconds: cpu?.[1] && cpu[2] ? Number(cpu[1]) + Number(cpu[2]) : null, rssMiB: rss?.[1] ? Number(rss[1]) / 1024 : null, code, stderr });
    });
  });
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

const dataDir = await mkdtemp(join(tmpdir(), 'countersign-startup-'));
try {
  const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as { buildCli: () => Promise<number> };
  await buildCli();
  const env = { COUNTERSIGN_DATA_DIR: dataDir, COUNTERSIGN_PASSPHRASE: PASSPHRASE };
  const init = await timed(process.execPath, [BIN, 'vault', 'init'], env);
  if (init.code !== 0) throw new Error(`vault init failed: ${init.stderr}`);
  const cases: [string, string, string[]][] = [
    ['countersign --help', process.execPath, [BIN, '--help']],
    ['countersign list', process.execPath, [BIN, 'list']],
    ['countersign trace (unlocks the vault)', process.execPath, [BIN, 'trace', 'PayNet OSP/Request a report', '--env', 'Sandbox']],
  ];
  const newman = values.tools ? join(values.tools, 'node_modules', '.bin', 'newman') : null;
  if (newman && existsSync(newman)) cases.push(['newman --version', newman, ['--version']]);
  const AGENT_CASE = 'countersign trace via the unlock agent';
  const results = new Map<string, Run[]>([...cases.map(([name]): [string, Run[]] => [name, []]), [AGENT_CASE, []]]);
  const runRounds = async (list: [string, string, string[]][], caseEnv: NodeJS.ProcessEnv): Promise<void> => {
    for (let round = 0; round < runs; round++) {
      for (const [name, command, args] of list) {
        const run = await timed(command, args, caseEnv);
        if (run.code !== 0) throw new Error(`${name} exited ${String(run.code)}: ${run.stderr}`);
        results.get(name)?.push(run);
      }
    }
  };
  await runRounds(cases, env);
  // Last, since a running agent serves every command on this data directory: no passphrase, no scrypt.
  const started = await timed(process.execPath, [BIN, 'vault', 'unlock', '--for', '10m'], env);
  if (started.code !== 0) throw new Error(`vault unlock --for failed: ${started.stderr}`);
  try {
    await runRounds([[AGENT_CASE, process.execPath, [BIN, 'trace', 'PayNet OSP/Request a report', '--env', 'Sandbox']]], { ...env, COUNTERSIGN_PASSPHRASE: '' });
  } finally {
    await timed(process.execPath, [BIN, 'vault', 'lock'], env);
  }
  console.log(`CLI start-up, prebuilt bundle through bin/countersign.mjs; node ${process.version}; median of ${String(runs)} alternating runs`);
  const summary: string[] = [];
  for (const [name, list] of results) {
    const seconds = median(list.map((run) => run.seconds));
    const rss = list[0]?.rssMiB === null ? null : median(list.map((run) => run.rssMiB ?? 0));
    const cpu = list[0]?.cpuSeconds === null ? null : median(list.map((run) => run.cpuSeconds ?? 0));
    console.log(`  ${name.padEnd(40)} ${seconds.toFixed(3)} s${cpu === null ? '' : `   ${cpu.toFixed(2)} s CPU`}${rss === null ? '' : `   ${rss.toFixed(0)} MiB peak RSS`}`);
    summary.push(`${name.replace('countersign ', '').replace(' (unlocks the vault)', '').replace(' via the unlock agent', ' (agent)')} ${seconds.toFixed(2)} s${rss === null ? '' : ` / ${rss.toFixed(0)} MiB`}`);
  }
  // bin/countersign.mjs runs the sources once any of them is newer than the bundle (another edit mid-run).
  const { freshCliBundle } = (await import(join(ROOT, 'scripts', 'cli-bundle.mjs'))) as { freshCliBundle: (root: string) => string | null };
  const stale = freshCliBundle(ROOT) === null ? ' (WARNING: a source changed during the run, so some runs used the sources, not the bundle)' : '';
  console.log(`SUMMARY cli-startup: ${summary.join('; ')}${stale}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
