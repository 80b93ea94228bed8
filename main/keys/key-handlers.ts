import type { z } from 'zod';
import type { keysChannels } from '../contract/keys.ts';
import type { KeyService } from './key-service.ts';

type KeysChannels = typeof keysChannels;

/** One handler per key channel, typed from the keys contract (inputs already parsed by the door). */
export type KeysHandlers = {
  [K in Exclude<keyof KeysChannels, 'keys:test-sign'>]: (input: z.output<KeysChannels[K]['input']>) => Promise<z.output<KeysChannels[K]['output']>>;
};

/** Writes an exported private key to a new file (in `directory`, or the default folder) and returns its path. */
export type SaveExport = (fileName: string, pem: string, directory: string | undefined) => Promise<string>;

/**
 * The key channels mapped onto the service, so wiring them into the backend
 * is one spread: `{ ...createKeysHandlers(keys, saveExport) }`. A private key
 * export is written to disk in main; the caller only learns the path.
 */
export function createKeysHandlers(service: KeyService, saveExport: SaveExport): KeysHandlers {
  return {
    'keys:generate': (input) => service.generate(input),
    'keys:cancel-generation': ({ jobId }) => Promise.resolve(service.cancelGeneration(jobId)),
    'keys:list': ({ environment }) => service.list(environment),
    'keys:export-public': (ref) => service.exportPublic(ref),
    'keys:export-private': async ({ directory, ...request }) => {
      const exported = await service.exportPrivate(request);
      const path = await saveExport(exported.fileName, exported.pem, directory);
      return { path, fileName: exported.fileName, encrypted: exported.encrypted, warning: exported.warning };
    },
    'keys:import': (input) => service.importKey(input),
    'keys:rotate': (input) => service.rotate(input),
    'keys:confirm-rotation': (input) => service.confirmRotation(input),
    'keys:discard-rotation': (ref) => service.discardRotation(ref),
    'keys:delete': (input) => service.delete(input),
  };
}
