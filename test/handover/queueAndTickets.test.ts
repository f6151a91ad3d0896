/**
 * The customer's side of waiting, over real HTTP (Bot Framework channel) and real Redis: leaving
 * the queue, position updates, the wait timeout, and messages left when nobody can answer.
 */
import { createHandover } from '../../src/handover/createHandover';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { startTestServer, type TestServer } from '../support/testServer';
import { ConsoleClient, createAgent } from './support/consoleClient';

let server: TestServer;
let connector: ConnectorStandIn;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ HANDOVER_HOURS: 'always', HANDOVER_WAIT_SECONDS: '60' });
  await createAgent(server.prefix, 'alice');
});
afterAll(async () => {
  await server.close();
  await connector.close();
});

async function say(conversation: string, text: string, base = server.url): Promise<void> {
  expect((await postActivity(base, messageActivity(connector.url, conversation, text))).status).toBe(200);
}

/** The n-th (1-based) message text the conversation received. */
async function message(conversation: string, n: number): Promise<string> {
  const pick = () => connector.received.filter((r) => r.conversationId === conversation && r.activity.type === 'message');
  for (let total = n; pick().length < n; total++) await connector.waitFor(conversation, total);
  return String(pick()[n - 1].activity.text);
}

async function signedInAgent(): Promise<ConsoleClient> {
  const agent = new ConsoleClient(server.url);
  expect((await agent.signIn('alice')).status).toBe(200);
  return agent;
}

describe('waiting for an agent', () => {
  it('lets a customer leave with "取消", and tells the one behind their new position', async () => {
    const agent = await signedInAgent();
    await say('q-first', '转人工');
    await say('q-second', 'I want to talk to an agent');
    expect(await message('q-second', 1)).toMatch(/number 2 in the queue/);
    await say('q-first', '取消');
    expect(await message('q-first', 2)).toMatch(/已为您退出排队/);
    expect(await message('q-second', 2)).toMatch(/now number 1/);
    const { waiting } = await agent.json<{ waiting: Array<{ position: number }> }>('GET', '/agent/api/queue');
    expect(waiting.map((w) => w.position)).toEqual([1]);
  });

  it('puts a fraud victim ahead of the queue, tells them it is urgent and names the 24-hour line', async () => {
    const agent = await signedInAgent();
    await say('q-normal', '转人工');
    await say('q-fraud', '我被骗了，钱被转走了');
    await say('q-fraud', '1');
    const texts = connector.received.filter((r) => r.conversationId === 'q-fraud' && r.activity.type === 'message').map((r) => String(r.activity.text));
    expect(texts.at(-1)).toMatch(/加急转接人工客服.*排在第 1 位.*24小时/);
    const { waiting } = await agent.json<{ waiting: Array<{ handle: string; urgent: boolean; reason: string }> }>('GET', '/agent/api/queue');
    expect(waiting[0]).toMatchObject({ urgent: true, reason: 'fraud', handle: Buffer.from('msteams/q-fraud').toString('base64url') });
  });

  it('tells a waiting customer who writes that the agent will see it, and keeps the bot out', async () => {
    await signedInAgent();
    await say('q-writer', '人工客服');
    await say('q-writer', '我的卡被吞了');
    expect(await message('q-writer', 2)).toMatch(/客服接入后可以看到/);
  });

  it('offers a customer nobody took in time to leave a message, which becomes a ticket', async () => {
    const agent = await signedInAgent();
    await say('q-late', '转人工');
    await message('q-late', 1);
    // Any process may run the sweep; here a second instance on the same Redis, with a clock past the wait.
    const { config, logger, redis, pushers } = server.app.context;
    const other = createHandover({ config, logger, redis, duplicate: () => redis.duplicate(), pushers });
    expect(await other.port.sweep(Date.now() + 61_000)).toBeGreaterThanOrEqual(1);
    expect(await message('q-late', 2)).toMatch(/久等/);
    await say('q-late', '请尽快回电 13812345678，谢谢');
    expect(await message('q-late', 3)).toMatch(/留言已提交（编号 T\d+）/);
    const { tickets } = await agent.json<{ tickets: Array<{ id: string; message: string; contact: string; channel: string }> }>('GET', '/agent/api/tickets');
    expect(tickets[0]).toMatchObject({ message: '请尽快回电 [mobile]，谢谢', contact: '13812345678', channel: 'msteams', status: 'open' });
    const id = tickets[0].id;
    await agent.json('POST', `/agent/api/tickets/${id}/done`);
    const after = await agent.json<{ tickets: Array<{ id: string; status: string; doneBy: string }> }>('GET', '/agent/api/tickets');
    expect(after.tickets.find((t) => t.id === id)).toMatchObject({ status: 'done', doneBy: 'alice' });
    expect((await agent.call('POST', '/agent/api/tickets/T99999999/done')).status).toBe(404);
  });
});

describe('when nobody can answer', () => {
  it('offers a ticket when no agent is online, and asks for a contact when the message has none', async () => {
    const closed = await startTestServer({ HANDOVER_HOURS: 'always' });
    try {
      await say('t-offline', '转人工', closed.url);
      expect(await message('t-offline', 1)).toMatch(/没有空闲的人工客服/);
      await say('t-offline', '我的网银证书过期了，怎么办', closed.url);
      expect(await message('t-offline', 2)).toMatch(/联系方式|电话或邮箱/);
      await say('t-offline', 'li.wei@example.com', closed.url);
      expect(await message('t-offline', 3)).toMatch(/留言已提交/);
      await createAgent(closed.prefix, 'alice');
      const agent = new ConsoleClient(closed.url);
      await agent.signIn('alice');
      const { tickets } = await agent.json<{ tickets: Array<{ message: string; contact: string }> }>('GET', '/agent/api/tickets');
      expect(tickets).toEqual([expect.objectContaining({ message: '我的网银证书过期了，怎么办', contact: 'li.wei@example.com' })]);
    } finally {
      await closed.close();
    }
  });

  it('outside business hours (a holiday) says when agents work; "cancel" skips the message', async () => {
    const closed = await startTestServer({ HANDOVER_HOURS: 'Mon-Sun 00:00-24:00', HANDOVER_HOLIDAYS: '2000-01-01..2099-12-31' });
    try {
      await say('t-holiday', 'talk to an agent', closed.url);
      expect(await message('t-holiday', 1)).toMatch(/Our agents work Mon-Sun 00:00-24:00/);
      await say('t-holiday', 'cancel', closed.url);
      expect(await message('t-holiday', 2)).toMatch(/no message/);
    } finally {
      await closed.close();
    }
  });
});
