import type { RouteModule } from '../../http/routeModule';
import { ActivityLog } from './activityLog';
import { conversationPubSub } from '../../redis/conversationPubSub';
import { ActivityNotifier } from './activityNotifier';
import { DirectLineAuth } from './directLineAuth';
import { directLineCors } from './directLineCors';
import { DIRECTLINE_CHANNEL_ID } from './directLineIds';
import { directLineRoutes } from './directLineRoutes';
import { directLineUploadRoutes } from './directLineUpload';
import { AttachmentStore } from '../../attachments/attachmentStore';
import { attachDirectLineStream } from './directLineStream';
import { DirectLineService } from './directLineService';
import { OriginPolicy } from './originPolicy';
import { pageRoutes } from './pageRoutes';
import { RateLimiter } from './rateLimiter';
import { resolveSigningKey } from './signingKey';
import { TokenService } from './tokenService';
import { WebChatAdapter } from './webChatAdapter';
import { buildWidgetBundle } from './widgetBundle';
import { widgetTokenRoute } from './widgetTokenRoute';

/** Activities one conversation may post per second (the limit; more answer 429). */
export const MESSAGES_PER_SECOND = 10;
/** Widget tokens one client address may get per minute without the secret. */
export const WIDGET_TOKENS_PER_MINUTE = 30;

/**
 * The web channel: Direct Line 3.0 (polling and WebSocket stream), the widget token endpoint, /widget.js and the demo
 * pages. Registers the channel's push path so human agents' later messages reach the log too.
 */
export const webChatRoutes: RouteModule = async (server, app) => {
  const { config, redis } = app;
  const prefix = config.REDIS_KEY_PREFIX;
  const tokens = new TokenService(await resolveSigningKey(config.DIRECTLINE_SECRET, redis, prefix), config.DIRECTLINE_TOKEN_TTL_SECONDS);
  const notifier = new ActivityNotifier(redis, () => app.connection.duplicate(), prefix, conversationPubSub(app.connection.topology === 'cluster'));
  const log = new ActivityLog(redis, {
    prefix,
    max: config.DIRECTLINE_LOG_MAX,
    ttlSeconds: config.transcriptTtlSeconds,
    onAppend: (conversationId) => notifier.publish(conversationId),
  });
  const adapter = new WebChatAdapter(log, app.runtime.handleTurn);
  const limiter = new RateLimiter(redis, `${prefix}dl:rate:`, MESSAGES_PER_SECOND, 1000);
  const onTyping = (conversationId: string) => app.customerTyping.forEach((tell) => tell(`${DIRECTLINE_CHANNEL_ID}/${conversationId}`));
  const service = new DirectLineService({ log, tokens, limiter, adapter, onTyping });
  const auth = new DirectLineAuth(config.DIRECTLINE_SECRET, tokens);

  app.pushers.register(DIRECTLINE_CHANNEL_ID, {
    async send(reference, activities) {
      await adapter.push(reference.conversation?.id ?? '', activities);
    },
  });

  directLineCors(server);
  directLineRoutes(server, { auth, service, logger: app.logger });
  directLineUploadRoutes(server, { auth, service, store: new AttachmentStore(redis, prefix, config.transcriptTtlSeconds), logger: app.logger });
  const streams = attachDirectLineStream(server, { auth, log, notifier, logger: app.logger });
  app.onDrain.push(() => streams.goAway());
  app.onClose.push(() => streams.close());
  widgetTokenRoute(server, {
    service,
    policy: new OriginPolicy(config.WEBCHAT_ORIGINS),
    limiter: new RateLimiter(redis, `${prefix}dl:token-rate:`, WIDGET_TOKENS_PER_MINUTE, 60_000),
    logger: app.logger,
  });
  pageRoutes(server, await buildWidgetBundle());
};
