import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { runCli } from '../../../main/cli/index.ts';
import { COMMANDS } from '../../../main/cli/registry.ts';
import { bufferIo } from '../../support/cli-io.ts';

describe('countersign CLI', () => {
  it('lists every command in --help and exits 0', async () => {
    const io = bufferIo();
    expect(await runCli(['--help'], io)).toBe(EXIT.ok);
    for (const name of Object.keys(COMMANDS)) expect(io.stdout()).toContain(name);
  });

  it('explains itself and exits with the usage code when run bare', async () => {
    const io = bufferIo();
    expect(await runCli([], io)).toBe(EXIT.usage);
    expect(io.stdout()).toContain('Usage: countersign');
  });

  it('names an unknown command and exits with the usage code', async () => {
    const io = bufferIo();
    expect(await runCli(['frobnicate'], io)).toBe(EXIT.usage);
    expect(io.stderr()).toContain('unknown command "frobnicate"');
  });

  for (const name of Object.keys(COMMANDS)) {
    it(`${name} --help prints usage with an example`, async () => {
      const io = bufferIo();
      expect(await runCli([name, '--help'], io)).toBe(EXIT.ok);
      expect(io.stdout()).toMatch(new RegExp(`Usage: countersign ${name}`));
      expect(io.stdout()).toMatch(/Example/);
    });

    it(`${name} refuses an unknown option with the usage code`, async () => {
      const io = bufferIo();
      expect(await runCli([name, '--no-such-option'], io)).toBe(EXIT.usage);
      expect(io.stderr()).toContain('--no-such-option');
    });
  }

  it('exit codes are distinct', () => {
    const codes = Object.values(EXIT);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
