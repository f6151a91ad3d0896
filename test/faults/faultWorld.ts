/**
 * Everything a fault run needs, all real: a redis-server of its own with the append-only file on
 * (in a temporary folder), two bot processes (`node --import tsx src/index.ts`) on it, the Bot
 * Framework connector stand-in and the WeChat API stand-in. Processes can be killed with SIGKILL
 * and replaced; Redis can be killed and started again on the same port and folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { startRedisProcess, type RedisProcess } from '../support/redisProcess';
import { ROOT, spawnServer, type ChildServer } from '../support/testServer';
import { startWeChatApiStandIn, type WeChatApiStandIn } from '../wechat/support/wechatApiStandIn';
import { TEST_WECHAT, wechatEnv } from '../wechat/support/wechatClient';

export const DIRECTLINE_SECRET = 'fault-suite-directline-secret-0123456789';

/** One bot process as the load balancer sees it. */
export interface BotProcess {
  name: string;
  server: ChildServer;
  alive: boolean;
}

export interface FaultWorld {
  redis: RedisProcess;
  /** The bots' REDIS_KEY_PREFIX. */
  prefix: string;
  connector: ConnectorStandIn;
  wechatApi: WeChatApiStandIn;
  /** The processes in service (a killed one leaves the list; its replacement joins it). */
  bots: BotProcess[];
  /** The process for a request: the `preferred`-th one in service, so consecutive messages alternate. */
  route(preferred: number): BotProcess;
  /** SIGKILL: no drain, no lock release, no renewal; requests in flight are cut. */
  kill(bot: BotProcess): Promise<void>;
  /** Starts a new process in place of a killed one. */
  replace(bot: BotProcess): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultWorld(options: { lockMs?: number } = {}): Promise<FaultWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'bankbot-faults-aof-'));
  const redis = await startRedisProcess({ appendOnlyDir: dir });
  const connector = await startConnectorStandIn();
  const wechatApi = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  const prefix = `faults:${process.pid}:`;
  const env = {
    ...wechatEnv(wechatApi.url),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: prefix,
    DIRECTLINE_SECRET,
    NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu'),
    TURN_LOCK_MS: String(options.lockMs ?? 3000),
    // Quiet: only the "listening" line (info) is needed; turns would flood the pipe.
    LOG_LEVEL: 'info',
  };
  let started = 0;
  const spawn = async (): Promise<BotProcess> => {
    started += 1;
    const name = `bot${started}`;
    return { name, server: await spawnServer(env, { startMs: 120_000 }), alive: true };
  };
  const bots = await Promise.all([spawn(), spawn()]);
  const world: FaultWorld = {
    redis,
    prefix,
    connector,
    wechatApi,
    bots,
    route(preferred) {
      const inService = bots.filter((b) => b.alive);
      if (inService.length === 0) throw new Error('fault world: no bot process in service');
      return inService[preferred % inService.length];
    },
    async kill(bot) {
      bot.alive = false;
      await bot.server.stop('SIGKILL');
    },
    async replace(bot) {
      const index = bots.indexOf(bot);
      const fresh = await spawn();
      if (index >= 0) bots[index] = fresh;
      else bots.push(fresh);
    },
    async close() {
      await Promise.all(bots.map((b) => b.server.stop('SIGKILL')));
      await Promise.all([connector.close(), wechatApi.close()]);
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}
