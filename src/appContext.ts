import type { BotState, Storage } from 'botbuilder';
import type { BotFrameworkAdapter } from './channels/botframework/botFrameworkAdapter';
import type { RedisClient } from './redis/redisClient';
import type { PushRegistry } from './channels/pushRegistry';
import type { Config } from './config';
import type { DataFiles } from './i18n/dataFiles';
import type { Localizer } from './i18n/localizer';
import type { Logger } from './logger';
import type { BotMetrics } from './metrics/botMetrics';
import type { Recognizer } from './nlu/types';
import type { StateConnection, StoreMode } from './redis/connectRedis';
import type { BotRuntime } from './runtime/botRuntime';

/** Everything the composition root builds once and hands to route modules and subsystems. */
export interface AppContext {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  storeMode: StoreMode;
  connection: StateConnection;
  storage: Storage;
  conversationState: BotState;
  userState: BotState;
  recognizer: Recognizer;
  /** The data files in use (BOT_DATA_DIR… or the repository's intents/). */
  dataFiles: DataFiles;
  /** Replies from those files' catalogues, for subsystems that speak to customers outside the bot. */
  localizer: Localizer;
  adapter: BotFrameworkAdapter;
  runtime: BotRuntime;
  pushers: PushRegistry;
  /** Prometheus metrics (GET /metrics); subsystems may feed them. */
  metrics: BotMetrics;
  /**
   * Called as soon as the server stops accepting, before waiting for requests in flight: end
   * long-lived streams here (clients reconnect to another process), or shutdown waits for them.
   */
  onDrain: Array<() => void>;
  /**
   * Told when a customer is typing (`channelId/conversationId`), by channels that report it
   * (Direct Line); the handover shows it to the customer's agent. Not a turn: nothing is locked.
   */
  customerTyping: Array<(member: string) => void>;
  /**
   * Whether a person serves `channelId/conversationId` or is about to (queued or assigned): what a
   * customer sends then is for the agent (a WeChat picture is fetched for them, never for the bot).
   */
  withPerson: (member: string) => Promise<boolean>;
  /** Tasks run at shutdown, after the server stopped accepting and turns in flight finished. */
  onClose: Array<() => Promise<void>>;
}
