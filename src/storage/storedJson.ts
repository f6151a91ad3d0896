/**
 * The JSON text of a state item, handed between SnapshotBotState and RedisStorage so a turn
 * serializes its state once, not three times (a conversation state with its turn journal is about
 * 5 KB). botbuilder's Storage interface carries objects only, so the text travels beside the
 * object, keyed by it, and is taken (read and forgotten) by whoever uses it: an object changed after
 * the text was noted is never written or compared with stale text.
 *
 * The text is always of the item without its eTag, as RedisStorage stores it and SnapshotBotState
 * compares it.
 */
/** A value that travels beside an object, keyed by it, and is taken (read and forgotten) once. */
class Beside<T> {
  private readonly values = new WeakMap<object, T>();

  note(item: object, value: T): void {
    this.values.set(item, value);
  }

  take(item: object): T | undefined {
    const value = this.values.get(item);
    this.values.delete(item);
    return value;
  }
}

const afterRead = new Beside<string>();
const forWrite = new Beside<string>();

/** RedisStorage.read: `item` was parsed from `json` (its eTag added after). */
export const noteReadJson = (item: object, json: string): void => afterRead.note(item, json);

/** SnapshotBotState.load: the stored text of a just-read item, if the storage noted it. */
export const takeReadJson = (item: object): string | undefined => afterRead.take(item);

/** SnapshotBotState.saveChanges: `item` (without its eTag) serializes to `json` right now. */
export const noteWriteJson = (item: object, json: string): void => forWrite.note(item, json);

/** RedisStorage.write, synchronously on entry: the text to store for `item`, if noted. */
export const takeWriteJson = (item: object): string | undefined => forWrite.take(item);

/**
 * Hash fields to write beside an item's value in the same compare-and-set (`set`), and fields to
 * remove (`del`): the turn journal's recorded replies live there, so the value a turn reads and
 * writes every time stays small (see TurnJournal). Only a store that implements `SideFieldStore`
 * takes them; the journal uses them only when given such a store.
 */
export interface SideFields {
  set: Record<string, string>;
  del: string[];
}

/** A store that keeps side fields beside an item (RedisStorage: fields of the item's hash). */
export interface SideFieldStore {
  /** The side field of the item stored under `key`, or undefined if there is none (pruned, expired). */
  readSideField(key: string, field: string): Promise<string | undefined>;
}

const sideFieldsFor = new Beside<SideFields>();

/** TurnJournal.record: write these fields with `item`'s next save (replacing what was noted before). */
export const noteSideFields = (item: object, fields: SideFields): void => sideFieldsFor.note(item, fields);

/** RedisStorage.write, synchronously on entry: the side fields to write with `item`, if noted. */
export const takeSideFields = (item: object): SideFields | undefined => sideFieldsFor.take(item);
