import type { CommandContext, CommandTable } from '../commandTable';
import { ErrorReply, errors, OK, parseInteger, StatusReply } from '../reply';
import { globToRegExp } from '../globToRegExp';

const expireCommand = (toMs: (n: number, now: number) => number) => ({
  arity: -3,
  run: (ctx: CommandContext, [key, raw, ...flags]: string[]) => {
    const atMs = toMs(parseInteger(raw), ctx.now());
    const ttl = ctx.db.ttlMs(key);
    if (ttl === -2) return 0;
    const current = ttl === -1 ? Infinity : ctx.now() + ttl;
    for (const flag of flags.map((f) => f.toUpperCase())) {
      if (flag === 'NX' && ttl !== -1) return 0;
      if (flag === 'XX' && ttl === -1) return 0;
      if (flag === 'GT' && !(atMs > current)) return 0;
      if (flag === 'LT' && !(atMs < current)) return 0;
      if (!['NX', 'XX', 'GT', 'LT'].includes(flag)) throw errors.syntax();
    }
    return ctx.db.expireAt(key, atMs) ? 1 : 0;
  },
});

const ttlCommand = (divisor: number) => ({
  arity: 2,
  run: (ctx: CommandContext, [key]: string[]) => {
    const ms = ctx.db.ttlMs(key);
    return ms < 0 ? ms : Math.round(ms / divisor);
  },
});

function deleteKeys(ctx: CommandContext, keys: string[]): number {
  return keys.filter((key) => ctx.db.delete(key)).length;
}

export const keyCommands: CommandTable = {
  del: { arity: -2, run: (ctx, keys) => deleteKeys(ctx, keys) },
  unlink: { arity: -2, run: (ctx, keys) => deleteKeys(ctx, keys) },
  exists: { arity: -2, run: (ctx, keys) => keys.filter((key) => ctx.db.exists(key)).length },
  expire: expireCommand((n, now) => now + n * 1000),
  pexpire: expireCommand((n, now) => now + n),
  expireat: expireCommand((n) => n * 1000),
  pexpireat: expireCommand((n) => n),
  ttl: ttlCommand(1000),
  pttl: ttlCommand(1),
  persist: { arity: 2, run: (ctx, [key]) => (ctx.db.persist(key) ? 1 : 0) },
  type: { arity: 2, run: (ctx, [key]) => new StatusReply(ctx.db.get(key)?.type ?? 'none') },
  keys: {
    arity: 2,
    run: (ctx, [pattern]) => {
      const re = globToRegExp(pattern);
      return ctx.db.keys().filter((key) => re.test(key));
    },
  },
  /** One pass answers everything (cursor 0): the SCAN contract allows it and clients loop until 0. */
  scan: {
    arity: -2,
    run: (ctx, [cursor, ...options]) => {
      parseInteger(cursor);
      let re: RegExp | undefined;
      let type: string | undefined;
      for (let i = 0; i < options.length; i += 2) {
        const option = options[i].toUpperCase();
        const value = options[i + 1];
        if (value === undefined) throw errors.syntax();
        if (option === 'MATCH') re = globToRegExp(value);
        else if (option === 'COUNT') parseInteger(value);
        else if (option === 'TYPE') type = value.toLowerCase();
        else throw errors.syntax();
      }
      if (cursor !== '0') return ['0', []];
      const keys = ctx.db.keys().filter((key) => (!re || re.test(key)) && (!type || ctx.db.get(key)?.type === type));
      return ['0', keys];
    },
  },
  rename: {
    arity: 3,
    run: (ctx, [from, to]) => {
      const value = ctx.db.get(from);
      if (!value) throw new ErrorReply('ERR no such key');
      const ttl = ctx.db.ttlMs(from);
      ctx.db.delete(from);
      ctx.db.delete(to);
      ctx.db.put(to, value);
      if (ttl >= 0) ctx.db.expireAt(to, ctx.now() + ttl);
      return OK;
    },
  },
  dbsize: { arity: 1, run: (ctx) => ctx.db.size() },
  flushall: { arity: -1, run: (ctx) => (ctx.db.flush(), OK) },
  flushdb: { arity: -1, run: (ctx) => (ctx.db.flush(), OK) },
};
