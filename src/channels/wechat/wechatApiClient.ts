/**
 * Sends messages outside the 5-second passive window through the customer-service message API
 * (客服消息 / Customer service messages, "客服接口-发消息"):
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html
 * `POST /cgi-bin/message/custom/send?access_token=TOKEN` with
 * `{"touser": OPENID, "msgtype": "text", "text": {"content": "..."}}`.
 * WeChat allows it for 48 hours after the customer's last message.
 */
import { z } from 'zod';
import type { AccessTokenCache } from './accessTokenCache';
import { WeChatApiError } from './wechatApiError';
import { withTokenRetry } from './withTokenRetry';

const SEND_TIMEOUT_MS = 5_000;
const answerSchema = z.object({ errcode: z.number().int().default(0), errmsg: z.string().default('') });

export class WeChatApiClient {
  constructor(
    private readonly tokens: AccessTokenCache,
    private readonly apiBase: string,
  ) {}

  /** Sends one text message; on an invalid or expired token refreshes it and retries once. */
  async sendText(openId: string, content: string): Promise<void> {
    const body = JSON.stringify({ touser: openId, msgtype: 'text', text: { content } });
    await withTokenRetry(this.tokens, (token) => this.post('/cgi-bin/message/custom/send', token, body));
  }

  private async post(path: string, token: string, body: string): Promise<void> {
    const url = new URL(`${this.apiBase}${path}`);
    url.searchParams.set('access_token', token);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (!response.ok) throw new WeChatApiError(`WeChatApiClient ${path}`, -response.status, `HTTP ${response.status}`);
    const answer = answerSchema.safeParse(await response.json());
    if (!answer.success) throw new WeChatApiError(`WeChatApiClient ${path}`, -1, 'unexpected answer shape');
    if (answer.data.errcode !== 0) throw new WeChatApiError(`WeChatApiClient ${path}`, answer.data.errcode, answer.data.errmsg);
  }
}
