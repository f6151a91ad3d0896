import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the global setup found or started (never a mock). */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run tests through jest (test/support/globalSetup.ts)');
  return url;
}

export function newTestRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
}

/** A key prefix of its own per test, so tests never see each other's data. */
export function uniquePrefix(label = 't'): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}
