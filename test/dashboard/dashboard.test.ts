/**
 * The supervisor's figures computed from the real events of this test run: customers talk to the
 * real bot over the Bot Framework channel (real HTTP, real Redis), one is handed to an agent who
 * takes, closes and gets rated; then the dashboard API must report exactly those conversations,
 * that escalation and its reason, that wait and rating, and the messages the bot could not place.
 */
import { Redis } from 'ioredis';
import { SupervisorRoles } from '../../src/dashboard/supervisorRoles';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { testRedisUrl } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';
import { ConsoleClient, createAgent, handleOf } from '../handover/support/consoleClient';

let server: TestServer;
let connector: ConnectorStandIn;
// Out of scope for a bank's bot: the classifier places neither (intent `none`).
const WEATHER = ['今天天气怎么样', '天气怎么样'];

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ HANDOVER_HOURS: 'always', TZ: 'Asia/Shanghai' });
  await createAgent(server.prefix, 'boss');
  await createAgent(server.prefix, 'li');
  const redis = new Redis(testRedisUrl());
  await new SupervisorRoles(redis, new HandoverKeys(server.prefix).roles).grant('boss');
  await redis.quit();
});
afterAll(async () => {
  await server.close();
  await connector.close();
});

async function say(conversation: string, text: string): Promise<void> {
  expect((await postActivity(server.url, messageActivity(connector.url, conversation, text))).status).toBe(200);
}

async function signedIn(name: string): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.url);
  expect((await client.signIn(name)).status).toBe(200);
  return client;
}

interface Row {
  channel: string;
  conversations: number;
  escalations: number;
  containment: number;
  escalationRate: number;
  reasons: Record<string, number>;
  waits: number;
  waitMedianMs: number | null;
  ratings: number;
  ratingAverage: number | null;
  fallbacks: number;
}

it('reports conversations, containment, escalations with reasons, waits (median, 90th percentile), rating and fallbacks from real turns', async () => {
  const li = await signedIn('li');
  await say('d-hello', '你好');
  for (const text of WEATHER) await say('d-lost', text);
  // Three customers ask for a person one after another, and li takes them one by one: each waited
  // from its own enqueuedAt (read from the console) to a take that happened between two clock readings.
  const people = ['d-person', 'd-person-2', 'd-person-3'];
  for (const id of people) await say(id, '转人工');
  const { waiting } = await li.json<{ waiting: Array<{ handle: string; enqueuedAt: number }> }>('GET', '/agent/api/queue');
  const bounds: Array<[number, number]> = [];
  for (const id of people) {
    const handle = handleOf('msteams', id);
    const enqueuedAt = waiting.find((w) => w.handle === handle)?.enqueuedAt ?? NaN;
    const before = Date.now();
    expect((await li.call('POST', `/agent/api/conversations/${handle}/take`)).status).toBe(200);
    bounds.push([before - enqueuedAt, Date.now() - enqueuedAt]);
  }
  for (const id of people) expect((await li.call('POST', `/agent/api/conversations/${handleOf('msteams', id)}/close`)).status).toBe(200);
  await say('d-person', '4');

  const boss = await signedIn('boss');
  const { days } = await boss.json<{ days: Array<Row & { waitP90Ms: number | null }> }>('GET', '/agent/api/dashboard/figures?days=1');
  const teams = days.find((d) => d.channel === 'msteams');
  expect(teams).toMatchObject({
    conversations: 5,
    escalations: 3,
    containment: 0.4,
    escalationRate: 0.6,
    reasons: { requested: 3 },
    waits: 3,
    ratings: 1,
    ratingAverage: 4,
    fallbacks: 2,
  });
  // Nearest rank of three waits: the median is the 2nd smallest, the 90th percentile the largest.
  // Whatever the order of the three, the k-th smallest wait lies between the k-th smallest lower
  // bound and the k-th smallest upper bound (±1 ms: the server rounds to whole milliseconds).
  const lows = bounds.map(([low]) => low).sort((a, b) => a - b);
  const highs = bounds.map(([, high]) => high).sort((a, b) => a - b);
  expect(teams?.waitMedianMs).toBeGreaterThanOrEqual(lows[1] - 1);
  expect(teams?.waitMedianMs).toBeLessThanOrEqual(highs[1] + 1);
  expect(teams?.waitP90Ms).toBeGreaterThanOrEqual(lows[2] - 1);
  expect(teams?.waitP90Ms).toBeLessThanOrEqual(highs[2] + 1);

  // The two unplaced messages are one group in the inbox; assigned (one to an intent, one to an FAQ
  // entry), they leave it and are exported in the training files' shape.
  const inbox = await boss.json<{ groups: Array<{ count: number; entries: Array<{ id: string; text: string }> }> }>('GET', '/agent/api/dashboard/inbox');
  const group = inbox.groups.find((g) => g.entries.some((e) => e.text === WEATHER[0]));
  expect(group?.count).toBe(2);
  const [first, second] = group?.entries ?? [];
  const assign = (ids: string[], target: object) => boss.call('POST', '/agent/api/dashboard/inbox/assign', { ids, target });
  expect((await assign([first.id], { intent: 'NOT AN INTENT' })).status).toBe(400);
  expect((await assign([first.id], { intent: 'made_up_intent' })).status).toBe(400); // well formed, but the classifier has no such intent
  expect((await assign([first.id], { faq: 'no_such_entry' })).status).toBe(400);
  expect(await (await assign([first.id], { intent: 'greeting' })).json()).toEqual({ assigned: 1 });
  expect(await (await assign([second.id], { faq: 'cert_validity' })).json()).toEqual({ assigned: 1 });
  const after = await boss.json<{ groups: Array<{ entries: Array<{ text: string }> }> }>('GET', '/agent/api/dashboard/inbox');
  expect(after.groups.flatMap((g) => g.entries).some((e) => WEATHER.includes(e.text))).toBe(false);
  const exported = await boss.json<{ intents: unknown[]; faq: unknown[] }>('GET', '/agent/api/dashboard/inbox/export');
  expect(exported).toEqual({
    intents: [{ intent: 'greeting', language: 'zh', utterances: [first.text] }],
    faq: [{ id: 'cert_validity', language: 'zh', questions: [second.text] }],
  });
}, 60_000);

it('keeps the dashboard to supervisors: an agent gets 403, nobody signed in 401', async () => {
  const li = await signedIn('li');
  expect((await li.call('GET', '/agent/api/dashboard/figures')).status).toBe(403);
  expect((await li.call('GET', '/agent/api/dashboard/inbox/export')).status).toBe(403);
  expect((await new ConsoleClient(server.url).call('GET', '/agent/api/dashboard/figures')).status).toBe(401);
  const boss = await signedIn('boss');
  expect((await boss.call('GET', '/agent/api/dashboard/figures?days=1000')).status).toBe(400);
});
