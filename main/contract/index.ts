/**
 * The contract: every channel a door may carry, with the zod schema of its
 * input and of its output, and every event main may emit. Doors and services
 * are typed from this one map; the renderer imports its types only.
 *
 * Inputs are strict objects (unknown keys refused); outputs are plain objects,
 * so anything a handler returns beyond the schema is stripped before it
 * leaves main.
 */
import type { z } from 'zod';
import { appChannels } from './app.ts';
import { authSchemesChannels } from './auth-schemes.ts';
import { cliChannels } from './cli.ts';
import { diagnosisChannels } from './diagnosis.ts';
import { historyChannels, historyEvents } from './history.ts';
import { keysChannels, keysEvents } from './keys.ts';
import { filesChannels } from './files.ts';
import { flowsChannels, flowsEvents } from './flows.ts';
import { openApiChannels } from './openapi.ts';
import { requestsChannels, requestsEvents } from './requests.ts';
import { sandboxChannels, sandboxEvents } from './sandbox.ts';
import { secretProvidersChannels } from './secret-providers.ts';
import { variablesChannels } from './variables.ts';
import { referencedSecretsChannels } from './referenced-secrets.ts';
import { settingsChannels, settingsEvents } from './settings.ts';
import { vaultChannels, vaultEvents } from './vault.ts';
import { workspaceChannels, workspaceEvents } from './workspace.ts';
import { workspaceFolderChannels, workspaceFolderEvents } from './workspace-folder.ts';

export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...vaultChannels,
  ...sandboxChannels,
  ...keysChannels,
  ...workspaceChannels,
  ...openApiChannels,
  ...workspaceFolderChannels,
  ...requestsChannels,
  ...filesChannels,
  ...historyChannels,
  ...flowsChannels,
  ...diagnosisChannels,
  ...secretProvidersChannels,
  ...authSchemesChannels,
  ...variablesChannels,
  ...referencedSecretsChannels,
  // Refused by the dispatcher from every door but the CLI (doorMayCall in cli.ts).
  ...cliChannels,
} as const;

export const events = {
  ...settingsEvents,
  ...vaultEvents,
  ...sandboxEvents,
  ...keysEvents,
  ...workspaceEvents,
  ...workspaceFolderEvents,
  ...requestsEvents,
  ...historyEvents,
  ...flowsEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Channels[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/**
 * The object the renderer talks to, whichever door it came through: one
 * function per channel, and a typed subscription that hands over the payload
 * only.
 */
export type CountersignApi = {
  readonly invoke: { readonly [K in ChannelName]: (input: ChannelInput<K>) => Promise<ChannelOutput<K>> };
  readonly on: <K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) => () => void;
};

/** What the preload exposes: the same shape, but calls resolve to envelopes the renderer unwraps. */
export type PreloadBridge = {
  readonly invoke: { readonly [K in ChannelName]: (input: unknown) => Promise<unknown> };
  readonly on: (name: EventName, listener: (payload: unknown) => void) => () => void;
};

export const PRELOAD_GLOBAL = 'countersign';

/** The IPC channel an event travels on between main and the preload. */
export const ipcEventChannel = (name: EventName): string => `event:${name}`;
export type { Envelope, ContractErrorShape, ErrorCode, ErrorIssue } from './errors.ts';
