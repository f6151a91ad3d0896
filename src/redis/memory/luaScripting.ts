import { createHash } from 'node:crypto';
import { lauxlib, lua, lualib, to_luastring, type LuaState } from 'fengari';
import type { ScriptRunner } from './commandTable';
import { installCjson } from './luaCjson';
import { pushField, pushReply, toArgument, toReply } from './luaValues';
import { ErrorReply, type Reply } from './reply';

const str = to_luastring;

/** Runs one command for a script; errors come back as ErrorReply values, never thrown. */
export type ScriptDispatch = (args: string[]) => Reply;

/**
 * EVAL and EVALSHA on one Lua VM (fengari, Lua 5.3), as Redis keeps one VM: each script body is
 * compiled once and cached by its SHA1, KEYS and ARGV are set before each run, and the `redis`
 * table offers call, pcall, error_reply, status_reply, sha1hex, log and setresp. `cjson` is there
 * too. Scripts run synchronously against the same keyspace as every other command, so nothing
 * interleaves with them, which is Redis's atomicity guarantee.
 *
 * Lua 5.1 (Redis) and 5.3 (here) differ in ways our scripts avoid and a new script should too:
 * fengari's integers are 32-bit (big numbers from ARGV arrive as exact floats, so timestamps are
 * fine, but integer arithmetic past 2^31 wraps), and a float prints as `5.0` where 5.1 prints `5`
 * when a script concatenates it into a string (numbers passed to `redis.call` are formatted as
 * Redis formats them either way).
 */
export class LuaScripting implements ScriptRunner {
  private readonly L: LuaState;
  private readonly refs = new Map<string, number>();

  constructor(private readonly dispatch: ScriptDispatch) {
    this.L = this.newState();
  }

  load(body: string): string {
    const sha = createHash('sha1').update(body).digest('hex');
    if (this.refs.has(sha)) return sha;
    const L = this.L;
    if (lauxlib.luaL_loadbuffer(L, str(body), null, str('@user_script')) !== lua.LUA_OK) {
      const message = lua.lua_tojsstring(L, -1);
      lua.lua_settop(L, 0);
      throw new ErrorReply(`ERR Error compiling script (new function): ${message}`);
    }
    this.refs.set(sha, lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX));
    return sha;
  }

  exists(sha: string): boolean {
    return this.refs.has(sha.toLowerCase());
  }

  flush(): void {
    this.refs.clear();
  }

  run(sha: string, keys: string[], args: string[]): Reply {
    const ref = this.refs.get(sha.toLowerCase());
    if (ref === undefined) return new ErrorReply('NOSCRIPT No matching script. Please use EVAL.');
    const L = this.L;
    this.setGlobalArray('KEYS', keys);
    this.setGlobalArray('ARGV', args);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
    try {
      if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) {
        const raised = toReply(L, -1);
        if (raised instanceof ErrorReply) return new ErrorReply(`${raised.message} script: ${sha}`);
        return new ErrorReply(`ERR Error running script (call to f_${sha}): ${String(raised)}`);
      }
      return toReply(L, -1);
    } finally {
      lua.lua_settop(L, 0);
    }
  }

  private setGlobalArray(name: string, values: string[]): void {
    pushReply(this.L, values);
    lua.lua_setglobal(this.L, str(name));
  }

  private newState(): LuaState {
    const L = lauxlib.luaL_newstate();
    lualib.luaL_openlibs(L);
    // Redis's sandbox: no files, processes or modules.
    for (const name of ['io', 'os', 'package', 'require', 'dofile', 'loadfile', 'debug']) {
      lua.lua_pushnil(L);
      lua.lua_setglobal(L, str(name));
    }
    // Lua 5.1's global unpack, which Redis scripts use.
    lua.lua_getglobal(L, str('table'));
    lua.lua_getfield(L, -1, str('unpack'));
    lua.lua_setglobal(L, str('unpack'));
    lua.lua_settop(L, 0);
    this.installRedisTable(L);
    installCjson(L);
    return L;
  }

  private installRedisTable(L: LuaState): void {
    lua.lua_createtable(L, 0, 12);
    const fn = (name: string, body: (L: LuaState) => number) => {
      lua.lua_pushjsfunction(L, body);
      lua.lua_setfield(L, -2, str(name));
    };
    fn('call', (S) => this.redisCall(S, true));
    fn('pcall', (S) => this.redisCall(S, false));
    fn('error_reply', (S) => (pushField(S, str('err'), lua.lua_tojsstring(S, 1)), 1));
    fn('status_reply', (S) => (pushField(S, str('ok'), lua.lua_tojsstring(S, 1)), 1));
    fn('sha1hex', (S) => (lua.lua_pushstring(S, str(createHash('sha1').update(lua.lua_tojsstring(S, 1)).digest('hex'))), 1));
    fn('log', () => 0);
    fn('setresp', () => 0);
    fn('set_repl', () => 0);
    fn('replicate_commands', (S) => (lua.lua_pushboolean(S, true), 1));
    ['LOG_DEBUG', 'LOG_VERBOSE', 'LOG_NOTICE', 'LOG_WARNING', 'REPL_NONE', 'REPL_AOF', 'REPL_REPLICA', 'REPL_SLAVE', 'REPL_ALL'].forEach((name, i) => {
      lua.lua_pushinteger(L, i);
      lua.lua_setfield(L, -2, str(name));
    });
    lua.lua_setglobal(L, str('redis'));
  }

  /** `redis.call` raises a command's error (the script stops); `redis.pcall` returns it as `{err=…}`. */
  private redisCall(L: LuaState, raise: boolean): number {
    const count = lua.lua_gettop(L);
    const args: string[] = [];
    for (let i = 1; i <= count; i++) {
      const arg = toArgument(L, i);
      if (arg === undefined) return this.fail(L, 'ERR Lua redis lib command arguments must be strings or integers', raise);
      args.push(arg);
    }
    if (args.length === 0) return this.fail(L, 'ERR Please specify at least one argument for this redis lib call', raise);
    const reply = this.dispatch(args);
    if (reply instanceof ErrorReply) return this.fail(L, reply.message, raise);
    pushReply(L, reply);
    return 1;
  }

  private fail(L: LuaState, message: string, raise: boolean): number {
    pushField(L, str('err'), message);
    return raise ? lua.lua_error(L) : 1;
  }
}
