/**
 * Two bot server processes on one Redis: messages of one conversation arriving at both at once
 * are all answered, each exactly once, and a restart loses nothing; SIGTERM finishes the turns
 * in flight before the process exits.
 */
import { connectorTimestamp, messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { testRedisUrl, uniquePrefix } from '../support/testRedis';
import { spawnServer, type ChildServer } from '../support/testServer';

describe('several bot processes, one Redis', () => {
  let connector: ConnectorStandIn;
  const servers: ChildServer[] = [];
  const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('multi') };

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    servers.push(await spawnServer(env), await spawnServer(env));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await connector?.close();
  });

  it('answers every message of one conversation sent to both processes at once', async () => {
    const conv = `multi-${Date.now()}`;
    const activities = Array.from({ length: 12 }, (_, i) => messageActivity(connector.url, conv, i % 2 ? 'hello' : '你好'));
    const statuses = await Promise.all(activities.map((a, i) => postActivity(servers[i % 2].url, a).then((r) => r.status)));
    expect(statuses).toEqual(activities.map(() => 200));
    const answered = new Set(connector.received.filter((r) => r.conversationId === conv).map((r) => r.replyToId));
    expect([...answered].sort()).toEqual(activities.map((a) => a.id).sort());
  });

  it('finishes turns in flight on SIGTERM and exits cleanly', async () => {
    const victim = await spawnServer(env);
    const conv = `drain-${Date.now()}`;
    const activities = Array.from({ length: 8 }, () => messageActivity(connector.url, conv, '网银证书过期了'));
    const pending = activities.map((a) =>
      postActivity(victim.url, a).then(
        (r) => ({ id: a.id, status: r.status }),
        () => ({ id: a.id, status: 0 }), // refused after the server stopped accepting: the channel retries
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    const exit = victim.stop('SIGTERM');
    const results = await Promise.all(pending);
    expect(await exit).toBe(0);
    const answeredIds = new Set(connector.received.filter((r) => r.conversationId === conv).map((r) => r.replyToId));
    for (const r of results) {
      expect([0, 200]).toContain(r.status);
      if (r.status === 200) expect(answeredIds.has(r.id)).toBe(true);
    }
  });
});

describe('turn order from the connector stamp', () => {
  let connector: ConnectorStandIn;
  let server: ChildServer;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    // A wide window, so the test does not depend on how fast a loaded machine reads a request.
    server = await spawnServer({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('stamp'), TURN_ORDER_WINDOW_MS: '1000' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await connector?.close();
  });

  it('answers a message stamped earlier first, though it arrived after one stamped later', async () => {
    const conv = `stamp-${Date.now()}`;
    const first = messageActivity(connector.url, conv, '网银证书有效期多久', { timestamp: connectorTimestamp() });
    const second = messageActivity(connector.url, conv, '密码忘了怎么办', { timestamp: connectorTimestamp() });
    const late = postActivity(server.url, second);
    await new Promise((r) => setTimeout(r, 20));
    const statuses = await Promise.all([postActivity(server.url, first), late].map((p) => p.then((r) => r.status)));
    expect(statuses).toEqual([200, 200]);
    const order = connector.received.filter((r) => r.conversationId === conv).map((r) => r.replyToId);
    expect(order.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(first.id)).toBeLessThan(order.indexOf(second.id));
  });
});
