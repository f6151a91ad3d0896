import type { RouteModule } from './routeModule';

/** Liveness says the process runs; readiness says it can keep state (load balancers use it). */
export const healthRoutes: RouteModule = (server, app) => {
  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    try {
      await app.redis.ping();
      res.json({ status: 'ready', store: app.storeMode });
    } catch (err) {
      res.status(503);
      res.json({ status: 'unavailable', reason: `state store does not answer: ${(err as Error).message}` });
    }
  });
};
