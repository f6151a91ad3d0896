import type { RouteModule } from './routeModule';

/** `role:master` in INFO replication: the node takes writes. */
function roleOf(info: string): string {
  return /^role:(\w+)/m.exec(info)?.[1] ?? 'unknown';
}

/**
 * Liveness says the process runs; readiness says it can keep state (load balancers use it): Redis
 * answers and is a writable primary. After a failover the old primary becomes a replica that
 * refuses writes; a process still connected to it is not ready.
 */
export const healthRoutes: RouteModule = (server, app) => {
  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    try {
      // The in-process store is always its own primary.
      const role = app.storeMode === 'memory' ? 'master' : roleOf(await app.redis.info('replication'));
      if (role !== 'master') {
        res.status(503);
        // No `return res.json(…)`: restify logs a value returned by an async handler as a warning.
        res.json({ status: 'unavailable', reason: `state store is not a writable primary (role: ${role})` });
        return;
      }
      res.json({ status: 'ready', store: app.storeMode });
    } catch (err) {
      res.status(503);
      res.json({ status: 'unavailable', reason: `state store does not answer: ${(err as Error).message}` });
    }
  });
};
