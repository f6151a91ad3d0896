import type { CommandTable } from '../commandTable';

export const setCommands: CommandTable = {
  sadd: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const set = ctx.db.write(key, 'set');
      return members.filter((member) => !set.has(member) && set.add(member)).length;
    },
  },
  srem: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const set = ctx.db.read(key, 'set');
      if (!set) return 0;
      const removed = members.filter((member) => set.delete(member)).length;
      ctx.db.dropIfEmpty(key);
      return removed;
    },
  },
  smembers: { arity: 2, run: (ctx, [key]) => [...(ctx.db.read(key, 'set') ?? [])] },
  sismember: { arity: 3, run: (ctx, [key, member]) => (ctx.db.read(key, 'set')?.has(member) ? 1 : 0) },
  smismember: {
    arity: -3,
    run: (ctx, [key, ...members]) => {
      const set = ctx.db.read(key, 'set');
      return members.map((member) => (set?.has(member) ? 1 : 0));
    },
  },
  scard: { arity: 2, run: (ctx, [key]) => ctx.db.read(key, 'set')?.size ?? 0 },
};
