/** Direct Line 3.0 subset over real HTTP and real Redis: the paths a client such as Web Chat takes. */
import { call, dl, history, message, openConversation, type ActivityJson, type Grant } from './support/directLineClient';
import { startHarness, type Harness } from './support/webChatHarness';

const SECRET = 'test-directline-secret-0123456789';

describe('Direct Line conversation', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ DIRECTLINE_SECRET: SECRET });
  });
  afterAll(() => h.close());

  it('mints a token with the secret and starts its conversation with a greeting in the given locale', async () => {
    const generated = await call<Grant>(h.url, 'POST', '/v3/directline/tokens/generate', { auth: SECRET });
    expect(generated.status).toBe(200);
    expect(generated.body.expires_in).toBe(1800);
    const started = await call<Grant>(h.url, 'POST', '/v3/directline/conversations', { auth: generated.body.token, body: { locale: 'en-US' } });
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(generated.body.conversationId);
    const log = await history(h.url, started.body.token, started.body.conversationId);
    expect(log.body.activities.map((a) => a.text)).toEqual(['welcome (en-US)']);
    expect(log.body.activities[0].from.role).toBe('bot');
  });

  it('answers a retried post (same clientActivityID) once: one echo, one reply, the same id', async () => {
    const g = await openConversation(h.url, SECRET);
    const post = () =>
      call<{ id: string }>(h.url, 'POST', `${dl(g.conversationId)}/activities`, {
        auth: g.token,
        body: message('我的卡丢了', { channelData: { clientActivityID: 'retry-1' } }),
      });
    const first = await post();
    const second = await post();
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const log = await history(h.url, g.token, g.conversationId);
    expect(log.body.activities.map((a) => a.text)).toEqual(['welcome (no locale)', '我的卡丢了', 'echo: 我的卡丢了']);
  });

  it('starting the same conversation again (a page reload) does not greet twice', async () => {
    const g = await openConversation(h.url, SECRET);
    const again = await call<Grant>(h.url, 'POST', '/v3/directline/conversations', { auth: g.token });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(g.conversationId);
    const log = await history(h.url, g.token, g.conversationId);
    expect(log.body.activities).toHaveLength(1);
  });

  it('starts a fresh conversation with the secret alone and returns a token for it', async () => {
    const started = await call<Grant>(h.url, 'POST', '/v3/directline/conversations', { auth: SECRET });
    expect(started.status).toBe(201);
    const log = await history(h.url, started.body.token, started.body.conversationId);
    expect(log.body.activities[0].text).toBe('welcome (no locale)');
  });

  it('echoes the posted message to the log, then the bot reply with its suggested actions', async () => {
    const g = await openConversation(h.url, SECRET);
    const posted = await call<{ id: string }>(h.url, 'POST', `${dl(g.conversationId)}/activities`, {
      auth: g.token,
      body: message('网银证书过期了', { channelData: { clientActivityID: 'c-1' } }),
    });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${g.conversationId}\\|\\d{7}$`));
    const log = await history(h.url, g.token, g.conversationId);
    const [, mine, reply] = log.body.activities;
    expect(mine).toMatchObject({ id: posted.body.id, text: '网银证书过期了', from: { role: 'user' }, channelData: { clientActivityID: 'c-1' } });
    expect(mine.from.id).not.toBe('someone'); // the token's bound user wins over the claimed one
    expect(reply).toMatchObject({ text: 'echo: 网银证书过期了', replyToId: posted.body.id, channelId: 'directline' });
    expect(reply.suggestedActions?.actions.map((a) => a.title)).toEqual(['yes', 'no']);
  });

  it('returns only what came after the watermark', async () => {
    const g = await openConversation(h.url, SECRET);
    const first = await history(h.url, g.token, g.conversationId);
    expect(first.body.watermark).toBe('1');
    await call(h.url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('one') });
    const next = await history(h.url, g.token, g.conversationId, first.body.watermark);
    expect(next.body.activities.map((a: ActivityJson) => a.text)).toEqual(['one', 'echo: one']);
    expect(next.body.watermark).toBe('3');
    const none = await history(h.url, g.token, g.conversationId, next.body.watermark);
    expect(none.body.activities).toEqual([]);
    expect(none.body.watermark).toBe('3');
  });

  it('refreshes a token into a new one that still opens the same conversation', async () => {
    const g = await openConversation(h.url, SECRET);
    const refreshed = await call<Grant>(h.url, 'POST', '/v3/directline/tokens/refresh', { auth: g.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(g.conversationId);
    const log = await history(h.url, refreshed.body.token, g.conversationId);
    expect(log.status).toBe(200);
  });

  it('reconnects to a conversation (GET conversation) with a fresh token', async () => {
    const g = await openConversation(h.url, SECRET);
    const again = await call<Grant>(h.url, 'GET', dl(g.conversationId), { auth: g.token });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(g.conversationId);
  });

  it('passes a shared location (the widget\'s GeoCoordinates entity) to the bot', async () => {
    const g = await openConversation(h.url, SECRET);
    await call(h.url, 'POST', `${dl(g.conversationId)}/activities`, {
      auth: g.token,
      body: { type: 'message', entities: [{ type: 'GeoCoordinates', latitude: 31.23, longitude: 121.47 }] },
    });
    const log = await history(h.url, g.token, g.conversationId);
    expect(log.body.activities.at(-1)?.text).toBe('location 31.23,121.47 valid=true');
  });

  it('delivers a later message pushed to the conversation (a human agent) to the client', async () => {
    const g = await openConversation(h.url, SECRET);
    await h.context.pushers.send({ channelId: 'directline', conversation: { id: g.conversationId, isGroup: false, conversationType: 'personal', name: '' } }, [
      { type: 'message', text: '您好，我是人工客服小李', from: { id: 'agent-7', name: '小李' } },
    ]);
    const log = await history(h.url, g.token, g.conversationId);
    expect(log.body.activities.at(-1)).toMatchObject({ text: '您好，我是人工客服小李', from: { id: 'agent-7', name: '小李', role: 'bot' } });
  });

  it('answers CORS preflights so pages on the bank\'s own site can call it', async () => {
    const res = await fetch(`${h.url}/v3/directline/conversations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example-bank.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
