/**
 * The agent tools over real HTTP (Bot Framework channel) and real Redis: transfer to a colleague
 * and back to the queue, private notes, an agent's status that the queue respects, canned replies in
 * the customer's script, and closed conversations that stay searchable with masked transcripts.
 */
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { startTestServer, type TestServer } from '../support/testServer';
import { ConsoleClient, createAgent, handleOf } from './support/consoleClient';

let server: TestServer;
let connector: ConnectorStandIn;
const clients: ConsoleClient[] = [];

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ HANDOVER_HOURS: 'always', HANDOVER_WAIT_SECONDS: '600' });
  for (const name of ['li', 'wang', 'zhao']) await createAgent(server.prefix, name);
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await server.close();
  await connector.close();
});

async function say(conversation: string, text: string): Promise<void> {
  expect((await postActivity(server.url, messageActivity(connector.url, conversation, text))).status).toBe(200);
}

/** Every message text the conversation received so far, waiting for at least `n`. */
async function messages(conversation: string, n: number): Promise<string[]> {
  const pick = () => connector.received.filter((r) => r.conversationId === conversation && r.activity.type === 'message');
  for (let total = n; pick().length < n; total++) await connector.waitFor(conversation, total);
  return pick().map((r) => String(r.activity.text));
}

async function agent(name: string): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.url);
  expect((await client.signIn(name)).status).toBe(200);
  clients.push(client);
  return client;
}

async function waitingAndTaken(conversation: string, by: ConsoleClient): Promise<string> {
  await say(conversation, '转人工');
  const handle = handleOf('msteams', conversation);
  expect((await by.call('POST', `/agent/api/conversations/${handle}/take`)).status).toBe(200);
  return handle;
}

it('transfers a customer to a colleague who is online, who can then answer; the first agent no longer can', async () => {
  const li = await agent('li');
  const wang = await agent('wang');
  const handle = await waitingAndTaken('t-transfer', li);
  const moved = await li.json<{ agent: string }>('POST', `/agent/api/conversations/${handle}/transfer`, { to: 'wang' });
  expect(moved.agent).toBe('wang');
  expect((await messages('t-transfer', 3)).at(-1)).toMatch(/已为您转接客服 wang/);
  expect((await li.call('POST', `/agent/api/conversations/${handle}/messages`, { text: 'hi' })).status).toBe(403);
  expect((await wang.call('POST', `/agent/api/conversations/${handle}/messages`, { text: '我是小王' })).status).toBe(200);
  const { mine } = await wang.json<{ mine: Array<{ handle: string }> }>('GET', '/agent/api/queue');
  expect(mine.map((m) => m.handle)).toContain(handle);
});

it('refuses to transfer to a colleague who is away, and changes nothing', async () => {
  const li = await agent('li');
  const zhao = await agent('zhao');
  expect((await zhao.call('POST', '/agent/api/status', { status: 'away' })).status).toBe(200);
  const handle = await waitingAndTaken('t-away', li);
  const res = await li.call('POST', `/agent/api/conversations/${handle}/transfer`, { to: 'zhao' });
  expect(res.status).toBe(409);
  const { mine } = await li.json<{ mine: Array<{ handle: string }> }>('GET', '/agent/api/queue');
  expect(mine.map((m) => m.handle)).toContain(handle);
  expect((await li.call('POST', `/agent/api/conversations/${handle}/transfer`, { to: 'zhao', extra: 1 })).status).toBe(400);
  expect((await zhao.call('POST', '/agent/api/status', { status: 'online' })).status).toBe(200);
});

it('puts a customer back in the queue at their old place and tells them their position', async () => {
  const li = await agent('li');
  const handle = await waitingAndTaken('t-requeue', li);
  const back = await li.json<{ state: string }>('POST', `/agent/api/conversations/${handle}/transfer`, { to: null });
  expect(back.state).toBe('queued');
  expect((await messages('t-requeue', 3)).at(-1)).toMatch(/转回排队.*第 \d+ 位/);
  const { waiting } = await li.json<{ waiting: Array<{ handle: string }> }>('GET', '/agent/api/queue');
  expect(waiting.map((w) => w.handle)).toContain(handle);
});

it('keeps private notes away from the customer and shows them to the agent, masked', async () => {
  const li = await agent('li');
  const handle = await waitingAndTaken('t-note', li);
  const sent = (await messages('t-note', 2)).length;
  const note = await li.json<{ text: string }>('POST', `/agent/api/conversations/${handle}/notes`, { text: '客户手机 13812345678 已核实' });
  expect(note.text).not.toContain('13812345678');
  const view = await li.json<{ notes: Array<{ text: string; agent: string }>; transcript: Array<{ text: string }> }>('GET', `/agent/api/conversations/${handle}`);
  expect(view.notes).toEqual([expect.objectContaining({ agent: 'li', text: note.text })]);
  expect(view.transcript.map((t) => t.text).join('\n')).not.toContain('已核实');
  expect(connector.received.filter((r) => r.conversationId === 't-note' && r.activity.type === 'message')).toHaveLength(sent);
  expect((await li.call('POST', `/agent/api/conversations/${handle}/notes`, { text: '' })).status).toBe(400);
});

it('offers a customer a message instead of a wait when every agent present is away or offline', async () => {
  const li = await agent('li');
  const wang = await agent('wang');
  const zhao = await agent('zhao');
  for (const a of [li, wang, zhao]) expect((await a.call('POST', '/agent/api/status', { status: 'offline' })).status).toBe(200);
  await say('t-nobody', '转人工');
  expect((await messages('t-nobody', 1))[0]).toMatch(/没有空闲的人工客服/);
  expect((await li.call('POST', '/agent/api/status', { status: 'busy' })).status).toBe(400);
  for (const a of [li, wang, zhao]) await a.call('POST', '/agent/api/status', { status: 'online' });
  await say('t-somebody', '转人工');
  expect((await messages('t-somebody', 1))[0]).toMatch(/排在第/);
});

it('gives canned replies in the customer\'s script, only for the agent\'s own conversation', async () => {
  const li = await agent('li');
  const wang = await agent('wang');
  const handle = await waitingAndTaken('t-canned', li);
  const { replies } = await li.json<{ replies: Array<{ id: string; title: string; text: string }> }>('GET', `/agent/api/conversations/${handle}/canned-replies?lang=en`);
  expect(replies.find((r) => r.id === 'greet')).toEqual({ id: 'greet', title: 'Greeting', text: expect.stringMatching(/您好/) });
  expect((await wang.call('GET', `/agent/api/conversations/${handle}/canned-replies`)).status).toBe(403);
  expect((await li.call('GET', `/agent/api/conversations/${handle}/canned-replies?lang=fr`)).status).toBe(400);
});

it('keeps a closed conversation searchable by what was said, with the transcript masked', async () => {
  const li = await agent('li');
  const handle = await waitingAndTaken('t-closed', li);
  await say('t-closed', '我的手机 13912345678 收不到验证码');
  expect((await li.call('POST', `/agent/api/conversations/${handle}/close`)).status).toBe(200);
  const { closed } = await li.json<{ closed: Array<{ handle: string; agent: string; snippet: string }> }>('GET', `/agent/api/closed?q=${encodeURIComponent('验证码')}`);
  expect(closed).toEqual([expect.objectContaining({ handle, agent: 'li' })]);
  expect(closed[0].snippet).toContain('验证码');
  expect(closed[0].snippet).not.toContain('13912345678');
  const other = await agent('wang');
  const view = await other.json<{ transcript: Array<{ text: string }> }>('GET', `/agent/api/closed/${handle}`);
  expect(view.transcript.map((t) => t.text).join('\n')).toMatch(/\[mobile\] 收不到验证码/);
  expect((await li.json<{ closed: unknown[] }>('GET', '/agent/api/closed?q=nothing-like-this')).closed).toEqual([]);
});
