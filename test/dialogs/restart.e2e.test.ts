/**
 * End to end over HTTP: messages POSTed to /api/messages, replies arriving at a stand-in for the
 * Bot Framework connector, state in real Redis. The server process is stopped in the middle of a
 * flow and a new one started on the same Redis: the flow continues where it was.
 */
import { messageActivity, postActivity } from '../support/activities';
import { testRedisUrl, uniquePrefix } from '../support/testRedis';
import { spawnServer, type ChildServer } from '../support/testServer';
import { startReplyCollector, type ReplyCollector } from './support/replyCollector';

describe('a flow survives a server restart (HTTP, real Redis)', () => {
  let connector: ReplyCollector;
  let server: ChildServer | undefined;
  // LOG_LEVEL info: spawnServer waits for the "listening" line.
  const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('dialogs'), LOG_LEVEL: 'info' };

  /** Sends one message and returns the text of the reply it caused. */
  async function say(conv: string, text: string, extra: Record<string, unknown> = {}): Promise<string> {
    if (!server) throw new Error('no server');
    const activity = messageActivity(connector.url, conv, text, extra);
    const res = await postActivity(server.url, activity);
    expect(res.status).toBe(200);
    return (await connector.repliesTo(activity.id)).join('\n');
  }

  beforeAll(async () => {
    connector = await startReplyCollector();
    server = await spawnServer(env);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await connector?.close();
  });

  it('continues the certificate flow after the process is replaced', async () => {
    const conv = `restart-${Date.now()}`;
    expect(await say(conv, '我的网银证书过期了怎么办')).toContain('哪种证书');

    expect(await server?.stop('SIGTERM')).toBe(0);
    server = await spawnServer(env);

    const answer = await say(conv, '1');
    expect(answer).toContain('插好U盾');
    expect(answer).toContain('身份证');
    expect(await say(conv, '1')).toContain('证书重置和更换需要到柜台');
    expect(await say(conv, '上海')).toContain('示例银行上海陆家嘴支行');
  }, 90_000);

  it('answers in traditional script and in English through the same endpoint', async () => {
    const hant = `hant-${Date.now()}`;
    expect(await say(hant, '網銀證書過期了要帶什麼去銀行')).toContain('哪種證書');
    expect(await say(hant, '文件證書')).toContain('身份證');

    const en = `en-${Date.now()}`;
    expect(await say(en, 'I was scammed', { locale: 'en-US' })).toContain('Freeze');
    // Whatever handover the app wires in answers; it must answer in English.
    const handover = await say(en, 'yes', { locale: 'en-US' });
    expect(handover).toMatch(/[a-z]/i);
    expect(handover).not.toMatch(/\p{Script=Han}/u);
  }, 60_000);
});
