import { BotState, ConversationState, UserState, type Storage, type StorageKeyFactory, type TurnContext } from 'botbuilder';
import { noteWriteJson, takeReadJson, takeWriteJson } from './storedJson';

type StateObject = Record<string, unknown> & { eTag?: string };

/** An eTag no stored item ever has (RedisStorage and MemoryStorage issue others): "write only if absent". */
export const ABSENT_ETAG = 'absent';

interface Cached {
  state: StateObject;
  /** The state as loaded (or last saved), serialized without its eTag; '' forces a save. */
  snapshot: string;
}

function serialize(state: StateObject): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * botbuilder's BotState with two changes, and otherwise the same contract (load once per turn,
 * property accessors, save only what changed, clear, delete):
 *
 * 1. Conversation state is saved with the eTag it was loaded with. BotState.saveChanges writes
 *    with eTag `*` (last writer wins), so if a turn outlived its conversation lock (TURN_LOCK_MS)
 *    it would silently overwrite the state another process saved meanwhile. Here that write is
 *    refused (ETAG_CONFLICT): the turn fails before sending its buffered replies and the channel
 *    retries it against the newer state. (User state keeps `*`: see `lastWriterWins`.)
 * 2. Change detection compares plain JSON text. BotState hashes a replacer-based stringify with
 *    SHA-256 on load, before saving and again after, for every state: about 4 % of a turn's CPU in
 *    `npm run bench`, for state that is a few hundred bytes.
 *
 * Storage keys still come from botbuilder (pass `ConversationState#getStorageKey` and friends),
 * so existing conversations keep their keys.
 */
export class SnapshotBotState extends BotState {
  private readonly cacheKey = Symbol('SnapshotBotState');
  private readonly prefetchKey = Symbol('SnapshotBotState.prefetch');

  /**
   * @param options.lastWriterWins save with eTag `*`, as BotState does: for state that the
   *   conversation lock does not cover. User state is shared by all of a customer's conversations
   *   (two browser tabs, a Teams chat and a group), whose turns may run at the same time.
   */
  constructor(
    storage: Storage,
    storageKey: StorageKeyFactory,
    private readonly options: { lastWriterWins?: boolean } = {},
  ) {
    super(storage, storageKey);
  }

  override async load(context: TurnContext, force = false): Promise<StateObject> {
    const cached = this.cached(context);
    if (cached && !force) return cached.state;
    const prefetched = context.turnState.get(this.prefetchKey) as Promise<StateObject> | undefined;
    context.turnState.delete(this.prefetchKey);
    const state = prefetched && !force ? await prefetched : await this.read(context);
    // A conversation with no stored state yet is saved "only if still absent": botbuilder's
    // Storage treats a missing eTag as "overwrite", which would let a turn that lost its lock
    // overwrite the first turn another process saved meanwhile. No stored eTag equals this one.
    if (!this.options.lastWriterWins && state.eTag === undefined) state.eTag = ABSENT_ETAG;
    // The text the store read is the state's serialization already (see storedJson.ts).
    context.turnState.set(this.cacheKey, { state, snapshot: takeReadJson(state) ?? serialize(state) } satisfies Cached);
    return state;
  }

  /**
   * Starts the read `load` will need, now (see LockPrefetch in src/runtime/turnLock.ts). Its
   * failure surfaces in `load`; an abandoned one is dropped quietly.
   */
  prefetch(context: TurnContext): void {
    const reading = this.read(context);
    reading.catch(() => undefined);
    context.turnState.set(this.prefetchKey, reading);
  }

  discardPrefetch(context: TurnContext): void {
    context.turnState.delete(this.prefetchKey);
  }

  private async read(context: TurnContext): Promise<StateObject> {
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    return (items[key] ?? {}) as StateObject;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let cached = this.cached(context);
    if (!cached) {
      if (!force) return;
      cached = { state: {}, snapshot: '' };
      context.turnState.set(this.cacheKey, cached);
    }
    const current = serialize(cached.state);
    if (!force && current === cached.snapshot) return;
    const key = await this.storageKey(context);
    if (this.options.lastWriterWins) cached.state.eTag = '*';
    // The store may write the text just made instead of serializing the state again.
    noteWriteJson(cached.state, current);
    const writing = this.storage.write({ [key]: cached.state });
    takeWriteJson(cached.state); // not taken by a store that serializes for itself
    await writing;
    // Any later save in this turn follows our own write, which carries a new eTag we do not know.
    cached.state.eTag = '*';
    cached.snapshot = current;
  }

  /** The storage key of this turn's state (for side fields kept beside it, see TurnJournal). */
  keyOf(context: TurnContext): Promise<string> {
    return this.storageKey(context);
  }

  override get(context: TurnContext): StateObject | undefined {
    return this.cached(context)?.state;
  }

  override clear(context: TurnContext): Promise<void> {
    // An empty snapshot forces the next save, as BotState's empty hash does.
    context.turnState.set(this.cacheKey, { state: {}, snapshot: '' } satisfies Cached);
    return Promise.resolve();
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    await this.storage.delete([await this.storageKey(context)]);
  }

  private cached(context: TurnContext): Cached | undefined {
    return context.turnState.get(this.cacheKey) as Cached | undefined;
  }
}

/** botbuilder's key scheme of ConversationState or UserState, as a key factory for SnapshotBotState. */
export function storageKeysOf(keys: { getStorageKey(context: TurnContext): string | undefined }): StorageKeyFactory {
  return async (context) => {
    const key = keys.getStorageKey(context);
    if (!key) throw new Error('SnapshotBotState: the activity has no storage key (channelId, conversation or from id missing)');
    return key;
  };
}

/**
 * The bot's two states: per conversation (guarded by the conversation lock and its eTag) and per
 * customer (last writer wins, see `lastWriterWins`).
 */
export function botStates(storage: Storage): { conversationState: SnapshotBotState; userState: SnapshotBotState } {
  return {
    conversationState: new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage))),
    userState: new SnapshotBotState(storage, storageKeysOf(new UserState(storage)), { lastWriterWins: true }),
  };
}
