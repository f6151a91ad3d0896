/**
 * A conversation full of personal data leaves none of it in Redis (issue 13, item 7): every key
 * the conversation wrote — state, activity log, transcripts, queue records, dedupe and journal
 * entries — is read back whole and searched for each value in clear.
 */
import type { Redis } from 'ioredis';
import { newTestRedis } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';
import { call, dl, openConversation } from '../webchat/support/directLineClient';

const SECRET = 'test-directline-secret-pii-scan-01';

/** What the customer writes, and the forms of it that must not be stored. */
const MESSAGES = [
  '我的身份证号是110101199003074514，卡号 6222 0212 3456 7890 128',
  '手机13812345678，邮箱 zhang.san@example.com',
  '验证码是 483920，密码是 abc12345',
  '香港身份證 A123456(7)，手機 +852 9123 4567',
  '台灣身分證 B123456789，手機 0912-345-678，卡號 4111 1111 1111 1112',
  '转人工',
  '我的卡号是 6222021234567890128',
];
const SECRETS = ['110101199003074514', '6222 0212', '6222021234567890128', '13812345678', 'zhang.san@example.com', '483920', 'abc12345', 'A123456(7)', '9123 4567', 'B123456789', '0912-345-678', '4111 1111 1111 1112'];

async function dump(redis: Redis, prefix: string): Promise<string> {
  const keys = await redis.keys(`${prefix}*`);
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    const readers: Record<string, () => Promise<unknown>> = {
      string: () => redis.get(key),
      hash: () => redis.hgetall(key),
      list: () => redis.lrange(key, 0, -1),
      set: () => redis.smembers(key),
      zset: () => redis.zrange(key, 0, -1, 'WITHSCORES'),
    };
    parts.push(`${key} ${JSON.stringify(await (readers[type] ?? (() => Promise.resolve(type)))())}`);
  }
  return parts.join('\n');
}

describe('personal data in Redis', () => {
  let server: TestServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startTestServer({ DIRECTLINE_SECRET: SECRET, HANDOVER_HOURS: 'always' });
    redis = newTestRedis();
  });
  afterAll(async () => {
    await server?.close();
    await redis?.quit();
  });

  it('stores none of the ID, card and phone numbers, e-mail, one-time code or password a customer wrote', async () => {
    const g = await openConversation(server.url, SECRET);
    for (const [i, text] of MESSAGES.entries()) {
      const res = await call(server.url, 'POST', `${dl(g.conversationId)}/activities`, {
        auth: g.token,
        body: { type: 'message', text, channelData: { clientActivityID: `pii-${i}` } },
      });
      expect(res.status).toBe(200);
    }
    const stored = await dump(redis, server.prefix);
    expect(stored).toContain(g.conversationId.slice(0, 8)); // the scan did see the conversation's keys
    // The supervisor's misunderstood inbox was among the keys: it keeps what the bot could not place, masked.
    expect(stored).toMatch(/\{inbox\}:messages .*手机\[mobile\]，邮箱 \[email\]/);
    expect(SECRETS.filter((secret) => stored.includes(secret) || stored.includes(JSON.stringify(secret).slice(1, -1)))).toEqual([]);
  });
});
