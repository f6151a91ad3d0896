import { createHash } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { maskPii } from '../pii/maskPii';
import type { SnapshotBotState } from '../storage/snapshotBotState';
import { noteSideFields, type SideFieldStore } from '../storage/storedJson';

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

/** `replies` inline (stores without side fields, and journals written before them), or `r: 1`: in side field `r:<id>`. */
const entrySchema = z.object({ id: z.string(), replies: z.array(z.record(z.string(), z.unknown())).optional(), r: z.literal(1).optional() });
const repliesSchema = z.array(z.record(z.string(), z.unknown()));

/** The side field of the state's hash that holds a turn's recorded replies. */
const replyField = (id: string): string => `r:${id}`;
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
 *
 * With a `SideFieldStore` (RedisStorage), the replies are not in the state value but in a field of
 * the same Redis hash (`r:<id>`), written and pruned by the same compare-and-set script: still
 * saved together or not at all, but the value every turn reads, parses, serializes and writes
 * holds only ids (replies were four fifths of it: about 1 % of CPU a turn per recorded turn kept).
 * A replay, which is rare, reads its field.
 */
export class TurnJournal {
  constructor(
    private readonly conversationState: SnapshotBotState,
    private readonly sideFields?: SideFieldStore,
  ) {}

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
    const before = this.entries(ctx);
    const entries = before.filter((entry) => entry.id !== id);
    const stored = replies.map(storedReply);
    entries.push(this.sideFields ? { id, r: 1 } : { id, replies: stored });
    const kept = entries.slice(-MAX_IDS);
    // Older entries keep their id only: enough to refuse running them twice.
    const next: JournalEntry[] = kept.map((entry, i) => (i < kept.length - MAX_WITH_REPLIES ? { id: entry.id } : entry));
    state[JOURNAL_PROPERTY] = next;
    if (!this.sideFields) return;
    // The fields of entries that no longer keep their replies go, in the same write.
    const stillStored = new Set(next.filter((entry) => entry.r === 1).map((entry) => entry.id));
    const del = before.filter((entry) => entry.r === 1 && !stillStored.has(entry.id)).map((entry) => replyField(entry.id));
    noteSideFields(state, { set: { [replyField(id)]: JSON.stringify(stored) }, del });
  }

  /**
   * The replies recorded for `entry`, to send again. An entry whose replies were pruned (or whose
   * field is gone) has none: the retry is acknowledged without running the turn twice.
   */
  async repliesOf(ctx: TurnContext, entry: JournalEntry): Promise<Partial<Activity>[]> {
    if (entry.replies) return entry.replies.map((reply) => ({ ...reply }) as Partial<Activity>);
    if (entry.r !== 1 || !this.sideFields) return [];
    const text = await this.sideFields.readSideField(await this.conversationState.keyOf(ctx), replyField(entry.id));
    if (text === undefined) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return [];
    }
    const replies = repliesSchema.safeParse(parsed);
    return replies.success ? replies.data.map((reply) => reply as Partial<Activity>) : [];
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
  for (const key in entry) if (key !== 'id' && key !== 'replies' && key !== 'r') return false;
  if (entry.r !== undefined && entry.r !== 1) return false;
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
