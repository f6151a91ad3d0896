import { createHash, timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '../errors';
import type { RouteModule } from '../http/routeModule';
import { sendError } from '../http/sendError';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares digests, so neither the token's length nor its prefix shows in the timing. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m !== null && timingSafeEqual(digest(m[1]), digest(token));
}

/**
 * `GET /metrics` in Prometheus text format. With METRICS_TOKEN set the scraper must send it as a
 * bearer token (Prometheus: `authorization: { credentials: … }`); without it the figures are open
 * to whoever reaches the port. They carry no customer data, but queue length and agents online
 * are the bank's business: a bot facing the internet sets the token or blocks the path.
 */
export const metricsRoutes: RouteModule = (server, app) => {
  const token = app.config.METRICS_TOKEN;
  server.get('/metrics', async (req, res) => {
    if (token !== '' && !bearerMatches(req.headers.authorization, token)) {
      res.header('WWW-Authenticate', 'Bearer realm="metrics"');
      sendError(res, 401, ErrorCode.Unauthorized, 'GET /metrics needs the METRICS_TOKEN as a bearer token');
      return;
    }
    const body = await app.metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': app.metrics.registry.contentType, 'Cache-Control': 'no-store' });
    res.end(body);
  });
};
