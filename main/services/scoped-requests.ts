import type { RequestService } from '../requests/request-service.ts';
import type { SendScope } from '../secret-providers/send-scope.ts';

/**
 * The request service with each send, sign and curl run in its
 * environment's secret scope; sends and signs report which provider served
 * each secret (by name, never the value) as `secretSources`.
 */
export function withSecretScope(requests: RequestService, scope: SendScope): RequestService {
  return {
    ...requests,
    send: async (input) => {
      const { result, sources } = await scope.run(input.environmentId, () => requests.send(input));
      return { ...result, secretSources: sources };
    },
    sign: async (input) => {
      const { result, sources } = await scope.run(input.environmentId, () => requests.sign(input));
      return { ...result, secretSources: sources };
    },
    curl: async (input) => (await scope.run(input.environmentId, () => requests.curl(input))).result,
  };
}
