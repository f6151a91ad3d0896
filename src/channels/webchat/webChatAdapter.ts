import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { BotError, ErrorCode } from '../../errors';
import { RELATIVE_REPLY, type ActivityLog } from './activityLog';
import { BOT_ACCOUNT, DIRECTLINE_CHANNEL_ID } from './directLineIds';
import { withTextFormat } from './textFormat';

/** Activities a Direct Line client never sees: emulator traces, delays ('delay', no ActivityTypes constant), invoke plumbing. */
const NOT_FOR_CLIENTS = new Set<string>([ActivityTypes.Trace, 'delay', ActivityTypes.InvokeResponse]);

export type TurnHandler = (ctx: TurnContext) => Promise<void>;

/** The customer's message of a turn, appended to the log together with the turn's first replies. */
const ECHO = Symbol('directLineEcho');

interface PendingEcho {
  activity: Partial<Activity>;
  /** Makes the turn's append idempotent (ActivityLog.append). */
  turnKey: string;
  /** Set once appended: the id the client gets for its activity. */
  id?: string;
}

/**
 * The web channel's BotAdapter: a posted activity becomes a turn of the one bot (through the
 * shared runtime's handler), and whatever the bot sends is appended to the conversation's
 * activity log, where Direct Line clients poll for it. There is no connector to call back: the
 * log *is* the channel, which is also how replies from human agents arrive later (see `push`).
 */
export class WebChatAdapter extends BotAdapter {
  constructor(
    private readonly log: ActivityLog,
    private readonly handleTurn: TurnHandler,
  ) {
    super();
  }

  /** Runs one turn for an activity already validated and stamped (the bot's own conversationUpdate). */
  async receive(activity: Partial<Activity>): Promise<void> {
    const ctx = new TurnContext(this, activity);
    await this.runMiddleware(ctx, this.handleTurn);
  }

  /**
   * Runs the turn of a customer's activity and returns the id it got in the log. The activity is
   * logged only with the turn's replies, once the turn's state is saved: a message whose turn
   * failed (503, the client retries) leaves nothing in the log, and a retry of a saved turn
   * (`turnKey` is the same) appends nothing twice.
   */
  async receiveFromClient(activity: Partial<Activity>, turnKey: string): Promise<string> {
    const ctx = new TurnContext(this, activity);
    const echo: PendingEcho = { activity, turnKey };
    ctx.turnState.set(ECHO, echo);
    await this.runMiddleware(ctx, this.handleTurn);
    // The turn sent nothing (a human agent has the conversation, or the bot stayed silent).
    if (echo.id === undefined) await this.push(activity.conversation?.id ?? '', [], echo);
    return echo.id ?? '';
  }

  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = ctx.activity.conversation?.id ?? '';
    const visible = activities.filter((a) => !NOT_FOR_CLIENTS.has(a.type ?? ''));
    const echo = ctx.turnState.get(ECHO) as PendingEcho | undefined;
    const ids = await this.push(conversationId, visible, echo?.id === undefined ? echo : undefined);
    // botbuilder expects one response per activity passed in, hidden ones included.
    let next = 0;
    return activities.map((a) => ({ id: NOT_FOR_CLIENTS.has(a.type ?? '') ? '' : ids[next++] }));
  }

  /**
   * Appends bot (or human agent) activities to a conversation's log; the push path of this channel.
   * With `echo`, the customer's activity goes first, in the same idempotent append.
   */
  async push(conversationId: string, activities: Partial<Activity>[], echo?: PendingEcho): Promise<string[]> {
    const timestamp = new Date();
    const stamped = activities.map(withTextFormat).map((a) => ({
      ...a,
      type: a.type ?? ActivityTypes.Message,
      channelId: DIRECTLINE_CHANNEL_ID,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: a.from?.id ? { ...a.from, role: a.from.role ?? 'bot' } : { ...BOT_ACCOUNT },
      timestamp,
      serviceUrl: undefined,
    }));
    // A reply to the echo refers to it by position ("^k": k entries earlier), as its log id is
    // only known once appended; ActivityLog.read resolves it.
    const all = echo
      ? [echo.activity, ...stamped.map((a, i) => (a.replyToId === echo.activity.id ? { ...a, replyToId: `${RELATIVE_REPLY}${i + 1}` } : a))]
      : stamped;
    const ids = await this.log.append(conversationId, all, echo?.turnKey);
    if (!ids) throw new BotError(ErrorCode.NotFound, `WebChatAdapter.push(): conversation ${conversationId} has no activity log (never started or expired)`);
    if (!echo) return ids;
    echo.id = ids[0];
    return ids.slice(1);
  }

  updateActivity(): Promise<void> {
    // Direct Line clients read an append-only log; an edit would never reach them.
    return Promise.reject(new Error('WebChatAdapter.updateActivity(): not supported by Direct Line polling; send a new activity'));
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('WebChatAdapter.deleteActivity(): not supported by Direct Line polling'));
  }

  /** A proactive turn (botbuilder's contract); its replies go to the log like any other. */
  async continueConversation(reference: Partial<ConversationReference>, logic: TurnHandler): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
