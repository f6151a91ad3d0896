import type { Redis } from 'ioredis';
import { conversationKeys } from '../../src/runtime/conversationKeys';

const HOLDER = 'held-by-test';

/**
 * Holds a conversation's turn lock as another process's long turn would (first in its queue, with
 * a long lease), so a test can make a turn wait without timing tricks. `conversation` is the
 * runtime's conversation key, `channelId/conversationId`.
 */
export async function holdTurnLock(redis: Redis, prefix: string, conversation: string): Promise<void> {
  const keys = conversationKeys(prefix, conversation);
  await redis.multi().zadd(keys.lockQueue, 0, HOLDER).hset(keys.lockLeases, HOLDER, Date.now() + 60_000).exec();
}

export async function releaseTurnLock(redis: Redis, prefix: string, conversation: string): Promise<void> {
  const keys = conversationKeys(prefix, conversation);
  await redis.multi().zrem(keys.lockQueue, HOLDER).hdel(keys.lockLeases, HOLDER).exec();
}
