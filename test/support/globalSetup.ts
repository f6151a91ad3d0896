/**
 * Integration tests use a real Redis: REDIS_URL when set, otherwise a throwaway redis-server on a
 * free port, stopped in globalTeardown. Without either the run fails and says how to get Redis.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMemoryRedis, type MemoryRedisServer } from '../../src/redis/memory/memoryRedisServer';
import { freePort, redisAnswers as answers } from './redisProcess';

export default async function globalSetup(): Promise<void> {
  // The run's own folder (test/support/childProcesses.ts records children here); workers inherit it.
  process.env.TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'bankbot-test-run-'));
  // TEST_STORE=memory runs the suites against the in-process store instead (it lives in jest's
  // main process; workers reach it over loopback like any Redis).
  if (process.env.TEST_STORE === 'memory') {
    const server = await startMemoryRedis();
    process.env.TEST_REDIS_URL = server.url;
    (globalThis as { testMemoryRedis?: MemoryRedisServer }).testMemoryRedis = server;
    return;
  }
  const given = process.env.REDIS_URL;
  if (given) {
    if (!(await answers(given))) throw new Error(`REDIS_URL=${given} does not answer; start Redis or unset REDIS_URL`);
    process.env.TEST_REDIS_URL = given;
    return;
  }
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error('Tests need Redis: set REDIS_URL, or install redis-server (Debian/Ubuntu: apt-get install redis-server)');
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await answers(url))) throw new Error(`redis-server on port ${port} did not start`);
  process.env.TEST_REDIS_URL = url;
  process.env.TEST_REDIS_PID = String(child.pid);
  (globalThis as { testRedisChild?: ChildProcess }).testRedisChild = child;
}
