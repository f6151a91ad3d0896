import type { Server } from 'restify';

export const DIRECTLINE_BASE = '/v3/directline';

/**
 * Direct Line is called from browsers on the bank's own pages, so it answers CORS from any origin,
 * as Microsoft's service does. That is safe because it uses no cookies: every call carries its
 * bearer token, which a page of another site cannot read. Preflights end here, before routing.
 */
export function directLineCors(server: Server): void {
  server.pre((req, res, next) => {
    if (!(req.url ?? '').startsWith(DIRECTLINE_BASE)) return next();
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Access-Control-Expose-Headers', 'Retry-After');
    if (req.method !== 'OPTIONS') return next();
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.header('Access-Control-Allow-Headers', String(req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type'));
    res.header('Access-Control-Max-Age', '600');
    res.status(204);
    res.end();
    return next(false);
  });
}
