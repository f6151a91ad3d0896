/** Console sign-in and sign-out against password guessing and with several consoles per agent (issue 13, item 10). */
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { newTestRedis } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';
import { ConsoleClient, createAgent, PASSWORD } from './support/consoleClient';

let server: TestServer;
let connector: ConnectorStandIn;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ HANDOVER_HOURS: 'always' });
  await Promise.all(['trent', 'uma', 'victor'].map((name) => createAgent(server.prefix, name)));
});
afterAll(async () => {
  await server.close();
  await connector.close();
});

/** Opens the console's live stream; `ended` settles when the server closes it. */
async function openStream(client: ConsoleClient): Promise<{ ended: Promise<void>; abort: () => void }> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/agent/api/events`, { headers: { cookie: client.cookie }, signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.getReader();
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return;
  })().catch(() => undefined);
  return { ended, abort: () => abort.abort() };
}

describe('console sign-in', () => {
  it('ends the signed-out console\'s live stream at once', async () => {
    const console1 = new ConsoleClient(server.url);
    await console1.signIn('victor');
    const stream = await openStream(console1);
    await console1.call('POST', '/agent/api/signout');
    await stream.ended;
    expect((await console1.call('GET', '/agent/api/queue')).status).toBe(401);
  });

  it("keeps the agent present, and their other console's stream live, when one of two consoles signs out", async () => {
    const laptop = new ConsoleClient(server.url);
    const desktop = new ConsoleClient(server.url);
    await laptop.signIn('uma');
    await desktop.signIn('uma');
    const laptopStream = await openStream(laptop);
    await desktop.openStream();
    await laptop.call('POST', '/agent/api/signout');
    await laptopStream.ended;
    const redis = newTestRedis();
    try {
      expect(await redis.zscore(new HandoverKeys(server.prefix).presence, 'uma')).not.toBeNull();
    } finally {
      await redis.quit();
    }
    expect((await desktop.call('GET', '/agent/api/queue')).status).toBe(200);
    // The desktop still hears about new customers.
    await postActivity(server.url, messageActivity(connector.url, 'signout-2', '转人工'));
    await desktop.waitForEvent((e) => e.type === 'queue');
    desktop.close();
  });

  // Last: the 40 guesses also use up this address's allowance for the rest of the window.
  it('lets at most five of 40 parallel guesses reach the password check, so the right one among them is refused too', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 37 ? PASSWORD : `wrong-guess-${i}`));
    const answers = await Promise.all(guesses.map((password) => new ConsoleClient(server.url).signIn('trent', password)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5);
  });
});
