import type { CommandContext, CommandTable } from '../commandTable';
import { ErrorReply, errors, OK, parseInteger, StatusReply } from '../reply';

function evalArgs(name: string, [numKeys, ...rest]: string[]): [string[], string[]] {
  const n = parseInteger(numKeys);
  if (n < 0) throw new ErrorReply("ERR Number of keys can't be negative");
  if (n > rest.length) throw new ErrorReply(`ERR Number of keys can't be greater than number of args (${name})`);
  return [rest.slice(0, n), rest.slice(n)];
}

const evalBody = (ctx: CommandContext, [body, ...rest]: string[]) => ctx.scripts.run(ctx.scripts.load(body), ...evalArgs('eval', rest));
const evalSha = (ctx: CommandContext, [sha, ...rest]: string[]) => ctx.scripts.run(sha, ...evalArgs('evalsha', rest));

/** ioredis reads `loading:0` from INFO before it reports the connection ready. */
const INFO = ['# Server', 'redis_version:7.2.0', 'redis_mode:standalone', 'bankbot_memory_store:1', '# Persistence', 'loading:0', '# Replication', 'role:master', 'connected_slaves:0', ''].join('\r\n');

export const serverCommands: CommandTable = {
  echo: { arity: 2, run: (_ctx, [message]) => message },
  time: {
    arity: 1,
    run: (ctx) => {
      const ms = ctx.now();
      return [String(Math.floor(ms / 1000)), String((ms % 1000) * 1000)];
    },
  },
  info: { arity: -1, run: () => INFO },
  /** One process, no replicas: every write is as durable as it will get, and no replica acknowledged. */
  wait: { arity: 3, run: () => 0 },
  publish: { arity: 3, run: (ctx, [channel, message]) => ctx.publish(channel, message, false) },
  spublish: { arity: 3, run: (ctx, [channel, message]) => ctx.publish(channel, message, true) },
  eval: { arity: -3, scriptable: false, run: evalBody },
  eval_ro: { arity: -3, scriptable: false, run: evalBody },
  evalsha: { arity: -3, scriptable: false, run: evalSha },
  evalsha_ro: { arity: -3, scriptable: false, run: evalSha },
  script: {
    arity: -2,
    scriptable: false,
    run: (ctx, [sub, ...args]) => {
      const verb = sub.toUpperCase();
      if (verb === 'LOAD' && args.length === 1) return ctx.scripts.load(args[0]);
      if (verb === 'EXISTS' && args.length > 0) return args.map((sha) => (ctx.scripts.exists(sha) ? 1 : 0));
      if (verb === 'FLUSH') return (ctx.scripts.flush(), OK);
      throw errors.syntax();
    },
  },
  config: {
    arity: -2,
    run: (_ctx, [sub]) => {
      if (sub.toUpperCase() === 'GET') return [];
      if (sub.toUpperCase() === 'SET') return OK;
      throw errors.syntax();
    },
  },
  role: { arity: 1, run: () => ['master', 0, []] },
  lastsave: { arity: 1, run: (ctx) => Math.floor(ctx.now() / 1000) },
  readwrite: { arity: 1, run: () => new StatusReply('OK') },
};
