// npm test's first step (also `npm run doctor`): checks every system tool the test suite
// drives, with versions. On Debian/Ubuntu as root (or with passwordless sudo) it installs
// what is missing with one apt-get command; elsewhere it stops before any test runs and
// prints the exact command for apt, dnf and brew. Plain JavaScript, so Node 20 can run it.
//
//   node scripts/doctor.mjs              check, install what is missing where it can
//   node scripts/doctor.mjs --no-install check only; missing tools stop it with the commands
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tools the suite uses and what for. A tool's `probe` is a command whose exit 0
 * means present; its output's first line is the version shown. `packages` names the
 * package per package manager (null: that manager has none; see `note`).
 */
export const TOOLS = [
  {
    id: 'chromium',
    purpose: 'the end-to-end tests drive it through Playwright, in browser mode',
    browser: true,
    packages: { apt: 'chromium', dnf: 'chromium', brew: '--cask chromium' },
  },
  {
    id: 'openssl',
    purpose: 'checks our RSA keys and signatures with code we did not write; makes test CAs and certificates',
    probe: ['openssl', ['version']],
    packages: { apt: 'openssl', dnf: 'openssl', brew: 'openssl@3' },
  },
  {
    id: 'curl',
    purpose: 'the client our copy-as-curl commands and download figures are compared with',
    probe: ['curl', ['--version']],
    packages: { apt: 'curl', dnf: 'curl', brew: 'curl' },
  },
  {
    id: 'python3-oauthlib',
    purpose: "python3's oauthlib verifies our OAuth 1.0a signatures independently",
    // Debian's python3-oauthlib lands in /usr/bin/python3, which a pyenv or venv python3 on PATH may hide.
    probe: ['python3', ['-c', 'import oauthlib, sys; print("oauthlib " + oauthlib.__version__ + ", python " + sys.version.split()[0])']],
    alternatives: ['/usr/bin/python3'],
    exportAs: 'COUNTERSIGN_PYTHON',
    packages: { apt: 'python3-oauthlib', dnf: 'python3-oauthlib', brew: null },
    note: 'on macOS: brew install python && python3 -m pip install oauthlib',
  },
  {
    id: 'tinyproxy',
    purpose: 'a real HTTP/CONNECT proxy on loopback for the proxy tests',
    probe: ['tinyproxy', ['-v']],
    packages: { apt: 'tinyproxy', dnf: 'tinyproxy', brew: 'tinyproxy' },
  },
  {
    id: 'git',
    purpose: 'the fresh-clone checks',
    probe: ['git', ['--version']],
    packages: { apt: 'git', dnf: 'git', brew: 'git' },
  },
  {
    id: 'gpg',
    purpose: 'throwaway GPG keys for the pass secret-provider tests; pass decrypts with it',
    probe: ['gpg', ['--version']],
    packages: { apt: 'gnupg', dnf: 'gnupg2', brew: 'gnupg' },
  },
  {
    id: 'pass',
    purpose: 'a real password store the pass secret provider is tested against',
    probe: ['pass', ['version']],
    // pass prints its version inside a banner of "=" lines.
    versionPattern: /v\d+(\.\d+)+/,
    packages: { apt: 'pass', dnf: 'pass', brew: 'pass' },
  },
];

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MAC_BROWSERS = ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** The machine as the doctor sees it; tests pass a fake. */
export function realSystem() {
  return {
    platform: process.platform,
    env: process.env,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    home: homedir(),
    run(command, args) {
      const result = spawnSync(command, args, { encoding: 'utf8', timeout: 15_000 });
      return { status: result.error ? null : result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
    },
    /** Runs with the terminal attached, so a long install shows its progress. */
    runVisible(command, args) {
      const result = spawnSync(command, args, { stdio: 'inherit' });
      return result.error ? 1 : (result.status ?? 1);
    },
    isExecutable(path) {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    /** Where each name resolves on PATH, or null. */
    which(name) {
      for (const dir of (process.env.PATH ?? '').split(':')) {
        if (dir && this.isExecutable(join(dir, name))) return join(dir, name);
      }
      return null;
    },
  };
}

function firstLine(text) {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim();
}

/** A browser for Playwright: CHROMIUM_PATH, a Chromium or Chrome on PATH or in /Applications, or Playwright's own cache. */
function findBrowser(system) {
  const chosen = system.env.CHROMIUM_PATH;
  if (chosen) {
    if (!system.isExecutable(chosen)) return { present: false, problem: `CHROMIUM_PATH is set to ${chosen}, which is not an executable file: fix it or unset it` };
    return versionOf(system, chosen, 'CHROMIUM_PATH');
  }
  for (const name of BROWSER_NAMES) {
    const path = system.which(name);
    if (path) return versionOf(system, path, 'PATH');
  }
  if (system.platform === 'darwin') {
    for (const path of MAC_BROWSERS) if (system.isExecutable(path)) return versionOf(system, path, '/Applications');
  }
  const cache = join(system.env.PLAYWRIGHT_BROWSERS_PATH || join(system.home, '.cache', 'ms-playwright'));
  for (const dir of system.list(cache).filter((name) => name.startsWith('chromium-')).sort().reverse()) {
    for (const sub of ['chrome-linux64/chrome', 'chrome-linux/chrome']) {
      const path = join(cache, dir, sub);
      if (system.isExecutable(path)) return versionOf(system, path, "Playwright's browser cache");
    }
  }
  return { present: false };
}

function versionOf(system, path, source) {
  const result = system.run(path, ['--version']);
  return { present: true, path, source, version: result.status === 0 ? firstLine(result.output) : 'version unknown' };
}

/** Each tool: present (with version and, for the browser, its path) or missing. */
export function survey(system, tools = TOOLS) {
  return tools.map((tool) => {
    if (tool.browser) return { tool, ...findBrowser(system) };
    const [command, args] = tool.probe;
    for (const candidate of [command, ...(tool.alternatives ?? [])]) {
      const result = system.run(candidate, args);
      if (result.status === 0) {
        const version = (tool.versionPattern ? tool.versionPattern.exec(result.output)?.[0] : undefined) ?? firstLine(result.output);
        return { tool, present: true, version, ...(tool.exportAs ? { path: candidate } : {}) };
      }
    }
    return { tool, present: false };
  });
}

function isDebianLike(system) {
  if (system.platform !== 'linux') return false;
  const release = system.readText('/etc/os-release') ?? '';
  const field = (name) => (release.match(new RegExp(`^${name}="?([^"\\n]*)"?`, 'm'))?.[1] ?? '').toLowerCase();
  const family = `${field('ID')} ${field('ID_LIKE')}`;
  return /\b(debian|ubuntu)\b/.test(family) && system.which('apt-get') !== null;
}

/**
 * What to do about the survey: nothing, one apt-get install, or stop with instructions.
 * A problem that no package fixes (a CHROMIUM_PATH pointing nowhere) always stops.
 */
export function decide(findings, system, { allowInstall = true } = {}) {
  const missing = findings.filter((finding) => !finding.present);
  if (missing.length === 0) return { action: 'ready' };
  const problems = missing.filter((finding) => finding.problem);
  if (problems.length === 0 && allowInstall && isDebianLike(system)) {
    const sudo = system.isRoot ? null : system.which('sudo') && system.run('sudo', ['-n', 'true']).status === 0 ? 'sudo' : undefined;
    if (sudo !== undefined) {
      return { action: 'install', sudo, packages: missing.map((finding) => finding.tool.packages.apt) };
    }
  }
  return { action: 'stop', missing };
}

/** One exact command per package manager for the missing tools. */
export function installCommands(missing) {
  const names = (manager) => missing.map((finding) => finding.tool.packages[manager]).filter(Boolean);
  const lines = [];
  const apt = names('apt');
  if (apt.length) lines.push(`Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${apt.join(' ')}`);
  const dnf = names('dnf');
  if (dnf.length) lines.push(`Fedora/RHEL:    sudo dnf install -y ${dnf.join(' ')}`);
  const brew = names('brew');
  const casks = brew.filter((name) => name.startsWith('--cask ')).map((name) => name.slice('--cask '.length));
  const formulae = brew.filter((name) => !name.startsWith('--cask '));
  if (formulae.length) lines.push(`macOS:          brew install ${formulae.join(' ')}`);
  if (casks.length) lines.push(`macOS:          brew install --cask ${casks.join(' ')}`);
  for (const finding of missing) if (finding.tool.note) lines.push(`${finding.tool.id}: ${finding.tool.note}`);
  return lines;
}

function stopMessage(missing) {
  const problems = missing.filter((finding) => finding.problem);
  const absent = missing.filter((finding) => !finding.problem);
  const out = [];
  for (const finding of problems) out.push(`doctor: ${finding.problem}.`);
  if (absent.length) {
    out.push(`doctor: npm test needs ${absent.map((finding) => finding.tool.id).join(', ')}, missing on this machine. Install with one of:`);
    for (const line of installCommands(absent)) out.push(`  ${line}`);
    out.push('What each is for:');
    for (const finding of absent) out.push(`  ${finding.tool.id}: ${finding.tool.purpose}`);
    if (absent.some((finding) => finding.tool.browser)) {
      out.push('  (a browser may also come from CHROMIUM_PATH=/path/to/chrome, an installed Google Chrome or Chromium, or Playwright\'s browser cache)');
    }
  }
  out.push('doctor: no test was run.');
  return out.join('\n');
}

function report(findings, log) {
  for (const finding of findings) {
    const where = finding.path ? ` (${finding.path}${finding.source ? `, from ${finding.source}` : ''})` : '';
    const version = finding.present ? finding.version.slice(0, 60) : '';
    log(`doctor: ${finding.present ? 'ok     ' : 'missing'} ${finding.tool.id.padEnd(17)} ${version}${where}`.trimEnd());
  }
}

/**
 * Checks, installs where it may, checks again. Returns the environment the tests
 * should run with (CHROMIUM_PATH set to the browser found), or null after printing
 * why nothing can run.
 */
export function runDoctor({ system = realSystem(), allowInstall = true, log = console.log, error = console.error } = {}) {
  let findings = survey(system);
  let decision = decide(findings, system, { allowInstall });
  // Where nothing can run, the first lines say what to do; the survey follows.
  if (decision.action === 'stop') error(stopMessage(decision.missing));
  report(findings, log);
  if (decision.action === 'stop') return null;
  if (decision.action === 'install') {
    log(`doctor: installing from Debian's packages: ${decision.packages.join(' ')} (a first run on a 2-core machine takes a few minutes)`);
    // sudo resets the environment, so DEBIAN_FRONTEND goes through env on its far side.
    const apt = (args) => system.runVisible(decision.sudo ?? 'env', [...(decision.sudo ? ['-n', 'env'] : []), 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]);
    const status = apt(['update', '-q']) === 0 ? apt(['install', '-y', '-q', '--no-install-recommends', ...decision.packages]) : 1;
    if (status !== 0) error(`doctor: apt-get failed (exit ${status}); its output is above.`);
    findings = survey(system);
    report(findings.filter((finding) => decision.packages.includes(finding.tool.packages.apt)), log);
    decision = decide(findings, system, { allowInstall: false });
  }
  if (decision.action === 'stop') {
    error(stopMessage(decision.missing));
    return null;
  }
  // The tests read these to reach the very tool the doctor checked.
  const env = {};
  for (const finding of findings) {
    const name = finding.tool.browser ? 'CHROMIUM_PATH' : finding.tool.exportAs;
    if (name && finding.path) env[name] = finding.path;
  }
  return env;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = runDoctor({ allowInstall: !process.argv.includes('--no-install') });
  process.exit(env ? 0 : 1);
}
