import { dirname, join, resolve } from 'node:path';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { writeExportFile } from './export-file.ts';

type PostmanFiles = { text: string; environment?: { fileName: string; text: string } | undefined; notes: readonly string[] };

async function write(path: string, text: string, force: boolean, shown: string): Promise<string> {
  const written = await writeExportFile(resolve(path), text, force);
  if (written === 'exists') throw new CliError(`${shown} already exists and was left as it was: add --force to replace it.`, EXIT.usage);
  return written === 'replaced' ? ' (replaced)' : '';
}

/** Writes `export --format postman`: the collection to FILE (or stdout), its environment beside it, and what Postman cannot carry on stderr. */
export async function writePostmanExport(io: CliIo, files: PostmanFiles, options: { file: string; envOut: string | undefined; force: boolean; name: string }): Promise<ExitCode> {
  for (const note of files.notes) io.err(`Note: ${note}\n`);
  if (options.file === '-') io.out(files.text);
  else io.err(`Exported "${options.name}" as a Postman Collection v2.1 to ${options.file}${await write(options.file, files.text, options.force, options.file)}.\n`);
  if (files.environment !== undefined) {
    const envPath = options.envOut ?? join(options.file === '-' ? '.' : dirname(options.file), files.environment.fileName);
    io.err(`Wrote the environment (secrets by name, values empty) to ${envPath}${await write(envPath, files.environment.text, options.force, envPath)}.\n`);
  }
  return EXIT.ok;
}
