import { createHash } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { maskPii } from '../pii/maskPii';
import type { SnapshotBotState } from '../storage/snapshotBotState';

/** The conversation-state property that holds the journal (one per conversation). */
export const JOURNAL_PROPERTY = 'turnJournal';

/**
 * How many finished turns a conversation remembers. Channels retry within seconds to minutes
 * (WeChat three times 5 s apart, the Bot Framework connector and Direct Line clients at once), so
 * a retry is never many messages behind. Ids are remembered longer than replies: a retry of an
 * older turn is acknowledged without a reply rather than run a second time.
 */
const MAX_IDS = 64;
const MAX_WITH_REPLIES = 8;

/** Activity fields a re-delivery sends again; the channel fills in addresses and stamps. */
const REPLY_FIELDS = ['type', 'text', 'speak', 'inputHint', 'textFormat', 'attachmentLayout', 'attachments', 'suggestedActions', 'entities', 'channelData', 'locale', 'name', 'value'] as const;

const entrySchema = z.object({ id: z.string(), replies: z.array(z.record(z.string(), z.unknown())).optional() });
const journalSchema = z.array(entrySchema);
export type JournalEntry = z.output<typeof entrySchema>;

/**
 * Validated journals by the stored array they came from: `find` and `record` of one turn see the
 * same array and validate it once. A turn's record replaces the array, so a changed journal is
 * never answered from here.
 */
const validated = new WeakMap<object, JournalEntry[]>();

/**
 * Which channel messages this conversation has already answered, with the replies of the latest
 * ones. It lives inside the conversation state, so it is read with the state (in the lock's
 * batch) and written in the same atomic compare-and-set as the state: a turn is either saved
 * with its replies recorded or not saved at all. A retry of a saved turn gets the recorded
 * replies again (re-delivered, not re-computed); a retry of an unsaved one runs the turn.
 */
export class TurnJournal {
  constructor(private readonly conversationState: SnapshotBotState) {}

  /**
   * The channel's message id (activity id; WeChat: MsgId or FromUserName+CreateTime), hashed so an
   * entry stays small and carries no customer data. Turns without one (proactive turns) are not
   * journaled.
   */
  idOf(ctx: TurnContext): string | undefined {
    return turnIdOf(ctx.activity);
  }

  /** The record of this message, if a turn for it was saved before. Call after the state is loaded. */
  find(ctx: TurnContext): JournalEntry | undefined {
    const id = this.idOf(ctx);
    if (!id) return undefined;
    return this.entries(ctx).find((entry) => entry.id === id);
  }

  /** Records the turn and its replies in the conversation state, to be saved with it. */
  record(ctx: TurnContext, replies: readonly Partial<Activity>[]): void {
    const id = this.idOf(ctx);
    const state = this.conversationState.get(ctx);
    if (!id || !state) return;
    const entries = this.entries(ctx).filter((entry) => entry.id !== id);
    entries.push({ id, replies: replies.map(storedReply) });
    const kept = entries.slice(-MAX_IDS);
    // Older entries keep their id only: enough to refuse running them twice.
    state[JOURNAL_PROPERTY] = kept.map((entry, i) => (i < kept.length - MAX_WITH_REPLIES ? { id: entry.id } : entry));
  }

  private entries(ctx: TurnContext): JournalEntry[] {
    const stored = this.conversationState.get(ctx)?.[JOURNAL_PROPERTY];
    if (!Array.isArray(stored)) return [];
    const known = validated.get(stored);
    if (known) return known;
    let entries: JournalEntry[];
    if (stored.every(isPlainEntry)) entries = stored;
    else {
      const parsed = journalSchema.safeParse(stored);
      entries = parsed.success ? parsed.data : [];
    }
    validated.set(stored, entries);
    return entries;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The journal as this class writes it, checked without zod: zod copies every entry and reply (it
 * was most of the journal's cost, a 5 KB state read every turn). Anything else, including extra
 * fields, goes through `journalSchema`, which keeps the valid parts or refuses the journal.
 */
function isPlainEntry(entry: unknown): entry is JournalEntry {
  if (!isPlainObject(entry) || typeof entry.id !== 'string') return false;
  for (const key in entry) if (key !== 'id' && key !== 'replies') return false;
  const replies = entry.replies;
  return replies === undefined || (Array.isArray(replies) && replies.every(isPlainObject));
}

/**
 * The id of the turn a channel message starts: its channel message id, hashed (no customer data,
 * fixed size). A retry of the message has the same one. Undefined for activities without an id.
 */
export function turnIdOf(activity: Partial<Activity>): string | undefined {
  const id = activity.id;
  if (typeof id !== 'string' || id === '') return undefined;
  const source = `${activity.type ?? ''}|${id}`;
  const known = turnIds.get(activity);
  if (known?.source === source) return known.id;
  const turnId = createHash('sha256').update(source).digest('base64url').slice(0, 22);
  turnIds.set(activity, { source, id: turnId });
  return turnId;
}

/** A turn asks for its id four times (runtime, journal, transcript): hashed once per activity. */
const turnIds = new WeakMap<object, { source: string; id: string }>();

/** A reply as kept for re-delivery: what the customer saw, with personal data masked. */
function storedReply(activity: Partial<Activity>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const field of REPLY_FIELDS) {
    if (activity[field] !== undefined) kept[field] = activity[field];
  }
  if (typeof kept.text === 'string') kept.text = maskPii(kept.text);
  if (typeof kept.speak === 'string') kept.speak = maskPii(kept.speak);
  // Through JSON once, so what is re-delivered is exactly what a reload would give.
  return JSON.parse(JSON.stringify(kept)) as Record<string, unknown>;
}

/** Turns recorded replies back into activities to send. */
export function repliesOf(entry: JournalEntry): Partial<Activity>[] {
  return (entry.replies ?? []).map((reply) => ({ ...reply }) as Partial<Activity>);
}
