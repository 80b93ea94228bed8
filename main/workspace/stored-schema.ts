import { z } from 'zod';
import { Assertions } from '../contract/assertions.ts';
import { Flow } from '../contract/flow-model.ts';
import { NetworkSettings } from '../contract/network.ts';
import { SecretProviderSettings } from '../contract/secret-providers.ts';
import { AuthSetting, RequestSettings, WORKSPACE_SCHEMA_VERSION, type WorkspaceDocument } from '../contract/workspace.ts';

/**
 * The check a stored document passes on load: every field of the right type,
 * no finer rules. The file was written from inputs the doors already checked
 * in full; re-running every refinement on 10,000 requests would double the
 * load time (see the benchmark in docs/collection-format.md).
 */
const text = z.string();
const pairs = z.array(z.object({ name: text, value: text, enabled: z.boolean() }));
const description = text.optional();

const StoredPart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: text, value: text, enabled: z.boolean() }),
  z.object({ kind: z.literal('file'), name: text, path: text, enabled: z.boolean(), contentType: text.optional(), fileName: text.optional() }),
]);

const StoredRequest = z.object({
  kind: z.literal('request'),
  id: text,
  parentId: text,
  name: text,
  description,
  method: text,
  url: text,
  params: pairs,
  headers: pairs,
  body: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('json'), text }),
    z.object({ kind: z.literal('form'), pairs }),
    z.object({ kind: z.literal('raw'), text, contentType: text }),
    z.object({ kind: z.literal('multipart'), parts: z.array(StoredPart) }),
    z.object({ kind: z.literal('binary'), path: text, contentType: text }),
  ]),
  auth: AuthSetting,
  settings: RequestSettings.optional(),
  assertions: Assertions.optional(),
});

const StoredFolder = z.object({ kind: z.literal('folder'), id: text, parentId: text, name: text, description, auth: AuthSetting, children: z.array(text) });

const StoredCollection = z.object({
  kind: z.literal('collection'),
  id: text,
  name: text,
  description,
  auth: AuthSetting,
  children: z.array(text),
  environments: z.array(z.object({ id: text, name: text, protected: z.boolean(), variables: pairs, secrets: z.array(text), builtInSandbox: z.boolean().optional(), network: NetworkSettings.optional(), secretProviders: SecretProviderSettings.optional() })),
  flows: z.array(Flow),
});

export const StoredDocument = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  collections: z.array(text),
  nodes: z.record(text, z.discriminatedUnion('kind', [StoredRequest, StoredFolder, StoredCollection])),
});

// The stored shape must stay assignable to the contract's document type: tsc fails here if they drift apart.
type Assert<T extends true> = T;
export type StoredDocumentMatchesContract = Assert<[z.output<typeof StoredDocument>] extends [WorkspaceDocument] ? true : false>;
