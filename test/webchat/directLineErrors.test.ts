/** Every refusal the Direct Line endpoints promise, with the status and a reason a developer can act on. */
import { resolveSigningKey } from '../../src/channels/webchat/signingKey';
import { TokenService } from '../../src/channels/webchat/tokenService';
import { call, dl, history, message, openConversation, type Grant } from './support/directLineClient';
import { startHarness, type Harness } from './support/webChatHarness';

const SECRET = 'test-directline-secret-errors-42';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('Direct Line refusals', () => {
  let h: Harness;
  let a: Grant;
  let b: Grant;
  beforeAll(async () => {
    h = await startHarness({ DIRECTLINE_SECRET: SECRET });
    a = await openConversation(h.url, SECRET);
    b = await openConversation(h.url, SECRET);
  });
  afterAll(() => h.close());

  const post = (g: Grant, body: unknown, auth = g.token) =>
    call<ErrorBody>(h.url, 'POST', `${dl(g.conversationId)}/activities`, { auth, body });

  it('401 without a token, with a forged one and with an expired one', async () => {
    const missing = await call<ErrorBody>(h.url, 'GET', `${dl(a.conversationId)}/activities`);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('UNAUTHORIZED');

    const [head, , sig] = a.token.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ conv: b.conversationId, exp: 4102444800, iat: 0 })).toString('base64url');
    const forged = await history(h.url, `${head}.${forgedClaims}.${sig}`, b.conversationId);
    expect(forged.status).toBe(401);

    const key = await resolveSigningKey(SECRET, h.context.redis, h.prefix);
    const longAgo = new TokenService(key, 60, () => Math.floor(Date.now() / 1000) - 3600);
    const expired = await history(h.url, longAgo.issue(a.conversationId, 'u1').token, a.conversationId);
    expect(expired.status).toBe(401);
    expect((expired.body as unknown as ErrorBody).error.message).toMatch(/expired/);
  });

  it('403 when a token for conversation A reads or writes conversation B', async () => {
    const read = await call<ErrorBody>(h.url, 'GET', `${dl(b.conversationId)}/activities`, { auth: a.token });
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('FORBIDDEN');
    const write = await post(b, message('hello'), a.token);
    expect(write.status).toBe(403);
    const log = await history(h.url, b.token, b.conversationId);
    expect(log.body.activities.map((x) => x.text)).not.toContain('hello');
  });

  it('401 for tokens/generate without the secret, and when the server has no secret at all', async () => {
    const withToken = await call<ErrorBody>(h.url, 'POST', '/v3/directline/tokens/generate', { auth: a.token });
    expect(withToken.status).toBe(401);
    const bare = await startHarness();
    try {
      const res = await call<ErrorBody>(bare.url, 'POST', '/v3/directline/tokens/generate', { auth: 'anything' });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/DIRECTLINE_SECRET/);
    } finally {
      await bare.close();
    }
  });

  it('400 with the reason for text over 4 KB, and nothing reaches the log', async () => {
    const res = await post(a, message('证'.repeat(1366))); // 4,098 bytes of UTF-8
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/text is longer than 4096 bytes/);
    const log = await history(h.url, a.token, a.conversationId);
    expect(log.body.activities.some((x) => (x.text ?? '').length > 1365)).toBe(false);
    const ok = await post(a, message('证'.repeat(1365)));
    expect(ok.status).toBe(200);
  });

  it('400 with the reason for something that is not a valid activity', async () => {
    const wrongType = await post(a, { type: 'invoke', text: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(/^not a valid activity: type/);
    const upload = await post(a, { ...message('file'), attachments: [{ contentType: 'image/png', contentUrl: 'x' }] });
    expect(upload.body.error.message).toMatch(/attachments/);
    const notJson = await call<ErrorBody>(h.url, 'POST', `${dl(a.conversationId)}/activities`, {
      auth: a.token,
      raw: '{"type": "message",',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/not valid JSON/);
    const badWatermark = await history(h.url, a.token, a.conversationId, 'abc');
    expect(badWatermark.status).toBe(400);
  });

  it('413 for a body far beyond any activity, 415 for a body that is not JSON', async () => {
    const huge = await call<ErrorBody>(h.url, 'POST', `${dl(a.conversationId)}/activities`, {
      auth: a.token,
      body: { type: 'message', value: 'x'.repeat(40 * 1024) },
    });
    expect(huge.status).toBe(413);
    const form = await call<ErrorBody>(h.url, 'POST', `${dl(a.conversationId)}/activities`, {
      auth: a.token,
      raw: 'type=message',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('404 for a conversation that was never started', async () => {
    const generated = await call<Grant>(h.url, 'POST', '/v3/directline/tokens/generate', { auth: SECRET });
    const res = await post(generated.body, message('hi'));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/does not exist/);
  });

  it('400 when tokens/refresh is given the secret instead of a token', async () => {
    const res = await call<ErrorBody>(h.url, 'POST', '/v3/directline/tokens/refresh', { auth: SECRET });
    expect(res.status).toBe(400);
  });

  it('429 with Retry-After when one conversation sends more than 10 messages a second', async () => {
    const g = await openConversation(h.url, SECRET);
    const replies = await Promise.all(Array.from({ length: 25 }, (_, i) => post(g, message(`m${i}`))));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].headers.get('retry-after')).toBe('1');
    expect(limited[0].body.error.message).toMatch(/slow down/);
    // Another conversation is not affected.
    expect((await post(b, message('still fine'))).status).toBe(200);
  });
});
