import { ServiceError } from '../contract/errors.ts';
import type { KeySize } from '../contract/keys.ts';
import type { GeneratedKeyPair, KeyPairGenerator } from './generate-key-pair.ts';

export type GenerationJob = { jobId: string; bits: KeySize };
export type GenerationOutcome = { outcome: 'created'; pair: GeneratedKeyPair } | { outcome: 'cancelled' };

export type GenerationJobs = {
  /** Generates one key pair; resolves `cancelled` as soon as `cancel(jobId)` is called. */
  run(job: GenerationJob, onProgress: (elapsedMs: number) => void): Promise<GenerationOutcome>;
  cancel(jobId: string): boolean;
  cancelAll(): void;
};

export type GenerationJobsOptions = {
  generate: KeyPairGenerator;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
  progressIntervalMs?: number;
  /** Generations still computing, cancelled ones included; each holds a libuv pool thread. */
  maxInFlight?: number;
};

/**
 * Cancel stops the wait and drops the result, but cannot stop OpenSSL: the
 * prime search runs in a pool thread that neither Node nor a worker's
 * terminate() can interrupt (terminate waits for the native call to return).
 * So a cancelled generation finishes in the background and its key is thrown
 * away unseen; the in-flight cap keeps repeated generate/cancel from filling
 * the thread pool that file and DNS work also need.
 */
export function createGenerationJobs(options: GenerationJobsOptions): GenerationJobs {
  const now = options.now ?? (() => performance.now());
  const interval = options.progressIntervalMs ?? 250;
  const maxInFlight = options.maxInFlight ?? 2;
  const active = new Map<string, AbortController>();
  let inFlight = 0;

  const run = async (job: GenerationJob, onProgress: (elapsedMs: number) => void): Promise<GenerationOutcome> => {
    if (active.size > 0) throw new ServiceError('conflict', 'A key is already being generated. Wait for it to finish or cancel it first.');
    if (inFlight >= maxInFlight) {
      throw new ServiceError('conflict', 'A cancelled key generation is still finishing in the background. Try again in a few seconds.');
    }
    const controller = new AbortController();
    active.set(job.jobId, controller);
    inFlight += 1;
    const started = now();
    const tick = setInterval(() => onProgress(Math.round(now() - started)), interval);
    onProgress(0);
    const generation = options.generate(job.bits);
    // Counted down whenever OpenSSL is done, whether or not anyone still waits for it.
    generation.then(
      () => (inFlight -= 1),
      () => (inFlight -= 1),
    );
    const cancelled = new Promise<GenerationOutcome>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve({ outcome: 'cancelled' }), { once: true });
    });
    try {
      return await Promise.race([generation.then((pair): GenerationOutcome => ({ outcome: 'created', pair })), cancelled]);
    } finally {
      clearInterval(tick);
      active.delete(job.jobId);
    }
  };

  return {
    run,
    cancel(jobId) {
      const controller = active.get(jobId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    cancelAll() {
      for (const controller of active.values()) controller.abort();
    },
  };
}
