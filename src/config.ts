/**
 * The one place that reads `process.env`. Every setting is validated by one zod schema; a bad
 * value stops the process at start with one line per problem naming the variable.
 *
 * Values come from the environment, then from an optional `.env` file in the working directory
 * (the environment wins, as with dotenv). Node's own `util.parseEnv` reads the file so that no
 * other module (notably `natural`'s index, which calls `dotenv.config()`) needs to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { DEFAULT_REDIS_URL, describeTopology, resolveTopology, type RedisTopology } from './redis/redisTopology';

type Env = Record<string, string | undefined>;

const int = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `expected a number from ${min} to ${max}, got ${JSON.stringify(raw)}` });
        return z.NEVER;
      }
      return n;
    })
    .describe(name);

const text = (fallback = '') =>
  z
    .string()
    .optional()
    .transform((raw) => (raw === undefined ? fallback : raw.trim()));

const oneOf = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const hit = values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
      if (!hit) {
        ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(', ')}, got ${JSON.stringify(raw)}` });
        return z.NEVER;
      }
      return hit;
    });

const url = (fallback: string, protocols: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
      try {
        const parsed = new URL(value);
        if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
        return value.replace(/\/+$/, '');
      } catch {
        ctx.addIssue({ code: 'custom', message: `expected a ${protocols.join(' or ')} URL, got ${JSON.stringify(raw)}` });
        return z.NEVER;
      }
    });

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const v = raw.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `expected true or false, got ${JSON.stringify(raw)}` });
      return z.NEVER;
    });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z.object({
  PORT: int('PORT', 0, 65535, 3978),
  HOST: text('0.0.0.0'),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  /** Explicitly set: must answer at start (memory:// = in-process). Unset: try the default, else fall back to memory. */
  REDIS_URL: z.string().optional(),
  /** A Redis Cluster instead: some of its nodes, `host:port,host:port` (src/redis/redisTopology.ts). */
  REDIS_CLUSTER_NODES: text(),
  /** Sentinel instead: the Sentinels, `host:port,…`, and the name of the primary they watch. */
  REDIS_SENTINELS: text(),
  REDIS_SENTINEL_NAME: text(),
  REDIS_SENTINEL_PASSWORD: text(),
  /** Password of the data nodes for cluster and Sentinel (a single server's goes in REDIS_URL). */
  REDIS_PASSWORD: text(),
  REDIS_TLS: bool(false),
  REDIS_KEY_PREFIX: text('bankbot:'),
  STATE_TTL_SECONDS: int('STATE_TTL_SECONDS', 60, 10 * 365 * 86400, 30 * 86400),
  /**
   * Lease of a conversation's lock: the running turn renews it, so this is how soon another process
   * takes over the conversation of a process that died (issue 13: within about 3 s).
   */
  TURN_LOCK_MS: int('TURN_LOCK_MS', 1000, 120000, 3000),
  /**
   * Replicas that must acknowledge a turn's writes (Redis WAIT) before its replies go out; 0 = do
   * not wait. With Sentinel, 1 keeps a failover from discarding turns the bot already answered.
   */
  REDIS_MIN_REPLICAS_ACK: int('REDIS_MIN_REPLICAS_ACK', 0, 16, 0),
  /** How long a turn waits for those acknowledgements before failing with 503 (the channel retries). */
  REDIS_REPLICA_ACK_TIMEOUT_MS: int('REDIS_REPLICA_ACK_TIMEOUT_MS', 10, 60000, 1000),
  /** How long a turn waits for another turn of the same conversation to finish. */
  TURN_LOCK_WAIT_MS: int('TURN_LOCK_WAIT_MS', 100, 120000, 10000),
  /**
   * Reorder window for channels that stamp their messages (Bot Framework): a message waits until it
   * is this old by the channel's clock, so one sent just before it and delivered to another process
   * a moment later runs first. Over the internet messages arrive older than this and wait not at
   * all; 0 runs every turn in arrival order.
   */
  TURN_ORDER_WINDOW_MS: int('TURN_ORDER_WINDOW_MS', 0, 1000, 50),
  MicrosoftAppId: text(),
  MicrosoftAppPassword: text(),
  MicrosoftAppTenantId: text(),
  MicrosoftAppType: oneOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant'),
  NLU_CACHE_DIR: text('.cache/nlu'),
  /** The bank's own data: a folder laid out like intents/ (faq.json, branches.json, replies/, optionally nlu/). */
  BOT_DATA_DIR: text(),
  /** One file or folder each, overriding BOT_DATA_DIR or the repository's intents/. */
  BOT_FAQ_FILE: text(),
  BOT_BRANCHES_FILE: text(),
  BOT_REPLIES_DIR: text(),
  BOT_NLU_DIR: text(),
  BOT_UNDERSTANDING_DIR: text(),
  DIRECTLINE_SECRET: text(),
  DIRECTLINE_TOKEN_TTL_SECONDS: int('DIRECTLINE_TOKEN_TTL_SECONDS', 60, 86400, 1800),
  DIRECTLINE_LOG_MAX: int('DIRECTLINE_LOG_MAX', 10, 10000, 500),
  WEBCHAT_ORIGINS: text('self'),
  WECHAT_TOKEN: text(),
  WECHAT_APP_ID: text(),
  WECHAT_APP_SECRET: text(),
  WECHAT_ENCODING_AES_KEY: text(),
  WECHAT_API_BASE: url('https://api.weixin.qq.com', ['http:', 'https:']),
  WECHAT_REPLY_BUDGET_MS: int('WECHAT_REPLY_BUDGET_MS', 100, 4900, 4500),
  WECHAT_ALLOW_PLAINTEXT: bool(false),
  HANDOVER_HOURS: text('Mon-Fri 09:00-18:00'),
  HANDOVER_HOLIDAYS: text(),
  HANDOVER_WAIT_SECONDS: int('HANDOVER_WAIT_SECONDS', 10, 86400, 300),
  TZ: text('Asia/Shanghai'),
  AGENT_SESSION_TTL_SECONDS: int('AGENT_SESSION_TTL_SECONDS', 60, 7 * 86400, 8 * 3600),
  COOKIE_SECURE: bool(false),
  /**
   * Retention of what a conversation leaves behind besides its state: the masked transcript, agent
   * notes, tickets, uploads and the Direct Line activity log expire this many days after their last
   * write. Every turn adds to the transcript, so this (with the entry caps) bounds Redis memory.
   */
  TRANSCRIPT_TTL_DAYS: int('TRANSCRIPT_TTL_DAYS', 1, 3650, 30),
  /** Newest transcript entries kept per conversation (what an agent and an audit can see). */
  TRANSCRIPT_MAX_ENTRIES: int('TRANSCRIPT_MAX_ENTRIES', 10, 10000, 500),
  /** Set: GET /metrics wants `Authorization: Bearer <token>`. Empty: /metrics is open (block it at the proxy). */
  METRICS_TOKEN: text(),
});

export type Config = z.output<typeof configSchema> & {
  redisUrlExplicit: boolean;
  redisUrl: string;
  redis: RedisTopology;
  /** TRANSCRIPT_TTL_DAYS in seconds. */
  transcriptTtlSeconds: number;
  /**
   * An outgoing HTTP proxy is set (HTTPS_PROXY / HTTP_PROXY, either case): Bot Framework replies
   * then go through Microsoft's ConnectorClient, whose pipeline uses it, not our lean poster.
   */
  outboundProxy: boolean;
};

export { DEFAULT_REDIS_URL };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present) beneath the real environment, which always wins. */
export function readEnv(cwd = process.cwd(), env: Env = process.env): Env {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...env };
}

export function loadConfig(env: Env = readEnv()): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  // Replaced settings are refused rather than ignored, so an old .env cannot keep a longer retention silently.
  if (env.TRANSCRIPT_TTL_SECONDS !== undefined) throw new ConfigError(['TRANSCRIPT_TTL_SECONDS: replaced by TRANSCRIPT_TTL_DAYS (default 30)']);
  const redis = resolveTopology(result.data);
  if (Array.isArray(redis)) throw new ConfigError(redis);
  const redisUrlExplicit = redis.kind !== 'standalone' || redis.explicit;
  const redisUrl = redis.kind === 'standalone' ? redis.url : redis.kind === 'memory' ? 'memory://' : describeTopology(redis);
  const outboundProxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => (env[name] ?? '').trim() !== '');
  return { ...result.data, redisUrlExplicit, redisUrl, redis, transcriptTtlSeconds: result.data.TRANSCRIPT_TTL_DAYS * 86400, outboundProxy };
}
