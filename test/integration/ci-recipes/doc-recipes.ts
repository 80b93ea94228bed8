import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const CI_DOC = fileURLToPath(new URL('../../../docs/ci.md', import.meta.url));

/** The fenced block that follows each `<!-- recipe: NAME -->` marker in docs/ci.md, by name. */
export async function recipesFromDoc(): Promise<Map<string, string>> {
  const text = await readFile(CI_DOC, 'utf8');
  const recipes = new Map<string, string>();
  for (const match of text.matchAll(/<!-- recipe: ([\w-]+) -->\n```[\w-]*\n([\s\S]*?)\n```/g)) {
    if (match[1] !== undefined && match[2] !== undefined) recipes.set(match[1], `${match[2]}\n`);
  }
  return recipes;
}

/** `${{ secrets.X }}`-style GitHub expressions replaced from a table; an unknown one is an error, never an empty string. */
export function githubExpressions(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for \${{ ${name} }}`);
    return value;
  });
}

/** `$NAME` and `${NAME}` expanded from the environment, as GitLab expands its `variables:`. */
export function shellVariables(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => env[name] ?? whole);
}

/** KEY=value lines, as systemd's EnvironmentFile and `set -a; .` read them (comments and blank lines skipped). */
export function environmentFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const at = trimmed.indexOf('=');
    if (at > 0) out[trimmed.slice(0, at)] = trimmed.slice(at + 1);
  }
  return out;
}
