import type { CommandContext, CommandTable } from '../commandTable';
import { OK, parseInteger } from '../reply';

/** Redis's index rules for LRANGE/LTRIM: negative counts from the end, out of range is clamped. */
export function rangeOf(length: number, startRaw: string, stopRaw: string): [number, number] {
  let start = parseInteger(startRaw);
  let stop = parseInteger(stopRaw);
  if (start < 0) start = Math.max(0, length + start);
  if (stop < 0) stop = length + stop;
  stop = Math.min(stop, length - 1);
  return [start, stop];
}

function push(ctx: CommandContext, [key, ...values]: string[], atHead: boolean): number {
  const list = ctx.db.write(key, 'list');
  if (atHead) for (const value of values) list.unshift(value);
  else list.push(...values);
  return list.length;
}

function pop(ctx: CommandContext, [key, count]: string[], fromHead: boolean) {
  const list = ctx.db.read(key, 'list');
  if (!list) return null;
  const n = count === undefined ? 1 : parseInteger(count);
  const taken = fromHead ? list.splice(0, n) : list.splice(Math.max(0, list.length - n), n).reverse();
  ctx.db.dropIfEmpty(key);
  return count === undefined ? taken[0] ?? null : taken;
}

export const listCommands: CommandTable = {
  rpush: { arity: -3, run: (ctx, args) => push(ctx, args, false) },
  lpush: { arity: -3, run: (ctx, args) => push(ctx, args, true) },
  rpop: { arity: -2, run: (ctx, args) => pop(ctx, args, false) },
  lpop: { arity: -2, run: (ctx, args) => pop(ctx, args, true) },
  llen: { arity: 2, run: (ctx, [key]) => ctx.db.read(key, 'list')?.length ?? 0 },
  lindex: {
    arity: 3,
    run: (ctx, [key, index]) => {
      const list = ctx.db.read(key, 'list') ?? [];
      const i = parseInteger(index);
      return list[i < 0 ? list.length + i : i] ?? null;
    },
  },
  lrange: {
    arity: 4,
    run: (ctx, [key, start, stop]) => {
      const list = ctx.db.read(key, 'list') ?? [];
      const [from, to] = rangeOf(list.length, start, stop);
      return from > to ? [] : list.slice(from, to + 1);
    },
  },
  ltrim: {
    arity: 4,
    run: (ctx, [key, start, stop]) => {
      const list = ctx.db.read(key, 'list');
      if (!list) return OK;
      const [from, to] = rangeOf(list.length, start, stop);
      const kept = from > to ? [] : list.slice(from, to + 1);
      list.splice(0, list.length, ...kept);
      ctx.db.dropIfEmpty(key);
      return OK;
    },
  },
  lrem: {
    arity: 4,
    run: (ctx, [key, countRaw, value]) => {
      const list = ctx.db.read(key, 'list');
      if (!list) return 0;
      const count = parseInteger(countRaw);
      const limit = count === 0 ? Infinity : Math.abs(count);
      const order = count < 0 ? [...list.keys()].reverse() : [...list.keys()];
      const drop = new Set(order.filter((i) => list[i] === value).slice(0, limit === Infinity ? undefined : limit));
      const kept = list.filter((_, i) => !drop.has(i));
      list.splice(0, list.length, ...kept);
      ctx.db.dropIfEmpty(key);
      return drop.size;
    },
  },
};
