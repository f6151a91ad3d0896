import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import { BotError, ErrorCode } from '../../errors';
import type { ActivityLog, ActivityPage } from './activityLog';
import type { Caller } from './directLineAuth';
import { BOT_ACCOUNT, DIRECTLINE_CHANNEL_ID, newConversationId, newUserId } from './directLineIds';
import type { PostedActivity } from './postedActivitySchema';
import type { RateLimiter } from './rateLimiter';
import type { TokenService } from './tokenService';
import type { WebChatAdapter } from './webChatAdapter';

/** The Conversation object of the Direct Line 3.0 API reference (no streamUrl: we serve polling only). */
export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** When the caller gave no user id (the secret without one): a per-conversation anonymous user. */
const ANONYMOUS = 'anonymous';

/**
 * What the Direct Line routes do, without HTTP: mint tokens, start conversations (with the
 * conversationUpdate turn that makes the bot greet), accept a client's activity (log it, run the
 * turn) and read the log. Errors are BotErrors carrying the HTTP status to answer.
 */
export class DirectLineService {
  constructor(
    private readonly deps: {
      log: ActivityLog;
      tokens: TokenService;
      limiter: RateLimiter;
      adapter: WebChatAdapter;
      /** Told of a customer's typing activity (the agent console shows it). */
      onTyping?: (conversationId: string) => void;
    },
  ) {}

  /** A token for a conversation that does not exist yet (tokens/generate and the widget's endpoint). */
  grantNew(userId?: string): ConversationGrant {
    const conversationId = newConversationId();
    return { conversationId, ...this.deps.tokens.issue(conversationId, userId ?? newUserId()) };
  }

  /** POST /v3/directline/tokens/refresh: same conversation and user, a fresh expiry. */
  refresh(caller: Caller): ConversationGrant {
    if (caller.kind !== 'token') throw new BotError(ErrorCode.BadRequest, 'tokens/refresh takes a token, not the secret');
    return { conversationId: caller.claims.conv, ...this.deps.tokens.issue(caller.claims.conv, caller.claims.user) };
  }

  /**
   * POST /v3/directline/conversations. Idempotent for a token: starting its conversation again (a
   * reloaded page) returns it without a second greeting. `created` tells the route 201 from 200.
   */
  async start(caller: Caller, locale?: string): Promise<ConversationGrant & { created: boolean }> {
    const conversationId = caller.kind === 'token' ? caller.claims.conv : newConversationId();
    const userId = caller.kind === 'token' ? (caller.claims.user ?? ANONYMOUS) : newUserId();
    const grant = { conversationId, ...this.deps.tokens.issue(conversationId, userId) };
    const created = await this.deps.log.start(conversationId);
    if (!created) return { ...grant, created };
    try {
      // Direct Line tells the bot who joined with a conversationUpdate, so the bot can greet first.
      await this.deps.adapter.receive({
        ...this.envelope(conversationId, userId),
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ ...BOT_ACCOUNT }, { id: userId, name: '', role: 'user' }],
        ...(locale ? { locale } : {}),
      });
    } catch (err) {
      // Leave no half-started conversation: the client's retry starts it afresh, greeting included.
      await this.deps.log.discard(conversationId).catch(() => undefined);
      throw err;
    }
    return { ...grant, created };
  }

  /** GET /v3/directline/conversations/{id}: Direct Line's "reconnect", here a fresh token. */
  async reconnect(caller: Caller, conversationId: string): Promise<ConversationGrant> {
    if (!(await this.deps.log.exists(conversationId))) throw notFound(conversationId);
    const user = caller.kind === 'token' ? caller.claims.user : undefined;
    return { conversationId, ...this.deps.tokens.issue(conversationId, user) };
  }

  /**
   * POST …/activities: run the turn; the client's activity is logged with the turn's replies
   * (clients see their own echo). The turn is keyed by the client's `channelData.clientActivityID`
   * (Web Chat and our widget send one), so a retry of a post is answered once.
   */
  /** `attachments`: files the upload route stored (clients cannot post attachments themselves). */
  async post(caller: Caller, conversationId: string, posted: PostedActivity, attachments?: Attachment[]): Promise<{ id: string }> {
    // Both in one batch: the log's existence is checked before a turn runs for a conversation
    // that has none.
    const [allowed, exists] = await Promise.all([this.deps.limiter.hit(conversationId), this.deps.log.exists(conversationId)]);
    if (!allowed) {
      throw new BotError(
        ErrorCode.TooManyRequests,
        `more than ${this.deps.limiter.limit} activities in ${this.deps.limiter.windowMs} ms for this conversation; slow down`,
      );
    }
    const boundUser = caller.kind === 'token' ? caller.claims.user : undefined;
    const userId = boundUser ?? posted.from?.id;
    if (!userId) throw new BotError(ErrorCode.BadRequest, 'from.id: required when the token names no user');
    // Typing from the customer is not kept or sent to the bot: it would only cost a locked turn.
    if (posted.type === ActivityTypes.Typing) {
      this.deps.onTyping?.(conversationId);
      return { id: '' };
    }
    const { from, ...rest } = posted;
    if (!exists) throw notFound(conversationId);
    const clientId = posted.channelData?.clientActivityID;
    const turnKey = typeof clientId === 'string' && clientId !== '' ? `c:${clientId}` : `s:${randomUUID()}`;
    const activity: Partial<Activity> = {
      ...rest,
      ...(attachments ? { attachments } : {}),
      ...this.envelope(conversationId, userId, from?.name),
      id: `${conversationId}|${turnKey}`,
      timestamp: new Date(),
    };
    return { id: await this.deps.adapter.receiveFromClient(activity, turnKey) };
  }

  async read(conversationId: string, watermark: number): Promise<ActivityPage> {
    const page = await this.deps.log.read(conversationId, watermark);
    if (!page) throw notFound(conversationId);
    return page;
  }

  private envelope(conversationId: string, userId: string, userName?: string): Partial<Activity> {
    return {
      channelId: DIRECTLINE_CHANNEL_ID,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId, name: userName ?? '', role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      serviceUrl: '',
    };
  }
}

function notFound(conversationId: string): BotError {
  return new BotError(ErrorCode.NotFound, `conversation ${conversationId} does not exist (never started, or expired)`);
}
