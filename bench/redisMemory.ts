/**
 * `npx tsx bench/redisMemory.ts [--conversations 20] [--turns 5,20]`: Redis memory per
 * conversation, per channel. Starts a private redis-server and the real app in this process, runs
 * the same customer messages on Teams (/api/messages with a connector stand-in), the web widget
 * (Direct Line) and WeChat (/wechat with an API stand-in), and after each checkpoint sums
 * `MEMORY USAGE` of every key, grouped by the conversation's hash tag (docs/redis.md). Prints one
 * JSON object per checkpoint: bytes per conversation per channel, and the shared keys.
 */
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { connectRedis } from '../src/redis/connectRedis';
import { messageActivity, postActivity } from '../test/support/activities';
import { startConnectorStandIn } from '../test/support/connectorStandIn';
import { startRedisProcess } from '../test/support/redisProcess';
import { call, dl, message, openConversation, type Grant } from '../test/webchat/support/directLineClient';
import { startWeChatApiStandIn } from '../test/wechat/support/wechatApiStandIn';
import { newOpenId, postPlain, TEST_WECHAT, textXml, wechatEnv } from '../test/wechat/support/wechatClient';

const ROOT = resolve(__dirname, '..');
const SECRET = 'memory-bench-directline-secret-000';
/** A realistic mix: a flow, a branch search, small talk, a FAQ question, in both languages. */
const SAYS = ['网银证书过期了', 'U盾', '已经过期了', '附近的网点在哪里', '北京', '谢谢', 'how do I reset my password', '转账限额是多少', 'hello', '好的'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

type Channel = 'msteams' | 'directline' | 'wechat';

/** Which channel a key belongs to, by its hash tag; `shared` for queue-wide and daily keys. */
function channelOf(key: string): Channel | 'shared' | 'transient' {
  if (/\{(msteams\/|state:msteams\/)/.test(key)) return 'msteams';
  if (/\{(directline\/|state:directline\/)/.test(key)) return 'directline';
  if (/\{(wechat\/|state:wechat\/)/.test(key)) return 'wechat';
  if (/wechat:dedupe:|dl:rate:/.test(key)) return 'transient';
  return 'shared';
}

async function measure(redis: Redis, conversations: number): Promise<Record<string, number>> {
  const bytes: Record<string, number> = { msteams: 0, directline: 0, wechat: 0, shared: 0, transient: 0 };
  const keys: Record<string, number> = { msteams: 0, directline: 0, wechat: 0, shared: 0, transient: 0 };
  /** Bytes per conversation by what the key holds (`state`, `handover:transcript`, `dl:log`, …), all channels. */
  const byKind: Record<string, number> = {};
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'COUNT', 500);
    cursor = next;
    for (const key of batch) {
      const used = Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
      bytes[channelOf(key)] += used;
      keys[channelOf(key)] += 1;
      const kind = /^[^{]*\{(state:)?[^}]*\}:?(.*)$/.exec(key);
      if (kind && channelOf(key) !== 'shared') {
        const name = kind[1] ? 'userState' : kind[2] || 'other';
        byKind[name] = (byKind[name] ?? 0) + used;
      }
    }
  } while (cursor !== '0');
  return {
    teamsBytesPerConversation: Math.round(bytes.msteams / conversations),
    webBytesPerConversation: Math.round(bytes.directline / conversations),
    wechatBytesPerConversation: Math.round(bytes.wechat / conversations),
    keysPerConversation: +((keys.msteams + keys.directline + keys.wechat) / (3 * conversations)).toFixed(1),
    wechatDedupeBytesPerMessage: 0,
    transientBytes: bytes.transient,
    sharedBytes: bytes.shared,
    ...Object.fromEntries(Object.entries(byKind).map(([k, v]) => [`bytesPerConversation:${k}`, Math.round(v / (3 * conversations))])),
  };
}

async function main(): Promise<void> {
  const conversations = Number(arg('conversations', '20'));
  const checkpoints = arg('turns', '5,20').split(',').map(Number);
  const redisProcess = await startRedisProcess();
  const [connector, wechatApi] = await Promise.all([startConnectorStandIn(), startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret)]);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redisProcess.url,
    NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu'),
    DIRECTLINE_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    ...wechatEnv(wechatApi.url),
  });
  const logger = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
  const connection = await connectRedis(config, logger);
  const app = await createApp(config, logger, connection);
  const { url } = await app.listen();
  const admin = new Redis(redisProcess.url);
  try {
    const teams = Array.from({ length: conversations }, (_, i) => `mem-teams-${i}`);
    const web: Grant[] = [];
    for (let i = 0; i < conversations; i++) web.push(await openConversation(url, SECRET, 'zh-CN'));
    const wechat = Array.from({ length: conversations }, () => newOpenId());
    let done = 0;
    for (const target of checkpoints) {
      for (; done < target; done++) {
        const text = SAYS[done % SAYS.length];
        const statuses = await Promise.all([
          ...teams.map((conv) => postActivity(url, messageActivity(connector.url, conv, text)).then((r) => r.status)),
          ...web.map((g) => call(url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message(text) }).then((r) => r.status)),
          ...wechat.map((openId) => postPlain(url, textXml(openId, text)).then((r) => r.status)),
        ]);
        const failed = statuses.filter((s) => s !== 200);
        if (failed.length > 0) throw new Error(`turn ${done}: ${failed.length} messages not answered (${failed.join(',')})`);
      }
      // Let the turns' trailing writes (bot transcript entries, lock release) land.
      await new Promise((r) => setTimeout(r, 500));
      const figures = await measure(admin, conversations);
      figures.wechatDedupeBytesPerMessage = Math.round(figures.transientBytes / (conversations * done));
      process.stdout.write(`${JSON.stringify({ turns: done, conversations, ...figures })}\n`);
    }
  } finally {
    admin.disconnect();
    await app.close();
    await connection.close().catch(() => undefined);
    await Promise.all([connector.close(), wechatApi.close()]);
    await redisProcess.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
