import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { BotError, ErrorCode } from '../errors';
import { conversationKey, type TurnMiddleware, type TurnPrefetch } from '../runtime/botRuntime';
import { turnIdOf } from '../runtime/turnJournal';
import { addTurnWrite } from '../runtime/turnWrites';
import { CUSTOMER_TURN_HANDLERS, type TurnHandlerDeps } from './customerTurnHandlers';
import { effectiveState, type HandoverRecord } from './handoverRecord';
import type { TranscriptEntry, TranscriptStore } from './transcriptStore';
import { ATTACHMENT_ONLY_TEXT } from './transcriptText';

export interface HandoverMiddlewareDeps extends TurnHandlerDeps {
  transcripts: TranscriptStore;
}

const PREFETCHED_RECORD = Symbol('handoverRecord');

/** The conversation's handover record, read along with the conversation lock. */
export function handoverRecordPrefetch(deps: Pick<HandoverMiddlewareDeps, 'queue'>): TurnPrefetch {
  return {
    start(ctx) {
      if (ctx.activity.type !== ActivityTypes.Message) return;
      const reading = deps.queue.record(conversationKey(ctx));
      reading.catch(() => undefined); // surfaces in the middleware, if it is still wanted
      ctx.turnState.set(PREFETCHED_RECORD, reading);
    },
    discard(ctx) {
      ctx.turnState.delete(PREFETCHED_RECORD);
    },
  };
}

function readRecord(ctx: TurnContext, member: string, deps: HandoverMiddlewareDeps): Promise<HandoverRecord | undefined> {
  const prefetched = ctx.turnState.get(PREFETCHED_RECORD) as Promise<HandoverRecord | undefined> | undefined;
  ctx.turnState.delete(PREFETCHED_RECORD);
  return prefetched ?? deps.queue.record(member);
}

/**
 * Runs inside the conversation lock before the bot (src/runtime/botRuntime.ts). Every customer
 * message and bot reply goes into the masked transcript (the agent sees the conversation so far);
 * then the conversation's handover state decides who answers: the bot, or nobody because a human
 * has it (the message is forwarded), or the queue / ticket / rating handlers.
 */
export function handoverMiddleware(deps: HandoverMiddlewareDeps): TurnMiddleware {
  return async (ctx, next) => {
    if (ctx.activity.type !== ActivityTypes.Message) return next();
    const member = conversationKey(ctx);
    recordReplies(ctx, member, deps);
    const text = ctx.activity.text ?? '';
    const turn = turnIdOf(ctx.activity);
    const said = { from: 'customer' as const, text: text || ATTACHMENT_ONLY_TEXT, at: deps.clock(), ...storedAttachments(ctx.activity), ...(turn ? { turn } : {}) };
    const record = await asStoreError(() => readRecord(ctx, member, deps));
    const state = effectiveState(record, deps.clock());
    if (!record || state === 'bot') {
      // Sent now, ahead of anything the bot reads or writes, but awaited with the turn's state
      // writes: usually it shares their Redis batch, and if it fails the turn fails with them.
      addTurnWrite(ctx, asStoreError(() => deps.transcripts.append(member, said)));
      return next();
    }
    const entry = await asStoreError(() => deps.transcripts.append(member, said));
    await CUSTOMER_TURN_HANDLERS[state]({ ctx, record, text, entry, next }, deps);
  };
}

/** Redis failing here answers 503 STORE_UNAVAILABLE (the channel retries), as state failures do. */
async function asStoreError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BotError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new BotError(ErrorCode.StoreUnavailable, `handoverMiddleware: Redis did not answer: ${reason}`, { cause: err });
  }
}

/**
 * Bot replies are held by the runtime's ReplyBuffer until state is saved; this handler, registered
 * after it, sees them only when they are really sent, so the transcript never holds a reply the
 * customer did not get.
 *
 * The append is not awaited: the customer already has the reply, so a gap in the transcript must
 * not fail the turn, and leaving it in flight lets ioredis send it in the same write as the
 * conversation lock's release that follows. Both go down one connection, in order, so the entry
 * is stored before the next turn of this conversation can take the lock.
 */
function recordReplies(ctx: TurnContext, member: string, deps: HandoverMiddlewareDeps): void {
  ctx.onSendActivities(async (_ctx, activities: Partial<Activity>[], send) => {
    const responses = await send();
    const at = deps.clock();
    const entries = activities.filter((a) => a.type === ActivityTypes.Message && a.text).map((a) => ({ from: 'bot' as const, text: a.text ?? '', at }));
    deps.transcripts.appendAll(member, entries).catch((err: unknown) => {
      deps.logger.warn({ err }, 'handover: could not record a bot reply in the transcript');
    });
    return responses;
  });
}

/** Our own stored files on the customer's message (the upload route made them), as same-origin paths. */
function storedAttachments(activity: Partial<Activity>): { attachments?: TranscriptEntry['attachments'] } {
  const ours = (activity.attachments ?? []).flatMap((a) => {
    const path = /\/attachments\/[A-Za-z0-9_-]{22}$/.exec(a.contentUrl ?? '')?.[0];
    return path ? [{ contentType: a.contentType, url: path, name: a.name ?? '' }] : [];
  });
  return ours.length > 0 ? { attachments: ours } : {};
}
