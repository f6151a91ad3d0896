/**
 * Customers on the three channels, each behind its channel's own retry behaviour, and what each
 * customer was shown per message (the only thing the fault suite judges by):
 * - Bot Framework: the connector re-POSTs an activity (same id) after a 5xx or a cut connection
 *   (here: every RETRY_MS until answered 200, to whichever process the load balancer picks); the
 *   customer sees what reached the connector stand-in with `replyToId` = the activity's id.
 * - Direct Line: the client posts again with the same `clientActivityID` (Web Chat's retry), and
 *   the customer sees the conversation's activity log: their echo and the replies to it.
 * - WeChat: the same XML (same MsgId) at 0, 5 and 10 s, each attempt given up after 5 s, and
 *   nothing after a 200; the customer sees the passive reply of the attempt WeChat was still
 *   waiting on, plus what the bot pushed through the customer-service API. Three attempts with no
 *   200 are "refused": WeChat tells the customer the account cannot answer now.
 */
import { randomUUID } from 'node:crypto';
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { messageActivity } from '../support/activities';
import { dl, history, openConversation, type ActivityJson } from '../webchat/support/directLineClient';
import { newMsgId, newOpenId, signedQuery, textXml } from '../wechat/support/wechatClient';
import { DIRECTLINE_SECRET, type BotProcess, type FaultWorld } from './faultWorld';

export const CHANNELS = ['botframework', 'directline', 'wechat'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** How long the Bot Framework and Direct Line customers wait between tries, and how long in all. */
const RETRY_MS = 250;
const GIVE_UP_MS = 60_000;
/** Beyond the lock's wait (10 s): a request that hangs longer is cut, as a connector would. */
const REQUEST_TIMEOUT_MS = 15_000;
/** WeChat: "微信服务器在五秒内收不到响应会断掉连接，并且重新发起请求，总共重试三次". */
const WECHAT_SCHEDULE_MS = [0, 5000, 10_000];
const WECHAT_ATTEMPT_MS = 5000;

export type Outcome = number | 'cut';

export interface Attempt {
  bot: string;
  at: number;
  outcome: Outcome;
}

export interface SentMessage {
  channel: ChannelName;
  conversation: string;
  id: string;
  text: string;
  firstSentAt: number;
  attempts: Attempt[];
  /** When a try was first answered 200 (undefined: never). */
  answeredAt?: number;
  /** WeChat: the passive reply WeChat showed (null: "success", the answer comes by push). */
  passive?: string | null;
}

/** Requests in flight per process: the kill fault waits until the process it kills is busy. */
export class Traffic {
  private readonly counts = new Map<string, number>();
  inFlight(bot: string): number {
    return this.counts.get(bot) ?? 0;
  }
  async track<T>(bot: string, work: () => Promise<T>): Promise<T> {
    this.counts.set(bot, this.inFlight(bot) + 1);
    try {
      return await work();
    } finally {
      this.counts.set(bot, this.inFlight(bot) - 1);
    }
  }
}

export interface SendOptions {
  /** Which process the load balancer picks first (alternating per message). */
  preferred: number;
  /** Replay: a duplicate to another process while the first runs, and another after it is answered. */
  duplicates: boolean;
}

export interface Shown {
  answers: Map<string, number>;
  /** Bot Framework: when the connector first took each message's answer (the others cannot tell). */
  firstShownAt?: Map<string, number>;
  other: number;
}

export interface Customer {
  channel: ChannelName;
  conversation: string;
  send(text: string, options: SendOptions): Promise<SentMessage>;
  /** How many times the customer was shown the answer to each message (by message id), and replies not matched to any. */
  shown(messages: SentMessage[]): Promise<Shown>;
}

export interface CustomerDeps {
  world: FaultWorld;
  traffic: Traffic;
  /** WeChat: the first line of the answer to each question, learned in fresh conversations. */
  expected: Map<string, string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const firstLine = (text: string | undefined | null) => (text ?? '').split('\n')[0].trim();

/** One try: the HTTP status, or 'cut' when the connection broke or timed out. */
async function attempt(deps: CustomerDeps, bot: BotProcess, request: (url: string, signal: AbortSignal) => Promise<Response>, timeoutMs: number): Promise<{ outcome: Outcome; body: string }> {
  return deps.traffic.track(bot.name, async () => {
    try {
      const res = await request(bot.server.url, AbortSignal.timeout(timeoutMs));
      return { outcome: res.status, body: await res.text() };
    } catch {
      return { outcome: 'cut', body: '' };
    }
  });
}

/** Bot Framework and Direct Line: try until 200, a new process each time, every RETRY_MS. */
async function untilAnswered(
  deps: CustomerDeps,
  message: SentMessage,
  options: SendOptions,
  request: (url: string, signal: AbortSignal) => Promise<Response>,
): Promise<void> {
  const deadline = message.firstSentAt + GIVE_UP_MS;
  const duplicates: Promise<unknown>[] = [];
  for (let tryNo = 0; Date.now() < deadline; tryNo++) {
    const bot = deps.world.route(options.preferred + tryNo);
    const at = Date.now();
    if (options.duplicates && tryNo === 0) {
      // The channel's duplicate while the first copy runs, on the other process.
      duplicates.push(
        sleep(5).then(async () => {
          const other = deps.world.route(options.preferred + 1);
          const dupAt = Date.now();
          const { outcome } = await attempt(deps, other, request, REQUEST_TIMEOUT_MS);
          message.attempts.push({ bot: other.name, at: dupAt, outcome });
        }),
      );
    }
    const { outcome } = await attempt(deps, bot, request, REQUEST_TIMEOUT_MS);
    message.attempts.push({ bot: bot.name, at, outcome });
    if (outcome === 200) {
      message.answeredAt = Date.now();
      break;
    }
    await sleep(RETRY_MS);
  }
  await Promise.all(duplicates);
  if (options.duplicates && message.answeredAt !== undefined) {
    // And once more after it was answered (a lost 200).
    const bot = deps.world.route(options.preferred);
    const at = Date.now();
    const { outcome } = await attempt(deps, bot, request, REQUEST_TIMEOUT_MS);
    message.attempts.push({ bot: bot.name, at, outcome });
  }
}

function newMessage(channel: ChannelName, conversation: string, id: string, text: string): SentMessage {
  return { channel, conversation, id, text, firstSentAt: Date.now(), attempts: [] };
}

/** How often the most repeated reply text to one message was shown: 1 is once, 2 or more doubled. */
function timesShown(texts: string[]): number {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

function botFrameworkCustomer(deps: CustomerDeps): Customer {
  const conversation = `faults-bf-${randomUUID()}`;
  let n = 0;
  return {
    channel: 'botframework',
    conversation,
    async send(text, options) {
      n += 1;
      const activity = messageActivity(deps.world.connector.url, conversation, text, { id: `${conversation}-m${n}` });
      const message = newMessage('botframework', conversation, activity.id, text);
      const body = JSON.stringify(activity);
      await untilAnswered(deps, message, options, (url, signal) =>
        fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal }),
      );
      return message;
    },
    async shown(messages) {
      const mine = deps.world.connector.received.filter((r) => r.conversationId === conversation);
      const ids = new Set(messages.map((m) => m.id));
      const repliesTo = (m: SentMessage) => mine.filter((r) => r.replyToId === m.id);
      const answers = new Map(messages.map((m) => [m.id, timesShown(repliesTo(m).map((r) => String(r.activity.text)))]));
      const firstShownAt = new Map(messages.flatMap((m) => (repliesTo(m).length > 0 ? [[m.id, Math.min(...repliesTo(m).map((r) => r.at))] as const] : [])));
      return { answers, firstShownAt, other: mine.filter((r) => !ids.has(r.replyToId ?? '')).length };
    },
  };
}

async function directLineCustomer(deps: CustomerDeps): Promise<Customer> {
  const grant = await openConversation(deps.world.route(0).server.url, DIRECTLINE_SECRET);
  const conversation = grant.conversationId;
  return {
    channel: 'directline',
    conversation,
    async send(text, options) {
      const clientActivityID = randomUUID();
      const message = newMessage('directline', conversation, clientActivityID, text);
      const body = JSON.stringify({ type: 'message', text, from: { id: 'customer' }, locale: 'zh-CN', channelData: { clientActivityID } });
      await untilAnswered(deps, message, options, (url, signal) =>
        fetch(`${url}${dl(conversation)}/activities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${grant.token}` },
          body,
          signal,
        }),
      );
      return message;
    },
    async shown(messages) {
      const log = await readLog(deps, grant.token, conversation);
      const answers = new Map<string, number>();
      const matched = new Set<string>();
      for (const m of messages) {
        const echoes = log.filter((a) => a.from.role === 'user' && a.channelData?.clientActivityID === m.id);
        const echoIds = new Set(echoes.map((e) => e.id));
        const replies = log.filter((a) => a.from.role !== 'user' && echoIds.has(String(a.replyToId)));
        [...echoes, ...replies].forEach((a) => matched.add(a.id));
        // The message logged twice is doubled too, even if the bot answered it once.
        answers.set(m.id, Math.max(echoes.length > 1 ? echoes.length : 0, timesShown(replies.map((r) => String(r.text)))));
      }
      // The greeting of the conversation's start is not an answer to anything.
      const other = log.filter((a) => !matched.has(a.id) && a.from.role !== 'user' && a.replyToId !== undefined).length;
      return { answers, other };
    },
  };
}

async function readLog(deps: CustomerDeps, token: string, conversation: string): Promise<ActivityJson[]> {
  for (let tryNo = 0; ; tryNo++) {
    const page = await history(deps.world.route(tryNo).server.url, token, conversation).catch(() => undefined);
    if (page?.status === 200) return page.body.activities;
    if (tryNo > 40) throw new Error(`Direct Line log of ${conversation} unreadable: ${page?.status}`);
    await sleep(RETRY_MS);
  }
}

function wechatCustomer(deps: CustomerDeps): Customer {
  const openId = newOpenId();
  return {
    channel: 'wechat',
    conversation: openId,
    async send(text, options) {
      const msgId = newMsgId();
      const xml = textXml(openId, text, msgId);
      const message = newMessage('wechat', openId, msgId, text);
      const post = (url: string, signal: AbortSignal) =>
        fetch(`${url}/wechat?${signedQuery()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml, signal });
      const tryOnce = async (bot: BotProcess) => {
        const at = Date.now();
        const { outcome, body } = await attempt(deps, bot, post, WECHAT_ATTEMPT_MS);
        message.attempts.push({ bot: bot.name, at, outcome });
        return { outcome, passive: outcome === 200 ? passiveText(body) : undefined };
      };
      if (options.duplicates) {
        // WeChat gave up on the first connection and sent the message again at once, to the
        // other process, while the first copy runs; later once more (the answer came late):
        // WeChat shows only the answer to the copy it still waits on, the last one.
        const first = tryOnce(deps.world.route(options.preferred));
        await sleep(5);
        await Promise.all([first, tryOnce(deps.world.route(options.preferred + 1))]);
        const last = await tryOnce(deps.world.route(options.preferred));
        if (last.outcome === 200) {
          message.answeredAt = Date.now();
          message.passive = last.passive;
        }
        return message;
      }
      for (const [i, offset] of WECHAT_SCHEDULE_MS.entries()) {
        await sleep(Math.max(0, message.firstSentAt + offset - Date.now()));
        const { outcome, passive } = await tryOnce(deps.world.route(options.preferred + i));
        if (outcome === 200) {
          message.answeredAt = Date.now();
          message.passive = passive;
          break;
        }
      }
      return message;
    },
    async shown(messages) {
      const pushes = deps.world.wechatApi.pushed.filter((p) => p.touser === openId).map((p) => firstLine(p.content));
      const answers = new Map<string, number>();
      let matchedPushes = 0;
      let other = 0;
      for (const m of messages) {
        const expected = deps.expected.get(m.text);
        const passive = m.passive ? firstLine(m.passive) : undefined;
        if (passive !== undefined && passive !== expected) other += 1;
        const pushed = pushes.filter((p) => p === expected).length;
        matchedPushes += pushed;
        answers.set(m.id, (passive !== undefined && passive === expected ? 1 : 0) + pushed);
      }
      return { answers, other: other + pushes.length - matchedPushes };
    },
  };
}

/** The text of a passive reply document, or null for "success". */
function passiveText(body: string): string | null {
  if (body === 'success' || body === '') return null;
  return parseWeChatXml(body).Content ?? null;
}

export const CUSTOMER_FACTORIES: Record<ChannelName, (deps: CustomerDeps) => Customer | Promise<Customer>> = {
  botframework: botFrameworkCustomer,
  directline: directLineCustomer,
  wechat: wechatCustomer,
};

