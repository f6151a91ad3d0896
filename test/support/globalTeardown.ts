import type { ChildProcess } from 'node:child_process';
import type { MemoryRedisServer } from '../../src/redis/memory/memoryRedisServer';

/** Stops the throwaway redis-server (or in-process store) the global setup started, if any. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testMemoryRedis?: MemoryRedisServer }).testMemoryRedis?.close();
  const child = (globalThis as { testRedisChild?: ChildProcess }).testRedisChild;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
