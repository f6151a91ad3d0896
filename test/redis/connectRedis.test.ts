/** Which store the bot starts on, and that the in-process one is a working Redis for every subsystem. */
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { connectRedis } from '../../src/redis/connectRedis';
import { freePort } from '../support/redisProcess';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString('utf8')), cb()) }));
  return { lines, logger };
}

describe('connectRedis', () => {
  it('with REDIS_URL unset and nothing answering, runs on the in-process store and says so loudly', async () => {
    const { lines, logger } = capture();
    const url = `redis://127.0.0.1:${await freePort()}`;
    const config = { ...loadConfig({}), redisUrl: url, redis: { kind: 'standalone' as const, url, explicit: false } };
    const connection = await connectRedis(config, logger);
    try {
      expect(connection.mode).toBe('memory');
      expect(lines.join('')).toMatch(/NO REDIS at .*IN-PROCESS MEMORY.*WILL BE LOST on restart.*cannot be shared/);
      await expect(connection.redis.set('k', 'v', 'EX', 60, 'NX')).resolves.toBe('OK');
      await expect(connection.redis.eval("return redis.call('GET', KEYS[1])", 1, 'k')).resolves.toBe('v');
    } finally {
      await connection.close();
    }
  });

  it('REDIS_URL=memory:// asks for the in-process store; its second connection carries pub/sub', async () => {
    const { lines, logger } = capture();
    const connection = await connectRedis(loadConfig({ REDIS_URL: 'memory://' }), logger);
    try {
      expect(connection.mode).toBe('memory');
      expect(lines.join('')).toMatch(/REDIS_URL=memory:\/\/: running on IN-PROCESS MEMORY/);
      const subscriber = connection.duplicate();
      const received = new Promise<string>((resolve) => subscriber.on('message', (_channel: string, message: string) => resolve(message)));
      await subscriber.subscribe('events');
      await connection.redis.publish('events', 'taken');
      await expect(received).resolves.toBe('taken');
    } finally {
      await connection.close();
    }
  });

  it('refuses memory:// spelled as something else', () => {
    expect(() => loadConfig({ REDIS_URL: 'memory://somewhere' })).toThrow(/REDIS_URL: expected a redis:\/\/, rediss:\/\/ or memory:\/\/ URL/);
  });
});

describe('connectRedis on a configured cluster or Sentinel that does not answer', () => {
  it('stops the start with one line naming the cluster', async () => {
    const port = await freePort();
    await expect(connectRedis(loadConfig({ REDIS_CLUSTER_NODES: `127.0.0.1:${port}` }), capture().logger)).rejects.toThrow(
      new RegExp(`^Redis cluster 127\\.0\\.0\\.1:${port} does not answer \\(.*\\); refusing to start without the configured state store$`),
    );
  });

  it('stops the start within seconds when no Sentinel answers, instead of retrying for ever', async () => {
    const port = await freePort();
    await expect(connectRedis(loadConfig({ REDIS_SENTINELS: `127.0.0.1:${port}`, REDIS_SENTINEL_NAME: 'mymaster' }), capture().logger)).rejects.toThrow(
      new RegExp(`^Redis sentinel mymaster via 127\\.0\\.0\\.1:${port} does not answer \\(no answer within 10 s\\); refusing to start`),
    );
  }, 20_000);
});
