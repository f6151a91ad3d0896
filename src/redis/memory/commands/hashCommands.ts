import type { CommandContext, CommandTable } from '../commandTable';
import { errors, formatNumber, OK, parseFloatArg, parseInteger } from '../reply';

function setFields(ctx: CommandContext, name: string, [key, ...pairs]: string[]): number {
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw errors.arity(name);
  const hash = ctx.db.write(key, 'hash');
  let added = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    if (!hash.has(pairs[i])) added++;
    hash.set(pairs[i], pairs[i + 1]);
  }
  return added;
}

export const hashCommands: CommandTable = {
  hget: { arity: 3, run: (ctx, [key, field]) => ctx.db.read(key, 'hash')?.get(field) ?? null },
  hset: { arity: -4, run: (ctx, args) => setFields(ctx, 'hset', args) },
  hmset: { arity: -4, run: (ctx, args) => (setFields(ctx, 'hmset', args), OK) },
  hsetnx: {
    arity: 4,
    run: (ctx, [key, field, value]) => {
      if (ctx.db.read(key, 'hash')?.has(field)) return 0;
      ctx.db.write(key, 'hash').set(field, value);
      return 1;
    },
  },
  hmget: {
    arity: -3,
    run: (ctx, [key, ...fields]) => {
      const hash = ctx.db.read(key, 'hash');
      return fields.map((field) => hash?.get(field) ?? null);
    },
  },
  hgetall: { arity: 2, run: (ctx, [key]) => [...(ctx.db.read(key, 'hash') ?? new Map<string, string>())].flat() },
  hkeys: { arity: 2, run: (ctx, [key]) => [...(ctx.db.read(key, 'hash')?.keys() ?? [])] },
  hvals: { arity: 2, run: (ctx, [key]) => [...(ctx.db.read(key, 'hash')?.values() ?? [])] },
  hlen: { arity: 2, run: (ctx, [key]) => ctx.db.read(key, 'hash')?.size ?? 0 },
  hexists: { arity: 3, run: (ctx, [key, field]) => (ctx.db.read(key, 'hash')?.has(field) ? 1 : 0) },
  hdel: {
    arity: -3,
    run: (ctx, [key, ...fields]) => {
      const hash = ctx.db.read(key, 'hash');
      if (!hash) return 0;
      const removed = fields.filter((field) => hash.delete(field)).length;
      ctx.db.dropIfEmpty(key);
      return removed;
    },
  },
  hincrby: {
    arity: 4,
    run: (ctx, [key, field, by]) => {
      const current = ctx.db.read(key, 'hash')?.get(field);
      const next = (current === undefined ? 0 : parseInteger(current)) + parseInteger(by);
      if (!Number.isSafeInteger(next)) throw errors.notInteger();
      ctx.db.write(key, 'hash').set(field, String(next));
      return next;
    },
  },
  hincrbyfloat: {
    arity: 4,
    run: (ctx, [key, field, by]) => {
      const current = ctx.db.read(key, 'hash')?.get(field);
      const next = formatNumber((current === undefined ? 0 : parseFloatArg(current)) + parseFloatArg(by));
      ctx.db.write(key, 'hash').set(field, next);
      return next;
    },
  },
};
