import { describe, expect, it } from 'vitest';
import { runDoctor, type DoctorSystem } from '../../../scripts/doctor.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\nID_LIKE=""\n';
const EVERY_TOOL = ['chromium', 'openssl', 'curl', 'python3', 'tinyproxy', 'git', 'gpg', 'pass', 'apt-get'];

type FakeOptions = {
  onPath?: string[];
  osRelease?: string | null;
  platform?: string;
  isRoot?: boolean;
  sudoWithoutPassword?: boolean;
  env?: Record<string, string>;
  executables?: string[];
  /** Commands that exit non-zero though present (a python3 without oauthlib). */
  failing?: string[];
  /** What an apt-get install puts on PATH. */
  aptInstalls?: boolean;
};

/** A machine made of lists: which commands answer, which files are executables, what apt does. */
function fakeSystem(options: FakeOptions = {}) {
  const onPath = new Set(options.onPath ?? EVERY_TOOL);
  const executables = new Set(options.executables ?? []);
  const visibleRuns: string[][] = [];
  const system: DoctorSystem = {
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    isRoot: options.isRoot ?? true,
    home: '/home/user',
    run(command) {
      if (command === 'sudo') return { status: options.sudoWithoutPassword ? 0 : 1, output: '' };
      const present = command.startsWith('/') ? executables.has(command) : onPath.has(command);
      if (!present || options.failing?.includes(command)) return { status: null, output: '' };
      // pass prints its version inside a banner, as the real one does.
      if (command === 'pass') return { status: 0, output: '====\n= pass: the standard unix password manager =\n=    v1.7.4    =\n====\n' };
      return { status: 0, output: `${command.split('/').pop() ?? command} 1.2.3\nmore text\n` };
    },
    runVisible(command, args) {
      visibleRuns.push([command, ...args]);
      const install = args.indexOf('install');
      if (install >= 0 && options.aptInstalls !== false) {
        for (const name of args.slice(install + 1).filter((arg) => !arg.startsWith('-'))) onPath.add(name === 'python3-oauthlib' ? 'python3' : name === 'gnupg' ? 'gpg' : name);
      }
      return options.aptInstalls === false && install >= 0 ? 100 : 0;
    },
    isExecutable: (path) => executables.has(path),
    readText: (path) => (path === '/etc/os-release' ? (options.osRelease === undefined ? DEBIAN : options.osRelease) : null),
    list: (dir) => (dir === '/home/user/.cache/ms-playwright' ? [...executables].filter((path) => path.startsWith(dir)).map((path) => path.slice(dir.length + 1).split('/')[0] ?? '') : []),
    which: (name) => (onPath.has(name) ? `/usr/bin/${name}` : null),
  };
  return { system, visibleRuns };
}

function run(options: FakeOptions, allowInstall = true) {
  const { system, visibleRuns } = fakeSystem(options);
  const out: string[] = [];
  const err: string[] = [];
  const env = runDoctor({ system, allowInstall, log: (line) => out.push(line), error: (line) => err.push(...line.split('\n')) });
  return { env, out, err, visibleRuns };
}

describe('npm test doctor', () => {
  it('runs the tests with the browser it found when every tool is present, installing nothing', () => {
    const { env, out, visibleRuns } = run({});
    expect(env).toEqual({ CHROMIUM_PATH: '/usr/bin/chromium', COUNTERSIGN_PYTHON: 'python3' });
    expect(out.filter((line) => line.includes('ok '))).toHaveLength(8);
    expect(out.join('\n')).toContain('openssl 1.2.3');
    expect(visibleRuns).toEqual([]);
  });

  it('installs every missing tool with one apt-get command as root on Debian, then checks again', () => {
    const { env, out, visibleRuns } = run({ onPath: ['curl', 'python3', 'git', 'gpg', 'pass', 'apt-get'] });
    expect(out.join('\n')).toContain("installing from Debian's packages: chromium openssl tinyproxy");
    expect(visibleRuns).toEqual([
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-q'],
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium', 'openssl', 'tinyproxy'],
    ]);
    expect(env?.CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });

  it('installs pass and gnupg (for gpg) from Debian when they are missing, and reads pass\'s version out of its banner', () => {
    const { env, out, visibleRuns } = run({ onPath: [...EVERY_TOOL].filter((tool) => tool !== 'gpg' && tool !== 'pass') });
    expect(visibleRuns[1]).toEqual(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', 'gnupg', 'pass']);
    expect(env).not.toBeNull();
    expect(out.join('\n')).toContain("installing from Debian's packages: gnupg pass");
    expect(out.find((line) => line.includes('pass') && line.includes('ok '))).toMatch(/v1\.7\.4/);
  });

  it('stops with the package names for each manager when gpg and pass are missing and nothing can be installed', () => {
    const { env, err } = run({ onPath: [...EVERY_TOOL].filter((tool) => tool !== 'gpg' && tool !== 'pass') }, false);
    expect(env).toBeNull();
    expect(err[0]).toBe('doctor: npm test needs gpg, pass, missing on this machine. Install with one of:');
    expect(err).toContain('  Fedora/RHEL:    sudo dnf install -y gnupg2 pass');
    expect(err).toContain('  macOS:          brew install gnupg pass');
  });

  it('uses passwordless sudo when not root', () => {
    const { env, visibleRuns } = run({ onPath: [...EVERY_TOOL].filter((tool) => tool !== 'tinyproxy').concat('sudo'), isRoot: false, sudoWithoutPassword: true });
    expect(visibleRuns[1]).toEqual(['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', 'tinyproxy']);
    expect(env).not.toBeNull();
  });

  it('stops before any test without root or sudo, and its first lines are the commands to run', () => {
    const { env, err, visibleRuns } = run({ onPath: ['chromium', 'curl', 'python3', 'git', 'gpg', 'pass', 'apt-get', 'sudo'], isRoot: false, sudoWithoutPassword: false });
    expect(env).toBeNull();
    expect(visibleRuns).toEqual([]);
    expect(err[0]).toBe('doctor: npm test needs openssl, tinyproxy, missing on this machine. Install with one of:');
    expect(err[1]).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends openssl tinyproxy');
    expect(err).toContain('  Fedora/RHEL:    sudo dnf install -y openssl tinyproxy');
    expect(err).toContain('  macOS:          brew install openssl@3 tinyproxy');
    expect(err.join('\n')).toMatch(/tinyproxy: a real HTTP\/CONNECT proxy/);
  });

  it('stops with dnf and brew commands where there is no apt (Fedora), even as root', () => {
    const { env, err, visibleRuns } = run({ onPath: ['chromium', 'curl', 'git', 'tinyproxy', 'gpg', 'pass'], osRelease: FEDORA });
    expect(env).toBeNull();
    expect(visibleRuns).toEqual([]);
    expect(err.join('\n')).toContain('sudo dnf install -y openssl python3-oauthlib');
    expect(err.join('\n')).toContain('python3 -m pip install oauthlib');
  });

  it('names a cask for the browser on macOS and mentions the other places a browser may come from', () => {
    const { env, err } = run({ platform: 'darwin', osRelease: null, onPath: ['openssl', 'curl', 'python3', 'tinyproxy', 'git', 'gpg', 'pass'] });
    expect(env).toBeNull();
    expect(err).toContain('  macOS:          brew install --cask chromium');
    expect(err.join('\n')).toContain('CHROMIUM_PATH=/path/to/chrome');
  });

  it('stops on a CHROMIUM_PATH that points nowhere rather than installing another browser behind the user’s back', () => {
    const { env, err, visibleRuns } = run({ env: { CHROMIUM_PATH: '/nonexistent' } });
    expect(env).toBeNull();
    expect(visibleRuns).toEqual([]);
    expect(err[0]).toBe('doctor: CHROMIUM_PATH is set to /nonexistent, which is not an executable file: fix it or unset it.');
  });

  it("finds a browser in Playwright's cache when none is on PATH", () => {
    const chrome = '/home/user/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome';
    const { env } = run({ onPath: ['openssl', 'curl', 'python3', 'tinyproxy', 'git', 'gpg', 'pass'], executables: [chrome] });
    expect(env?.CHROMIUM_PATH).toBe(chrome);
  });

  it("finds Debian's oauthlib in /usr/bin/python3 when the python3 on PATH lacks it, and tells the tests which python", () => {
    const { env } = run({ failing: ['python3'], executables: ['/usr/bin/python3'] });
    expect(env?.COUNTERSIGN_PYTHON).toBe('/usr/bin/python3');
  });

  it('with --no-install only checks, even as root on Debian', () => {
    const { env, visibleRuns, err } = run({ onPath: [...EVERY_TOOL].filter((tool) => tool !== 'git') }, false);
    expect(env).toBeNull();
    expect(visibleRuns).toEqual([]);
    expect(err[0]).toContain('needs git');
  });

  it('stops with the apt failure and the commands when the install does not work', () => {
    const { env, err } = run({ onPath: [...EVERY_TOOL].filter((tool) => tool !== 'openssl'), aptInstalls: false });
    expect(env).toBeNull();
    expect(err[0]).toContain('apt-get failed (exit 100)');
    expect(err.join('\n')).toContain('needs openssl');
  });
});
