import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI reaches services through backend.dispatcher, like the window and browser mode, so all three doors
// share input parsing and output stripping. These members of the backend are wiring, not services.
const WIRING = new Set(['dispatcher', 'close', 'setSecretProviderEnvironment', 'unlockOnFirstSecret']);
const REASON = /\/\/ direct call: \S.{9,}/;

type Finding = { file: string; line: number; text: string };

/** Every use of a backend service that is not through the dispatcher and has no "// direct call: why" comment on or above its line. */
export function directServiceCalls(file: string, source: string): Finding[] {
  const lines = source.split('\n');
  const found: Finding[] = [];
  lines.forEach((text, index) => {
    const hit = (why: boolean) => {
      if (!why) found.push({ file, line: index + 1, text: text.trim() });
    };
    if (/^\s*(import|export) .* from '/.test(text)) return;
    const explained = REASON.test(text) || REASON.test(lines[index - 1] ?? '');
    for (const match of text.matchAll(/\bbackend\s*(?:\?\.|\.)\s*(\w+)/g)) if (!WIRING.has(match[1] ?? '')) hit(explained);
    // Other ways to reach a service past the check above: destructuring, indexing, another name for the backend.
    const destructured = /\{([^}]*)\}\s*=\s*backend\b/.exec(text)?.[1];
    if (destructured !== undefined && !destructured.split(',').every((name) => WIRING.has(name.split(':')[0]?.trim() ?? ''))) hit(false);
    if (/\bbackend\s*\[/.test(text)) hit(false);
    for (const match of text.matchAll(/\b(\w+)\s*:\s*Backend\b/g)) if (match[1] !== 'backend') hit(false);
    // The work callback is the last arrow on the line.
    const worker = /withBackend\(.*\(\s*(\w+)\s*\)\s*=>/.exec(text)?.[1];
    if (worker !== undefined && worker !== 'backend') hit(false);
  });
  return found;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'main', 'cli');

describe('the CLI calls services through the dispatcher', () => {
  it('has no direct service call in main/cli without a stated reason', () => {
    const files = sourcesUnder(CLI);
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap((file) => directServiceCalls(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(findings).toEqual([]);
  });

  it('keeps the stated exceptions to streamed events and the inbox redactor', () => {
    const reasons = sourcesUnder(CLI).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((text, index, lines) => (REASON.test(lines[index - 1] ?? '') ? [/\bbackend\.(\w+\.\w+)/.exec(text)?.[1] ?? text.trim()] : [])),
    );
    expect(new Set(reasons)).toEqual(new Set(['bus.subscribe', 'vault.get']));
  });

  it('flags a command that calls a service itself', () => {
    const probe = [
      "const tree = await backend.dispatcher.call('workspace:tree', {});",
      'const result = await backend.requests.send({ requestId, environmentId });',
      "if ((await backend.vault.status()).state === 'absent') return;",
      'const { vault } = backend;',
      'const { dispatcher } = backend;',
      'async function list(b: Backend) {}',
      'await withBackend(dir, io, context, async (b) => b.history.list());',
      '// direct call: progress events stream through the bus while the call runs.',
      'const unsubscribe = backend.bus.subscribe(() => undefined);',
      'backend.keys.exportPrivate(ref); // direct call',
    ].join('\n');
    expect(directServiceCalls('probe.ts', probe).map((finding) => finding.line)).toEqual([2, 3, 4, 6, 7, 10]);
  });
});
