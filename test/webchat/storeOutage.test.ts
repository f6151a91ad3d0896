/** A Redis outage: Direct Line clients are told to retry (503), and the channel recovers with Redis. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { trackChild } from '../support/childProcesses';
import { call, dl, history, message, openConversation } from './support/directLineClient';
import { startHarness, type Harness } from './support/webChatHarness';

const SECRET = 'test-directline-secret-outage-3';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A redis-server of this test's own, so stopping it does not disturb other suites. */
async function ownRedis(port: number): Promise<ChildProcess> {
  const child = trackChild(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }));
  const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, retryStrategy: () => 100, maxRetriesPerRequest: null });
  await probe.connect().catch(() => undefined);
  await probe.ping();
  probe.disconnect();
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('web channel during a Redis outage', () => {
  let redis: ChildProcess;
  let port: number;
  let h: Harness;
  beforeAll(async () => {
    port = await freePort();
    redis = await ownRedis(port);
    h = await startHarness({ DIRECTLINE_SECRET: SECRET, REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await h.close();
    await stop(redis);
  });

  it('answers 503 to posts and polls while Redis is down, and works again once it is back', async () => {
    const g = await openConversation(h.url, SECRET);
    await stop(redis);

    const posted = await call<{ error: { code: string } }>(h.url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('anyone?') });
    expect(posted.status).toBe(503);
    expect(posted.body.error.code).toBe('STORE_UNAVAILABLE');
    const polled = await history(h.url, g.token, g.conversationId);
    expect(polled.status).toBe(503);

    redis = await ownRedis(port);
    const client = h.context.redis;
    if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
    // The data went with the killed server (no persistence): a new conversation works end to end.
    const again = await openConversation(h.url, SECRET);
    await call(h.url, 'POST', `${dl(again.conversationId)}/activities`, { auth: again.token, body: message('back') });
    const log = await history(h.url, again.token, again.conversationId);
    expect(log.body.activities.map((a) => a.text)).toContain('echo: back');
  });
});
