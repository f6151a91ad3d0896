/**
 * One inbound WeChat message, from validated fields to the text of the passive reply (or null for
 * "success"). Passive reply within the budget, the rest pushed: WeChat drops a reply that takes
 * more than 5 seconds and shows the customer an error, so "假如服务器无法保证在五秒内处理并回复…
 * 可以使用客服消息接口进行异步回复" (Passive user reply message:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html).
 */
import type { Activity } from 'botbuilder';
import { BotError, ErrorCode } from '../../errors';
import type { Localizer } from '../../i18n/localizer';
import { hashId, type Logger } from '../../logger';
import { renderReplies } from './renderReplies';
import { toActivity, type Inbound } from './toActivity';
import { badRequest } from './wechatRejection';
import type { TurnLogic, WeChatAdapter } from './WeChatAdapter';
import type { WeChatDedupe } from './wechatDedupe';
import type { WeChatImages } from './wechatImages';
import { dedupeKeyOf, type WeChatMessage } from './wechatMessage';
import { noticeText, WeChatNotice } from './wechatNotices';

export interface AnswerDeps {
  adapter: WeChatAdapter;
  dedupe: WeChatDedupe;
  logic: TurnLogic;
  logger: Logger;
  /** Speaks the notices the adapter gives without a bot turn (wechatNotices.ts). */
  localizer: Localizer;
  /** Turns a picture into an attachment for the customer's agent, or the text-only notice. */
  images: WeChatImages;
}

export interface Answer {
  /** The passive reply's text; null answers "success". */
  passive: string | null;
  /** Texts to push once the HTTP response has gone out (so they follow the passive reply). */
  pushAfter: string[];
}

const NOTHING: Answer = { passive: null, pushAfter: [] };

export async function answerWeChatMessage(deps: AnswerDeps, message: WeChatMessage, deadline: number): Promise<Answer> {
  const inbound = toActivity(message);
  const log = { channel: 'wechat', conversation: hashId(message.FromUserName), msgType: message.MsgType };
  if (inbound.kind === 'invalid') throw badRequest(inbound.reason);
  if (inbound.kind === 'ignore') {
    deps.logger.info({ ...log, reason: inbound.reason }, 'wechat message ignored');
    return NOTHING;
  }
  const key = dedupeKeyOf(message);
  for (;;) {
    const claim = await deps.dedupe.claim(key);
    if (claim.owner) return answerOwned(deps, key, claim.token, inbound, deadline);
    const record = claim.record?.state === 'done' ? claim.record : await deps.dedupe.waitForReply(key, deadline);
    if (record?.state === 'done') {
      deps.logger.info({ ...log, replayed: true }, 'wechat retry of a message already answered');
      return { passive: record.reply, pushAfter: [] };
    }
    // The first copy gave its claim up (its turn failed, or its process died and the lease ran
    // out): this copy runs the turn, if there is still time to answer.
    if (record === undefined && Date.now() < deadline) continue;
    // Still running elsewhere: "success" would tell WeChat to stop retrying, and the message would
    // be lost if that process then died. A 503 lets WeChat retry once more.
    deps.logger.info(log, 'wechat retry of a message still being answered');
    throw new BotError(ErrorCode.TurnBusy, 'WeChat: this message is still being answered by an earlier copy; retry');
  }
}

async function answerOwned(
  deps: AnswerDeps,
  key: string,
  token: string,
  owned: Extract<Inbound, { kind: 'notice' | 'turn' | 'image' }>,
  deadline: number,
): Promise<Answer> {
  // Resolved only by the copy that owns the message, so a retry never fetches the picture twice.
  const inbound = owned.kind === 'image' ? await deps.images.resolve(owned) : owned;
  if (inbound.kind === 'notice') {
    const text = noticeText(deps.localizer, inbound.notice);
    await deps.dedupe.finish(key, text);
    return { passive: text, pushAfter: [] };
  }
  return runBotTurn(deps, key, token, inbound.activity, deadline);
}

async function runBotTurn(deps: AnswerDeps, key: string, token: string, activity: Partial<Activity>, deadline: number): Promise<Answer> {
  const openId = activity.conversation?.id ?? '';
  const running = deps.adapter.runTurn(activity, deps.logic, deadline);
  deps.dedupe.holdWhile(key, token, running.then((outcome) => (outcome.inTime ? undefined : outcome.late)));
  let outcome;
  try {
    outcome = await running;
  } catch (err) {
    // Nothing reached the customer: let WeChat's retry run the turn again.
    await deps.dedupe.release(key, token);
    throw err;
  }
  if (!outcome.inTime) {
    // The claim stays "running" (and renewed) until the late turn ends, so a retry meanwhile
    // neither runs it twice nor is told "success" for a turn that may still die with its process.
    outcome.late.then(
      () => deps.dedupe.finish(key, null),
      async (err: unknown) => {
        await deps.dedupe.release(key, token);
        lateTurnFailed(deps, openId, err);
      },
    ).catch((err: unknown) => deps.logger.error({ err, channel: 'wechat' }, 'wechat dedupe record not updated after a late turn'));
    return NOTHING;
  }
  const messages = renderReplies(outcome.activities);
  const passive = messages[0] ?? null;
  await deps.dedupe.finish(key, passive);
  return { passive, pushAfter: messages.slice(1) };
}

/** A turn that missed the passive window and then failed: the customer would hear nothing. */
function lateTurnFailed(deps: AnswerDeps, openId: string, err: unknown): void {
  deps.logger.error({ err, channel: 'wechat', conversation: hashId(openId) }, 'wechat turn failed after the passive window');
  deps.adapter.pushTexts(openId, [noticeText(deps.localizer, WeChatNotice.Busy)]).catch((pushErr: unknown) => {
    deps.logger.error({ err: pushErr, conversation: hashId(openId) }, 'wechat busy notice could not be pushed');
  });
}
