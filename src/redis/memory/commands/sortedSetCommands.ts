import type { CommandContext, CommandTable } from '../commandTable';
import { ErrorReply, errors, formatNumber, parseFloatArg, parseInteger, type Reply } from '../reply';
import { rangeOf } from './listCommands';

type Entry = [member: string, score: number];

/** Members in Redis's order: by score, then by member. */
function sorted(zset: Map<string, number> | undefined): Entry[] {
  return [...(zset ?? [])].sort(([ma, sa], [mb, sb]) => sa - sb || (ma < mb ? -1 : ma > mb ? 1 : 0));
}

interface Bound {
  value: number;
  exclusive: boolean;
}

function parseBound(raw: string): Bound {
  const exclusive = raw.startsWith('(');
  const value = parseFloatArg(exclusive ? raw.slice(1) : raw);
  return { value, exclusive };
}

function within(score: number, min: Bound, max: Bound): boolean {
  return (min.exclusive ? score > min.value : score >= min.value) && (max.exclusive ? score < max.value : score <= max.value);
}

function output(entries: Entry[], withScores: boolean): Reply {
  return withScores ? entries.flatMap(([m, s]) => [m, formatNumber(s)]) : entries.map(([m]) => m);
}

/** Options shared by the range commands: WITHSCORES and LIMIT offset count. */
function rangeOptions(options: string[], allowLimit: boolean) {
  let withScores = false;
  let limit: [number, number] | undefined;
  let rev = false;
  let byScore = false;
  for (let i = 0; i < options.length; i++) {
    const option = options[i].toUpperCase();
    if (option === 'WITHSCORES') withScores = true;
    else if (option === 'REV') rev = true;
    else if (option === 'BYSCORE') byScore = true;
    else if (option === 'LIMIT' && allowLimit && options[i + 2] !== undefined) {
      limit = [parseInteger(options[i + 1]), parseInteger(options[i + 2])];
      i += 2;
    } else throw errors.syntax();
  }
  return { withScores, limit, rev, byScore };
}

function applyLimit(entries: Entry[], limit: [number, number] | undefined): Entry[] {
  if (!limit) return entries;
  const [offset, count] = limit;
  if (offset < 0) return [];
  return count < 0 ? entries.slice(offset) : entries.slice(offset, offset + count);
}

function byScore(ctx: CommandContext, key: string, minRaw: string, maxRaw: string, rev: boolean, options: string[]): Reply {
  const { withScores, limit } = rangeOptions(options, true);
  const [min, max] = [parseBound(minRaw), parseBound(maxRaw)];
  const hits = sorted(ctx.db.read(key, 'zset')).filter(([, s]) => within(s, min, max));
  return output(applyLimit(rev ? hits.reverse() : hits, limit), withScores);
}

function byRank(ctx: CommandContext, key: string, start: string, stop: string, rev: boolean, withScores: boolean): Reply {
  const all = sorted(ctx.db.read(key, 'zset'));
  if (rev) all.reverse();
  const [from, to] = rangeOf(all.length, start, stop);
  return output(from > to ? [] : all.slice(from, to + 1), withScores);
}

function zadd(ctx: CommandContext, [key, ...args]: string[]): Reply {
  const flags = new Set<string>();
  while (args.length > 0 && ['NX', 'XX', 'GT', 'LT', 'CH', 'INCR'].includes(args[0].toUpperCase())) flags.add(args.shift()!.toUpperCase());
  if (args.length === 0 || args.length % 2 !== 0) throw errors.syntax();
  if ((flags.has('NX') && flags.has('XX')) || (flags.has('GT') && flags.has('LT')) || (flags.has('NX') && (flags.has('GT') || flags.has('LT')))) {
    throw new ErrorReply('ERR XX and NX options at the same time are not compatible');
  }
  if (flags.has('INCR') && args.length !== 2) throw new ErrorReply('ERR INCR option supports a single increment-element pair');
  const pairs: Entry[] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([args[i + 1], parseFloatArg(args[i])]);
  const zset = ctx.db.write(key, 'zset');
  let added = 0;
  let changed = 0;
  let incrResult: string | null = null;
  for (const [member, given] of pairs) {
    const current = zset.get(member);
    if ((flags.has('NX') && current !== undefined) || (flags.has('XX') && current === undefined)) continue;
    const score = flags.has('INCR') ? (current ?? 0) + given : given;
    if (current !== undefined && ((flags.has('GT') && !(score > current)) || (flags.has('LT') && !(score < current)))) continue;
    if (current === undefined) added++;
    else if (current !== score) changed++;
    zset.set(member, score);
    incrResult = formatNumber(score);
  }
  ctx.db.dropIfEmpty(key);
  if (flags.has('INCR')) return incrResult;
  return flags.has('CH') ? added + changed : added;
}

function removeWhere(ctx: CommandContext, key: string, pick: (entries: Entry[]) => Entry[]): number {
  const zset = ctx.db.read(key, 'zset');
  if (!zset) return 0;
  const doomed = pick(sorted(zset));
  for (const [member] of doomed) zset.delete(member);
  ctx.db.dropIfEmpty(key);
  return doomed.length;
}

/** ZPOPMIN/ZPOPMAX key [count]: removes and answers member, score pairs from one end. */
function pop(ctx: CommandContext, [key, count]: string[], fromMax: boolean): Reply {
  const n = count === undefined ? 1 : parseInteger(count);
  const entries = sorted(ctx.db.read(key, 'zset'));
  const taken = (fromMax ? entries.reverse() : entries).slice(0, Math.max(0, n));
  removeWhere(ctx, key, () => taken);
  return output(taken, true);
}

export const sortedSetCommands: CommandTable = {
  zpopmin: { arity: -2, run: (ctx, args) => pop(ctx, args, false) },
  zpopmax: { arity: -2, run: (ctx, args) => pop(ctx, args, true) },
  zadd: { arity: -4, run: zadd },
  zincrby: { arity: 4, run: (ctx, [key, by, member]) => zadd(ctx, [key, 'INCR', by, member]) },
  zrem: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const zset = ctx.db.read(key, 'zset');
      if (!zset) return 0;
      const removed = members.filter((member) => zset.delete(member)).length;
      ctx.db.dropIfEmpty(key);
      return removed;
    },
  },
  zscore: {
    arity: 3,
    run: (ctx, [key, member]) => {
      const score = ctx.db.read(key, 'zset')?.get(member);
      return score === undefined ? null : formatNumber(score);
    },
  },
  zmscore: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const zset = ctx.db.read(key, 'zset');
      return members.map((member) => {
        const score = zset?.get(member);
        return score === undefined ? null : formatNumber(score);
      });
    },
  },
  zcard: { arity: 2, run: (ctx, [key]) => ctx.db.read(key, 'zset')?.size ?? 0 },
  zcount: {
    arity: 4,
    run: (ctx, [key, min, max]) => {
      const [lo, hi] = [parseBound(min), parseBound(max)];
      return sorted(ctx.db.read(key, 'zset')).filter(([, s]) => within(s, lo, hi)).length;
    },
  },
  zrank: {
    arity: 3,
    run: (ctx, [key, member]) => {
      const i = sorted(ctx.db.read(key, 'zset')).findIndex(([m]) => m === member);
      return i < 0 ? null : i;
    },
  },
  zrevrank: {
    arity: 3,
    run: (ctx, [key, member]) => {
      const i = sorted(ctx.db.read(key, 'zset')).reverse().findIndex(([m]) => m === member);
      return i < 0 ? null : i;
    },
  },
  zrange: {
    arity: -4,
    run: (ctx, [key, start, stop, ...options]) => {
      const parsed = rangeOptions(options, true);
      if (parsed.byScore) {
        const rest = [...(parsed.withScores ? ['WITHSCORES'] : []), ...(parsed.limit ? ['LIMIT', ...parsed.limit.map(String)] : [])];
        return byScore(ctx, key, parsed.rev ? stop : start, parsed.rev ? start : stop, parsed.rev, rest);
      }
      if (parsed.limit) throw new ErrorReply('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
      return byRank(ctx, key, start, stop, parsed.rev, parsed.withScores);
    },
  },
  zrevrange: {
    arity: -4,
    run: (ctx, [key, start, stop, ...options]) => byRank(ctx, key, start, stop, true, rangeOptions(options, false).withScores),
  },
  zrangebyscore: { arity: -4, run: (ctx, [key, min, max, ...options]) => byScore(ctx, key, min, max, false, options) },
  zrevrangebyscore: { arity: -4, run: (ctx, [key, max, min, ...options]) => byScore(ctx, key, min, max, true, options) },
  zremrangebyscore: {
    arity: 4,
    run: (ctx, [key, min, max]) => {
      const [lo, hi] = [parseBound(min), parseBound(max)];
      return removeWhere(ctx, key, (entries) => entries.filter(([, s]) => within(s, lo, hi)));
    },
  },
  zremrangebyrank: {
    arity: 4,
    run: (ctx, [key, start, stop]) =>
      removeWhere(ctx, key, (entries) => {
        const [from, to] = rangeOf(entries.length, start, stop);
        return from > to ? [] : entries.slice(from, to + 1);
      }),
  },
};
