/** Direct Line's WebSocket stream: activities pushed as they are logged, from any bot process. */
import WebSocket from 'ws';
import { uniquePrefix } from '../support/testRedis';
import { call, dl, message, openConversation, type ActivityJson, type Grant } from './support/directLineClient';
import { startTestServer } from '../support/testServer';
import { startHarness, type Harness } from './support/webChatHarness';

const SECRET = 'test-directline-secret-stream-9';

interface StreamGrant extends Grant {
  streamUrl: string;
}

/** Opens a stream and collects every activity it delivers, in order. */
async function openStream(url: string) {
  const ws = new WebSocket(url);
  const received: ActivityJson[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data: Buffer) => {
    const text = data.toString('utf8');
    if (!text) return; // keep-alive
    received.push(...(JSON.parse(text) as { activities: ActivityJson[] }).activities);
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    received,
    async until(count: number): Promise<ActivityJson[]> {
      while (received.length < count) await new Promise<void>((r) => waiters.push(r));
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}

/** The HTTP status of a refused upgrade. */
function refusal(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined); // terminate() below reports "closed before established"
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('the stream opened')));
  });
}

describe('Direct Line WebSocket stream', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ DIRECTLINE_SECRET: SECRET });
  });
  afterAll(() => h.close());

  it('sends what is already in the log, then each new activity as it is logged', async () => {
    const g = await openConversation(h.url, SECRET);
    const again = await call<StreamGrant>(h.url, 'POST', '/v3/directline/conversations', { auth: g.token });
    expect(again.body.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${g.conversationId}/stream\\?t=`));
    const stream = await openStream(again.body.streamUrl);
    try {
      expect((await stream.until(1))[0].text).toBe('welcome (no locale)');
      await call(h.url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('streamed?') });
      const all = await stream.until(3);
      expect(all.map((a) => a.text)).toEqual(['welcome (no locale)', 'streamed?', 'echo: streamed?']);
    } finally {
      await stream.close();
    }
  });

  it('resumes from the watermark of a reconnect', async () => {
    const g = await openConversation(h.url, SECRET);
    await call(h.url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('before') });
    const reconnect = await call<StreamGrant>(h.url, 'GET', `${dl(g.conversationId)}?watermark=3`, { auth: g.token });
    const stream = await openStream(reconnect.body.streamUrl);
    try {
      await call(h.url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('after') });
      expect((await stream.until(2)).map((a) => a.text)).toEqual(['after', 'echo: after']);
    } finally {
      await stream.close();
    }
  });

  it('refuses a token of another conversation (403), the secret in the URL and a bad token (401)', async () => {
    const a = await openConversation(h.url, SECRET);
    const b = await openConversation(h.url, SECRET);
    const base = h.url.replace('http', 'ws');
    expect(await refusal(`${base}${dl(b.conversationId)}/stream?t=${encodeURIComponent(a.token)}`)).toBe(403);
    expect(await refusal(`${base}${dl(b.conversationId)}/stream?t=${SECRET}`)).toBe(401);
    expect(await refusal(`${base}${dl(b.conversationId)}/stream?t=nonsense`)).toBe(401);
  });

  it('delivers activities logged by another bot process', async () => {
    const prefix = uniquePrefix('wc-stream');
    const one = await startHarness({ DIRECTLINE_SECRET: SECRET, REDIS_KEY_PREFIX: prefix });
    const two = await startHarness({ DIRECTLINE_SECRET: SECRET, REDIS_KEY_PREFIX: prefix });
    try {
      const g = await call<StreamGrant>(one.url, 'POST', '/v3/directline/conversations', { auth: SECRET });
      const stream = await openStream(g.body.streamUrl);
      await stream.until(1);
      await call(two.url, 'POST', `${dl(g.body.conversationId)}/activities`, { auth: g.body.token, body: message('from two') });
      expect((await stream.until(3)).map((a) => a.text).slice(1)).toEqual(['from two', 'echo: from two']);
      await stream.close();
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('Direct Line WebSocket stream at shutdown', () => {
  it('tells an open stream the server is going away (1001) so the client reconnects elsewhere', async () => {
    const server = await startTestServer({ DIRECTLINE_SECRET: SECRET });
    const g = await openConversation(server.url, SECRET);
    const again = await call<StreamGrant>(server.url, 'POST', '/v3/directline/conversations', { auth: g.token });
    const ws = new WebSocket(again.body.streamUrl);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    await server.close();
    expect(await closed).toBe(1001);
  });
});
