import type { HandoverRequest } from './handoverPort';

/**
 * What happened in the handover, told once, by the process where it happened (metrics count it
 * there). Unlike HandoverEvents, which every process receives through Redis for its consoles,
 * a signal is never relayed, so summing a counter over processes counts each thing once.
 */
export type HandoverSignal =
  /** A customer asked for a person and was queued (`queued`) or, nobody being there, offered a ticket. */
  | { type: 'requested'; reason: HandoverRequest['reason']; result: 'queued' | 'closedHours' | 'noAgents' }
  | { type: 'taken' }
  /** Waiting customers nobody took within HANDOVER_WAIT_SECONDS. */
  | { type: 'timedOut'; count: number }
  | { type: 'rated'; score: number };

export type HandoverSignalListener = (signal: HandoverSignal) => void;

export class HandoverSignals {
  private readonly listeners: HandoverSignalListener[] = [];

  on(listener: HandoverSignalListener): void {
    this.listeners.push(listener);
  }

  /** Listeners are told, they do not decide: one that throws never fails the customer's turn. */
  emit(signal: HandoverSignal): void {
    for (const listener of this.listeners) {
      try {
        listener(signal);
      } catch {
        // A broken metrics listener must not cost a customer their handover.
      }
    }
  }
}
