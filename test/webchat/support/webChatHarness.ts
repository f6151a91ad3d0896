/**
 * The web channel's routes on a real restify server with real Redis and the real turn runtime
 * (lock, buffered replies, state saved per turn), around a small scripted bot. Protocol tests use
 * it so they test the channel, not the dialogs being written elsewhere; the browser tests run the
 * whole app instead (test/support/testServer.ts).
 */
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { DEFAULT_DATA_FILES } from '../../../src/i18n/dataFiles';
import { defaultLocalizer } from '../../../src/i18n/defaultLocalizer';
import { BotFrameworkAdapter } from '../../../src/channels/botframework/botFrameworkAdapter';
import restify from 'restify';
import type { AppContext } from '../../../src/appContext';
import { readLocation } from '../../../src/channels/location';
import { PushRegistry } from '../../../src/channels/pushRegistry';
import { webChatRoutes } from '../../../src/channels/webchat/webChatRoutes';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { BotMetrics } from '../../../src/metrics/botMetrics';
import type { Recognizer } from '../../../src/nlu/types';
import { connectRedis } from '../../../src/redis/connectRedis';
import { TurnJournal } from '../../../src/runtime/turnJournal';
import { BotRuntime } from '../../../src/runtime/botRuntime';
import { RedisTurnLock } from '../../../src/runtime/turnLock';
import { botStates } from '../../../src/storage/snapshotBotState';
import { RedisStorage } from '../../../src/storage/redisStorage';
import type { TurnBot } from '../../../src/turnBot';
import { testRedisUrl, uniquePrefix } from '../../support/testRedis';

export interface Harness {
  url: string;
  prefix: string;
  context: AppContext;
  close(): Promise<void>;
}

/** Greets on join; answers "echo: <text>" with two suggested actions; describes a shared location. */
export const scriptedBot: TurnBot = {
  async run(ctx: TurnContext) {
    if (ctx.activity.type === ActivityTypes.ConversationUpdate) {
      await ctx.sendActivity(`welcome (${ctx.activity.locale ?? 'no locale'})`);
      return;
    }
    if (ctx.activity.type !== ActivityTypes.Message) return;
    const location = readLocation(ctx.activity);
    if (location) {
      await ctx.sendActivity(`location ${location.latitude},${location.longitude} valid=${location.valid}`);
      return;
    }
    await ctx.sendActivity(MessageFactory.suggestedActions(['yes', 'no'], `echo: ${ctx.activity.text ?? ''}`));
  },
};

const noRecognizer: Recognizer = {
  recognize: () => {
    throw new Error('the harness bot does not use NLU');
  },
};

export async function startHarness(env: Record<string, string> = {}, bot: TurnBot = scriptedBot): Promise<Harness> {
  const prefix = env.REDIS_KEY_PREFIX ?? uniquePrefix('wc');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', REDIS_URL: testRedisUrl(), LOG_LEVEL: 'silent', ...env, REDIS_KEY_PREFIX: prefix });
  const logger = createLogger('silent');
  const connection = await connectRedis(config, logger);
  const redis = connection.redis;
  const storage = new RedisStorage(redis, { prefix, ttlSeconds: config.STATE_TTL_SECONDS });
  const { conversationState, userState } = botStates(storage);
  const lock = new RedisTurnLock(redis, { prefix, lockMs: config.TURN_LOCK_MS, waitMs: config.TURN_LOCK_WAIT_MS });
  const runtime = new BotRuntime({ bot, lock, states: [conversationState, userState], journal: new TurnJournal(conversationState, storage), logger });
  const adapter = new BotFrameworkAdapter();
  const context: AppContext = {
    config,
    logger,
    redis,
    storeMode: connection.mode,
    connection,
    storage,
    conversationState,
    userState,
    recognizer: noRecognizer,
    dataFiles: DEFAULT_DATA_FILES,
    localizer: defaultLocalizer(),
    metrics: new BotMetrics(),
    adapter,
    runtime,
    pushers: new PushRegistry({ send: async () => undefined }),
    onDrain: [],
    onClose: [],
    customerTyping: [],
    // This harness has no handover: nobody is ever with a person.
    withPerson: async () => false,
  };
  const server = restify.createServer({ name: 'webchat-harness', handleUncaughtExceptions: false });
  await webChatRoutes(server, context);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    prefix,
    context,
    async close() {
      // As the app does at shutdown; open WebSocket streams would otherwise keep the server open.
      context.onDrain.forEach((end) => end());
      for (const task of context.onClose) await task();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}
