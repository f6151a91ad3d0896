/** What the console API answers (src/handover/agentDesk.ts and consoleRoutes.ts), as the page reads it. */
/** The server's own view type: a type-only import, erased from the browser bundle. */
export type { ConversationView } from '../../agentDesk';
import type { ConversationView } from '../../agentDesk';

export interface TranscriptEntry {
  from: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  at: number;
  agent?: string;
  attachments?: Array<{ contentType: string; url: string; name: string }>;
}

export interface Overview {
  waiting: ConversationView[];
  mine: ConversationView[];
}

export interface Ticket {
  id: string;
  status: string;
  channel: string;
  contact: string;
  message: string;
}

export interface AgentRating {
  agent: string;
  count: number;
  average: number;
}

export interface MessageEvent {
  handle: string;
  entry: TranscriptEntry;
}

export interface Note {
  agent: string;
  text: string;
  at: number;
}

export interface CannedReply {
  id: string;
  title: string;
  text: string;
}

export interface Colleague {
  agent: string;
  status: 'online' | 'away' | 'offline';
}

export interface ClosedHit {
  handle: string;
  customer: string;
  agent: string;
  channel: string;
  script: string;
  reason: string;
  closedAt: number;
  snippet: string;
}

export interface NoteEvent {
  handle: string;
  note: Note;
}
