import { createHmac, randomBytes } from 'node:crypto';
import type { RedisClient } from '../../redis/redisClient';

/**
 * The key that signs Direct Line tokens. With DIRECTLINE_SECRET set it is derived from the secret
 * (never the secret itself, so a leaked token reveals nothing usable as the secret). Without one,
 * the first process stores a random key in Redis and every other process reads the same key, so a
 * token minted by one bot process is accepted by all of them.
 */
export async function resolveSigningKey(secret: string, redis: RedisClient, prefix: string): Promise<Buffer> {
  if (secret) return createHmac('sha256', secret).update('directline-token-signing-v1').digest();
  const key = `${prefix}dl:signing-key`;
  await redis.set(key, randomBytes(32).toString('base64'), 'NX');
  const stored = await redis.get(key);
  if (!stored) throw new Error(`resolveSigningKey(): ${key} vanished right after SET NX`);
  return Buffer.from(stored, 'base64');
}
