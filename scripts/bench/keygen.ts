// Prints RSA key generation times per size and the event-loop delay main
// would see during 4096-bit generation (target: max <= 50 ms).
// Run: node scripts/bench/keygen.ts [runs-per-size]
import { generateKeyPairSync } from 'node:crypto';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { KEY_SIZES, type KeySize } from '../../main/contract/keys.ts';
import { generateRsaKeyPair } from '../../main/keys/generate-key-pair.ts';
import { EXPORT_PBKDF2_ITERATIONS, encryptedPkcs8Pem } from '../../main/keys/pbes2.ts';

const runs = Number(process.argv[2] ?? '5');

const ms = (value: number): string => `${value.toFixed(1)} ms`;

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `min ${ms(sorted[0] ?? Number.NaN)}  median ${ms(median)}  mean ${ms(mean)}  max ${ms(sorted.at(-1) ?? Number.NaN)}`;
}

async function timeGeneration(bits: KeySize): Promise<number> {
  const started = performance.now();
  await generateRsaKeyPair(bits);
  return performance.now() - started;
}

/** Event-loop delay while `work` runs, sampled every millisecond. */
async function loopDelayDuring(work: () => Promise<unknown>): Promise<{ maxMs: number; p99Ms: number; meanMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, meanMs: histogram.mean / 1e6 };
}

console.log(`node ${process.version}, openssl ${process.versions.openssl}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${runs} runs per size`);
console.log('\nAsync generation time (generateKeyPair, exponent 65537):');
for (const bits of KEY_SIZES) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeGeneration(bits));
  console.log(`  ${bits}: ${stats(times)}`);
}

console.log('\nEvent-loop delay during one 4096-bit async generation (each followed by an idle window as long, for comparison):');
const delays: { maxMs: number; p99Ms: number; meanMs: number }[] = [];
const idles: { maxMs: number }[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  delays.push(await loopDelayDuring(() => generateRsaKeyPair(4096)));
  const took = performance.now() - started;
  idles.push(await loopDelayDuring(() => new Promise((resolve) => setTimeout(resolve, took))));
}
console.log(`  generating, max per run: ${delays.map((d) => d.maxMs.toFixed(1)).join(', ')} ms`);
console.log(`  idle,       max per run: ${idles.map((d) => d.maxMs.toFixed(1)).join(', ')} ms`);
console.log(`  generating: worst max ${ms(Math.max(...delays.map((d) => d.maxMs)))}  worst p99 ${ms(Math.max(...delays.map((d) => d.p99Ms)))}  mean ${ms(delays.reduce((s, d) => s + d.meanMs, 0) / delays.length)}`);
console.log(`  idle:       worst max ${ms(Math.max(...idles.map((d) => d.maxMs)))}`);

const blocking = await loopDelayDuring(async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  generateKeyPairSync('rsa', { modulusLength: 4096 });
  await new Promise((resolve) => setTimeout(resolve, 5));
});
console.log(`  for comparison, generateKeyPairSync 4096 (what not to do): max ${ms(blocking.maxMs)}`);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
const exportTimes: number[] = [];
let exportDelay = { maxMs: 0, p99Ms: 0, meanMs: 0 };
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  exportDelay = await loopDelayDuring(() => encryptedPkcs8Pem(privateKey, 'benchmark passphrase'));
  exportTimes.push(performance.now() - started);
}
console.log(`\nEncrypted PKCS#8 export (PBKDF2-HMAC-SHA256, ${EXPORT_PBKDF2_ITERATIONS} rounds, 4096-bit key): ${stats(exportTimes)}`);
console.log(`  event-loop delay during the last export: max ${ms(exportDelay.maxMs)}`);
