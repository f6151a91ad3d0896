/**
 * `GET /wechat` (server URL verification) and `POST /wechat` (messages and events), the address
 * entered as 服务器地址(URL) in the Official Account admin console. See docs/wechat.md.
 */
import type { Request, Response } from 'restify';
import type { AppContext } from '../../appContext';
import { AttachmentStore } from '../../attachments/attachmentStore';
import { findBotError } from '../../errors';
import { sendBotError, sendError } from '../../http/sendError';
import type { RouteModule } from '../../http/routeModule';
import { AccessTokenCache } from './accessTokenCache';
import { answerWeChatMessage, type AnswerDeps } from './answerWeChatMessage';
import { decodeBody } from './decodeBody';
import { readBody } from './readBody';
import { encryptedReplyXml, textReplyXml } from './replyXml';
import { WECHAT_CHANNEL_ID } from './toActivity';
import { WeChatAdapter } from './WeChatAdapter';
import { WeChatApiClient } from './wechatApiClient';
import { WeChatDedupe } from './wechatDedupe';
import { WeChatImages } from './wechatImages';
import { WeChatMediaClient } from './wechatMediaClient';
import type { WeChatMessage } from './wechatMessage';
import { badRequest, unauthorized, WeChatRejection } from './wechatRejection';
import { WECHAT_BODY_LIMIT, wechatSettings, type WeChatSettings } from './wechatSettings';
import { verifyQuery, type VerifiedQuery } from './verifyQuery';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The query as a plain object (no restify queryParser is mounted); a repeated name is refused by zod. */
function queryOf(req: Request): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URL(req.url ?? '/', 'http://local').searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : ([] as string[]).concat(seen, value);
  }
  return query;
}

export const wechatRoutes: RouteModule = (server, app) => {
  if (!app.config.WECHAT_TOKEN) {
    app.logger.info('WECHAT_TOKEN is not set: the WeChat channel (/wechat) is off');
    return;
  }
  const settings = wechatSettings(app.config);
  if (!settings.appId || !settings.appSecret) {
    app.logger.warn('WECHAT_APP_ID/WECHAT_APP_SECRET not set: WeChat replies that miss the passive window cannot be pushed');
  }
  const tokens = new AccessTokenCache(app.redis, { prefix: app.config.REDIS_KEY_PREFIX, ...settings });
  const adapter = new WeChatAdapter({ api: new WeChatApiClient(tokens, settings.apiBase), logger: app.logger });
  const images = new WeChatImages({
    media: new WeChatMediaClient(tokens, settings.apiBase),
    store: new AttachmentStore(app.redis, app.config.REDIS_KEY_PREFIX, app.config.transcriptTtlSeconds),
    withPerson: app.withPerson,
    logger: app.logger,
  });
  app.pushers.register(WECHAT_CHANNEL_ID, adapter.pusher);
  app.onClose.push(() => adapter.drain());
  const deps: AnswerDeps = {
    adapter,
    dedupe: new WeChatDedupe(app.redis, app.config.REDIS_KEY_PREFIX),
    logic: app.runtime.handleTurn,
    logger: app.logger,
    // Built now, at start-up, so a broken catalogue stops the start rather than a later notice.
    localizer: app.localizer,
    images,
  };
  // restify 11 accepts two-argument handlers only when they are async functions.
  server.get('/wechat', async (req: Request, res: Response) => verifyUrl(app, settings, req, res));
  server.post('/wechat', async (req: Request, res: Response) => receive(app, settings, deps, req, res));
};

/** URL verification (Access Overview, step 2): echo `echostr` only to a correctly signed request. */
function verifyUrl(app: AppContext, settings: WeChatSettings, req: Request, res: Response): void {
  try {
    const query = verifyQuery(queryOf(req), settings.token, nowSeconds());
    if (!query.echostr) throw badRequest('echostr missing');
    res.sendRaw(200, query.echostr, { 'content-type': 'text/plain; charset=utf-8' });
  } catch (err) {
    fail(app, res, err);
  }
}

async function receive(app: AppContext, settings: WeChatSettings, deps: AnswerDeps, req: Request, res: Response): Promise<void> {
  const deadline = Date.now() + settings.budgetMs;
  try {
    const query = verifyQuery(queryOf(req), settings.token, nowSeconds());
    if (!query.encrypted && !settings.acceptPlaintext) throw unauthorized('unencrypted message while safe mode is configured');
    const message = decodeBody(await readBody(req, WECHAT_BODY_LIMIT), query, settings.safeMode);
    const answer = await answerWeChatMessage(deps, message, deadline);
    if (answer.pushAfter.length > 0) {
      // Pushed only once the passive reply has left, so the customer reads them in order.
      res.once('close', () => {
        deps.adapter.pushTexts(message.FromUserName, answer.pushAfter).catch((err: unknown) => app.logger.error({ err }, 'wechat push failed'));
      });
    }
    if (answer.passive === null) res.sendRaw(200, 'success', { 'content-type': 'text/plain; charset=utf-8' });
    else res.sendRaw(200, replyDocument(settings, query, message, answer.passive), { 'content-type': 'application/xml; charset=utf-8' });
  } catch (err) {
    fail(app, res, err);
  }
}

function replyDocument(settings: WeChatSettings, query: VerifiedQuery, message: WeChatMessage, content: string): string {
  const plain = textReplyXml({ toUser: message.FromUserName, fromUser: message.ToUserName, createTime: nowSeconds(), content });
  // "Replies are encrypted when the request was": safe and compatible mode alike.
  if (!query.encrypted || !settings.safeMode) return plain;
  return encryptedReplyXml(plain, settings.safeMode, String(nowSeconds()), query.nonce);
}

function fail(app: AppContext, res: Response, err: unknown): void {
  if (err instanceof WeChatRejection) {
    app.logger.warn({ channel: 'wechat', status: err.status, reason: err.reason }, 'wechat request rejected');
    return sendError(res, err.status, err.code, err.reason);
  }
  const known = findBotError(err);
  if (known) {
    app.logger.warn({ channel: 'wechat', status: known.status, reason: known.message }, 'wechat turn refused');
    return sendBotError(res, known);
  }
  app.logger.error({ err, channel: 'wechat' }, 'wechat request failed');
  return sendError(res, 500, 'INTERNAL', 'the WeChat message could not be handled; see the server log');
}
