import { errors } from './reply';

/** What a key holds, by Redis data type. */
interface Containers {
  string: string;
  hash: Map<string, string>;
  list: string[];
  set: Set<string>;
  zset: Map<string, number>;
}
export type ValueType = keyof Containers;
type ContainerOf<T extends ValueType> = Containers[T];
/** One key's value, tagged with its type. */
export type Value = { [T in ValueType]: { type: T; value: Containers[T] } }[ValueType];

const EMPTY: { [T in ValueType]: () => ContainerOf<T> } = {
  string: () => '',
  hash: () => new Map(),
  list: () => [],
  set: () => new Set(),
  zset: () => new Map(),
};

function sizeOf(value: Value): number {
  return value.type === 'string' ? 1 : value.type === 'list' ? value.value.length : value.value.size;
}

/**
 * The keys and their expiry times, with Redis's rules: an expired key is gone the moment it is
 * looked at (and swept in the background so memory is given back), a command on a key of another
 * type answers WRONGTYPE, and a collection left empty no longer exists.
 */
export class Keyspace {
  private readonly values = new Map<string, Value>();
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Value | undefined {
    const at = this.expiries.get(key);
    if (at !== undefined && at <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return this.values.get(key);
  }

  /** The key's container when it holds `type`, undefined when missing, WRONGTYPE otherwise. */
  read<T extends ValueType>(key: string, type: T): ContainerOf<T> | undefined {
    const found = this.get(key);
    if (!found) return undefined;
    if (found.type !== type) throw errors.wrongType();
    return found.value as ContainerOf<T>;
  }

  /** Like `read`, but creates an empty container (of a collection type) when the key is missing. */
  write<T extends Exclude<ValueType, 'string'>>(key: string, type: T): ContainerOf<T> {
    const existing: ContainerOf<T> | undefined = this.read(key, type);
    if (existing !== undefined) return existing;
    const created = EMPTY[type]();
    this.values.set(key, { type, value: created } as Value);
    return created;
  }

  /** Stores a string; a plain SET forgets the old TTL unless `keepTtl`. */
  setString(key: string, value: string, keepTtl = false): void {
    if (!keepTtl || !this.get(key)) this.expiries.delete(key);
    this.values.set(key, { type: 'string', value });
  }

  /** Stores a value as it is, without an expiry (RENAME moves one). */
  put(key: string, value: Value): void {
    this.expiries.delete(key);
    this.values.set(key, value);
  }

  /** Removes the key once a command emptied its collection (Redis never keeps empty ones). */
  dropIfEmpty(key: string): void {
    const found = this.values.get(key);
    if (found && found.type !== 'string' && sizeOf(found) === 0) this.delete(key);
  }

  delete(key: string): boolean {
    this.expiries.delete(key);
    return this.values.delete(key);
  }

  exists(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets an absolute expiry in ms; a time already past deletes the key, as Redis does. */
  expireAt(key: string, atMs: number): boolean {
    if (!this.exists(key)) return false;
    if (atMs <= this.now()) this.delete(key);
    else this.expiries.set(key, atMs);
    return true;
  }

  persist(key: string): boolean {
    return this.exists(key) && this.expiries.delete(key);
  }

  /** Milliseconds to live: -2 when the key is missing, -1 when it never expires. */
  ttlMs(key: string): number {
    if (!this.exists(key)) return -2;
    const at = this.expiries.get(key);
    return at === undefined ? -1 : Math.max(0, at - this.now());
  }

  /** Live keys (expired ones are dropped on the way). */
  keys(): string[] {
    return [...this.values.keys()].filter((key) => this.exists(key));
  }

  size(): number {
    return this.keys().length;
  }

  flush(): void {
    this.values.clear();
    this.expiries.clear();
  }

  /** Deletes every expired key; run from a timer so idle keys do not pile up. */
  sweep(): void {
    const now = this.now();
    for (const [key, at] of this.expiries) if (at <= now) this.delete(key);
  }
}
