import { LuaScript } from '../redis/luaScript';

/**
 * The state changes that must not interleave between bot processes, each one Lua script (Redis
 * runs a script atomically). This is what makes "two agents take the same customer: exactly one
 * wins" true, and a customer's "cancel" racing an agent's "take".
 *
 * Every key a script touches is in KEYS, and all of them are in the `{handover}` slot
 * (HandoverKeys), so each script runs unchanged on a Redis Cluster.
 */

/**
 * KEYS: conv hash, queue, deadlines. ARGV: member, score, deadline, ttl, reason, field/value pairs…
 * Joining twice keeps the place, but an urgent request (fraud) moves the customer forward.
 */
export const ENQUEUE = new LuaScript(`
local st = redis.call('HGET', KEYS[1], 'state')
if st == 'assigned' then return 'assigned' end
if st == 'queued' then
  local cur = redis.call('ZSCORE', KEYS[2], ARGV[1])
  if cur and tonumber(ARGV[2]) < tonumber(cur) then
    redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
    redis.call('HSET', KEYS[1], 'urgent', '1', 'reason', ARGV[5])
  end
  return 'queued'
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', 'queued', unpack(ARGV, 6))
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 'new'
`);

/** KEYS: conv hash, queue, deadlines. ARGV: member, new state, stateUntil. Only from `queued`. */
export const DEQUEUE = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'stateUntil', ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1
`);

/** KEYS: conv hash, queue, deadlines, agent's assigned set. ARGV: member, agent, now. */
export const TAKE = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'assigned', 'agent', ARGV[2], 'assignedAt', ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
return 1
`);

/** KEYS: conv hash, agent's assigned set. ARGV: member, agent, new state, stateUntil. Owner only. */
export const FINISH = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'assigned' or redis.call('HGET', KEYS[1], 'agent') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'stateUntil', ARGV[4])
redis.call('SREM', KEYS[2], ARGV[1])
return 1
`);

/**
 * KEYS: conv hash, queue, deadlines. ARGV: member, now, stateUntil. Claims one waiting customer
 * past their deadline (the caller lists the due ones first); each is returned to exactly one
 * process, which tells the customer. Every key is declared (a Redis Cluster routes by them), and
 * a member whose deadline moved on (taken and sent back) since it was listed is left alone.
 */
export const CLAIM_EXPIRED = new LuaScript(`
local due = redis.call('ZSCORE', KEYS[3], ARGV[1])
if not due or tonumber(due) > tonumber(ARGV[2]) then return 0 end
redis.call('ZREM', KEYS[3], ARGV[1])
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], 'state', 'ticket', 'stateUntil', ARGV[3])
return 1
`);

/**
 * KEYS: conv hash. ARGV: position, step. Records the position told to the customer and answers 1
 * when it changed enough to be worth a message (into the top 3, or by at least `step` places);
 * atomic so that two processes never tell the same customer twice.
 */
export const TELL_POSITION = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
local told = tonumber(redis.call('HGET', KEYS[1], 'told') or '0')
local pos = tonumber(ARGV[1])
if told > 0 and pos < told and (pos <= 3 or told - pos >= tonumber(ARGV[2])) then
  redis.call('HSET', KEYS[1], 'told', pos)
  return 1
end
return 0
`);

/**
 * KEYS: conv hash, from-agent's assigned set, to-agent's assigned set. ARGV: member, from, to, now.
 * Hands an assigned conversation to another agent; only its owner can, and only while assigned.
 */
export const TRANSFER = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'assigned' or redis.call('HGET', KEYS[1], 'agent') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'agent', ARGV[3], 'assignedAt', ARGV[4])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
`);

/**
 * KEYS: conv hash, from-agent's assigned set, queue, deadlines. ARGV: member, from, score, deadline.
 * Puts an assigned conversation back in the queue (owner only); the score keeps its first place in
 * line, so a customer sent back is not made to wait behind everyone who came later.
 */
export const REQUEUE = new LuaScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'assigned' or redis.call('HGET', KEYS[1], 'agent') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'queued', 'agent', '')
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
return 1
`);
