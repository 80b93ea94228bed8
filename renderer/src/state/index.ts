/** The renderer's state: main's data through useChannel (TanStack Query), UI state in one zustand store. */
export { channelKey, channelPrefix } from './channel-key.ts';
export { createQueryClient } from './query-client.ts';
export { StateProvider } from './provider.tsx';
export { createUiStore, type UiState, type UiStore } from './ui-store.ts';
export { syncLayout } from './layout-sync.ts';
export { skip, useChannel, useChannelMutation, useEvent, useInvalidateOn, type ChannelOptions } from './use-channel.ts';
export type { ChannelMeta } from './event-hub.ts';
export { useUi, useUiShallow } from './use-ui.ts';
