import type { RedisClient } from '../redis/redisClient';
import type { PushRegistry } from '../channels/pushRegistry';
import type { Config } from '../config';
import { defaultLocalizer } from '../i18n/defaultLocalizer';
import type { Localizer } from '../i18n/localizer';
import type { RouteModule } from '../http/routeModule';
import type { Logger } from '../logger';
import type { TurnMiddleware, TurnPrefetch } from '../runtime/botRuntime';
import { AgentAccounts } from './agentAccounts';
import { DashboardFigures } from '../dashboard/dashboardFigures';
import { registerDashboard } from '../dashboard/dashboardRoutes';
import { MisunderstoodInbox } from '../dashboard/misunderstoodInbox';
import { StatsRecorder } from '../dashboard/statsRecorder';
import { SupervisorRoles } from '../dashboard/supervisorRoles';
import { DEFAULT_DATA_FILES } from '../i18n/dataFiles';
import { AgentDesk } from './agentDesk';
import { AgentStatusStore } from './agentStatus';
import { AgentTools } from './agentTools';
import { CannedReplies } from './cannedReplies';
import { ClosedConversations } from './closedConversations';
import { NoteStore } from './noteStore';
import { AgentSessions } from './agentSessions';
import { Assignments } from './assignments';
import { BusinessHours } from './businessHours';
import { registerConsoleAssets } from './consoleAssets';
import { registerConsoleApi } from './consoleRoutes';
import { CustomerPush } from './customerPush';
import { HandoverEvents } from './handoverEvents';
import { HandoverKeys } from './handoverKeys';
import { handoverMiddleware, handoverRecordPrefetch } from './handoverMiddleware';
import { HandoverQueue } from './handoverQueue';
import { effectiveState, type HandoverState } from './handoverRecord';
import { HandoverService } from './handoverService';
import { HandoverSignals } from './handoverSignals';
import { HandoverTexts } from './handoverTexts';
import { RatingStore } from './ratingStore';
import { registerSignInRoutes } from './signInRoutes';
import { SignInLimiter } from './signInLimiter';
import { TicketStore } from './ticketStore';
import { TranscriptStore } from './transcriptStore';

/** How long a ticket offer or a rating question waits for the customer's answer. */
const OFFER_MS = 60 * 60 * 1000;
/** How often each process looks for customers who waited too long (the claim is atomic). */
const SWEEP_MS = 5000;
/** States in which what the customer sends is for a person, not the bot. */
const PERSON_STATES: ReadonlySet<HandoverState> = new Set(['queued', 'assigned']);

export interface HandoverDeps {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  /** Gives the pub/sub subscriber connection (src/redis/connectRedis.ts). */
  duplicate: () => RedisClient;
  pushers: PushRegistry;
  clock?: () => number;
  /** The reply catalogue the handover speaks from. Default: the repository's `intents/replies/`. */
  localizer?: Localizer;
}

export interface Handover {
  /** What the dialogs call (HandoverPort). */
  port: HandoverService;
  middleware: TurnMiddleware;
  /** The handover record, read along with the conversation lock (BotRuntime.use). */
  prefetch: TurnPrefetch;
  /** The agent console; registering it also starts this process's subscriber and sweeper. */
  routes: RouteModule;
  /** Agents' actions and presence, for in-process drivers such as the conversation-story runner. */
  desk: AgentDesk;
  sessions: AgentSessions;
  /** What happened in this process (requests, takes, timeouts, ratings), for metrics. */
  signals: HandoverSignals;
  /** Shared figures read from Redis when asked (the same in every process). */
  gauges: HandoverGauges;
  /** True while the conversation is queued for or assigned to a person (AppContext.withPerson). */
  withPerson: (member: string) => Promise<boolean>;
}

export interface HandoverGauges {
  queueLength(): Promise<number>;
  /** Agents present whose status lets them take customers (online, not away). */
  agentsOnline(): Promise<number>;
}

/** Builds the handover subsystem for one bot process; all its state is in Redis. */
export function createHandover(deps: HandoverDeps): Handover {
  const { config, logger, redis } = deps;
  const clock = deps.clock ?? Date.now;
  const texts = new HandoverTexts(deps.localizer ?? defaultLocalizer());
  const keys = new HandoverKeys(config.REDIS_KEY_PREFIX);
  const queue = new HandoverQueue(redis, keys, { waitSeconds: config.HANDOVER_WAIT_SECONDS, recordTtlSeconds: config.STATE_TTL_SECONDS });
  const transcripts = new TranscriptStore(redis, keys, config.transcriptTtlSeconds, config.TRANSCRIPT_MAX_ENTRIES);
  const sessions = new AgentSessions(redis, keys, config.AGENT_SESSION_TTL_SECONDS);
  const events = new HandoverEvents(redis, keys.events, logger);
  const tickets = new TicketStore(redis, keys, config.transcriptTtlSeconds);
  const signals = new HandoverSignals();
  const ratings = new RatingStore(redis, keys, signals);
  const hours = new BusinessHours(config.HANDOVER_HOURS, config.HANDOVER_HOLIDAYS, config.TZ);
  const push = new CustomerPush(deps.pushers, transcripts, logger, clock, texts);
  const assignments = new Assignments(redis, keys);
  const status = new AgentStatusStore(redis, keys, sessions);
  const notes = new NoteStore(redis, keys, config.transcriptTtlSeconds);
  const closed = new ClosedConversations(redis, keys, transcripts);
  const inbox = new MisunderstoodInbox(redis, config.REDIS_KEY_PREFIX);
  const stats = new StatsRecorder(redis, config.REDIS_KEY_PREFIX, config.TZ, inbox, logger);
  const service = new HandoverService({ queue, assignments, sessions, transcripts, events, hours, push, logger, clock, offerMs: OFFER_MS, texts, status, signals, stats });
  const desk = new AgentDesk({ queue, assignments, transcripts, events, push, service, clock, offerMs: OFFER_MS, closed, notes, signals, stats });
  const canned = CannedReplies.load();
  const tools = new AgentTools({ desk, queue, assignments, transcripts, notes, closed, status, canned, events, push, service, clock });
  const middleware = handoverMiddleware({ queue, assignments, sessions, service, tickets, ratings, events, transcripts, logger, clock, offerMs: OFFER_MS, texts });

  const routes: RouteModule = async (server, app) => {
    await events.start(deps.duplicate());
    await registerConsoleAssets(server);
    registerSignInRoutes(server, {
      accounts: new AgentAccounts(redis, keys),
      sessions,
      limiter: new SignInLimiter(redis, keys),
      cookie: { secure: config.COOKIE_SECURE, maxAgeSeconds: config.AGENT_SESSION_TTL_SECONDS },
      clock,
      events,
    });
    const consoleDeps = { desk, tools, sessions, tickets, ratings, events, logger, clock };
    const streams = registerConsoleApi(server, consoleDeps);
    // The supervisor's figures: every turn's outcome, and the dashboard that reads them back.
    app.runtime.observe(stats.observer);
    await registerDashboard(server, {
      console: consoleDeps,
      roles: new SupervisorRoles(redis, keys.roles),
      figures: new DashboardFigures(redis, stats, keys.ratingLog, config.TZ),
      inbox,
      faqFile: DEFAULT_DATA_FILES.faqFile,
    });
    app.customerTyping.push((member) => void tools.customerTyping(member).catch((err) => logger.debug({ err }, 'handover: customer typing not relayed')));
    const sweeper = setInterval(() => void service.sweep().catch((err) => logger.warn({ err }, 'handover: wait sweep failed')), SWEEP_MS);
    sweeper.unref();
    app.onDrain.push(() => streams.endAll());
    app.onClose.push(async () => {
      clearInterval(sweeper);
      streams.endAll();
      await events.stop();
    });
  };
  const gauges: HandoverGauges = {
    queueLength: () => queue.size(),
    agentsOnline: async () => (await status.available(clock())).length,
  };
  const withPerson = async (member: string) => PERSON_STATES.has(effectiveState(await queue.record(member), clock()));
  return { port: service, middleware, prefetch: handoverRecordPrefetch({ queue }), routes, desk, sessions, signals, gauges, withPerson };
}
