/** The end-to-end flows on one redis-server of the test's own (REDIS_URL), two bot processes. */
import { startRedisProcess, type RedisProcess } from '../support/redisProcess';
import { topologySuite } from './topologySuite';

let redis: RedisProcess | undefined;

topologySuite(
  'standalone',
  async () => {
    redis = await startRedisProcess();
    return { REDIS_URL: redis.url };
  },
  async () => redis?.stop(),
);
