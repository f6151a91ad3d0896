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
const afterRead = new WeakMap<object, string>();
const forWrite = new WeakMap<object, string>();

/** RedisStorage.read: `item` was parsed from `json` (its eTag added after). */
export function noteReadJson(item: object, json: string): void {
  afterRead.set(item, json);
}

/** SnapshotBotState.load: the stored text of a just-read item, if the storage noted it. */
export function takeReadJson(item: object): string | undefined {
  const json = afterRead.get(item);
  afterRead.delete(item);
  return json;
}

/** SnapshotBotState.saveChanges: `item` (without its eTag) serializes to `json` right now. */
export function noteWriteJson(item: object, json: string): void {
  forWrite.set(item, json);
}

/** RedisStorage.write, synchronously on entry: the text to store for `item`, if noted. */
export function takeWriteJson(item: object): string | undefined {
  const json = forWrite.get(item);
  forWrite.delete(item);
  return json;
}
