import { ActivityTypes, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { CustomerServiceBot } from '../bot';
import { geoEntity } from '../channels/location';
import { PushRegistry } from '../channels/pushRegistry';
import { loadConfig, type Config } from '../config';
import { createHandover, type Handover } from '../handover/createHandover';
import { toHandle } from '../handover/handoverKeys';
import type { HandoverPort, HandoverRequest } from '../handover/handoverPort';
import { DEFAULT_DATA_FILES } from '../i18n/dataFiles';
import { loadCatalogues } from '../i18n/loadCatalogues';
import { Localizer, type ReplyLocale } from '../i18n/localizer';
import type { ReplyKey } from '../i18n/catalogueSchema';
import { createLogger } from '../logger';
import { connectRedis, MEMORY_URL, type StateConnection } from '../redis/connectRedis';
import type { Recognizer } from '../nlu/types';
import { BotRuntime } from '../runtime/botRuntime';
import type { TurnInfo } from '../runtime/turnInfo';
import { RedisTurnLock } from '../runtime/turnLock';
import { RedisStorage } from '../storage/redisStorage';
import { botStates } from '../storage/snapshotBotState';
import type { Story, StoryTurn } from './storySchema';

/** What one story turn produced: everything its expectations are checked against. */
export interface TurnRecord {
  /** What the customer said (cut for the report), or the agent action / event. */
  said: string;
  /** Reply texts (with button titles) the customer received, including pushed ones. */
  texts: string[];
  /** Catalogue keys used: the bot's (turnInfo.replyKeys) and the handover's texts. */
  replyKeys: string[];
  /** turnInfo at the end of the turn (empty when the handover answered instead of the bot). */
  info: TurnInfo;
  /** What the bot asked of the handover this turn. */
  handover: HandoverRequest[];
  /** The turn threw: the message. */
  error?: string;
}

interface TurnSink {
  keys: string[];
  pushed: Array<{ conversation: string; texts: string[] }>;
  handover: HandoverRequest[];
  info?: TurnInfo;
}

/** The handover speaks through this localizer, so the runner learns which catalogue texts it sent. */
class KeyRecordingLocalizer extends Localizer {
  sink?: TurnSink;

  override text(locale: ReplyLocale, key: ReplyKey, vars?: Parameters<Localizer['text']>[2]): string {
    this.sink?.keys.push(key);
    return super.text(locale, key, vars);
  }
}

const AGENT = 'story-agent';
const CHANNEL = 'test';

function activityTexts(activities: Array<Partial<Activity>>): string[] {
  return activities
    .filter((a) => a.type === ActivityTypes.Message)
    .map((a) => {
      const buttons = a.suggestedActions?.actions.map((x) => x.title ?? '') ?? [];
      return buttons.length > 0 ? `${a.text ?? ''}\n[${buttons.join(' | ')}]` : (a.text ?? '');
    });
}

/**
 * The real bot, run in-process as the app composes it (src/app.ts): BotRuntime with the Redis
 * turn lock, SnapshotBotState over RedisStorage, and the real handover (queue, tickets, ratings,
 * agent desk) as middleware — all on the app's in-process store (`REDIS_URL=memory://`), so
 * `npm run conversations` needs no Redis installed and stories walk the queue, leave-a-message
 * and rating steps exactly as customers meet them. The real handover rather than a recording
 * stand-in because cancel in every waiting step is one of the things stories must check. Only the channel is a stand-in (botbuilder's TestAdapter,
 * and a push registry that records what the handover pushes).
 */
export class StoryWorld {
  private sink: TurnSink = { keys: [], pushed: [], handover: [] };

  private constructor(
    readonly config: Config,
    private readonly connection: StateConnection,
    private readonly runtime: BotRuntime,
    private readonly handover: Handover,
    private readonly localizer: KeyRecordingLocalizer,
  ) {}

  static async create(recognizer: Recognizer): Promise<StoryWorld> {
    const config = loadConfig({ REDIS_URL: MEMORY_URL, HANDOVER_HOURS: 'always', LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    const connection = await connectRedis(config, logger);
    const { redis } = connection;
    const storage = new RedisStorage(redis, { prefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.STATE_TTL_SECONDS });
    const { conversationState, userState } = botStates(storage);
    const localizer = new KeyRecordingLocalizer(loadCatalogues(DEFAULT_DATA_FILES.repliesDir));
    let world: StoryWorld | undefined;
    const pushers = new PushRegistry({
      send: async (reference, activities) => {
        world?.sink.pushed.push({ conversation: reference.conversation?.id ?? '', texts: activityTexts(activities) });
      },
    });
    const handover = createHandover({ config, logger, redis, duplicate: () => connection.duplicate(), pushers, localizer });
    const recordingPort: HandoverPort = {
      request: async (ctx, request) => {
        world?.sink.handover.push(request);
        await handover.port.request(ctx, request);
      },
    };
    const bot = new CustomerServiceBot({ conversationState, userState, recognizer, handover: recordingPort });
    const lock = new RedisTurnLock(redis, { prefix: config.REDIS_KEY_PREFIX, lockMs: config.TURN_LOCK_MS, waitMs: config.TURN_LOCK_WAIT_MS });
    const runtime = new BotRuntime({ bot, lock, states: [conversationState, userState], logger });
    runtime.use(handover.middleware, handover.prefetch);
    runtime.observe(({ info }) => {
      if (world) world.sink.info = info;
    });
    world = new StoryWorld(config, connection, runtime, handover, localizer);
    return world;
  }

  /** A fresh conversation for one story: nothing left over from earlier stories (queue, agents, state). */
  async begin(story: Story): Promise<StoryConversation> {
    await this.connection.redis.flushall();
    if ((story.agents ?? 'online') === 'online') await this.handover.sessions.touch(AGENT, Date.now());
    return new StoryConversation(this, story);
  }

  /** Runs one turn with a fresh sink and returns what it collected. */
  async collect(conversation: string, work: () => Promise<Array<Partial<Activity>>>): Promise<Omit<TurnRecord, 'said'>> {
    const sink: TurnSink = { keys: [], pushed: [], handover: [] };
    this.sink = sink;
    this.localizer.sink = sink;
    let error: string | undefined;
    let sent: Array<Partial<Activity>> = [];
    try {
      sent = await work();
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    } finally {
      this.localizer.sink = undefined;
    }
    const info = sink.info ?? {};
    const pushed = sink.pushed.filter((p) => p.conversation === conversation).flatMap((p) => p.texts);
    return {
      texts: [...activityTexts(sent), ...pushed],
      replyKeys: [...(info.replyKeys ?? []), ...sink.keys],
      info,
      handover: sink.handover,
      error,
    };
  }

  handleTurn(ctx: TurnContext): Promise<void> {
    return this.runtime.handleTurn(ctx);
  }

  agentAct(member: string, action: NonNullable<StoryTurn['agent']>): Promise<void> {
    const handle = toHandle(member);
    const { desk } = this.handover;
    if (typeof action === 'object') return desk.send(handle, AGENT, action.say).then(() => undefined);
    const acts = {
      take: () => desk.take(handle, AGENT).then(() => undefined),
      close: () => desk.finish(handle, AGENT, false),
      closeWithRating: () => desk.finish(handle, AGENT, true),
    };
    return acts[action]();
  }

  /** Nobody took the waiting customer in time: the sweep any process runs, with the clock past the wait. */
  async waitTimeout(): Promise<void> {
    await this.handover.port.sweep(Date.now() + (this.config.HANDOVER_WAIT_SECONDS + 1) * 1000);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** One story's conversation: its own conversation and user id, channel locale as the story says. */
export class StoryConversation {
  private readonly adapter: TestAdapter;
  private readonly member: string;

  constructor(
    private readonly world: StoryWorld,
    story: Story,
  ) {
    this.adapter = new TestAdapter((ctx) => world.handleTurn(ctx));
    const conversation = `story-${story.id}`;
    this.adapter.template.channelId = CHANNEL;
    this.adapter.template.conversation = { id: conversation, isGroup: false, conversationType: 'personal', name: '' };
    this.adapter.template.from = { id: `customer-${story.id}`, name: 'Customer' };
    if (story.locale) this.adapter.template.locale = story.locale;
    this.member = `${CHANNEL}/${conversation}`;
  }

  async play(turn: StoryTurn): Promise<TurnRecord> {
    const conversation = this.adapter.template.conversation?.id ?? '';
    if (turn.say !== undefined || turn.location !== undefined) {
      const say = turn.say ?? '';
      const text = typeof say === 'string' ? say : say.repeat.repeat(say.times);
      const { location } = turn;
      const entities = location ? [geoEntity(location.latitude, location.longitude, location.name)] : undefined;
      const record = await this.world.collect(conversation, async () => {
        await this.adapter.receiveActivity({ type: ActivityTypes.Message, text, entities });
        return this.adapter.activeQueue.splice(0);
      });
      const shown = text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
      return { said: location ? `${shown}[location ${location.latitude}, ${location.longitude}]` : shown, ...record };
    }
    if (turn.agent !== undefined) {
      const action = turn.agent;
      const record = await this.world.collect(conversation, async () => {
        await this.world.agentAct(this.member, action);
        return [];
      });
      return { said: `[agent: ${typeof action === 'object' ? `says "${action.say}"` : action}]`, ...record };
    }
    const record = await this.world.collect(conversation, async () => {
      await this.world.waitTimeout();
      return [];
    });
    return { said: '[nobody took the customer in time]', ...record };
  }
}
