import type { RedisClient } from './redisClient';

/**
 * Publish/subscribe for channels that belong to one conversation (`…{directline/abc}:dl:new`).
 * On a Redis Cluster classic PUBLISH is broadcast to every node; sharded pub/sub (Redis 7:
 * SPUBLISH/SSUBSCRIBE) keeps the message on the shard that owns the channel's slot, so the
 * traffic grows with the conversations a shard holds, not with the whole cluster
 * (https://redis.io/docs/latest/develop/interact/pubsub/#sharded-pubsub). One server and
 * Sentinel keep classic pub/sub: it is the same there, and the in-process store speaks it.
 */
export interface ConversationPubSub {
  publish(client: RedisClient, channel: string, message: string): Promise<unknown>;
  subscribe(client: RedisClient, channel: string): Promise<unknown>;
  unsubscribe(client: RedisClient, channel?: string): Promise<unknown>;
  /** The event a subscriber emits per message: `(channel, message)`. */
  messageEvent: 'message' | 'smessage';
}

const CLASSIC: ConversationPubSub = {
  publish: (client, channel, message) => client.publish(channel, message),
  subscribe: (client, channel) => client.subscribe(channel),
  unsubscribe: (client, channel) => (channel === undefined ? client.unsubscribe() : client.unsubscribe(channel)),
  messageEvent: 'message',
};

const SHARDED: ConversationPubSub = {
  publish: (client, channel, message) => client.spublish(channel, message),
  subscribe: (client, channel) => client.ssubscribe(channel),
  unsubscribe: (client, channel) => (channel === undefined ? client.sunsubscribe() : client.sunsubscribe(channel)),
  messageEvent: 'smessage',
};

export function conversationPubSub(sharded: boolean): ConversationPubSub {
  return sharded ? SHARDED : CLASSIC;
}
