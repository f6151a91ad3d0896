/**
 * Writes a failover cannot lose (issue 13, item 6): with REDIS_MIN_REPLICAS_ACK a turn is answered
 * only once a replica has its writes; a process connected to a replica (an old primary after a
 * failover) is not ready. Uses redis-servers of its own: a primary, a replica, a lone primary.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { conversationUpdate, messageActivity, postActivity } from '../support/activities';
import { trackChild } from '../support/childProcesses';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { freePort, redisAnswers, startRedisProcess, type RedisProcess } from '../support/redisProcess';
import { startTestServer, type TestServer } from '../support/testServer';

jest.setTimeout(60_000);

async function startReplica(primaryPort: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', mkdtempSync(join(tmpdir(), 'replica-')), '--replicaof', '127.0.0.1', String(primaryPort)];
  const child: ChildProcess = trackChild(spawn('redis-server', args, { stdio: 'ignore' }));
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await redisAnswers(url, 500)); i++) await new Promise((r) => setTimeout(r, 100));
  // Wait until the replica has synchronised with its primary.
  const probe = new Redis(url);
  for (let i = 0; i < 100; i++) {
    if (/master_link_status:up/.test(await probe.info('replication'))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  probe.disconnect();
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

describe('writes a failover cannot lose', () => {
  let primary: RedisProcess;
  let lone: RedisProcess;
  let replica: { url: string; stop: () => Promise<void> };
  let connector: ConnectorStandIn;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    [primary, lone, connector] = await Promise.all([startRedisProcess(), startRedisProcess(), startConnectorStandIn()]);
    replica = await startReplica(primary.port);
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await Promise.all([primary.stop(), lone.stop(), replica.stop(), connector.close()]);
  });

  it('answers a turn once a replica has acknowledged its writes', async () => {
    const server = await startTestServer({ REDIS_URL: primary.url, REDIS_MIN_REPLICAS_ACK: '1' });
    servers.push(server);
    const conv = `ack-${Date.now()}`;
    expect((await postActivity(server.url, messageActivity(connector.url, conv, '网银证书过期了'))).status).toBe(200);
    expect(await connector.waitFor(conv, 1)).toHaveLength(1);
  });

  it('refuses to answer (503, nothing sent) when no replica acknowledges the turn', async () => {
    const server = await startTestServer({ REDIS_URL: lone.url, REDIS_MIN_REPLICAS_ACK: '1', REDIS_REPLICA_ACK_TIMEOUT_MS: '100' });
    servers.push(server);
    const conv = `noack-${Date.now()}`;
    const res = await postActivity(server.url, conversationUpdate(connector.url, conv));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('STORE_UNAVAILABLE');
    expect(connector.received.filter((r) => r.conversationId === conv)).toHaveLength(0);
  });

  it('says it is not ready once its Redis has become a replica (the old primary after a failover)', async () => {
    const server = await startTestServer({ REDIS_URL: lone.url });
    servers.push(server);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const admin = new Redis(lone.url);
    try {
      await admin.replicaof('127.0.0.1', String(primary.port)); // as Sentinel demotes the old primary
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { reason: string }).reason).toMatch(/not a writable primary/);
    } finally {
      await admin.replicaof('NO', 'ONE');
      await admin.quit();
    }
  });
});
