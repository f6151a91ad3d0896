import type { TurnContext } from 'botbuilder';
import { BotError, ErrorCode, findBotError } from '../errors';
import { hashId, type Logger } from '../logger';
import type { SnapshotBotState } from '../storage/snapshotBotState';
import type { TurnBot } from '../turnBot';
import { ReplyBuffer } from './replyBuffer';
import { turnInfo, type TurnInfo } from './turnInfo';
import { confirmsDelivery, type DeliveryReceipts } from './deliveryReceipts';
import type { ReplicaAck } from './replicaAck';
import type { TurnJournal } from './turnJournal';
import type { TurnLock } from './turnLock';
import { channelOrder } from './channelOrder';
import { takeTurnWrites } from './turnWrites';

/** Runs before the bot inside the conversation's lock; not calling `next` keeps the bot out. */
export type TurnMiddleware = (ctx: TurnContext, next: () => Promise<void>) => Promise<void>;

/** A read a subsystem wants sent with the first attempt to take the lock (see LockPrefetch). */
export interface TurnPrefetch {
  start(ctx: TurnContext): void;
  /** The lock was busy: drop what `start` read, it may be stale by the time the turn runs. */
  discard(ctx: TurnContext): void;
}

/** What an observer learns when a turn ends (metrics, the supervisor's figures, the misunderstood inbox). */
export interface TurnOutcome {
  ctx: TurnContext;
  info: TurnInfo;
  /** `ok`, or the error code the turn failed with. */
  outcome: string;
  latencyMs: number;
}

/** Runs after every turn, success or not. Must not throw or block: it is told, it does not decide. */
export type TurnObserver = (turn: TurnOutcome) => void;

export interface BotRuntimeDeps {
  bot: TurnBot;
  lock: TurnLock;
  /** Read together with taking the lock, saved once at the end of every turn. */
  states: SnapshotBotState[];
  /** Makes turns idempotent per channel message id (recorded in the conversation state). */
  journal?: TurnJournal;
  /** Which replies of a journaled turn a confirming channel took, so a retry sends only the rest. */
  receipts?: DeliveryReceipts;
  /** Replicas must have the turn's writes before its replies go out (REDIS_MIN_REPLICAS_ACK). */
  replicaAck?: ReplicaAck;
  logger: Logger;
  middleware?: TurnMiddleware[];
  observers?: TurnObserver[];
}

/** The conversation key shared by the lock and every per-conversation record. */
export function conversationKey(ctx: TurnContext): string {
  return `${ctx.activity.channelId ?? 'unknown'}/${ctx.activity.conversation?.id ?? ''}`;
}

/**
 * The one turn pipeline every channel adapter calls: lock the conversation, run middleware and
 * the bot with replies held back, save state (with the turn's journal entry and replies), then
 * release the replies. If the save fails the replies are dropped and the error propagates, so
 * the channel answers 503 and retries; a retry of a saved turn re-delivers its recorded replies.
 */
export class BotRuntime {
  private readonly middleware: TurnMiddleware[];
  private readonly prefetches: TurnPrefetch[];
  private readonly observers: TurnObserver[];

  constructor(private readonly deps: BotRuntimeDeps) {
    this.middleware = [...(deps.middleware ?? [])];
    this.observers = [...(deps.observers ?? [])];
    this.prefetches = deps.states.map((state) => ({ start: (ctx) => state.prefetch(ctx), discard: (ctx) => state.discardPrefetch(ctx) }));
  }

  /** Adds middleware after construction (subsystems built later, e.g. handover, register here). */
  use(middleware: TurnMiddleware, prefetch?: TurnPrefetch): void {
    this.middleware.push(middleware);
    if (prefetch) this.prefetches.push(prefetch);
  }

  /** Adds a turn observer (metrics, dashboards); observers see every turn's outcome. */
  observe(observer: TurnObserver): void {
    this.observers.push(observer);
  }

  readonly handleTurn = async (ctx: TurnContext): Promise<void> => {
    const started = process.hrtime.bigint();
    const key = conversationKey(ctx);
    let outcome = 'ok';
    try {
      await this.deps.lock.run(
        key,
        () => this.runLocked(ctx),
        {
          start: () => this.prefetches.forEach((p) => p.start(ctx)),
          discard: () => this.prefetches.forEach((p) => p.discard(ctx)),
        },
        channelOrder(ctx.activity),
      );
    } catch (err) {
      outcome = findBotError(err)?.code ?? 'error';
      throw err;
    } finally {
      const info = turnInfo(ctx);
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      for (const observe of this.observers) {
        try {
          observe({ ctx, info, outcome, latencyMs });
        } catch (err) {
          this.deps.logger.warn({ err }, 'BotRuntime: a turn observer threw');
        }
      }
      this.deps.logger.info(
        {
          channel: ctx.activity.channelId,
          conversation: hashId(ctx.activity.conversation?.id),
          type: ctx.activity.type,
          intent: info.intent,
          score: info.score,
          script: info.script,
          outcome,
          rule: info.rule,
          ...(info.replayed ? { replayed: true } : {}),
          latencyMs,
        },
        'turn',
      );
    }
  };

  private async runLocked(ctx: TurnContext): Promise<void> {
    // Load every state up front and together (usually already read along with the lock): lazy
    // loading would read conversation and user state one after the other.
    await Promise.all(this.deps.states.map((s) => s.load(ctx)));
    const journal = this.deps.journal;
    const done = journal?.find(ctx);
    if (journal && done) {
      // The channel sent this message again after its turn was saved (the reply or the HTTP
      // answer got lost): send what the turn answered then, do not run it twice. Where the
      // channel confirmed some of them already, only the rest.
      turnInfo(ctx).replayed = true;
      const replies = await journal.repliesOf(ctx, done);
      const receipt = this.receiptOf(ctx);
      const skip = receipt ? await receipt.receipts.delivered(receipt.conversation, done.id) : 0;
      if (receipt && skip < replies.length) {
        const buffer = new ReplyBuffer(ctx);
        await ctx.sendActivities(replies.slice(skip));
        return this.deliver(buffer, receipt, done.id, skip);
      }
      if (!receipt && replies.length > 0) await ctx.sendActivities(replies);
      return;
    }
    const buffer = new ReplyBuffer(ctx);
    await this.runChain(ctx, 0);
    this.deps.journal?.record(ctx, buffer.pending);
    try {
      await Promise.all([...this.deps.states.map((s) => s.saveChanges(ctx)), ...takeTurnWrites(ctx)]);
    } catch (err) {
      // Another turn saved meanwhile (this one outlived its lock). A 503 makes the channel send
      // the message again, and that retry runs on the newer state; a 409 would not be retried.
      if (findBotError(err)?.code !== ErrorCode.EtagConflict) throw err;
      throw new BotError(ErrorCode.TurnBusy, 'BotRuntime: the conversation changed while this turn ran (its lock lapsed); not saved, nothing sent', { cause: err });
    }
    await this.deps.replicaAck?.wait();
    const id = this.deps.journal?.idOf(ctx);
    const receipt = id ? this.receiptOf(ctx) : undefined;
    if (receipt && id) return this.deliver(buffer, receipt, id, 0);
    await buffer.flush();
  }

  private receiptOf(ctx: TurnContext): { receipts: DeliveryReceipts; conversation: string } | undefined {
    if (!this.deps.receipts || !confirmsDelivery(ctx)) return undefined;
    return { receipts: this.deps.receipts, conversation: conversationKey(ctx) };
  }

  /**
   * Sends the held replies one by one and records how many the channel took (after `before`
   * already delivered ones). On success the record is not awaited: it goes out in the same write
   * as the lock's release, ahead of it on the connection, so the next turn of this conversation
   * (a retry included) sees it. On failure it is awaited, then the error propagates (5xx, the
   * channel retries and gets the rest).
   */
  private async deliver(buffer: ReplyBuffer, receipt: { receipts: DeliveryReceipts; conversation: string }, id: string, before: number): Promise<void> {
    const total = before + buffer.size;
    const { delivered, error } = await buffer.flushCounting();
    const recording = receipt.receipts.record(receipt.conversation, id, before + delivered);
    if (error === undefined) {
      recording.catch((err: unknown) => this.deps.logger.warn({ err }, 'BotRuntime: delivery receipt not recorded (a retry re-delivers)'));
      return;
    }
    await recording.catch(() => undefined);
    throw new BotError(
      ErrorCode.DeliveryFailed,
      `BotRuntime: the channel took ${before + delivered} of the ${total} replies of a saved turn, then failed (${String(error)}); its retry of this activity re-delivers the rest`,
      { cause: error },
    );
  }

  private async runChain(ctx: TurnContext, index: number): Promise<void> {
    const mw = this.middleware[index];
    if (!mw) return this.deps.bot.run(ctx);
    return mw(ctx, () => this.runChain(ctx, index + 1));
  }
}
