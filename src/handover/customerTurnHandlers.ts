import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { AgentSessions } from './agentSessions';
import type { Assignments } from './assignments';
import type { HandoverEvents } from './handoverEvents';
import { toHandle } from './handoverKeys';
import type { HandoverQueue } from './handoverQueue';
import { recordLocale, type HandoverRecord, type HandoverState } from './handoverRecord';
import type { HandoverService } from './handoverService';
import { CustomerWords } from './customerWords';
import type { HandoverParams, HandoverTextId, HandoverTexts } from './handoverTexts';
import type { RatingStore } from './ratingStore';
import { parseRating } from './ratingStore';
import type { TicketStore } from './ticketStore';
import type { TranscriptEntry } from './transcriptStore';

export interface TurnHandlerDeps {
  queue: HandoverQueue;
  assignments: Assignments;
  sessions: AgentSessions;
  service: HandoverService;
  tickets: TicketStore;
  ratings: RatingStore;
  events: HandoverEvents;
  logger: Logger;
  clock: () => number;
  offerMs: number;
  texts: HandoverTexts;
}

export interface CustomerTurn {
  ctx: TurnContext;
  record: HandoverRecord;
  text: string;
  /** The customer's message as stored (masked), for the agent's live view. */
  entry: TranscriptEntry;
  next: () => Promise<void>;
}

/** One handler per handover state; the middleware looks the state up here instead of switching. */
export type CustomerTurnHandler = (turn: CustomerTurn, deps: TurnHandlerDeps) => Promise<void>;

const reply = (turn: CustomerTurn, deps: TurnHandlerDeps, id: HandoverTextId, params: HandoverParams = {}) =>
  turn.ctx.sendActivity(deps.texts.text(id, recordLocale(turn.record), params)).then(() => undefined);

/** A phone number (7+ digits, optionally grouped) or an e-mail address in what the customer wrote. */
export function findContact(text: string): string | undefined {
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(text);
  const phone = /\+?\d[\d\s-]{5,}\d/.exec(text.normalize('NFKC'));
  return email?.[0] ?? phone?.[0].replace(/[\s-]/g, '');
}

const customerWords = new WeakMap<HandoverTexts, CustomerWords>();

function wordsOf(deps: TurnHandlerDeps): CustomerWords {
  let words = customerWords.get(deps.texts);
  if (!words) {
    words = new CustomerWords(deps.texts);
    customerWords.set(deps.texts, words);
  }
  return words;
}

async function whileQueued(turn: CustomerTurn, deps: TurnHandlerDeps): Promise<void> {
  const { member } = turn.record;
  if (wordsOf(deps).isCancel(turn.text)) {
    if (await deps.queue.leave(member, 'bot', 0)) {
      await reply(turn, deps, 'left');
      void deps.service.queueMoved().catch((err) => deps.logger.warn({ err }, 'handover: position updates failed'));
    }
    return;
  }
  await deps.events.publish({ type: 'message', handle: toHandle(member), entry: turn.entry });
  await reply(turn, deps, 'stillQueued', { position: (await deps.queue.position(member)) ?? 1 });
}

/**
 * Forwards to the agent. An agent whose console has gone (no request or heartbeat for a minute)
 * would leave the customer talking to nobody while the bot stays silent: hand them back instead.
 */
async function whileAssigned(turn: CustomerTurn, deps: TurnHandlerDeps): Promise<void> {
  const { member, agent } = turn.record;
  const online = await deps.sessions.online(deps.clock());
  if (!online.includes(agent) && (await deps.assignments.finish(member, agent, 'bot', 0))) {
    await deps.events.publish({ type: 'closed', handle: toHandle(member), agent });
    return reply(turn, deps, 'agentLeft');
  }
  await deps.events.publish({ type: 'message', handle: toHandle(member), agent, entry: turn.entry });
}

async function awaitingRating(turn: CustomerTurn, deps: TurnHandlerDeps): Promise<void> {
  const score = parseRating(turn.text);
  await deps.queue.setState(turn.record.member, 'bot', 0);
  if (score === undefined) return turn.next(); // not a rating: the bot answers as usual
  await deps.ratings.add(turn.record.agent, score, toHandle(turn.record.member), deps.clock());
  await deps.events.publish({ type: 'ratings' });
  await reply(turn, deps, 'ratingThanks');
}

/**
 * The customer was offered to leave a message. "算了不用了" skips it; a message that looks like a
 * question for the bot ("证书的有效期是几年") is not silently stored: the customer is asked whether
 * it is their message (kept as `draft` until they answer).
 */
async function awaitingTicket(turn: CustomerTurn, deps: TurnHandlerDeps): Promise<void> {
  const { record } = turn;
  const words = wordsOf(deps);
  const until = deps.clock() + deps.offerMs;
  if (words.isCancel(turn.text)) {
    await deps.queue.setState(record.member, 'bot', 0, { draft: '' });
    return reply(turn, deps, 'ticketSkipped');
  }
  let message = turn.text;
  if (record.draft) {
    if (words.isNo(turn.text)) {
      await deps.queue.setState(record.member, 'bot', 0, { draft: '' });
      return reply(turn, deps, 'draftDropped');
    }
    if (words.isYes(turn.text)) message = record.draft;
  }
  const contact = findContact(message) ?? '';
  if (message === turn.text && !contact && words.looksLikeQuestion(message)) {
    const draft = message.slice(0, 500);
    await deps.queue.setState(record.member, 'ticket', until, { draft });
    return reply(turn, deps, 'confirmDraft', { draft: draft.length > 60 ? `${draft.slice(0, 60)}…` : draft });
  }
  const ticket = await deps.tickets.create(
    { handle: toHandle(record.member), channel: record.channel, script: record.script, reason: record.reason, message, contact },
    deps.clock(),
  );
  await deps.events.publish({ type: 'tickets' });
  if (contact) {
    await deps.queue.setState(record.member, 'bot', 0, { draft: '' });
    return reply(turn, deps, 'ticketCreated', { ticket: ticket.id });
  }
  await deps.queue.setState(record.member, 'ticket_contact', until, { ticket: ticket.id, draft: '' });
  await reply(turn, deps, 'askContact');
}

/** The message is stored; "取消 / 算了" here withdraws it (closed as done by the customer) instead of filing it without a contact. */
async function awaitingContact(turn: CustomerTurn, deps: TurnHandlerDeps): Promise<void> {
  const { record } = turn;
  await deps.queue.setState(record.member, 'bot', 0);
  if (wordsOf(deps).isCancel(turn.text)) {
    await deps.tickets.markDone(record.ticket, 'customer');
    await deps.events.publish({ type: 'tickets' });
    return reply(turn, deps, 'ticketSkipped');
  }
  await deps.tickets.setContact(record.ticket, findContact(turn.text) ?? turn.text.slice(0, 200));
  await deps.events.publish({ type: 'tickets' });
  await reply(turn, deps, 'ticketCreated', { ticket: record.ticket });
}

export const CUSTOMER_TURN_HANDLERS: Record<HandoverState, CustomerTurnHandler> = {
  bot: (turn) => turn.next(),
  queued: whileQueued,
  assigned: whileAssigned,
  rating: awaitingRating,
  ticket: awaitingTicket,
  ticket_contact: awaitingContact,
};
