/**
 * Which Redis the bot keeps its state in: one server (`REDIS_URL`, or the in-process store with
 * `memory://`), a Redis Cluster (`REDIS_CLUSTER_NODES`) or a primary found through Sentinel
 * (`REDIS_SENTINELS` + `REDIS_SENTINEL_NAME`). Exactly one; a mix is a start-up error, because a
 * bot that silently picked one of two configured stores would split its state.
 */
export interface HostPort {
  host: string;
  port: number;
}

interface Secrets {
  /** `REDIS_PASSWORD`: the data nodes' password (AUTH). */
  password?: string;
  /** `REDIS_TLS=true`: TLS to the data nodes (and to the Sentinels). */
  tls: boolean;
}

export type RedisTopology =
  | { kind: 'memory' }
  | { kind: 'standalone'; url: string; explicit: boolean }
  | ({ kind: 'cluster'; nodes: HostPort[] } & Secrets)
  | ({ kind: 'sentinel'; sentinels: HostPort[]; name: string; sentinelPassword?: string } & Secrets);

export type TopologyKind = RedisTopology['kind'];

/** The raw settings, as the config schema leaves them (trimmed strings; empty = unset). */
export interface TopologySettings {
  REDIS_URL?: string;
  REDIS_CLUSTER_NODES: string;
  REDIS_SENTINELS: string;
  REDIS_SENTINEL_NAME: string;
  REDIS_SENTINEL_PASSWORD: string;
  REDIS_PASSWORD: string;
  REDIS_TLS: boolean;
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$/;

/** `host:port,host:port` (IPv6 as `[::1]:7000`); returns the problem text instead on a bad entry. */
export function parseHostList(name: string, raw: string): HostPort[] | string {
  const entries = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (entries.length === 0) return `${name}: expected host:port[,host:port…], got ${JSON.stringify(raw)}`;
  const out: HostPort[] = [];
  for (const entry of entries) {
    const m = HOST_PORT.exec(entry);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) return `${name}: expected host:port[,host:port…], got ${JSON.stringify(entry)}`;
    out.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
  }
  return out;
}

/** Problems (one line each) or the one topology the settings describe. */
export function resolveTopology(s: TopologySettings): RedisTopology | string[] {
  const url = s.REDIS_URL?.trim() ?? '';
  const chosen = [url && 'REDIS_URL', s.REDIS_CLUSTER_NODES && 'REDIS_CLUSTER_NODES', s.REDIS_SENTINELS && 'REDIS_SENTINELS'].filter(Boolean);
  if (chosen.length > 1) return [`REDIS: set only one of REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS (got ${chosen.join(' and ')})`];
  const secrets: Secrets = { tls: s.REDIS_TLS, ...(s.REDIS_PASSWORD ? { password: s.REDIS_PASSWORD } : {}) };
  if (s.REDIS_SENTINEL_NAME && !s.REDIS_SENTINELS) return ['REDIS_SENTINEL_NAME: set only with REDIS_SENTINELS'];
  if (s.REDIS_SENTINEL_PASSWORD && !s.REDIS_SENTINELS) return ['REDIS_SENTINEL_PASSWORD: set only with REDIS_SENTINELS'];
  if (s.REDIS_CLUSTER_NODES) {
    const nodes = parseHostList('REDIS_CLUSTER_NODES', s.REDIS_CLUSTER_NODES);
    return typeof nodes === 'string' ? [nodes] : { kind: 'cluster', nodes, ...secrets };
  }
  if (s.REDIS_SENTINELS) {
    const sentinels = parseHostList('REDIS_SENTINELS', s.REDIS_SENTINELS);
    const problems = typeof sentinels === 'string' ? [sentinels] : [];
    if (!s.REDIS_SENTINEL_NAME) problems.push('REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the name the Sentinels monitor, e.g. mymaster)');
    if (problems.length > 0 || typeof sentinels === 'string') return problems;
    return {
      kind: 'sentinel',
      sentinels,
      name: s.REDIS_SENTINEL_NAME,
      ...(s.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: s.REDIS_SENTINEL_PASSWORD } : {}),
      ...secrets,
    };
  }
  // The URL carries its own password and scheme (rediss:// = TLS); the two settings would be ignored.
  if (s.REDIS_PASSWORD) return ['REDIS_PASSWORD: for REDIS_CLUSTER_NODES or REDIS_SENTINELS; put a single server\'s password in REDIS_URL'];
  if (s.REDIS_TLS) return ['REDIS_TLS: for REDIS_CLUSTER_NODES or REDIS_SENTINELS; use a rediss:// REDIS_URL for a single server'];
  if (/^memory:(\/\/)?$/i.test(url)) return { kind: 'memory' };
  const value = url || DEFAULT_REDIS_URL;
  if (/^redis\+sentinel:/i.test(value)) return [`REDIS_URL: Sentinel is set with REDIS_SENTINELS=host:port,… and REDIS_SENTINEL_NAME, not a URL (got ${JSON.stringify(s.REDIS_URL)})`];
  // memory:// is the in-process store (src/redis/connectRedis.ts), for a first look and for tests.
  if (!/^rediss?:\/\//i.test(value)) return [`REDIS_URL: expected a redis://, rediss:// or memory:// URL, got ${JSON.stringify(s.REDIS_URL)}`];
  // A host list would otherwise fail only when connecting, as "Invalid URL".
  if (value.includes(',') || !URL.canParse(value)) {
    const shown = value.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@');
    return [`REDIS_URL: expected one server's URL, got ${JSON.stringify(shown)}; several nodes: REDIS_CLUSTER_NODES (a cluster) or REDIS_SENTINELS`];
  }
  return { kind: 'standalone', url: value, explicit: url !== '' };
}

/** For logs: where the state is, with no password. */
export function describeTopology(t: RedisTopology): string {
  const list = (hosts: HostPort[]) => hosts.map((h) => `${h.host}:${h.port}`).join(',');
  if (t.kind === 'memory') return 'memory://';
  if (t.kind === 'standalone') return redactUrl(t.url);
  if (t.kind === 'cluster') return `cluster ${list(t.nodes)}`;
  return `sentinel ${t.name} via ${list(t.sentinels)}`;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparseable)';
  }
}
