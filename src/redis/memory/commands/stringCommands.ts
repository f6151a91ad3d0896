import type { CommandContext, CommandTable } from '../commandTable';
import { ErrorReply, errors, formatNumber, OK, parseFloatArg, parseInteger } from '../reply';

/** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL] */
function set(ctx: CommandContext, [key, value, ...options]: string[]) {
  let condition: 'NX' | 'XX' | undefined;
  let get = false;
  let expireAt: number | undefined;
  let keepTtl = false;
  for (let i = 0; i < options.length; i++) {
    const option = options[i].toUpperCase();
    if (option === 'NX' || option === 'XX') {
      if (condition) throw errors.syntax();
      condition = option;
    } else if (option === 'GET') get = true;
    else if (option === 'KEEPTTL') keepTtl = true;
    else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(option)) {
      if (expireAt !== undefined || options[i + 1] === undefined) throw errors.syntax();
      const n = parseInteger(options[++i]);
      if (n <= 0) throw new ErrorReply("ERR invalid expire time in 'set' command");
      expireAt = { EX: ctx.now() + n * 1000, PX: ctx.now() + n, EXAT: n * 1000, PXAT: n }[option];
    } else throw errors.syntax();
  }
  if (keepTtl && expireAt !== undefined) throw errors.syntax();
  const old = get ? ctx.db.read(key, 'string') ?? null : null;
  const exists = ctx.db.exists(key);
  if ((condition === 'NX' && exists) || (condition === 'XX' && !exists)) return get ? old : null;
  ctx.db.setString(key, value, keepTtl);
  if (expireAt !== undefined) ctx.db.expireAt(key, expireAt);
  return get ? old : OK;
}

function incrBy(ctx: CommandContext, key: string, by: number): number {
  const current = ctx.db.read(key, 'string');
  const base = current === undefined ? 0 : parseInteger(current);
  const next = base + by;
  if (!Number.isSafeInteger(next)) throw new ErrorReply('ERR increment or decrement would overflow');
  ctx.db.setString(key, String(next), true);
  return next;
}

export const stringCommands: CommandTable = {
  get: { arity: 2, run: (ctx, [key]) => ctx.db.read(key, 'string') ?? null },
  set: { arity: -3, run: set },
  setnx: { arity: 3, run: (ctx, [key, value]) => (set(ctx, [key, value, 'NX']) === null ? 0 : 1) },
  setex: { arity: 4, run: (ctx, [key, seconds, value]) => set(ctx, [key, value, 'EX', seconds]) },
  psetex: { arity: 4, run: (ctx, [key, ms, value]) => set(ctx, [key, value, 'PX', ms]) },
  getdel: {
    arity: 2,
    run: (ctx, [key]) => {
      const value = ctx.db.read(key, 'string') ?? null;
      if (value !== null) ctx.db.delete(key);
      return value;
    },
  },
  getset: {
    arity: 3,
    run: (ctx, [key, value]) => {
      const old = ctx.db.read(key, 'string') ?? null;
      ctx.db.setString(key, value);
      return old;
    },
  },
  /** GETEX key [EX s|PX ms|EXAT s|PXAT ms|PERSIST] */
  getex: {
    arity: -2,
    run: (ctx, [key, option, raw]) => {
      const value = ctx.db.read(key, 'string') ?? null;
      if (value === null || option === undefined) return value;
      const verb = option.toUpperCase();
      if (verb === 'PERSIST') ctx.db.persist(key);
      else if (raw !== undefined && ['EX', 'PX', 'EXAT', 'PXAT'].includes(verb)) {
        const n = parseInteger(raw);
        ctx.db.expireAt(key, { EX: ctx.now() + n * 1000, PX: ctx.now() + n, EXAT: n * 1000, PXAT: n }[verb] ?? 0);
      } else throw errors.syntax();
      return value;
    },
  },
  mget: { arity: -2, run: (ctx, keys) => keys.map((key) => { const v = ctx.db.get(key); return v?.type === 'string' ? v.value : null; }) },
  mset: {
    arity: -3,
    run: (ctx, args) => {
      if (args.length % 2 !== 0) throw errors.arity('mset');
      for (let i = 0; i < args.length; i += 2) ctx.db.setString(args[i], args[i + 1]);
      return OK;
    },
  },
  incr: { arity: 2, run: (ctx, [key]) => incrBy(ctx, key, 1) },
  decr: { arity: 2, run: (ctx, [key]) => incrBy(ctx, key, -1) },
  incrby: { arity: 3, run: (ctx, [key, by]) => incrBy(ctx, key, parseInteger(by)) },
  decrby: { arity: 3, run: (ctx, [key, by]) => incrBy(ctx, key, -parseInteger(by)) },
  incrbyfloat: {
    arity: 3,
    run: (ctx, [key, by]) => {
      const current = ctx.db.read(key, 'string');
      const next = (current === undefined ? 0 : parseFloatArg(current)) + parseFloatArg(by);
      if (!Number.isFinite(next)) throw new ErrorReply('ERR increment would produce NaN or Infinity');
      ctx.db.setString(key, formatNumber(next), true);
      return formatNumber(next);
    },
  },
  append: {
    arity: 3,
    run: (ctx, [key, value]) => {
      const next = (ctx.db.read(key, 'string') ?? '') + value;
      ctx.db.setString(key, next, true);
      return Buffer.byteLength(next);
    },
  },
  strlen: { arity: 2, run: (ctx, [key]) => Buffer.byteLength(ctx.db.read(key, 'string') ?? '') },
};
