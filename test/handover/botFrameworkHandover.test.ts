/**
 * The whole handover loop for a Bot Framework (Teams) customer, over real HTTP and real Redis: the
 * customer talks through /api/messages, replies and agent messages arrive at the connector stand-in.
 */
import { createHandover } from '../../src/handover/createHandover';
import { postActivity, messageActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { startTestServer, type TestServer } from '../support/testServer';
import { ConsoleClient, createAgent, handleOf } from './support/consoleClient';

let server: TestServer;
let connector: ConnectorStandIn;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ HANDOVER_HOURS: 'always' });
  await createAgent(server.prefix, 'alice');
  // Signs in with one console only, so signing it out takes the agent offline (presence is per console).
  await createAgent(server.prefix, 'dora');
});

afterAll(async () => {
  await server.close();
  await connector.close();
});

async function say(conversation: string, text: string): Promise<void> {
  const res = await postActivity(server.url, messageActivity(connector.url, conversation, text));
  expect(res.status).toBe(200);
}

const texts = (conversation: string) =>
  connector.received.filter((r) => r.conversationId === conversation && r.activity.type === 'message').map((r) => String(r.activity.text ?? ''));

async function nextText(conversation: string, count: number): Promise<string> {
  await connector.waitFor(conversation, count);
  const all = connector.received.filter((r) => r.conversationId === conversation);
  return String(all[count - 1]?.activity.text ?? all[count - 1]?.activity.name ?? '');
}

describe('handover on the Bot Framework channel', () => {
  it('queues the customer, relays both ways, asks for a rating and gives the customer back to the bot', async () => {
    const agent = new ConsoleClient(server.url);
    expect((await agent.signIn('alice')).status).toBe(200);
    await agent.openStream();
    const conv = 'bf-handover-1';

    await say(conv, '转人工');
    await connector.waitFor(conv, 2);
    expect(texts(conv).join('\n')).toMatch(/排在第 1 位/);
    const handoff = connector.received.find((r) => r.conversationId === conv && r.activity.type === 'event');
    expect(handoff?.activity.name).toBe('handoff.initiate');

    const handle = handleOf('msteams', conv);
    const queue = await agent.json<{ waiting: Array<{ handle: string; channel: string; reason: string }> }>('GET', '/agent/api/queue');
    expect(queue.waiting).toEqual([expect.objectContaining({ handle, channel: 'msteams', reason: 'requested' })]);

    // The agent sees the conversation so far: the customer's words and the bot's replies as sent.
    const view = await agent.json<{ transcript: Array<{ from: string; text: string }> }>('GET', `/agent/api/conversations/${handle}`);
    expect(view.transcript).toEqual([
      expect.objectContaining({ from: 'customer', text: '转人工' }),
      expect.objectContaining({ from: 'bot', text: expect.stringMatching(/排在第 1 位/) }),
    ]);

    const before = connector.received.filter((r) => r.conversationId === conv).length;
    await agent.json('POST', `/agent/api/conversations/${handle}/take`);
    expect(await nextText(conv, before + 1)).toMatch(/alice/);

    await agent.json('POST', `/agent/api/conversations/${handle}/messages`, { text: '您好，我是客服小李' });
    expect(await nextText(conv, before + 2)).toBe('您好，我是客服小李');

    await say(conv, '我的卡号是 6222 0212 3456 7890 128，被冻结了');
    const forwarded = await agent.waitForEvent((e) => e.type === 'message' && (e.data.entry as { from: string }).from === 'customer');
    // The agent sees the card number masked, as the transcript stores it.
    expect((forwarded.data.entry as { text: string }).text).toBe('我的卡号是 [card ****0128]，被冻结了');
    expect(connector.received.filter((r) => r.conversationId === conv)).toHaveLength(before + 2); // the bot kept quiet

    await agent.json('POST', `/agent/api/conversations/${handle}/close`);
    expect(await nextText(conv, before + 3)).toMatch(/打分.*1.*5/);
    const ratingPrompt = connector.received.filter((r) => r.conversationId === conv)[before + 2];
    expect(ratingPrompt.activity.suggestedActions).toMatchObject({ actions: [{ value: '1' }, { value: '2' }, { value: '3' }, { value: '4' }, { value: '5' }] });

    await say(conv, '5');
    expect(await nextText(conv, before + 4)).toMatch(/感谢/);
    const { ratings } = await agent.json<{ ratings: Array<{ agent: string; count: number; average: number }> }>('GET', '/agent/api/ratings');
    expect(ratings).toEqual([{ agent: 'alice', count: 1, average: 5 }]);

    await say(conv, '你好');
    await connector.waitFor(conv, before + 5);
    expect(texts(conv).at(-1)).not.toMatch(/感谢|排在/);

    const transcript = await agent.call('GET', `/agent/api/conversations/${handle}`);
    expect(transcript.status).toBe(403); // no longer waiting, no longer the agent's
    agent.close();
  });

  it('sends Teams the agent\'s typing, and the agent\'s text as plain text, so no Markdown becomes a link or an image', async () => {
    const agent = new ConsoleClient(server.url);
    expect((await agent.signIn('alice')).status).toBe(200);
    const conv = 'bf-format';
    await say(conv, '转人工');
    await connector.waitFor(conv, 2);
    const handle = handleOf('msteams', conv);
    const of = () => connector.received.filter((r) => r.conversationId === conv).map((r) => r.activity);
    const taken = of().length + 1; // the "alice is here" message
    await agent.json('POST', `/agent/api/conversations/${handle}/take`);
    await connector.waitFor(conv, taken);

    expect((await agent.call('POST', `/agent/api/conversations/${handle}/typing`)).status).toBe(200);
    await connector.waitFor(conv, taken + 1);
    expect(of()[taken]).toMatchObject({ type: 'typing' });

    const markdown = '请看 [x](https://example.com/phish) 和 ![](https://example.com/pixel.png)';
    await agent.json('POST', `/agent/api/conversations/${handle}/messages`, { text: markdown });
    await connector.waitFor(conv, taken + 2);
    expect(of()[taken + 1]).toMatchObject({ type: 'message', text: markdown, textFormat: 'plain' });
    await agent.json('POST', `/agent/api/conversations/${handle}/release`);
    agent.close();
  });

  it('tells a customer at once when their agent\'s console has vanished, and gives them back to the bot', async () => {
    const agent = new ConsoleClient(server.url);
    await agent.signIn('alice');
    const conv = 'bf-handover-vanished';
    await say(conv, '转人工');
    await agent.json('POST', `/agent/api/conversations/${handleOf('msteams', conv)}/take`);
    const before = texts(conv).length;
    // The browser closes without signing out; any process's sweep, past the presence window, notices.
    const { config, logger, redis, pushers } = server.app.context;
    const other = createHandover({ config, logger, redis, duplicate: () => redis.duplicate(), pushers });
    expect(await other.port.sweep(Date.now() + 61_000)).toBeGreaterThanOrEqual(1);
    await connector.waitFor(conv, before + 1);
    expect(texts(conv).at(-1)).toMatch(/为您服务的客服已离线/);
    // Nothing is relayed to the vanished agent any more: the bot answers.
    await say(conv, '网银证书过期了');
    expect(texts(conv).at(-1)).toMatch(/证书/);
    expect(await other.port.sweep(Date.now() + 61_000)).toBe(0);
  });

  it('hands the customer back to the bot when their agent has gone offline', async () => {
    const agent = new ConsoleClient(server.url);
    await agent.signIn('dora');
    const conv = 'bf-handover-gone';
    await say(conv, '转人工');
    await agent.json('POST', `/agent/api/conversations/${handleOf('msteams', conv)}/take`);
    await agent.call('POST', '/agent/api/signout'); // as a closed browser would, once its presence lapses
    await say(conv, 'hello? anyone there?');
    expect(texts(conv).at(-1)).toMatch(/客服已离线/);
    await say(conv, '网银证书过期了');
    expect(texts(conv).at(-1)).not.toMatch(/客服已离线/);
  });
});
