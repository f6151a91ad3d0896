import type { AgentDesk } from './agentDesk';
import { DeskError, toView, type ConversationView } from './agentDesk';
import type { AgentStatus, AgentStatusStore } from './agentStatus';
import type { Assignments } from './assignments';
import type { CannedReplies, CannedReply } from './cannedReplies';
import type { ClosedConversations, ClosedHit, ClosedSummary } from './closedConversations';
import type { HandoverEvents } from './handoverEvents';
import { fromHandle, toHandle } from './handoverKeys';
import type { HandoverQueue } from './handoverQueue';
import { recordLocale } from './handoverRecord';
import type { HandoverService } from './handoverService';
import type { CustomerPush } from './customerPush';
import type { Note, NoteStore } from './noteStore';
import type { TranscriptEntry, TranscriptStore } from './transcriptStore';

export interface AgentToolsDeps {
  desk: AgentDesk;
  queue: HandoverQueue;
  assignments: Assignments;
  transcripts: TranscriptStore;
  notes: NoteStore;
  closed: ClosedConversations;
  status: AgentStatusStore;
  canned: CannedReplies;
  events: HandoverEvents;
  push: CustomerPush;
  service: HandoverService;
  clock: () => number;
}

/**
 * What agents use all day beside take/answer/close (AgentDesk): transfer to a colleague or back to
 * the queue, private notes, their own status, canned replies, typing, and closed conversations.
 * Every action checks ownership the same way the desk does.
 */
/** A customer's typing reaches their agent at most this often (each one is a Redis publish). */
const CUSTOMER_TYPING_EVERY_MS = 2000;

export class AgentTools {
  private readonly lastTyping = new Map<string, number>();

  constructor(private readonly deps: AgentToolsDeps) {}

  /** A customer is typing: their agent's console shows it (only while a person has the conversation). */
  async customerTyping(member: string): Promise<void> {
    const now = this.deps.clock();
    if (now - (this.lastTyping.get(member) ?? 0) < CUSTOMER_TYPING_EVERY_MS) return;
    if (this.lastTyping.size > 10_000) this.lastTyping.clear(); // bounded: it is only a throttle
    this.lastTyping.set(member, now);
    const record = await this.deps.queue.record(member);
    if (record?.state === 'assigned') await this.deps.events.publish({ type: 'typing', handle: toHandle(member), agent: record.agent });
  }

  /** To another agent who is online (not away or offline), or, with no `to`, back to the queue. */
  async transfer(handle: string, agent: string, to: string | undefined): Promise<ConversationView> {
    const record = await this.deps.desk.owned(handle, agent);
    const now = this.deps.clock();
    if (to === undefined) {
      if (!(await this.deps.queue.requeue(record, agent, now))) throw new DeskError('forbidden', 'this conversation is not assigned to you');
      const position = (await this.deps.queue.position(record.member)) ?? 1;
      await this.deps.push.say(record, 'requeued', { position });
      await this.deps.events.publish({ type: 'closed', handle, agent });
      await this.deps.service.queueMoved();
      return toView({ ...record, state: 'queued', agent: '' }, position);
    }
    if (to === agent) throw new DeskError('forbidden', 'the conversation is already yours');
    if (!(await this.deps.status.available(now)).includes(to)) throw new DeskError('taken', `${to} is not online to take conversations`);
    if (!(await this.deps.assignments.transfer(record.member, agent, to, now))) throw new DeskError('forbidden', 'this conversation is not assigned to you');
    await this.deps.push.say(record, 'transferred', { agent: to });
    await this.deps.events.publish({ type: 'assigned', handle, agent: to });
    await this.deps.events.publish({ type: 'closed', handle, agent });
    return toView({ ...record, agent: to });
  }

  /** Notes may be written on a waiting conversation (by any agent) or on one's own. */
  async addNote(handle: string, agent: string, text: string): Promise<Note> {
    const record = await this.deps.desk.mustRecord(fromHandle(handle));
    const mine = record.state === 'assigned' && record.agent === agent;
    if (record.state !== 'queued' && !mine) throw new DeskError('forbidden', 'this conversation is not waiting and not assigned to you');
    const note = await this.deps.notes.add(record.member, { agent, text, at: this.deps.clock() });
    await this.deps.events.publish({ type: 'note', handle, agent: mine ? agent : undefined, note });
    return note;
  }

  async notesOf(handle: string): Promise<Note[]> {
    return this.deps.notes.read(fromHandle(handle));
  }

  /** Shows "typing…" to the customer (channels that have a typing indicator render it). */
  async typing(handle: string, agent: string): Promise<void> {
    const record = await this.deps.desk.owned(handle, agent);
    await this.deps.push.typing(record);
  }

  async cannedFor(handle: string, agent: string, lang: 'zh' | 'en'): Promise<CannedReply[]> {
    const record = await this.deps.desk.owned(handle, agent);
    return this.deps.canned.forCustomer(recordLocale(record), lang);
  }

  async setStatus(agent: string, status: AgentStatus): Promise<void> {
    await this.deps.status.set(agent, status);
    await this.deps.events.publish({ type: 'agents' });
  }

  async colleagues(agent: string): Promise<{ me: AgentStatus; agents: Array<{ agent: string; status: AgentStatus }> }> {
    const present = await this.deps.status.present(this.deps.clock());
    return { me: await this.deps.status.get(agent), agents: present.filter((p) => p.agent !== agent) };
  }

  searchClosed(query: string): Promise<ClosedHit[]> {
    return this.deps.closed.search(query);
  }

  /** A closed conversation, read-only, for any agent: its summary and masked transcript. */
  async closedConversation(handle: string): Promise<{ conversation: ClosedSummary; transcript: TranscriptEntry[]; notes: Note[] }> {
    const member = fromHandle(handle);
    const conversation = await this.deps.closed.summary(member);
    if (!conversation) throw new DeskError('not_found', 'no such closed conversation');
    const [transcript, notes] = await Promise.all([this.deps.transcripts.read(member), this.deps.notes.read(member)]);
    return { conversation, transcript, notes };
  }
}
