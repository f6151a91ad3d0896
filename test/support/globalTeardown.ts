import type { ChildProcess } from 'node:child_process';

/** Stops the throwaway redis-server the global setup started (if it started one). */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { testRedisChild?: ChildProcess }).testRedisChild;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
