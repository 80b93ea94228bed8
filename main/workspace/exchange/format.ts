import { z } from 'zod';
import { Assertions } from '../../contract/assertions.ts';
import { CallbackStep, Flow, RequestStep } from '../../contract/flow-model.ts';
import { NetworkSettings } from '../../contract/network.ts';
import { SecretProviderSettings } from '../../contract/secret-providers.ts';
import {
  AuthSetting,
  EnvironmentVariable,
  HttpMethod,
  ItemName,
  KeyValue,
  RequestBody,
  RequestSettings,
  SecretRefName,
} from '../../contract/workspace.ts';

/**
 * The `countersign.collection` file (docs/collection-format.md).
 * A nested tree without ids, so it reads well and merges cleanly; ids are
 * made afresh on import. Secrets appear only as vault names.
 */
export const COLLECTION_FORMAT = 'countersign.collection';
/**
 * Version 2 added `flows`; version 3 multipart and binary-file bodies, so an
 * older Countersign says the file is newer instead of failing on a body kind.
 * Every older version still reads (a version 2 file with such bodies too: the
 * release that added them still wrote 2).
 */
export const COLLECTION_FORMAT_VERSION = 3;
/** What a file without multipart or binary-file bodies is written as, so the release before them still reads it. */
export const PLAIN_BODIES_COLLECTION_VERSION = 2;
export const READABLE_COLLECTION_VERSIONS = [1, 2, COLLECTION_FORMAT_VERSION] as const;

const description = z.string().max(100_000).optional();

export const ExportedRequest = z.strictObject({
  type: z.literal('request'),
  name: ItemName,
  description,
  method: HttpMethod,
  url: z.string().max(100_000),
  params: z.array(KeyValue).max(500).default([]),
  headers: z.array(KeyValue).max(500).default([]),
  body: RequestBody.default({ kind: 'none' }),
  auth: AuthSetting.default({ mode: 'inherit' }),
  settings: RequestSettings.optional(),
  /** Checked after each send (docs/cli.md, Assertions). */
  assertions: Assertions.optional(),
});
export type ExportedRequest = z.output<typeof ExportedRequest>;

export const ExportedFolder = z.strictObject({
  type: z.literal('folder'),
  name: ItemName,
  description,
  auth: AuthSetting.default({ mode: 'inherit' }),
  get items() {
    return z.array(z.discriminatedUnion('type', [ExportedFolder, ExportedRequest])).max(10_000);
  },
});
export type ExportedFolder = z.output<typeof ExportedFolder>;
export type ExportedItem = ExportedFolder | ExportedRequest;

export const ExportedEnvironment = z.strictObject({
  name: z.string().min(1).max(64),
  protected: z.boolean().default(false),
  variables: z.array(EnvironmentVariable).max(500).default([]),
  secrets: z.array(SecretRefName).max(500).default([]),
  builtInSandbox: z.boolean().optional(),
  /** Proxy, CA and client certificate by vault name only. */
  network: NetworkSettings.optional(),
  /** Where secrets come from after the vault (env variables, a pass prefix): rules, never values. */
  secretProviders: SecretProviderSettings.optional(),
});
export type ExportedEnvironment = z.output<typeof ExportedEnvironment>;

/** A flow step names its request by path (folder names, then the request's name) instead of an id. */
export const ExportedFlowStep = z.discriminatedUnion('kind', [
  RequestStep.omit({ id: true, requestId: true }).extend({ request: z.array(ItemName).min(1).max(50) }),
  CallbackStep.omit({ id: true }),
]);
export type ExportedFlowStep = z.output<typeof ExportedFlowStep>;

export const ExportedFlow = Flow.omit({ id: true, steps: true }).extend({ steps: z.array(ExportedFlowStep).min(1).max(100) });
export type ExportedFlow = z.output<typeof ExportedFlow>;

export const ExportedCollection = z.strictObject({
  name: ItemName,
  description,
  auth: AuthSetting.default({ mode: 'none' }),
  environments: z.array(ExportedEnvironment).max(50).default([]),
  flows: z.array(ExportedFlow).max(100).default([]),
  items: z.array(z.discriminatedUnion('type', [ExportedFolder, ExportedRequest])).max(10_000),
});
export type ExportedCollection = z.output<typeof ExportedCollection>;

export const CollectionFile = z.strictObject({
  format: z.literal(COLLECTION_FORMAT),
  version: z.literal(READABLE_COLLECTION_VERSIONS),
  exportedAt: z.string().max(100).optional(),
  collection: ExportedCollection,
});
export type CollectionFile = z.output<typeof CollectionFile>;
