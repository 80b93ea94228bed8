import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { SANDBOX_CREDENTIALS, SANDBOX_SAMPLE_IDS } from '../../../main/sandbox/credentials.ts';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { environmentFile, githubExpressions, recipesFromDoc, shellVariables } from './doc-recipes.ts';

const CLI_ENTRY = fileURLToPath(new URL('../../../bin/countersign.mjs', import.meta.url));
const SECRET = SANDBOX_CREDENTIALS.paynet.clientSecret;

type Ran = { code: number | null; stdout: string; stderr: string };
const printed: string[] = [];

/** Runs a shell script as a CI runner or systemd would: its own environment only, plus our `countersign` on PATH. */
function shell(program: 'bash' | 'sh', script: string, options: { cwd: string; env: Record<string, string> }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const args = program === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script] : ['-c', script];
    // `countersign` is the checkout's bin/countersign.mjs: the prebuilt bundle when it is fresh, else the sources, as for a user.
    const env = { PATH: `${binDir}:${process.env.PATH ?? ''}`, ...options.env };
    const child = spawn(program, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      printed.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

let root: Awaited<ReturnType<typeof makeTempDir>>;
let sandbox: RunningSandbox;
let binDir: string;
let repo: string;
let recipes: Map<string, string>;

const recipe = (name: string): string => {
  const text = recipes.get(name);
  if (text === undefined) throw new Error(`docs/ci.md has no recipe "${name}"`);
  return text;
};

/** A team member's setup, once: the workspace as a folder in the repo, UAT and Production read secrets from env variables. */
async function prepareWorkspace(folder: string): Promise<void> {
  const prep = join(root.path, 'prep-data');
  const cli = (args: string[]) => shell('bash', `countersign ${args.map((arg) => `'${arg}'`).join(' ')}`, { cwd: root.path, env: { HOME: root.path, COUNTERSIGN_DATA_DIR: prep } });
  const init = await cli(['workspace', 'init', folder, '--from-current']);
  expect(init.code, init.stderr).toBe(0);
  for (const env of ['UAT', 'Production']) {
    const set = await cli([
      '--workspace', folder, 'env', 'set', 'PayNet OSP', env,
      `baseUrl=${sandbox.url}/osp`, `tokenUrl=${sandbox.url}/osp/token`, `clientId=${SANDBOX_CREDENTIALS.paynet.clientId}`, `reportId=${SANDBOX_SAMPLE_IDS.paynetReportId}`,
      '--secret-provider', 'env',
    ]);
    expect(set.code, set.stderr).toBe(0);
  }
  await setAssertions(folder, 'request-a-report', [{ kind: 'status', expected: '202' }, { kind: 'jsonpath', path: '$.reportId', op: 'exists' }]);
  await setAssertions(folder, 'report-status', [
    { kind: 'status', expected: '200' },
    { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'READY' },
    { kind: 'json-schema', schema: JSON.stringify({ type: 'object', required: ['reportId', 'status'] }) },
  ]);
}

/** Edits a request file of the PayNet OSP collection as a reviewer would see it in a pull request. */
async function setAssertions(folder: string, request: string, assertions: unknown[]): Promise<void> {
  const file = join(folder, 'paynet-osp', `${request}.request.yaml`);
  const parsed = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, stringify({ ...parsed, assertions }));
}

beforeAll(async () => {
  root = await makeTempDir();
  sandbox = await startSandbox({ paynet: { pollsUntilReady: 1 } });
  recipes = await recipesFromDoc();
  binDir = join(root.path, 'bin');
  await mkdir(binDir);
  // As the README says for a machine without npm: link the checkout's command.
  await symlink(CLI_ENTRY, join(binDir, 'countersign'));
  repo = join(root.path, 'repo');
  await mkdir(repo);
  await prepareWorkspace(join(repo, 'api'));
}, 120_000);

afterAll(async () => {
  await sandbox.close();
  await root.remove();
  const all = printed.join('\n');
  expect(all).not.toContain(SECRET);
});

describe('docs/ci.md recipes, run as written against the sandbox', () => {
  it('has every recipe the page describes', () => {
    expect([...recipes.keys()]).toEqual(['github-actions', 'gitlab-ci', 'daily-report-script', 'daily-report-env', 'daily-report-service', 'daily-report-timer', 'daily-report-cron']);
  });

  it('GitHub Actions: the run steps pass with the secret only in the job env, and fail with exit 7 and a JUnit failure when an assertion does', async () => {
    const workflow = parse(recipe('github-actions')) as { jobs: Record<string, { env: Record<string, string>; steps: { name?: string; run?: string }[] }> };
    const job = workflow.jobs['paynet-uat'];
    if (!job) throw new Error('no paynet-uat job');
    const runnerTemp = join(root.path, 'runner-temp');
    await mkdir(runnerTemp);
    const env = Object.fromEntries(
      Object.entries(job.env).map(([name, value]) => [name, githubExpressions(value, { 'runner.temp': runnerTemp, 'secrets.PAYNET_UAT_CLIENT_SECRET': SECRET })]),
    );
    // The install step is replaced by the `countersign` link on PATH; every other run step runs as written.
    const steps = job.steps.filter((step) => step.run !== undefined && !(step.name ?? '').startsWith('Install'));
    expect(steps.map((step) => step.name)).toEqual(['Run the PayNet OSP collection on UAT']);
    const runJob = async () => {
      for (const step of steps) {
        const result = await shell('bash', step.run ?? '', { cwd: repo, env: { HOME: root.path, ...env } });
        if (result.code !== 0) return result;
      }
      return { code: 0, stdout: '', stderr: '' };
    };

    const passed = await runJob();
    expect(passed.code, passed.stderr + passed.stdout).toBe(EXIT.ok);
    const report = await readFile(join(repo, 'reports', 'paynet-uat.xml'), 'utf8');
    // 4 sends + 5 assertions.
    expect(report).toContain('tests="9" failures="0"');
    expect(report).toContain('name="PayNet OSP/Report status › $.status equals READY"');

    await setAssertions(join(repo, 'api'), 'report-status', [{ kind: 'jsonpath', path: '$.status', op: 'equals', value: 'PENDING' }]);
    try {
      const failed = await runJob();
      expect(failed.code).toBe(EXIT.assertions);
      const failedReport = await readFile(join(repo, 'reports', 'paynet-uat.xml'), 'utf8');
      expect(failedReport).toContain('failures="1"');
      expect(failedReport).toMatch(/name="PayNet OSP\/Report status › \$\.status equals PENDING" time="[\d.]+">\s*<failure message="\$\.status is READY, expected PENDING\." type="assertion"\/>/);
    } finally {
      await setAssertions(join(repo, 'api'), 'report-status', [{ kind: 'status', expected: '200' }, { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'READY' }]);
    }
  });

  it('GitLab CI: the script passes with the secret as a CI/CD variable and writes the JUnit report GitLab reads', async () => {
    const pipeline = parse(recipe('gitlab-ci')) as Record<string, { variables: Record<string, string>; script: string[]; artifacts: { reports: { junit: string } } }>;
    const job = pipeline['paynet-uat'];
    if (!job) throw new Error('no paynet-uat job');
    const predefined = { CI_PROJECT_DIR: repo, HOME: root.path, COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET: SECRET };
    const variables = Object.fromEntries(Object.entries(job.variables).map(([name, value]) => [name, shellVariables(value, predefined)]));
    expect(variables.COUNTERSIGN_DATA_DIR).toBe(join(repo, '.countersign-data'));
    const result = await shell('bash', job.script.join('\n'), { cwd: repo, env: { ...predefined, ...variables } });
    expect(result.code, result.stderr + result.stdout).toBe(EXIT.ok);
    const report = await readFile(join(repo, job.artifacts.reports.junit), 'utf8');
    expect(report).toContain('failures="0"');
    expect(report).toContain('name="PayNet OSP/Request a report › status is 202"');
    // No vault was made on the runner: the env provider served the secret.
    expect(await readdir(variables.COUNTERSIGN_DATA_DIR ?? '')).not.toContain('vault.json');
  });

  it('daily report: the systemd service (EnvironmentFile + ExecStart) and the crontab line fetch yesterday\'s report with a JUnit record', async () => {
    const home = join(root.path, 'analyst');
    await mkdir(join(home, 'bin'), { recursive: true });
    await mkdir(join(home, '.config', 'countersign'), { recursive: true });
    await mkdir(join(home, 'payments'), { recursive: true });
    await cp(join(repo, 'api'), join(home, 'payments', 'api'), { recursive: true });
    const script = join(home, 'bin', 'paynet-daily-report');
    await writeFile(script, recipe('daily-report-script'));
    await chmod(script, 0o755);
    // The documented env file, with the real (sandbox) secret in place of the placeholder.
    const envText = recipe('daily-report-env').replace('the-client-secret', SECRET);
    expect(Object.keys(environmentFile(envText))).toEqual(['COUNTERSIGN_SECRET_PRODUCTION_PAYNET_CLIENT_SECRET']);
    await writeFile(join(home, '.config', 'countersign', 'paynet-report.env'), envText, { mode: 0o600 });

    const service = recipe('daily-report-service');
    const setting = (key: string) => (service.match(new RegExp(`^${key}=(.+)$`, 'm'))?.[1] ?? '').replaceAll('%h', home);
    expect(setting('ExecStart')).toBe(script);
    const fromFile = environmentFile(await readFile(setting('EnvironmentFile'), 'utf8'));
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const byTimer = await shell('sh', setting('ExecStart'), { cwd: home, env: { HOME: home, ...fromFile } });
    expect(byTimer.code, byTimer.stderr).toBe(EXIT.ok);
    const folder = join(home, 'reports', 'paynet', day);
    const files = await readdir(folder);
    expect(files.filter((name) => name.endsWith('.csv'))).toHaveLength(1);
    const junit = await readFile(join(folder, 'run.xml'), 'utf8');
    // 4 steps + 2 assertions on "Request a report" + 2 on "Report status" (checked on the poll's final, READY answer).
    expect(junit).toContain('tests="8" failures="0"');
    expect(junit).toContain('name="3. Wait until it is ready › $.status equals READY"');
    expect(junit).toContain('name="2. Request the report › status is 202"');

    // The crontab line: the five time fields, then the command cron hands to sh.
    const line = recipe('daily-report-cron').trim();
    const fields = line.split(/\s+/);
    expect(fields.slice(0, 5)).toEqual(['30', '6', '*', '*', '*']);
    const command = line.replace(/^(\S+\s+){5}/, '');
    const byCron = await shell('sh', command, { cwd: home, env: { HOME: home } });
    expect(byCron.code, byCron.stderr).toBe(EXIT.ok);
    expect((await readdir(folder)).filter((name) => name.endsWith('.csv')).length).toBeGreaterThanOrEqual(1);
    expect(await readFile(join(home, 'reports', 'paynet', 'cron.log'), 'utf8')).toContain('Download report on Production: succeeded');
  });

  it('the timer\'s calendar spec is one systemd accepts', async () => {
    const spec = recipe('daily-report-timer').match(/^OnCalendar=(.+)$/m)?.[1] ?? '';
    expect(spec).toBe('*-*-* 06:30:00');
    const checked = await shell('sh', `command -v systemd-analyze >/dev/null || exit 0; systemd-analyze calendar '${spec}'`, { cwd: root.path, env: { HOME: root.path } });
    expect(checked.code, checked.stderr).toBe(0);
  });
});
