import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { connectRedis } from '../../src/redis/connectRedis';
import { trackChild } from './childProcesses';
import { testRedisUrl, uniquePrefix } from './testRedis';

export const ROOT = resolve(__dirname, '../..');

export interface TestServer {
  app: App;
  url: string;
  prefix: string;
  logs: string[];
  close(): Promise<void>;
}

/** The real app, in this process, on a free port, with real Redis and a private key prefix. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const prefix = env.REDIS_KEY_PREFIX ?? uniquePrefix('srv');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu'),
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const logger = createLogger('info', sink);
  const connection = await connectRedis(config, logger);
  const app = await createApp(config, logger, connection);
  const { url } = await app.listen();
  return { app, url, prefix, logs, close: () => app.close() };
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  /** Node's arguments; default: the sources through tsx. */
  args?: string[];
  cwd?: string;
  /** How long start-up may take before the test fails (NLU training on a busy machine). */
  startMs?: number;
}

/**
 * The real app as its own OS process (`tsx src/index.ts`, or `args`), for multi-process, restart
 * and build tests. It is ready when it logs its info-level "listening" line, so LOG_LEVEL must stay
 * at info or below. The process is recorded for the global teardown (test/support/childProcesses.ts).
 */
export async function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<ChildServer> {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the app in a child process and relays
  // signals, and a SIGTERM that races that relay ends the app with 143 instead of a drain.
  const args = options.args ?? ['--import', 'tsx', resolve(ROOT, 'src/index.ts')];
  const child = trackChild(
    spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const output: string[] = [];
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('\n')}`)), options.startMs ?? 30_000);
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        const m = /"port":(\d+)/.exec(line);
        if (m && line.includes('listening')) {
          clearTimeout(timer);
          resolveUrl(`http://127.0.0.1:${m[1]}`);
        }
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.join('\n')}`));
    });
  });
  return {
    url,
    child,
    output,
    stop(signal = 'SIGTERM') {
      return new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => resolveExit(code));
        child.kill(signal);
      });
    },
  };
}
