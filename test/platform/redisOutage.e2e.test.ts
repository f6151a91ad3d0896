/**
 * When Redis drops while the bot runs, turns fail with 503 (the channel retries) instead of
 * running without state, readiness says why, and the bot recovers by itself when Redis returns.
 */
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { startRedisProcess, type RedisProcess } from '../support/redisProcess';
import { spawnServer, startTestServer, type TestServer } from '../support/testServer';

describe('Redis outage', () => {
  let redis: RedisProcess;
  let server: TestServer;
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    redis = await startRedisProcess();
    connector = await startConnectorStandIn();
    server = await startTestServer({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await redis?.stop();
  });

  it('answers 503 while Redis is down, sends no reply, and recovers when it returns', async () => {
    const conv = `outage-${Date.now()}`;
    expect((await postActivity(server.url, messageActivity(connector.url, conv, 'hello'))).status).toBe(200);
    await connector.waitFor(conv, 1);

    await redis.stop();
    const during = await postActivity(server.url, messageActivity(connector.url, conv, '证书过期了'));
    expect(during.status).toBe(503);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('STORE_UNAVAILABLE');
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reason: string }).reason).toMatch(/state store/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(connector.received.filter((r) => r.conversationId === conv)).toHaveLength(1);

    await redis.start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await fetch(`${server.url}/readyz`)).status;
    }
    expect(status).toBe(200);
    expect((await postActivity(server.url, messageActivity(connector.url, conv, 'hello again'))).status).toBe(200);
    await connector.waitFor(conv, 2);
  });

  it('refuses to start when an explicit REDIS_URL does not answer', async () => {
    const stopped = await startRedisProcess();
    await stopped.stop();
    await expect(spawnServer({ REDIS_URL: stopped.url })).rejects.toThrow(/does not answer/);
  });
});
