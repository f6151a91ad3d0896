/** The console's API refuses what it must: no session, someone else's conversation, password guessing. */
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { newTestRedis } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';
import { ConsoleClient, createAgent, handleOf } from './support/consoleClient';

let server: TestServer;
let connector: ConnectorStandIn;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ HANDOVER_HOURS: 'always' });
  await Promise.all(['alice', 'bob', 'mallory'].map((name) => createAgent(server.prefix, name)));
});
afterAll(async () => {
  await server.close();
  await connector.close();
});

const h = handleOf('msteams', 'x');
const API: Array<[string, string]> = [
  ['GET', '/agent/api/me'],
  ['GET', '/agent/api/queue'],
  ['GET', `/agent/api/conversations/${h}`],
  ['POST', `/agent/api/conversations/${h}/take`],
  ['POST', `/agent/api/conversations/${h}/messages`],
  ['POST', `/agent/api/conversations/${h}/close`],
  ['POST', `/agent/api/conversations/${h}/release`],
  ['GET', '/agent/api/tickets'],
  ['POST', '/agent/api/tickets/T1/done'],
  ['GET', '/agent/api/ratings'],
  ['GET', '/agent/api/events'],
];

describe('agent console security', () => {
  it.each(API)('%s %s answers 401 without a session', async (method, path) => {
    const res = await new ConsoleClient(server.url).call(method, path, { text: 'hi' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('answers 401 for a forged or signed-out session', async () => {
    const agent = new ConsoleClient(server.url);
    agent.cookie = 'agent_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await agent.call('GET', '/agent/api/queue')).status).toBe(401);
    await agent.signIn('alice');
    expect((await agent.call('GET', '/agent/api/queue')).status).toBe(200);
    await agent.call('POST', '/agent/api/signout');
    expect((await agent.call('GET', '/agent/api/queue')).status).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie scoped to /agent', async () => {
    const res = await new ConsoleClient(server.url).signIn('alice');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^agent_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/agent/);
    expect(cookie).toMatch(/Max-Age=\d+/);
  });

  it("answers 403 when an agent writes to, closes or reads another agent's conversation", async () => {
    const alice = new ConsoleClient(server.url);
    const bob = new ConsoleClient(server.url);
    await alice.signIn('alice');
    await bob.signIn('bob');
    await postActivity(server.url, messageActivity(connector.url, 'sec-1', '转人工'));
    await connector.waitFor('sec-1', 1);
    const handle = handleOf('msteams', 'sec-1');
    expect((await bob.call('POST', `/agent/api/conversations/${handle}/messages`, { text: 'not yet mine' })).status).toBe(403);
    expect((await alice.call('POST', `/agent/api/conversations/${handle}/take`)).status).toBe(200);
    expect((await bob.call('POST', `/agent/api/conversations/${handle}/take`)).status).toBe(409);
    expect((await bob.call('POST', `/agent/api/conversations/${handle}/messages`, { text: 'hijack' })).status).toBe(403);
    expect((await bob.call('POST', `/agent/api/conversations/${handle}/close`)).status).toBe(403);
    expect((await bob.call('POST', `/agent/api/conversations/${handle}/release`)).status).toBe(403);
    expect((await bob.call('GET', `/agent/api/conversations/${handle}`)).status).toBe(403);
    expect((await alice.call('GET', `/agent/api/conversations/${handle}`)).status).toBe(200);
    const sent = connector.received.filter((r) => r.conversationId === 'sec-1').map((r) => r.activity.text);
    expect(sent).not.toContain('hijack');
  });

  it("never streams a customer's message to an agent who does not own the conversation", async () => {
    const alice = new ConsoleClient(server.url);
    const bob = new ConsoleClient(server.url);
    await alice.signIn('alice');
    await bob.signIn('bob');
    await Promise.all([alice.openStream(), bob.openStream()]);
    await postActivity(server.url, messageActivity(connector.url, 'sec-2', '转人工'));
    await connector.waitFor('sec-2', 1);
    const handle = handleOf('msteams', 'sec-2');
    await alice.json('POST', `/agent/api/conversations/${handle}/take`);
    await postActivity(server.url, messageActivity(connector.url, 'sec-2', 'private: my balance is low'));
    await alice.waitForEvent((e) => e.type === 'message' && (e.data.entry as { text: string }).text.startsWith('private'));
    // Events keep their order on the one pub/sub channel: once bob sees a later one, he had his chance.
    await postActivity(server.url, messageActivity(connector.url, 'sec-3', '转人工'));
    await postActivity(server.url, messageActivity(connector.url, 'sec-3', 'still there?')); // waiting: every agent sees it
    await bob.waitForEvent((e) => e.type === 'message' && e.data.handle === handleOf('msteams', 'sec-3'));
    expect(bob.events.filter((e) => e.type === 'message' && e.data.handle === handle)).toEqual([]);
    alice.close();
    bob.close();
  });

  it('keeps only a hash of the session token in Redis, with the session timeout', async () => {
    const alice = new ConsoleClient(server.url);
    await alice.signIn('alice');
    const token = alice.cookie.split('=')[1];
    const redis = newTestRedis();
    const keys = await redis.keys(`${server.prefix}{agents}:session:*`);
    expect(keys.some((k) => k.includes(token))).toBe(false);
    const ttls = await Promise.all(keys.map((k) => redis.ttl(k)));
    expect(ttls.every((t) => t > 0 && t <= 28_800)).toBe(true);
    await redis.quit();
  });

  it('refuses bodies that are not JSON or do not fit the schema', async () => {
    const alice = new ConsoleClient(server.url);
    await alice.signIn('alice');
    const form = await fetch(`${server.url}/agent/api/conversations/${h}/messages`, {
      method: 'POST',
      headers: { cookie: alice.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=hi',
    });
    expect(form.status).toBe(415);
    expect((await alice.call('POST', `/agent/api/conversations/${h}/messages`, { text: '' })).status).toBe(400);
    expect((await alice.call('POST', `/agent/api/conversations/${h}/messages`, { text: 'x'.repeat(4001) })).status).toBe(400);
    expect((await alice.call('POST', `/agent/api/conversations/${h}/take`, { extra: true })).status).toBe(400);
    expect((await alice.call('GET', '/agent/api/conversations/not*a*handle')).status).toBe(400);
    expect((await alice.call('POST', '/agent/api/signin', { name: '<script>', password: 'x' })).status).toBe(400);
  });

  it('locks sign-in after five wrong passwords, even for the right one, and says when to retry', async () => {
    const guesser = new ConsoleClient(server.url);
    for (let i = 0; i < 5; i++) expect((await guesser.signIn('mallory', `wrong-${i}-password`)).status).toBe(401);
    const locked = await guesser.signIn('mallory');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('serves the console page with a strict Content-Security-Policy and no external resources', async () => {
    const res = await fetch(`${server.url}/agent`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
