import { ServiceError } from '../../contract/errors.ts';
import type { CollectionFile } from '../exchange/format.ts';
import { slug } from '../exchange/secret-names.ts';
import { exportPostman } from './export-postman.ts';

export type PostmanExportFiles = {
  fileName: string;
  text: string;
  environment?: { fileName: string; text: string };
  notes: string[];
};

/** The Postman collection file and, when an environment is named, its Postman environment file beside it. */
export function postmanExportFiles(file: CollectionFile, environmentName?: string): PostmanExportFiles {
  const { collection } = file;
  if (environmentName !== undefined && !collection.environments.some((env) => env.name === environmentName)) {
    throw new ServiceError('not_found', `"${collection.name}" has no environment "${environmentName}" (it has ${collection.environments.map((env) => `"${env.name}"`).join(', ') || 'none'}).`);
  }
  const exported = exportPostman(collection, environmentName);
  const base = slug(collection.name, 'collection');
  return {
    fileName: `${base}.postman_collection.json`,
    text: `${JSON.stringify(exported.collection, null, 2)}\n`,
    ...(exported.environment === undefined || environmentName === undefined
      ? {}
      : { environment: { fileName: `${base}.${slug(environmentName, 'environment')}.postman_environment.json`, text: `${JSON.stringify(exported.environment, null, 2)}\n` } }),
    notes: exported.notes,
  };
}
