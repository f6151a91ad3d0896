import type { Keyspace } from './keyspace';
import type { Reply } from './reply';

/** What a command may touch besides its arguments. */
export interface CommandContext {
  db: Keyspace;
  now(): number;
  /** Delivers a message to subscribers; answers how many got it. */
  publish(channel: string, message: string, sharded: boolean): number;
  /** Runs a cached or given Lua script (EVAL, EVALSHA, SCRIPT …). */
  scripts: ScriptRunner;
}

export interface ScriptRunner {
  load(body: string): string;
  exists(sha: string): boolean;
  flush(): void;
  run(sha: string, keys: string[], args: string[]): Reply;
}

/**
 * One command. `arity` follows Redis's COMMAND INFO convention: the argument count including the
 * command name, negative for "at least". `run` gets the arguments after the name and answers
 * synchronously: nothing else runs in between, which is what makes every command (and every
 * script, whose `redis.call`s come back here) atomic, as on a real Redis.
 */
export interface CommandSpec {
  arity: number;
  /** False for commands a script may not call (blocking, pub/sub subscription, MULTI…). */
  scriptable?: boolean;
  run(ctx: CommandContext, args: string[]): Reply;
}

export type CommandTable = Record<string, CommandSpec>;
