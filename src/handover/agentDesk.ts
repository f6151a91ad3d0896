import type { Assignments } from './assignments';
import type { ClosedConversations } from './closedConversations';
import type { Note, NoteStore } from './noteStore';
import type { HandoverStats } from './handoverStats';
import type { CustomerPush } from './customerPush';
import { customerLabel } from './customerLabel';
import type { HandoverEvents } from './handoverEvents';
import { fromHandle, toHandle } from './handoverKeys';
import type { HandoverQueue } from './handoverQueue';
import type { HandoverRecord } from './handoverRecord';
import type { HandoverService } from './handoverService';
import type { HandoverSignals } from './handoverSignals';
import type { TranscriptEntry, TranscriptStore } from './transcriptStore';

export interface AgentDeskDeps {
  queue: HandoverQueue;
  assignments: Assignments;
  transcripts: TranscriptStore;
  events: HandoverEvents;
  push: CustomerPush;
  service: HandoverService;
  clock: () => number;
  offerMs: number;
  /** Where closed conversations are kept searchable; absent in tests that do not need it. */
  closed?: ClosedConversations;
  notes?: NoteStore;
  signals?: HandoverSignals;
  stats?: HandoverStats;
}

/** Why an agent's action was refused; the console routes map each to an HTTP status. */
export type DeskRefusal = 'not_found' | 'forbidden' | 'taken';

export class DeskError extends Error {
  constructor(readonly refusal: DeskRefusal, message: string) {
    super(message);
    this.name = 'DeskError';
  }
}

/** What the console shows about a conversation; never the raw conversation reference. */
export interface ConversationView {
  handle: string;
  state: string;
  channel: string;
  script: string;
  reason: string;
  urgent: boolean;
  lastIntent: string;
  /** The masked display name or a short id (customerLabel.ts); the raw name never leaves the server. */
  customer: string;
  enqueuedAt: number;
  agent: string;
  position?: number;
}

export function toView(record: HandoverRecord, position?: number): ConversationView {
  const { state, channel, script, reason, urgent, lastIntent, enqueuedAt, agent } = record;
  const customer = customerLabel(record.customerName, record.member);
  return { handle: toHandle(record.member), state, channel, script, reason, urgent, lastIntent, customer, enqueuedAt, agent, position };
}

/** The agent's side: look, take, write, close, hand back. Every action checks who owns what. */
export class AgentDesk {
  constructor(private readonly deps: AgentDeskDeps) {}

  async overview(agent: string): Promise<{ waiting: ConversationView[]; mine: ConversationView[] }> {
    const waiting = (await this.deps.queue.waiting()).map((w) => toView(w, w.position));
    const members = await this.deps.assignments.assignedTo(agent);
    const records = await Promise.all(members.map((m) => this.deps.queue.record(m)));
    const mine = records.filter((r): r is HandoverRecord => r?.state === 'assigned' && r.agent === agent).map((r) => toView(r));
    return { waiting, mine };
  }

  /** Waiting customers may be looked at by any agent; an assigned one only by its agent. */
  async view(handle: string, agent: string): Promise<{ conversation: ConversationView; transcript: TranscriptEntry[]; notes: Note[] }> {
    const record = await this.visible(handle, agent);
    const [transcript, notes] = await Promise.all([this.deps.transcripts.read(record.member), this.deps.notes?.read(record.member) ?? []]);
    return { conversation: toView(record), transcript, notes };
  }

  async take(handle: string, agent: string): Promise<ConversationView> {
    const member = fromHandle(handle);
    if (!(await this.deps.assignments.take(member, agent, this.deps.clock()))) {
      const exists = await this.deps.queue.record(member);
      throw new DeskError(exists ? 'taken' : 'not_found', exists ? 'this customer is no longer waiting' : 'no such conversation');
    }
    this.deps.signals?.emit({ type: 'taken' });
    const record = await this.mustRecord(member);
    await this.deps.stats?.waited(record.channel, this.deps.clock() - record.enqueuedAt, this.deps.clock()).catch(() => undefined);
    await this.deps.push.say(record, 'agentJoined', { agent });
    await this.deps.events.publish({ type: 'assigned', handle, agent });
    await this.deps.service.queueMoved();
    return toView(record);
  }

  async send(handle: string, agent: string, text: string): Promise<TranscriptEntry> {
    const record = await this.owned(handle, agent);
    // The stored (masked) entry is what every console shows, like the transcript.
    const entry = await this.deps.push.agentMessage(record, agent, text);
    await this.deps.events.publish({ type: 'message', handle, agent, entry });
    return entry;
  }

  /** `rate`: the customer is asked for a rating; otherwise they go straight back to the bot. */
  async finish(handle: string, agent: string, rate: boolean): Promise<void> {
    const record = await this.owned(handle, agent);
    const next = rate ? 'rating' : 'bot';
    if (!(await this.deps.assignments.finish(record.member, agent, next, this.deps.clock() + this.deps.offerMs))) {
      throw new DeskError('forbidden', 'this conversation is not assigned to you');
    }
    await this.deps.push.say(record, rate ? 'ratePrompt' : 'backToBot');
    const view = toView(record);
    await this.deps.closed?.record(record.member, { ...view, agent, closedAt: this.deps.clock() });
    await this.deps.events.publish({ type: 'closed', handle, agent });
  }

  /** The record of a conversation `agent` owns, or a DeskError (403/404). */
  async owned(handle: string, agent: string): Promise<HandoverRecord> {
    const record = await this.mustRecord(fromHandle(handle));
    if (record.state !== 'assigned' || record.agent !== agent) throw new DeskError('forbidden', 'this conversation is not assigned to you');
    return record;
  }

  private async visible(handle: string, agent: string): Promise<HandoverRecord> {
    const record = await this.mustRecord(fromHandle(handle));
    const mine = record.state === 'assigned' && record.agent === agent;
    if (record.state !== 'queued' && !mine) throw new DeskError('forbidden', 'this conversation is not waiting and not assigned to you');
    return record;
  }

  async mustRecord(member: string): Promise<HandoverRecord> {
    const record = await this.deps.queue.record(member);
    if (!record) throw new DeskError('not_found', 'no such conversation');
    return record;
  }
}
