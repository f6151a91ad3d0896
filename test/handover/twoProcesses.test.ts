/**
 * Two bot server processes (real OS processes) on one Redis: the customer talks to process 1
 * through /api/messages, the agent's console is on process 2. Events cross through Redis pub/sub;
 * the agent's reply leaves process 2 through the Bot Framework push path.
 */
import { resolve } from 'node:path';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { testRedisUrl, uniquePrefix } from '../support/testRedis';
import { ROOT, spawnServer, type ChildServer } from '../support/testServer';
import { ConsoleClient, createAgent, handleOf } from './support/consoleClient';

jest.setTimeout(120_000);

let connector: ConnectorStandIn;
const servers: ChildServer[] = [];
const prefix = uniquePrefix('handover2p');

beforeAll(async () => {
  connector = await startConnectorStandIn();
  const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu'), HANDOVER_HOURS: 'always' };
  servers.push(...(await Promise.all([spawnServer(env), spawnServer(env)])));
  await createAgent(prefix, 'alice');
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await connector?.close();
});

const texts = (conversation: string) =>
  connector.received.filter((r) => r.conversationId === conversation && r.activity.type === 'message').map((r) => String(r.activity.text));

async function waitForText(conversation: string, pattern: RegExp): Promise<void> {
  for (let n = 1; !texts(conversation).some((t) => pattern.test(t)); n++) await connector.waitFor(conversation, n, 30_000);
}

it('relays a customer on process 1 and an agent on process 2, both ways', async () => {
  const [customerSide, agentSide] = servers;
  const agent = new ConsoleClient(agentSide.url);
  expect((await agent.signIn('alice')).status).toBe(200);
  await agent.openStream();
  const conv = 'two-proc-1';
  const handle = handleOf('msteams', conv);

  expect((await postActivity(customerSide.url, messageActivity(connector.url, conv, '转人工'))).status).toBe(200);
  await waitForText(conv, /排在第 1 位/);
  await agent.waitForEvent((e) => e.type === 'queue');

  await agent.json('POST', `/agent/api/conversations/${handle}/take`);
  await waitForText(conv, /alice 已接入/);
  await agent.json('POST', `/agent/api/conversations/${handle}/messages`, { text: 'Hello from process 2' });
  await waitForText(conv, /^Hello from process 2$/);

  expect((await postActivity(customerSide.url, messageActivity(connector.url, conv, 'thanks, from process 1'))).status).toBe(200);
  const event = await agent.waitForEvent((e) => e.type === 'message' && (e.data.entry as { text: string }).text === 'thanks, from process 1');
  expect(event.data).toMatchObject({ handle, agent: 'alice' });

  await agent.json('POST', `/agent/api/conversations/${handle}/release`);
  await waitForText(conv, /交回智能助手/);
  const before = texts(conv).length;
  expect((await postActivity(customerSide.url, messageActivity(connector.url, conv, '你好'))).status).toBe(200);
  await waitForText(conv, new RegExp('.'));
  expect(texts(conv).length).toBeGreaterThan(before); // the bot answers again
  agent.close();
});
