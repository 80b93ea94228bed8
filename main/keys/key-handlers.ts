import type { z } from 'zod';
import type { keysChannels } from '../contract/keys.ts';
import type { KeyService } from './key-service.ts';

type KeysChannels = typeof keysChannels;

/** One handler per key channel, typed from the keys contract (inputs already parsed by the door). */
export type KeysHandlers = {
  [K in keyof KeysChannels]: (input: z.output<KeysChannels[K]['input']>) => Promise<z.output<KeysChannels[K]['output']>>;
};

/**
 * The key channels mapped onto the service, so wiring them into the backend
 * is one spread: `{ ...createKeysHandlers(keys) }`.
 */
export function createKeysHandlers(service: KeyService): KeysHandlers {
  return {
    'keys:generate': (input) => service.generate(input),
    'keys:cancel-generation': ({ jobId }) => Promise.resolve(service.cancelGeneration(jobId)),
    'keys:list': ({ environment }) => service.list(environment),
    'keys:export-public': (ref) => service.exportPublic(ref),
    'keys:export-private': (input) => service.exportPrivate(input),
    'keys:import': (input) => service.importKey(input),
    'keys:rotate': (input) => service.rotate(input),
    'keys:confirm-rotation': (input) => service.confirmRotation(input),
    'keys:discard-rotation': (ref) => service.discardRotation(ref),
    'keys:delete': (input) => service.delete(input),
  };
}
