import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import { variantFromChannelLocale } from '../i18n/chooseReplyScript';
import { findTurnLocale } from '../i18n/turnLocale';
import type { Logger } from '../logger';
import { conversationKey } from '../runtime/botRuntime';
import type { AgentSessions } from './agentSessions';
import type { AgentStatusStore } from './agentStatus';
import type { HandoverStats } from './handoverStats';
import type { Assignments } from './assignments';
import type { BusinessHours } from './businessHours';
import type { CustomerPush } from './customerPush';
import { customerScript } from './customerScript';
import type { HandoverEvents } from './handoverEvents';
import { toHandle } from './handoverKeys';
import { recordLocale } from './handoverRecord';
import type { HandoverPort, HandoverRequest } from './handoverPort';
import type { HandoverQueue, JoinInput } from './handoverQueue';
import type { HandoverSignals } from './handoverSignals';
import type { HandoverTexts } from './handoverTexts';
import type { TranscriptStore } from './transcriptStore';

export interface HandoverServiceDeps {
  queue: HandoverQueue;
  assignments: Assignments;
  sessions: AgentSessions;
  transcripts: TranscriptStore;
  events: HandoverEvents;
  hours: BusinessHours;
  push: CustomerPush;
  logger: Logger;
  clock: () => number;
  /** How long a ticket offer or rating question waits for the customer's answer. */
  offerMs: number;
  texts: HandoverTexts;
  /** Agents' own status (online/away/offline); without it every present agent counts as available. */
  status?: AgentStatusStore;
  /** Told what happened here, for metrics (optional: tests build the service without it). */
  signals?: HandoverSignals;
  /** The supervisor's figures (escalations and their reasons). */
  stats?: HandoverStats;
}

/**
 * The customer's side of the handover: joining the queue (the dialogs call `request`), the wait
 * timeout, and position updates. Agents' actions are in AgentDesk.
 */
export class HandoverService implements HandoverPort {
  constructor(private readonly deps: HandoverServiceDeps) {}

  async request(ctx: TurnContext, request: HandoverRequest): Promise<void> {
    const now = this.deps.clock();
    const input = this.joinInput(ctx, request);
    await this.deps.stats?.escalated(input.member, input.channel, input.reason, now).catch((err) => this.deps.logger.warn({ err }, 'handover: escalation not counted'));
    const offer = !this.deps.hours.isOpen(new Date(now)) ? 'closedHours' : (await this.availableAgents(now)).length === 0 ? 'noAgents' : undefined;
    if (offer) {
      await this.deps.queue.park(input, 'ticket', now + this.deps.offerMs, now);
      this.deps.signals?.emit({ type: 'requested', reason: request.reason, result: offer });
      // A fraud victim must hear about the 24-hour line before anything else.
      await ctx.sendActivity(this.deps.texts.text(input.urgent ? 'closedUrgent' : offer, recordLocale(input), { hours: this.deps.hours.hoursText }));
      return;
    }
    const joined = await this.deps.queue.join(input, now);
    if (joined.status === 'assigned') return;
    if (joined.status === 'new') this.deps.signals?.emit({ type: 'requested', reason: request.reason, result: 'queued' });
    await ctx.sendActivity(this.deps.texts.text(input.urgent ? 'queuedUrgent' : 'queued', recordLocale(input), { position: joined.position }));
    await this.deps.events.publish({ type: 'queue' });
    if (joined.status === 'new') await ctx.sendActivity(await this.handoffInitiation(ctx, input));
  }

  /**
   * Offers a ticket to customers nobody took in time, and gives customers whose agent's console has
   * vanished back to the bot; safe to run in every process at once (each change is claimed in Redis
   * by exactly one caller). Returns how many customers were told something.
   */
  async sweep(now = this.deps.clock()): Promise<number> {
    const expired = await this.deps.queue.claimExpired(now, now + this.deps.offerMs);
    for (const member of expired) {
      const record = await this.deps.queue.record(member);
      if (record) await this.deps.push.say(record, 'waitTimeout');
    }
    if (expired.length > 0) {
      this.deps.signals?.emit({ type: 'timedOut', count: expired.length });
      await this.queueMoved();
    }
    return expired.length + (await this.releaseFromVanishedAgents(now));
  }

  /**
   * A customer whose agent closed the browser would otherwise wait in silence until they write
   * again (then the turn handler notices). The presence window is the same one the console's
   * heartbeat keeps fresh, so an agent who is still there is never affected.
   */
  private async releaseFromVanishedAgents(now: number): Promise<number> {
    let released = 0;
    for (const agent of await this.deps.sessions.vanished(now)) {
      for (const member of await this.deps.assignments.assignedTo(agent)) {
        if (!(await this.deps.assignments.finish(member, agent, 'bot', 0))) continue;
        released += 1;
        await this.deps.events.publish({ type: 'closed', handle: toHandle(member), agent });
        const record = await this.deps.queue.record(member);
        if (record) await this.deps.push.say(record, 'agentGone');
      }
    }
    return released;
  }

  /** Agents who could take a customer now: console open, and not away or offline by their own choice. */
  private availableAgents(now: number): Promise<string[]> {
    return this.deps.status ? this.deps.status.available(now) : this.deps.sessions.online(now);
  }

  /** After someone left the queue: tell the others whose position changed meaningfully. */
  async queueMoved(): Promise<void> {
    await this.deps.events.publish({ type: 'queue' });
    for (const { member, position } of await this.deps.queue.positionsToTell()) {
      const record = await this.deps.queue.record(member);
      if (record) await this.deps.push.say(record, 'positionChanged', { position });
    }
  }

  private joinInput(ctx: TurnContext, request: HandoverRequest): JoinInput {
    return {
      member: conversationKey(ctx),
      reference: TurnContext.getConversationReference(ctx.activity),
      channel: ctx.activity.channelId ?? 'unknown',
      script: customerScript(ctx),
      // As the router chose for this turn (the bank's default, or Hong Kong for zh-HK/MO clients).
      variant: findTurnLocale(ctx)?.variant ?? variantFromChannelLocale(ctx.activity.locale, 'tw'),
      reason: request.reason,
      urgent: request.urgent || request.reason === 'fraud',
      lastIntent: request.lastIntent ?? '',
      customerName: ctx.activity.from?.name ?? '',
    };
  }

  /**
   * botbuilder's `handoff.initiate` event with the (masked) transcript, for a bank whose own Bot
   * Framework contact centre takes over instead of our console (EventFactory, botbuilder ≥ 4.6).
   */
  private async handoffInitiation(ctx: TurnContext, input: JoinInput): Promise<Partial<Activity>> {
    const entries = await this.deps.transcripts.read(input.member, 100);
    const activities = entries.map(
      (e): Activity =>
        ({
          type: 'message',
          text: e.text,
          timestamp: new Date(e.at),
          from: { id: e.from, name: e.agent ?? e.from, role: e.from === 'customer' ? 'user' : 'bot' },
        }) as Activity,
    );
    const context = { reason: input.reason, urgent: input.urgent, lastIntent: input.lastIntent, conversation: toHandle(input.member) };
    return EventFactory.createHandoffInitiation(ctx, context, { activities });
  }
}
