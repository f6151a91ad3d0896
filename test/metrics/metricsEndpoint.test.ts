/**
 * GET /metrics over real HTTP, with real Redis: a customer's turns, a FAQ answer and a handover
 * taken in the console move the counters a bank's dashboards watch, and nothing a customer wrote
 * or any id shows up in the figures.
 */
import { createHandover } from '../../src/handover/createHandover';
import { ConsoleClient, createAgent } from '../handover/support/consoleClient';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { startTestServer, type TestServer } from '../support/testServer';

const TOKEN = 'metrics-test-token-0123456789';
let server: TestServer;
let connector: ConnectorStandIn;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ METRICS_TOKEN: TOKEN, HANDOVER_HOURS: 'always' });
  await createAgent(server.prefix, 'mia');
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one series, e.g. `bankbot_turns_total{channel="msteams",outcome="ok"}`; 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function say(conversation: string, text: string, replies: number): Promise<void> {
  expect((await postActivity(server.url, messageActivity(connector.url, conversation, text))).status).toBe(200);
  await connector.waitFor(conversation, replies);
}

/** Waits until the bot or the agent has said something matching `pattern` in `conversation`. */
async function heard(conversation: string, pattern: RegExp): Promise<void> {
  const texts = () => connector.received.filter((r) => r.conversationId === conversation).map((r) => String(r.activity.text ?? ''));
  for (let n = 1; !texts().some((t) => pattern.test(t)); n++) await connector.waitFor(conversation, n);
}

describe('GET /metrics', () => {
  it('refuses a scraper without the token, and one with a wrong token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('counts a turn by channel and outcome, its latency and its intent', async () => {
    const before = await scrape();
    await say('m-cert', '我的网银证书过期了怎么办', 1);
    const after = await scrape();
    const turns = 'bankbot_turns_total{channel="msteams",outcome="ok"}';
    expect(value(after, turns)).toBe(value(before, turns) + 1);
    const latency = 'bankbot_turn_duration_seconds_count{channel="msteams"}';
    expect(value(after, latency)).toBe(value(before, latency) + 1);
    const intent = 'bankbot_intents_total{intent="cert_expired"}';
    expect(value(after, intent)).toBe(value(before, intent) + 1);
  });

  it('counts a FAQ answer and a message the bot did not understand', async () => {
    const before = await scrape();
    await say('m-faq', 'FAQ 证书有效期', 1);
    await say('m-lost', '帮我注册一家公司', 1);
    const after = await scrape();
    expect(value(after, 'bankbot_faq_total{result="answered"}')).toBe(value(before, 'bankbot_faq_total{result="answered"}') + 1);
    expect(value(after, 'bankbot_fallbacks_total{channel="msteams"}')).toBe(value(before, 'bankbot_fallbacks_total{channel="msteams"}') + 1);
  });

  it('counts a handover requested and taken, and shows the queue and the agents online', async () => {
    const agent = new ConsoleClient(server.url);
    expect((await agent.signIn('mia')).status).toBe(200);
    await agent.json('GET', '/agent/api/queue');
    const before = await scrape();
    await say('m-human', '转人工', 1);
    const waiting = await scrape();
    const requested = 'bankbot_handover_requests_total{reason="requested",result="queued"}';
    expect(value(waiting, requested)).toBe(value(before, requested) + 1);
    expect(value(waiting, 'bankbot_handover_queue_length')).toBeGreaterThanOrEqual(1);
    expect(value(waiting, 'bankbot_agents_online')).toBeGreaterThanOrEqual(1);

    const handle = Buffer.from('msteams/m-human').toString('base64url');
    await agent.json('POST', `/agent/api/conversations/${handle}/take`);
    const taken = await scrape();
    expect(value(taken, 'bankbot_handover_taken_total')).toBe(value(before, 'bankbot_handover_taken_total') + 1);
    expect(value(taken, 'bankbot_handover_queue_length')).toBe(value(waiting, 'bankbot_handover_queue_length') - 1);
  });

  it('counts a customer nobody took in time', async () => {
    await say('m-late', '转人工', 1);
    const before = await scrape();
    // Any process's sweep may offer the ticket; a second handover on the same Redis, clock past the
    // wait, feeding this app's metrics as the app feeds its own (src/app.ts).
    const { config, logger, redis, pushers, metrics } = server.app.context;
    const other = createHandover({ config, logger, redis, duplicate: () => redis.duplicate(), pushers });
    other.signals.on(metrics.observeHandover);
    expect(await other.port.sweep(Date.now() + 24 * 3600_000)).toBeGreaterThanOrEqual(1);
    await heard('m-late', /久等/);
    const after = await scrape();
    // At least m-late; the sweep also gives back customers of agents whose console it no longer sees.
    expect(value(after, 'bankbot_handover_timeouts_total')).toBeGreaterThanOrEqual(value(before, 'bankbot_handover_timeouts_total') + 1);
    expect(value(after, 'bankbot_handover_queue_length')).toBe(0);
  });

  it("counts the customer's rating by score after the agent closes", async () => {
    const agent = new ConsoleClient(server.url);
    expect((await agent.signIn('mia')).status).toBe(200);
    await say('m-rate', '转人工', 1);
    const handle = Buffer.from('msteams/m-rate').toString('base64url');
    await agent.json('POST', `/agent/api/conversations/${handle}/take`);
    await agent.json('POST', `/agent/api/conversations/${handle}/close`);
    await heard('m-rate', /评分|打分|1-5|1–5/);
    const before = await scrape();
    expect((await postActivity(server.url, messageActivity(connector.url, 'm-rate', '4'))).status).toBe(200);
    await heard('m-rate', /感谢您的评价/);
    const after = await scrape();
    expect(value(after, 'bankbot_ratings_total{score="4"}')).toBe(value(before, 'bankbot_ratings_total{score="4"}') + 1);
  });

  it('carries no message text, conversation id or agent name in any series', async () => {
    const text = await scrape();
    for (const secret of ['证书', 'm-cert', 'm-human', 'm-rate', 'mia', 'msteams/']) expect(text).not.toContain(secret);
  });
});
