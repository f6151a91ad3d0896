import type { Server } from 'restify';
import { BotError, ErrorCode } from '../../errors';
import { clientAddress } from './clientAddress';
import type { Logger } from '../../logger';
import type { DirectLineService } from './directLineService';
import { handleErrors } from './handleErrors';
import type { OriginPolicy } from './originPolicy';
import type { RateLimiter } from './rateLimiter';

export const WIDGET_TOKEN_PATH = '/webchat/token';

/**
 * `POST /webchat/token`: the widget's way to a Direct Line token when the page has no back end of
 * its own to call tokens/generate with the secret. Answers only pages allowed by WEBCHAT_ORIGINS
 * (see originPolicy.ts for why this is safe) and at most `limiter.limit` tokens per client address
 * per window. The answer is the same as tokens/generate's.
 */
export function widgetTokenRoute(
  server: Server,
  deps: { service: DirectLineService; policy: OriginPolicy; limiter: RateLimiter; logger: Logger },
): void {
  const hostsOf = (headers: Record<string, string | string[] | undefined>) =>
    [headers.host, headers['x-forwarded-host']].flatMap((h) => (Array.isArray(h) ? h : h ? h.split(',') : [])).map((h) => h.trim());

  server.opts(WIDGET_TOKEN_PATH, async (req, res) => {
    const origin = req.headers.origin;
    if (deps.policy.allows(origin, hostsOf(req.headers))) {
      res.header('Access-Control-Allow-Origin', String(origin));
      res.header('Vary', 'Origin');
      res.header('Access-Control-Allow-Methods', 'POST');
      res.header('Access-Control-Allow-Headers', 'Content-Type');
    }
    res.status(204);
    res.end();
  });

  server.post(
    WIDGET_TOKEN_PATH,
    handleErrors(deps.logger, async (req, res) => {
      const origin = req.headers.origin;
      if (!deps.policy.enabled) throw new BotError(ErrorCode.Forbidden, 'widget tokens are disabled here (WEBCHAT_ORIGINS=none); ask the site for a token');
      if (!deps.policy.allows(origin, hostsOf(req.headers))) {
        throw new BotError(ErrorCode.Forbidden, `origin ${origin ?? '(none)'} may not get widget tokens; add it to WEBCHAT_ORIGINS`);
      }
      res.header('Access-Control-Allow-Origin', String(origin));
      res.header('Vary', 'Origin');
      res.header('Cache-Control', 'no-store');
      if (!(await deps.limiter.hit(clientAddress(req)))) {
        throw new BotError(ErrorCode.TooManyRequests, 'too many widget tokens from this address; try again in a minute');
      }
      res.json(deps.service.grantNew());
    }),
  );
}
