/**
 * `npm run bench`: drives /api/messages on loopback with a bounded number of requests at a few
 * concurrency levels, with a local connector stand-in answering the replies, and prints
 * messages/s, p50/p99 latency and peak RSS — for our bot (Redis state, NLU, dialogs) and for a
 * bare botbuilder echo bot (MemoryStorage, same restify, same load) as the ceiling.
 * Options: --total N (requests per level, default 2000), --levels 1,8,32, --conversations N.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startConnectorStandIn } from '../test/support/connectorStandIn';
import { freePort, startRedisProcess, type RedisProcess } from '../test/support/redisProcess';
import { connect } from 'node:net';
import { runLoad, type LoadResult } from './loadGenerator';

const ROOT = resolve(__dirname, '..');
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const TOTAL = Number(arg('total', '2000'));
const LEVELS = arg('levels', '1,8,32').split(',').map(Number);
const CONVERSATIONS = Number(arg('conversations', '256'));
const REDIS_URL_ARG = arg('redis', 'redis://127.0.0.1:6379');
const TEXTS = ['网银证书过期了怎么办', 'my online banking certificate expired', '最近的网点在哪里', 'hello', '謝謝'];

async function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolveReady, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`did not start: ${seen}`)), 60_000);
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (ready.test(seen)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
  });
  // Keep draining output so a full pipe never blocks the server's logging.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  child.removeAllListeners('exit');
  return child;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function measure(label: string, url: string, connectorUrl: string, pid: number): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  let seq = 0;
  const send = async (i: number) => {
    seq += 1;
    const conv = `bench-${label}-${i % CONVERSATIONS}`;
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `m${seq}`,
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        from: { id: `u-${conv}` },
        recipient: { id: 'bot' },
        conversation: { id: conv },
        text: TEXTS[i % TEXTS.length],
      }),
    });
    await res.arrayBuffer();
    return res.status === 200;
  };
  await runLoad(8, Math.min(300, TOTAL), send); // warm-up: JIT, connections, NLU caches
  for (const c of LEVELS) {
    const r = await runLoad(c, TOTAL, send);
    results.push(r);
    process.stderr.write(`${label} c=${c}: ${r.perSecond.toFixed(0)} msg/s p50 ${r.p50.toFixed(1)} ms p99 ${r.p99.toFixed(1)} ms errors ${r.errors}\n`);
  }
  process.stderr.write(`${label} peak RSS ${peakRssMb(pid).toFixed(0)} MB\n`);
  return results;
}

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const end = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => end(false));
    socket.once('error', () => end(false));
    socket.once('connect', () => end(true));
  });
}

async function main(): Promise<void> {
  // Use the given (or local) Redis; if none answers, a private redis-server for the run.
  let ownRedis: RedisProcess | undefined;
  if (!(await answers(REDIS_URL_ARG))) ownRedis = await startRedisProcess();
  const REDIS_URL = ownRedis?.url ?? REDIS_URL_ARG;
  const connector = await startConnectorStandIn();
  // The stand-in keeps every activity for tests; the bench only needs the 200s.
  connector.received.length = 0;
  const ourPort = await freePort();
  const ours = await startProcess([TSX, 'src/index.ts'], { PORT: String(ourPort), HOST: '127.0.0.1', REDIS_URL, REDIS_KEY_PREFIX: `bench:${Date.now()}:`, LOG_LEVEL: 'info' }, /listening/);
  const echoPort = await freePort();
  const echo = await startProcess([TSX, 'bench/echoBot.ts', String(echoPort)], {}, /listening/);
  try {
    const ourResults = await measure('ours', `http://127.0.0.1:${ourPort}`, connector.url, ours.pid ?? 0);
    connector.received.length = 0;
    const echoResults = await measure('echo', `http://127.0.0.1:${echoPort}`, connector.url, echo.pid ?? 0);
    const rows = LEVELS.map((c, i) => ({
      concurrency: c,
      ours_msg_s: Math.round(ourResults[i].perSecond),
      ours_p50_ms: +ourResults[i].p50.toFixed(1),
      ours_p99_ms: +ourResults[i].p99.toFixed(1),
      echo_msg_s: Math.round(echoResults[i].perSecond),
      echo_p99_ms: +echoResults[i].p99.toFixed(1),
      ratio: +(ourResults[i].perSecond / echoResults[i].perSecond).toFixed(2),
      errors: ourResults[i].errors + echoResults[i].errors,
    }));
    console.table(rows);
    console.log(
      JSON.stringify({
        total: TOTAL,
        rows,
        oursPeakRssMb: Math.round(peakRssMb(ours.pid ?? 0)),
        echoPeakRssMb: Math.round(peakRssMb(echo.pid ?? 0)),
      }),
    );
  } finally {
    ours.kill('SIGTERM');
    echo.kill('SIGTERM');
    await connector.close();
    await ownRedis?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
