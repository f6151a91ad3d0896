import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { AppContext } from './appContext';
import { CustomerServiceBot } from './bot';
import { BotFrameworkAdapter } from './channels/botframework/botFrameworkAdapter';
import { botFrameworkPusher } from './channels/botframework/botFrameworkPusher';
import { ActivityPoster } from './channels/botframework/activityPoster';
import { CachingBotFrameworkAuthentication } from './channels/botframework/cachingBotFrameworkAuthentication';
import { botFrameworkRoutes } from './channels/botframework/botFrameworkRoutes';
import { wechatRoutes } from './channels/wechat/wechatRoutes';
import { PushRegistry } from './channels/pushRegistry';
import { webChatRoutes } from './channels/webchat/webChatRoutes';
import type { Config } from './config';
import { createHandover } from './handover/createHandover';
import { headAsGet } from './http/headAsGet';
import { healthRoutes } from './http/healthRoutes';
import { InFlight } from './http/inFlight';
import type { RouteModule } from './http/routeModule';
import { resolveDataFiles } from './i18n/dataFiles';
import { loadCatalogues } from './i18n/loadCatalogues';
import { Localizer } from './i18n/localizer';
import type { Logger } from './logger';
import { BotMetrics } from './metrics/botMetrics';
import { metricsRoutes } from './metrics/metricsRoutes';
import { createRecognizer } from './nlu/createRecognizer';
import type { StateConnection } from './redis/connectRedis';
import { BotRuntime } from './runtime/botRuntime';
import { DeliveryReceipts } from './runtime/deliveryReceipts';
import { ReplicaAck } from './runtime/replicaAck';
import { TurnJournal } from './runtime/turnJournal';
import { RedisTurnLock } from './runtime/turnLock';
import { describeListenError } from './startup/portCheck';
import { StartupError } from './startup/startupError';
import { RedisStorage } from './storage/redisStorage';
import { botStates } from './storage/snapshotBotState';

/** Route modules in registration order; a new channel adds one line here. */
const ROUTES: RouteModule[] = [headAsGet, healthRoutes, metricsRoutes, botFrameworkRoutes, wechatRoutes, webChatRoutes];

export interface App {
  server: Server;
  context: AppContext;
  listen(): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

export async function createApp(config: Config, logger: Logger, connection: StateConnection): Promise<App> {
  const redis = connection.redis;
  const storage = new RedisStorage(redis, { prefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.STATE_TTL_SECONDS });
  const { conversationState, userState } = botStates(storage);
  // The bank's data (BOT_DATA_DIR…) is checked first: a broken file stops the start before the NLU trains.
  const dataFiles = resolveDataFiles(config);
  const localizer = new Localizer(loadCatalogues(dataFiles.repliesDir));
  logger.info({ dataFiles }, 'data files');
  const recognizer = await createRecognizer({ cacheDir: config.NLU_CACHE_DIR, dataDir: dataFiles.nluDir });
  const replyPoster = config.outboundProxy ? undefined : new ActivityPoster(`Microsoft-BotFramework/3.1 bank-service-bot`);
  const adapter = new BotFrameworkAdapter(
    new CachingBotFrameworkAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
        MicrosoftAppType: config.MicrosoftAppType,
      }),
      replyPoster,
    ),
  );
  if (!config.MicrosoftAppId) {
    logger.warn('MicrosoftAppId is not set: /api/messages accepts UNAUTHENTICATED requests (fine locally, never in production)');
  }
  const pushers = new PushRegistry(botFrameworkPusher(adapter, config.MicrosoftAppId));
  const handover = createHandover({ config, logger, redis, duplicate: () => connection.duplicate(), pushers, localizer });
  const bot = new CustomerServiceBot({ conversationState, userState, recognizer, handover: handover.port, dataFiles });
  const lock = new RedisTurnLock(redis, {
    prefix: config.REDIS_KEY_PREFIX,
    lockMs: config.TURN_LOCK_MS,
    waitMs: config.TURN_LOCK_WAIT_MS,
    orderWindowMs: config.TURN_ORDER_WINDOW_MS,
  });
  const replicaAck = config.REDIS_MIN_REPLICAS_ACK > 0 ? new ReplicaAck(redis, config.REDIS_MIN_REPLICAS_ACK, config.REDIS_REPLICA_ACK_TIMEOUT_MS) : undefined;
  // Retries come within minutes; a day is a wide margin and leaves nothing behind for long.
  const receipts = new DeliveryReceipts(redis, { prefix: config.REDIS_KEY_PREFIX, ttlSeconds: 86400 });
  // Recorded replies live beside the state value, in fields of its Redis hash (see TurnJournal).
  const journal = new TurnJournal(conversationState, storage);
  const runtime = new BotRuntime({ bot, lock, states: [conversationState, userState], journal, receipts, replicaAck, logger });
  runtime.use(handover.middleware, handover.prefetch);
  const metrics = new BotMetrics(logger);
  runtime.observe(metrics.observeTurn);
  handover.signals.on(metrics.observeHandover);
  metrics.watchHandover(handover.gauges);

  const context: AppContext = {
    config,
    logger,
    redis,
    storeMode: connection.mode,
    connection,
    storage,
    conversationState,
    userState,
    recognizer,
    dataFiles,
    localizer,
    adapter,
    runtime,
    pushers,
    metrics,
    customerTyping: [],
    withPerson: handover.withPerson,
    onDrain: [],
    onClose: [],
  };

  const server = restify.createServer({ name: 'bankbot', handleUncaughtExceptions: false });
  const inFlight = new InFlight(server);
  server.on('after', (req: restify.Request, res: restify.Response, _route: unknown, err?: Error) => {
    if (res.statusCode >= 400) {
      logger.warn({ method: req.method, path: req.path(), status: res.statusCode, reason: err?.message }, 'request rejected');
    }
  });
  for (const register of [...ROUTES, handover.routes]) await register(server, context);

  let closed = false;
  return {
    server,
    context,
    listen: () =>
      new Promise((resolve, reject) => {
        // Another process may take the port after index.ts checked it: still one clear line.
        server.once('error', (err: Error) => reject(new StartupError(describeListenError(err, config.PORT, config.HOST) ?? err.message)));
        server.listen(config.PORT, config.HOST, () => {
          const address = server.address();
          resolve({ port: address.port, url: `http://127.0.0.1:${address.port}` });
        });
      }),
    async close() {
      if (closed) return;
      closed = true;
      // Stop accepting, let turns in flight finish (they hold replies until state is saved), then
      // close subsystems and Redis last.
      await inFlight.drain(10_000, () => context.onDrain.forEach((end) => end()));
      for (const task of context.onClose) await task().catch((err) => logger.error({ err }, 'shutdown task failed'));
      replyPoster?.close();
      await connection.close();
    },
  };
}
