/**
 * The Bot Framework path end to end over HTTP: a message POSTed to /api/messages, the reply
 * arriving at a local stand-in for the connector, and the conversation's state in real Redis.
 */
import { newTestRedis } from '../support/testRedis';
import { conversationUpdate, messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { startTestServer, type TestServer } from '../support/testServer';

describe('POST /api/messages', () => {
  let server: TestServer;
  let connector: ConnectorStandIn;
  const redis = newTestRedis();

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    server = await startTestServer({ STATE_TTL_SECONDS: '3600' });
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await redis.quit();
  });

  it('welcomes a new member and answers a message through the connector', async () => {
    const conv = `conv/welcome ${Date.now()}`;
    expect((await postActivity(server.url, conversationUpdate(connector.url, conv))).status).toBe(200);
    const [welcome] = await connector.waitFor(conv, 1);
    expect(welcome.activity.text).toBeTruthy();

    const res = await postActivity(server.url, messageActivity(connector.url, conv, '我的网银证书过期了怎么办'));
    expect(res.status).toBe(200);
    const replies = await connector.waitFor(conv, 2);
    expect(replies[1].replyToId).toBeDefined();
    expect(replies[1].activity.text).toMatch(/证书/);
  });

  it('keeps the conversation state in Redis with a TTL', async () => {
    const conv = `conv-state-${Date.now()}`;
    await postActivity(server.url, messageActivity(connector.url, conv, 'hello'));
    await connector.waitFor(conv, 1);
    const keys = await redis.keys(`${server.prefix}{msteams/${conv}}:state`);
    expect(keys).toHaveLength(1);
    const ttl = await redis.ttl(keys[0]);
    expect(ttl).toBeGreaterThan(3000);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it('logs one line per turn with channel, hashed conversation, intent and latency, never the text', async () => {
    const conv = `conv-log-${Date.now()}`;
    await postActivity(server.url, messageActivity(connector.url, conv, '我的手机号13812345678，证书过期了'));
    await connector.waitFor(conv, 1);
    const turnLines = server.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'turn');
    const line = turnLines.at(-1);
    expect(line).toMatchObject({ channel: 'msteams', outcome: 'ok' });
    expect(typeof line?.latencyMs).toBe('number');
    expect(typeof line?.intent).toBe('string');
    expect(line?.conversation).not.toContain(conv);
    expect(server.logs.join('\n')).not.toContain('13812345678');
  });

  it('sends each reply to the service URL its own message came from', async () => {
    // Connector clients are kept between turns (CachingBotFrameworkAuthentication); a customer on
    // another regional service must still get answers there, and only there.
    const other = await startConnectorStandIn();
    try {
      const stamp = Date.now();
      const turns = [connector, other, connector, other].map((target, i) => ({ target, conv: `conv-region-${stamp}-${i}` }));
      const statuses = await Promise.all(turns.map(({ target, conv }) => postActivity(server.url, messageActivity(target.url, conv, 'hello'))));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      for (const { target, conv } of turns) {
        await target.waitFor(conv, 1);
        const elsewhere = target === connector ? other : connector;
        expect(elsewhere.received.filter((r) => r.conversationId === conv)).toHaveLength(0);
      }
    } finally {
      await other.close();
    }
  });

  describe('bad input gets a 4xx and a log line, and the server keeps serving', () => {
    const cases: Array<[string, RequestInit, number]> = [
      ['malformed JSON', { body: '{"type":"message",', headers: { 'content-type': 'application/json' } }, 400],
      ['a body over 256 KiB', { body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }), headers: { 'content-type': 'application/json' } }, 413],
      ['a wrong content type', { body: 'type=message', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
      ['an activity without conversation', { body: JSON.stringify({ type: 'message', text: 'hi' }), headers: { 'content-type': 'application/json' } }, 400],
    ];

    it.each(cases)('%s', async (_name, init, status) => {
      const before = server.logs.length;
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', ...init });
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error?: { message?: string }; message?: string };
      expect(JSON.stringify(body)).toMatch(/\w/);
      const newLines = server.logs.slice(before).join('\n');
      expect(newLines).toContain(`"status":${status}`);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });

    it('says what is missing in the activity', async () => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hi' }),
      });
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('conversation');
    });
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'redis' });
  });
});
