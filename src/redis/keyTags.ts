/**
 * Hash tags: Redis Cluster places a key by the part between the first `{` and the next `}`, so
 * keys with the same tag share a slot and one script or MULTI may touch them together
 * (https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#hash-tags).
 */

/**
 * The prefix of every key of one conversation (`bankbot:{msteams/abc}`): state, turn lock,
 * transcript, notes, Direct Line log, WeChat dedupe. `conversation` is `conversationKey(ctx)`,
 * `channelId/conversationId`. A `}` inside an id ends the tag early, but at the same place for
 * every key of that conversation, so they still share one slot.
 */
export function conversationTag(prefix: string, conversation: string): string {
  return `${prefix}{${conversation}}`;
}
