import { loadConfig } from '../../src/config';
import { configProblems as problems } from './support/configProblems';

describe('Redis topology settings', () => {
  it('unset: standalone on the local default, not explicit (memory fallback allowed)', () => {
    expect(loadConfig({}).redis).toEqual({ kind: 'standalone', url: 'redis://127.0.0.1:6379', explicit: false });
  });

  it('memory:// is the in-process store', () => {
    expect(loadConfig({ REDIS_URL: 'memory://' }).redis).toEqual({ kind: 'memory' });
  });

  it('reads a cluster node list with password and TLS', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002', REDIS_PASSWORD: 's3cret', REDIS_TLS: 'true' });
    expect(config.redis).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-b', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      password: 's3cret',
      tls: true,
    });
    expect(config.redisUrlExplicit).toBe(true);
    expect(config.redisUrl).not.toContain('s3cret');
  });

  it('reads Sentinels with the primary name and both passwords', () => {
    expect(loadConfig({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'mymaster', REDIS_SENTINEL_PASSWORD: 'a', REDIS_PASSWORD: 'b' }).redis).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'mymaster',
      sentinelPassword: 'a',
      password: 'b',
      tls: false,
    });
  });

  it.each([
    [{ REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'b:7000' }, 'REDIS: set only one of REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS (got REDIS_URL and REDIS_CLUSTER_NODES)'],
    [{ REDIS_CLUSTER_NODES: 'b:7000', REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'm' }, 'REDIS: set only one of REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS (got REDIS_CLUSTER_NODES and REDIS_SENTINELS)'],
    [{ REDIS_SENTINELS: 's:26379' }, 'REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the name the Sentinels monitor, e.g. mymaster)'],
    [{ REDIS_SENTINEL_NAME: 'mymaster' }, 'REDIS_SENTINEL_NAME: set only with REDIS_SENTINELS'],
    [{ REDIS_CLUSTER_NODES: 'b:70000' }, 'REDIS_CLUSTER_NODES: expected host:port[,host:port…], got "b:70000"'],
    [{ REDIS_CLUSTER_NODES: 'redis://b:7000' }, 'REDIS_CLUSTER_NODES: expected host:port[,host:port…], got "redis://b:7000"'],
    [{ REDIS_SENTINELS: ' , ', REDIS_SENTINEL_NAME: 'm' }, 'REDIS_SENTINELS: expected host:port[,host:port…], got ","'],
    [{ REDIS_URL: 'redis://a:6379', REDIS_PASSWORD: 'x' }, "REDIS_PASSWORD: for REDIS_CLUSTER_NODES or REDIS_SENTINELS; put a single server's password in REDIS_URL"],
    [{ REDIS_TLS: 'yes' }, 'REDIS_TLS: for REDIS_CLUSTER_NODES or REDIS_SENTINELS; use a rediss:// REDIS_URL for a single server'],
    [{ REDIS_TLS: 'maybe' }, 'REDIS_TLS: expected true or false, got "maybe"'],
    [{ REDIS_URL: 'redis://:pw@a:6379,b:6379' }, 'REDIS_URL: expected one server\'s URL, got "redis://:***@a:6379,b:6379"; several nodes: REDIS_CLUSTER_NODES (a cluster) or REDIS_SENTINELS'],
    [{ REDIS_URL: 'redis+sentinel://a:26379/mymaster' }, 'REDIS_URL: Sentinel is set with REDIS_SENTINELS=host:port,… and REDIS_SENTINEL_NAME, not a URL (got "redis+sentinel://a:26379/mymaster")'],
  ])('refuses %j with one line', (env, line) => {
    expect(problems(env as Record<string, string>)).toEqual([line]);
  });
});

describe('retention settings', () => {
  it('keeps transcripts 30 days and 500 entries unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.transcriptTtlSeconds).toBe(30 * 86400);
    expect(config.TRANSCRIPT_MAX_ENTRIES).toBe(500);
    expect(loadConfig({ TRANSCRIPT_TTL_DAYS: '7', TRANSCRIPT_MAX_ENTRIES: '50' })).toMatchObject({ transcriptTtlSeconds: 7 * 86400, TRANSCRIPT_MAX_ENTRIES: 50 });
  });

  it('refuses the replaced TRANSCRIPT_TTL_SECONDS instead of ignoring it', () => {
    expect(problems({ TRANSCRIPT_TTL_SECONDS: '15552000' })).toEqual(['TRANSCRIPT_TTL_SECONDS: replaced by TRANSCRIPT_TTL_DAYS (default 30)']);
  });

  it('takes replica acknowledgement on a cluster too (WAIT goes to every master)', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_MIN_REPLICAS_ACK: '1' })).toMatchObject({ REDIS_MIN_REPLICAS_ACK: 1, redis: { kind: 'cluster' } });
  });
});
