import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { MemoryRedisServer } from '../../src/redis/memory/memoryRedisServer';
import { killRunLeftovers, killTrackedChildren } from './childProcesses';

/**
 * Ends what the run started: every child process a test recorded and left alive (a failed or
 * timed-out test, a worker jest killed), then the throwaway redis-server (or in-process store) of
 * the global setup, then any process still carrying this run's TEST_RUN_DIR (one nobody recorded).
 */
export default async function globalTeardown(): Promise<void> {
  const runDir = process.env.TEST_RUN_DIR;
  if (runDir) {
    const left = killTrackedChildren(runDir);
    if (left > 0) process.stderr.write(`globalTeardown: ended ${left} process(es) tests had left running\n`);
  }
  await (globalThis as { testMemoryRedis?: MemoryRedisServer }).testMemoryRedis?.close();
  const child = (globalThis as { testRedisChild?: ChildProcess }).testRedisChild;
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  if (runDir) {
    // Last, once the throwaway redis-server (which carries TEST_RUN_DIR too) has stopped cleanly.
    const unrecorded = killRunLeftovers(runDir);
    if (unrecorded > 0) process.stderr.write(`globalTeardown: ended ${unrecorded} unrecorded process(es) of this run\n`);
    rmSync(runDir, { recursive: true, force: true });
  }
}
