/**
 * The WeChat Official Account channel as a Bot Framework adapter. The bot and the runtime see an
 * ordinary `BotAdapter`; this class decides, per reply, whether it can still ride back in the
 * HTTP response (passive reply) or must go through the customer-service API (push).
 */
import {
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { hashId, type Logger } from '../../logger';
import type { ChannelPusher } from '../pushRegistry';
import { PassiveSink } from './passiveSink';
import { renderReplies } from './renderReplies';
import type { WeChatApiClient } from './wechatApiClient';

const PASSIVE_SINK = Symbol('wechatPassiveSink');

export interface WeChatAdapterDeps {
  api: WeChatApiClient;
  logger: Logger;
}

export type TurnLogic = (ctx: TurnContext) => Promise<void>;

/** What a turn produced by the deadline. `late` settles when a turn that missed it finishes. */
export type TurnOutcome =
  | { inTime: true; activities: Array<Partial<Activity>> }
  | { inTime: false; late: Promise<void> };

export class WeChatAdapter extends BotAdapter {
  /** One push chain per customer, so pushed messages arrive in the order the bot sent them. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: WeChatAdapterDeps) {
    super();
  }

  /** The push path registered for channel "wechat" (human agents' messages, late replies). */
  readonly pusher: ChannelPusher = {
    send: (reference, activities) => this.pushActivities(openIdOf(reference), activities),
  };

  async sendActivities(ctx: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const sink = ctx.turnState.get(PASSIVE_SINK) as PassiveSink | undefined;
    if (sink?.accepting) sink.hold(activities);
    else await this.pushActivities(openIdOf(TurnContext.getConversationReference(ctx.activity)), activities);
    return activities.map(() => ({ id: '' }));
  }

  async updateActivity(): Promise<void> {
    throw new Error('WeChatAdapter.updateActivity(): WeChat cannot edit a message already sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('WeChatAdapter.deleteActivity(): WeChat cannot delete a message already sent');
  }

  /** Proactive turn (as for every channel): whatever `logic` sends is pushed. */
  async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Runs a turn; replies sent before `deadline` are handed back, later ones are pushed. */
  async runTurn(activity: Partial<Activity>, logic: TurnLogic, deadline: number): Promise<TurnOutcome> {
    const sink = new PassiveSink();
    const ctx = new TurnContext(this, activity);
    ctx.turnState.set(PASSIVE_SINK, sink);
    const turn = this.runMiddleware(ctx, logic);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), Math.max(0, deadline - Date.now()));
    });
    try {
      if ((await Promise.race([turn.then(() => 'done' as const), expired])) === 'done') {
        return { inTime: true, activities: sink.close() };
      }
    } finally {
      clearTimeout(timer);
    }
    // Anything held but not yet handed back goes out by push, as will all later replies.
    const held = sink.close();
    const openId = openIdOf(TurnContext.getConversationReference(activity));
    const late = turn.then(() => this.pushActivities(openId, held));
    return { inTime: false, late };
  }

  /** Renders activities and pushes them in order. */
  async pushActivities(openId: string, activities: Array<Partial<Activity>>): Promise<void> {
    await this.pushTexts(openId, renderReplies(activities));
  }

  /** Pushes already-rendered texts, after any earlier push to the same customer. */
  pushTexts(openId: string, texts: readonly string[]): Promise<void> {
    if (texts.length === 0) return Promise.resolve();
    const previous = this.chains.get(openId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.sendAll(openId, texts));
    this.chains.set(openId, next);
    this.pending.add(next);
    const cleanup = () => {
      this.pending.delete(next);
      if (this.chains.get(openId) === next) this.chains.delete(openId);
    };
    next.then(cleanup, cleanup);
    return next;
  }

  /** Waits for pushes in flight (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async sendAll(openId: string, texts: readonly string[]): Promise<void> {
    for (const text of texts) await this.deps.api.sendText(openId, text);
    this.deps.logger.info({ channel: 'wechat', conversation: hashId(openId), messages: texts.length }, 'wechat push sent');
  }
}

function openIdOf(reference: Partial<ConversationReference>): string {
  const openId = reference.conversation?.id ?? reference.user?.id;
  if (!openId) throw new Error('WeChatAdapter: conversation reference without an OpenID');
  return openId;
}
