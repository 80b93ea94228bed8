import type { ChannelInput, ChannelName } from '../../../main/contract/index.ts';

/** The cache key of one channel called with one input: ['channel', name, input]. */
export type ChannelKey<K extends ChannelName = ChannelName> = readonly ['channel', K, ChannelInput<K>];

export function channelKey<K extends ChannelName>(channel: K, input: ChannelInput<K>): ChannelKey<K> {
  return ['channel', channel, input] as const;
}

/** The prefix that matches every cached input of a channel. */
export function channelPrefix(channel: ChannelName): readonly ['channel', ChannelName] {
  return ['channel', channel] as const;
}
