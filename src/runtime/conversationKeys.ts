import { conversationTag } from '../redis/keyTags';

/**
 * Redis keys of one conversation that the runtime owns. All carry the conversation as a hash tag
 * (`bankbot:{msteams/abc}:lock:q`), so on a Redis Cluster a script touching several of them stays
 * on one node (issue 14 builds on this).
 */
export interface ConversationKeys {
  lockQueue: string;
  lockLeases: string;
  lockSequence: string;
  /** Replies the channel confirmed per journaled turn (deliveryReceipts.ts). */
  deliveryReceipts: string;
}

export function conversationKeys(prefix: string, conversation: string): ConversationKeys {
  const tag = conversationTag(prefix, conversation);
  return { lockQueue: `${tag}:lock:q`, lockLeases: `${tag}:lock:leases`, lockSequence: `${tag}:lock:seq`, deliveryReceipts: `${tag}:delivered` };
}
