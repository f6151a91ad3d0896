import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { trackChild } from './childProcesses';

/** A redis-server of the test's own, so a test can stop and restart it (never the shared one). */
export interface RedisProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A raw PING over TCP, so no client library handle is left open (jest's main process). */
export function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG') || d.toString().startsWith('-NOAUTH')));
  });
}

export interface RedisProcessOptions {
  /**
   * Persist to an append-only file in this folder, fsynced on every write (`--appendonly yes
   * --appendfsync always`): a restart, even after SIGKILL, comes back with every acknowledged write.
   */
  appendOnlyDir?: string;
}

export async function startRedisProcess(options: RedisProcessOptions = {}): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const persistence = options.appendOnlyDir
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.appendOnlyDir]
    : ['--appendonly', 'no'];
  const handle: RedisProcess = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = trackChild(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], { stdio: 'ignore' }));
      for (let i = 0; i < 50; i++) {
        if (await redisAnswers(handle.url, 500)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`redis-server on ${port} did not start`);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGKILL');
      });
    },
  };
  await handle.start();
  return handle;
}
