import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ErrorCode } from '../errors';
import type { HandoverGauges } from '../handover/createHandover';
import type { HandoverSignal } from '../handover/handoverSignals';
import type { Logger } from '../logger';
import { INTENTS } from '../nlu/intents';
import type { TurnOutcome } from '../runtime/botRuntime';
import { BoundedLabel } from './boundedLabel';
import { summarizeTurn } from './turnSummary';

/** Seconds; a turn is 1–50 ms in normal running, seconds when Redis or a lock is slow. */
const TURN_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The bot's Prometheus metrics, in a registry of its own (two apps in one process, as in tests,
 * never share counters). Labels are small fixed sets: no message text, no conversation or agent
 * ids. Counters count what happened in this process (sum them over processes); the handover
 * gauges read shared figures from Redis, the same in every process (take their max).
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly channel = new BoundedLabel({ max: 20 });
  private readonly outcome = new BoundedLabel({ allowed: ['ok', 'error', ...Object.values(ErrorCode)] });
  private readonly intent = new BoundedLabel({ allowed: INTENTS });
  private readonly reason = new BoundedLabel({ allowed: ['requested', 'fraud', 'not_understood'] });

  private readonly turns = this.counter('bankbot_turns_total', 'Turns (any activity) by channel and outcome: ok or the error code', ['channel', 'outcome']);
  private readonly turnSeconds = new Histogram({
    name: 'bankbot_turn_duration_seconds',
    help: 'Time from a turn reaching the runtime to its replies being released, lock wait included',
    labelNames: ['channel'],
    buckets: TURN_SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly intents = this.counter('bankbot_intents_total', 'Messages by the intent the classifier chose (none: not confident)', ['intent']);
  private readonly fallbacks = this.counter('bankbot_fallbacks_total', 'Turns where the bot said it did not understand', ['channel']);
  private readonly faq = this.counter('bankbot_faq_total', 'FAQ look-ups by result: answered, offered (choices shown) or missed', ['result']);
  private readonly requests = this.counter(
    'bankbot_handover_requests_total',
    'Requests for a person by reason, and whether they were queued or, nobody being there, offered a ticket',
    ['reason', 'result'],
  );
  private readonly taken = this.counter('bankbot_handover_taken_total', 'Waiting customers an agent took', []);
  private readonly timedOut = this.counter('bankbot_handover_timeouts_total', 'Waiting customers nobody took within HANDOVER_WAIT_SECONDS', []);
  private readonly ratings = this.counter('bankbot_ratings_total', "Customers' ratings of the agent, by score 1-5", ['score']);

  constructor(private readonly logger?: Logger) {
    collectDefaultMetrics({ register: this.registry });
  }

  /** For BotRuntime.observe: reads the turn's info, never its text. */
  readonly observeTurn = ({ ctx, info, outcome, latencyMs }: TurnOutcome): void => {
    const channel = this.channel.value(ctx.activity.channelId);
    this.turns.inc({ channel, outcome: this.outcome.value(outcome) });
    this.turnSeconds.observe({ channel }, latencyMs / 1000);
    if (info.intent !== undefined) this.intents.inc({ intent: this.intent.value(info.intent) });
    const summary = summarizeTurn(info);
    if (summary.fallback) this.fallbacks.inc({ channel });
    if (summary.faq) this.faq.inc({ result: summary.faq });
  };

  /** For HandoverSignals.on. */
  readonly observeHandover = (signal: HandoverSignal): void => {
    if (signal.type === 'requested') this.requests.inc({ reason: this.reason.value(signal.reason), result: signal.result });
    else if (signal.type === 'taken') this.taken.inc();
    else if (signal.type === 'timedOut') this.timedOut.inc(signal.count);
    else this.ratings.inc({ score: String(Math.min(5, Math.max(1, Math.round(signal.score)))) });
  };

  /** Queue length and agents online, read from Redis at each scrape. */
  watchHandover(gauges: HandoverGauges): void {
    this.gauge('bankbot_handover_queue_length', 'Customers waiting for an agent now (shared by all processes)', gauges.queueLength);
    this.gauge('bankbot_agents_online', 'Agents whose console was seen in the last minute (shared by all processes)', gauges.agentsOnline);
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge(name: string, help: string, read: () => Promise<number>): void {
    const logger = this.logger;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        // A scrape while Redis is away keeps the last value; /readyz is the place that says so.
        try {
          this.set(await read());
        } catch (err) {
          logger?.warn({ err, metric: name }, 'metrics: could not read a gauge from Redis');
        }
      },
    });
  }
}
