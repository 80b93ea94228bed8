import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGenerationJobs } from '../../../main/keys/generation-jobs.ts';
import { createControlledGenerator } from './fake-generator.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('generation jobs', () => {
  it('resolves with the generated pair', async () => {
    const generator = createControlledGenerator();
    const jobs = createGenerationJobs({ generate: generator.generate });
    const running = jobs.run({ jobId: 'a', bits: 3072 }, () => {});
    const pair = generator.finishNext();
    await expect(running).resolves.toEqual({ outcome: 'created', pair });
    expect(generator.requests).toEqual([3072]);
  });

  it('stops waiting the moment it is cancelled, while OpenSSL is still busy', async () => {
    const generator = createControlledGenerator();
    const jobs = createGenerationJobs({ generate: generator.generate });
    const running = jobs.run({ jobId: 'a', bits: 4096 }, () => {});
    expect(jobs.cancel('a')).toBe(true);
    await expect(running).resolves.toEqual({ outcome: 'cancelled' });
    expect(generator.pending()).toBe(1);
    expect(jobs.cancel('a')).toBe(false);
  });

  it('reports elapsed time while generating and stops reporting afterwards', async () => {
    vi.useFakeTimers();
    let clock = 0;
    const generator = createControlledGenerator();
    const jobs = createGenerationJobs({ generate: generator.generate, now: () => clock, progressIntervalMs: 100 });
    const progress: number[] = [];
    const running = jobs.run({ jobId: 'a', bits: 2048 }, (elapsed) => progress.push(elapsed));
    clock = 100;
    vi.advanceTimersByTime(100);
    clock = 200;
    vi.advanceTimersByTime(100);
    generator.finishNext();
    await running;
    vi.advanceTimersByTime(500);
    expect(progress).toEqual([0, 100, 200]);
  });

  it('runs one generation at a time', async () => {
    const generator = createControlledGenerator();
    const jobs = createGenerationJobs({ generate: generator.generate });
    const first = jobs.run({ jobId: 'a', bits: 2048 }, () => {});
    await expect(jobs.run({ jobId: 'b', bits: 2048 }, () => {})).rejects.toMatchObject({ code: 'conflict', message: /already being generated/ });
    generator.finishNext();
    await first;
    const second = jobs.run({ jobId: 'b', bits: 2048 }, () => {});
    generator.finishNext();
    await expect(second).resolves.toMatchObject({ outcome: 'created' });
  });

  it('caps cancelled generations still computing in the background, and frees the slot when they end', async () => {
    const generator = createControlledGenerator();
    const jobs = createGenerationJobs({ generate: generator.generate, maxInFlight: 2 });
    for (const jobId of ['a', 'b']) {
      const running = jobs.run({ jobId, bits: 4096 }, () => {});
      jobs.cancel(jobId);
      await running;
    }
    await expect(jobs.run({ jobId: 'c', bits: 4096 }, () => {})).rejects.toMatchObject({ code: 'conflict', message: /still finishing in the background/ });
    generator.finishNext();
    await Promise.resolve();
    await Promise.resolve();
    const third = jobs.run({ jobId: 'c', bits: 4096 }, () => {});
    generator.finishNext();
    generator.finishNext();
    await expect(third).resolves.toMatchObject({ outcome: 'created' });
  });

  it('passes a generator failure on', async () => {
    const generator = createControlledGenerator();
    const jobs = createGenerationJobs({ generate: generator.generate });
    const running = jobs.run({ jobId: 'a', bits: 2048 }, () => {});
    generator.failNext(new Error('entropy ran out'));
    await expect(running).rejects.toThrow('entropy ran out');
  });
});
