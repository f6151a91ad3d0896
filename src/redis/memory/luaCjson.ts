import { lua, to_luastring, type LuaState } from 'fengari';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const str = to_luastring;
const MAX_DEPTH = 1000;

/** A Lua value as JSON, by lua-cjson's rules: a table with keys 1..n is an array, else an object. */
function toJson(L: LuaState, index: number, depth: number): Json {
  if (depth > MAX_DEPTH) throw new Error('Cannot serialise, excessive nesting (1001)');
  const idx = lua.lua_absindex(L, index);
  const type = lua.lua_type(L, idx);
  if (type === lua.LUA_TNIL) return null;
  if (type === lua.LUA_TBOOLEAN) return lua.lua_toboolean(L, idx);
  if (type === lua.LUA_TNUMBER) {
    const n = lua.lua_tonumber(L, idx);
    if (!Number.isFinite(n)) throw new Error('Cannot serialise number: must not be NaN or Inf');
    return n;
  }
  if (type === lua.LUA_TSTRING) return lua.lua_tojsstring(L, idx);
  if (type !== lua.LUA_TTABLE) throw new Error(`Cannot serialise ${type}: type not supported`);
  const entries: Array<[string | number, Json]> = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx) !== 0) {
    const key: string | number = lua.lua_type(L, -2) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, -2) : lua.lua_tojsstring(L, -2);
    entries.push([key, toJson(L, -1, depth + 1)]);
    lua.lua_pop(L, 1);
  }
  const isArray =
    entries.length > 0 && entries.every(([k]) => typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= entries.length);
  if (isArray) {
    const out: Json[] = new Array<Json>(entries.length).fill(null);
    for (const [k, v] of entries) out[(k as number) - 1] = v;
    return out;
  }
  return Object.fromEntries(entries.map(([k, v]) => [String(k), v]));
}

function pushJson(L: LuaState, value: Json): void {
  if (value === null) lua.lua_pushnil(L);
  else if (typeof value === 'boolean') lua.lua_pushboolean(L, value);
  else if (typeof value === 'number') lua.lua_pushnumber(L, value);
  else if (typeof value === 'string') lua.lua_pushstring(L, str(value));
  else if (Array.isArray(value)) {
    lua.lua_createtable(L, value.length, 0);
    value.forEach((item, i) => {
      pushJson(L, item);
      lua.lua_rawseti(L, -2, i + 1);
    });
  } else {
    lua.lua_createtable(L, 0, Object.keys(value).length);
    for (const [k, v] of Object.entries(value)) {
      pushJson(L, v);
      lua.lua_setfield(L, -2, str(k));
    }
  }
}

function raise(L: LuaState, message: string): number {
  lua.lua_pushstring(L, str(message));
  return lua.lua_error(L);
}

/** The `cjson` global Redis gives scripts: encode and decode (JSON null decodes to nil). */
export function installCjson(L: LuaState): void {
  lua.lua_createtable(L, 0, 2);
  lua.lua_pushjsfunction(L, (S) => {
    let text: string;
    try {
      text = JSON.stringify(toJson(S, 1, 0));
    } catch (err) {
      return raise(S, (err as Error).message);
    }
    lua.lua_pushstring(S, str(text));
    return 1;
  });
  lua.lua_setfield(L, -2, str('encode'));
  lua.lua_pushjsfunction(L, (S) => {
    let value: Json;
    try {
      value = JSON.parse(lua.lua_tojsstring(S, 1)) as Json;
    } catch (err) {
      return raise(S, `Expected value but found invalid token (${(err as Error).message})`);
    }
    pushJson(S, value);
    return 1;
  });
  lua.lua_setfield(L, -2, str('decode'));
  lua.lua_setglobal(L, str('cjson'));
}
