/**
 * Order across processes (issue 13, point 5): two messages of one conversation sent 0–20 ms apart
 * to two different bot processes. The connector stand-in receives each turn's reply while the turn
 * still holds the conversation's lock, so the order of the replies is the order the turns ran.
 * Each message carries the connector's stamp (seven fraction digits, as Azure's connector sends);
 * a turn's place in the conversation's Redis queue is that stamp, and a turn waits out the reorder
 * window (TURN_ORDER_WINDOW_MS, 50 ms by default) so a message sent a moment before it that reached
 * the other process a little later still runs first. Before the window (arrival tickets only),
 * pairs 0–5 ms apart ran in either order on a loaded machine.
 */
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { testRedisUrl, uniquePrefix } from '../support/testRedis';
import { ROOT, spawnServer, type ChildServer } from '../support/testServer';
import { resolve } from 'node:path';

jest.setTimeout(180_000);

const PAIRS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let connector: ConnectorStandIn;
const servers: ChildServer[] = [];

beforeAll(async () => {
  connector = await startConnectorStandIn();
  const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('order'), NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu') };
  servers.push(...(await Promise.all([spawnServer(env, { startMs: 120_000 }), spawnServer(env, { startMs: 120_000 })])));
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await connector?.close();
});

it(`runs two messages sent 0–20 ms apart to two processes in the order sent (${PAIRS} pairs)`, async () => {
  const conv = `order-${Date.now()}`;
  const byGap = new Map<number, { inOrder: number; pairs: number }>();
  let inOrder = 0;
  for (let pair = 0; pair < PAIRS; pair++) {
    const gap = pair % 21;
    // Alternate which process gets the first message.
    const [first, second] = pair % 2 ? [servers[1], servers[0]] : [servers[0], servers[1]];
    const a = messageActivity(connector.url, conv, '网银证书有效期多久', { id: `p${pair}-a` });
    const b = messageActivity(connector.url, conv, '密码忘了怎么办', { id: `p${pair}-b` });
    const sentA = postActivity(first.url, a);
    if (gap > 0) await sleep(gap);
    const sentB = postActivity(second.url, b);
    const statuses = await Promise.all([sentA, sentB].map((p) => p.then((r) => r.status)));
    expect(statuses).toEqual([200, 200]);
    const order = connector.received.filter((r) => r.conversationId === conv).map((r) => r.replyToId);
    const ok = order.indexOf(a.id) >= 0 && order.indexOf(a.id) < order.indexOf(b.id);
    if (ok) inOrder += 1;
    const row = byGap.get(gap) ?? { inOrder: 0, pairs: 0 };
    byGap.set(gap, { inOrder: row.inOrder + (ok ? 1 : 0), pairs: row.pairs + 1 });
  }
  console.log(
    `order across two processes: ${inOrder} of ${PAIRS} pairs in order; by gap (ms: in order/pairs): ${[...byGap]
      .map(([gap, r]) => `${gap}: ${r.inOrder}/${r.pairs}`)
      .join(', ')}`,
  );
  expect(inOrder).toBe(PAIRS);
});
