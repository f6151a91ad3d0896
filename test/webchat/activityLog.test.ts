/** The Redis activity log: bounded, expiring, shared by every bot process. */
import { call, dl, history, message, openConversation } from './support/directLineClient';
import { startHarness } from './support/webChatHarness';
import { uniquePrefix } from '../support/testRedis';

const SECRET = 'test-directline-secret-log-77';

describe('Direct Line activity log', () => {
  it('keeps only the newest DIRECTLINE_LOG_MAX activities, with stable ids and watermark', async () => {
    const h = await startHarness({ DIRECTLINE_SECRET: SECRET, DIRECTLINE_LOG_MAX: '10' });
    try {
      const g = await openConversation(h.url, SECRET);
      for (let i = 0; i < 6; i++) {
        await call(h.url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message(`n${i}`) });
      }
      const log = await history(h.url, g.token, g.conversationId);
      expect(log.body.watermark).toBe('13'); // welcome + 6 × (message + echo)
      expect(log.body.activities).toHaveLength(10);
      expect(log.body.activities[0].id).toBe(`${g.conversationId}|0000003`);
      expect(log.body.activities.at(-1)?.text).toBe('echo: n5');
      const tail = await history(h.url, g.token, g.conversationId, '11');
      expect(tail.body.activities.map((a) => a.text)).toEqual(['n5', 'echo: n5']);
    } finally {
      await h.close();
    }
  });

  it('is kept for TRANSCRIPT_TTL_DAYS, however short the conversation state lives', async () => {
    const h = await startHarness({ DIRECTLINE_SECRET: SECRET, STATE_TTL_SECONDS: '600', TRANSCRIPT_TTL_DAYS: '2' });
    try {
      const g = await openConversation(h.url, SECRET);
      const base = `${h.prefix}{directline/${g.conversationId}}:dl`;
      const keys = await h.context.redis.keys(`${base}:*`);
      expect(keys.sort()).toEqual([`${base}:count`, `${base}:log`]);
      for (const key of keys) {
        const ttl = await h.context.redis.ttl(key);
        expect(ttl).toBeGreaterThan(86_400);
        expect(ttl).toBeLessThanOrEqual(2 * 86_400);
      }
    } finally {
      await h.close();
    }
  });

  it('lets any bot process serve any client: a token from one process works on another', async () => {
    const prefix = uniquePrefix('wc-shared');
    const one = await startHarness({ REDIS_KEY_PREFIX: prefix });
    const two = await startHarness({ REDIS_KEY_PREFIX: prefix });
    try {
      // No DIRECTLINE_SECRET: the processes agree on the signing key through Redis.
      const origin = one.url;
      const minted = await call<{ token: string; conversationId: string }>(one.url, 'POST', '/webchat/token', { headers: { origin } });
      expect(minted.status).toBe(200);
      const started = await call<{ token: string; conversationId: string }>(two.url, 'POST', '/v3/directline/conversations', { auth: minted.body.token });
      expect(started.status).toBe(201);
      await call(one.url, 'POST', `${dl(started.body.conversationId)}/activities`, { auth: started.body.token, body: message('across') });
      const log = await history(two.url, started.body.token, started.body.conversationId);
      expect(log.body.activities.map((a) => a.text)).toEqual(['welcome (no locale)', 'across', 'echo: across']);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
