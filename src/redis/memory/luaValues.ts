import { lua, to_luastring, type LuaState } from 'fengari';
import { ErrorReply, StatusReply, type Reply } from './reply';

/**
 * Conversions between Lua values and Redis replies, following Redis's documented rules
 * (https://redis.io/docs/latest/develop/interact/programmability/lua-api/#data-type-conversion),
 * RESP2. A script written against a real Redis sees exactly these values here.
 */
const ERR = to_luastring('err');
const OK_FIELD = to_luastring('ok');

/** fengari's integers are 32-bit; larger whole numbers go in as floats (still exact to 2^53). */
const INT32 = 2 ** 31;

/** Redis → Lua: integer → number, bulk → string, nil → false, array → table, status/error → {ok=}/{err=}. */
export function pushReply(L: LuaState, reply: Reply): void {
  if (reply === null) lua.lua_pushboolean(L, false);
  else if (typeof reply === 'string') lua.lua_pushstring(L, to_luastring(reply));
  else if (typeof reply === 'number') {
    if (Number.isInteger(reply) && reply >= -INT32 && reply < INT32) lua.lua_pushinteger(L, reply);
    else lua.lua_pushnumber(L, reply);
  } else if (reply instanceof StatusReply) pushField(L, OK_FIELD, reply.status);
  else if (reply instanceof ErrorReply) pushField(L, ERR, reply.message);
  else {
    lua.lua_createtable(L, reply.length, 0);
    reply.forEach((item, i) => {
      pushReply(L, item);
      lua.lua_rawseti(L, -2, i + 1);
    });
  }
}

/** A one-field table such as `{err = 'ERR …'}`. */
export function pushField(L: LuaState, field: Uint8Array, value: string): void {
  lua.lua_createtable(L, 0, 1);
  lua.lua_pushstring(L, to_luastring(value));
  lua.lua_setfield(L, -2, field);
}

/** A table's string field, or undefined. Leaves the stack as it was. */
function stringField(L: LuaState, idx: number, field: Uint8Array): string | undefined {
  const type = lua.lua_getfield(L, idx, field);
  const value = type === lua.LUA_TSTRING ? lua.lua_tojsstring(L, -1) : undefined;
  lua.lua_pop(L, 1);
  return value;
}

/**
 * Lua → Redis: number → integer (truncated), string → bulk, true → 1, false/nil → nil, a table with
 * `err` → error, with `ok` → status, otherwise an array up to its first nil.
 */
export function toReply(L: LuaState, index: number): Reply {
  const idx = lua.lua_absindex(L, index);
  const type = lua.lua_type(L, idx);
  if (type === lua.LUA_TSTRING) return lua.lua_tojsstring(L, idx);
  if (type === lua.LUA_TNUMBER) return Math.trunc(lua.lua_tonumber(L, idx));
  if (type === lua.LUA_TBOOLEAN) return lua.lua_toboolean(L, idx) ? 1 : null;
  if (type !== lua.LUA_TTABLE) return null;
  const err = stringField(L, idx, ERR);
  if (err !== undefined) return new ErrorReply(err);
  const ok = stringField(L, idx, OK_FIELD);
  if (ok !== undefined) return new StatusReply(ok);
  const out: Reply[] = [];
  for (let i = 1; lua.lua_rawgeti(L, idx, i) !== lua.LUA_TNIL; i++) {
    out.push(toReply(L, -1));
    lua.lua_pop(L, 1);
  }
  lua.lua_pop(L, 1);
  return out;
}

/**
 * A `redis.call` argument: strings as they are, numbers as Redis formats them (integers without a
 * decimal point, others in shortest form), anything else refused as Redis refuses it.
 */
export function toArgument(L: LuaState, idx: number): string | undefined {
  const type = lua.lua_type(L, idx);
  if (type === lua.LUA_TSTRING) return lua.lua_tojsstring(L, idx);
  if (type === lua.LUA_TNUMBER) return String(lua.lua_tonumber(L, idx));
  return undefined;
}
