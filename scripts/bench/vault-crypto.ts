// Prints how long the vault's key derivation and encryption take here, to
// check that DEFAULT_SCRYPT_PARAMS costs >= 100 ms and that secrets of a
// megabyte stay cheap. Run: node scripts/bench/vault-crypto.ts
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSecret, sealSecret } from '../../main/vault/crypto/secret-codec.ts';
import { DEFAULT_SCRYPT_PARAMS, deriveKey, type ScryptParams } from '../../main/vault/crypto/scrypt-kdf.ts';
import { createVaultService } from '../../main/vault/vault-service.ts';

async function time(run: () => unknown, repeat: number): Promise<{ median: number; min: number }> {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] ?? 0, min: samples[0] ?? 0 };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`);

console.log('\nscrypt key derivation (r=8, p=1), 5 runs each:');
for (const log2 of [14, 15, 16, 17, 18]) {
  const params: ScryptParams = { N: 2 ** log2, r: 8, p: 1 };
  const { median, min } = await time(() => deriveKey('benchmark passphrase', randomBytes(16), params), 5);
  const mark = params.N === DEFAULT_SCRYPT_PARAMS.N ? '  <- default' : '';
  console.log(`  N=2^${log2} (${(128 * params.N * params.r) / 2 ** 20} MiB): median ${fmt(median)}, min ${fmt(min)}${mark}`);
}

const key = randomBytes(32);
const meta = { environment: 'uat', name: 'bundle', kind: 'certificate' as const, createdAt: '', updatedAt: '', hint: null };
const mib = 'M'.repeat(1024 * 1024);
const sealed = sealSecret(key, 'bench', meta, mib, randomBytes);
console.log('\nAES-256-GCM, 1 MiB value, 20 runs:');
console.log(`  seal: median ${fmt((await time(() => sealSecret(key, 'bench', meta, mib, randomBytes), 20)).median)}`);
console.log(`  open: median ${fmt((await time(() => openSecret(key, 'bench', sealed), 20)).median)}`);

const dir = await mkdtemp(join(tmpdir(), 'countersign-bench-'));
try {
  const vault = createVaultService({ dataDir: dir, platform: 'linux' });
  const setup = await time(() => vault.setup({ passphrase: 'benchmark passphrase' }), 1);
  console.log(`\nvault with default scrypt: setup ${fmt(setup.median)}`);
  let n = 0;
  const add = await time(() => vault.add({ environment: 'uat', name: `secret_${n++}`, kind: 'text', value: randomBytes(24).toString('hex') }), 100);
  console.log(`  add (atomic write + backup rotation), 100 secrets: median ${fmt(add.median)}`);
  await vault.lock();
  const unlock = await time(async () => {
    await vault.unlock({ passphrase: 'benchmark passphrase' });
    await vault.lock();
  }, 3);
  console.log(`  unlock with passphrase (100 secrets): median ${fmt(unlock.median)}`);
  const wrong = await time(() => vault.unlock({ passphrase: 'wrong passphrase!' }).catch(() => undefined), 3);
  console.log(`  wrong passphrase: median ${fmt(wrong.median)}`);
  await vault.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
