import type { Activity } from 'botbuilder';
import type { PushRegistry } from '../channels/pushRegistry';
import type { Logger } from '../logger';
import { hashId } from '../logger';
import { recordLocale, type HandoverRecord } from './handoverRecord';
import type { HandoverParams, HandoverTextId, HandoverTexts } from './handoverTexts';
import type { TranscriptEntry, TranscriptStore } from './transcriptStore';

/** Choices shown with the rating question on channels that render suggested actions. */
const RATING_ACTIONS = {
  actions: ['1', '2', '3', '4', '5'].map((v) => ({ type: 'imBack', title: v, value: v })),
  to: [] as string[],
};

/**
 * Which of our texts change who the customer is talking to: a client (our widget) shows the
 * agent's name and "人工客服 / Agent" in its header from the first, and the assistant again after
 * the second. Carried in `channelData.handover` on the activity.
 */
const HEADER_CHANGES: Partial<Record<HandoverTextId, 'agent' | 'bot'>> = {
  agentJoined: 'agent',
  transferred: 'agent',
  requeued: 'bot',
  ratePrompt: 'bot',
  backToBot: 'bot',
  agentGone: 'bot',
};

/** `channelData.handover.agent`: the agent now answering, or null when the assistant is back. */
export function handoverChannelData(agent: string | null): Record<string, unknown> {
  return { handover: { agent } };
}

/** The sender of an agent's message on channels that show one (Direct Line: `from.name`). */
function agentAccount(agent: string): Partial<Activity>['from'] {
  return { id: `agent:${agent}`, name: agent, role: 'bot' };
}

/** Channels that show a `typing` activity (Direct Line clients, Teams); others get nothing. */
const TYPING_CHANNELS = new Set(['directline', 'msteams', 'emulator', 'webchat']);

/**
 * Sends to a customer outside their own turn (an agent's words, a queue update, the rating
 * question) through the channel's push path, and keeps the transcript in step with what was sent.
 */
export class CustomerPush {
  constructor(
    private readonly pushers: PushRegistry,
    private readonly transcripts: TranscriptStore,
    private readonly logger: Logger,
    private readonly clock: () => number,
    private readonly texts: HandoverTexts,
  ) {}

  /** An agent's message, verbatim. Throws when the channel refuses, so the console can say so. */
  async agentMessage(record: HandoverRecord, agent: string, text: string): Promise<TranscriptEntry> {
    // `plain`: no client may render an agent's Markdown (a typed link or `![](…)`) as a live link or image.
    await this.pushers.send(record.reference, [{ type: 'message', text, textFormat: 'plain', channelData: handoverChannelData(agent), from: agentAccount(agent) }]);
    return this.transcripts.append(record.member, { from: 'agent', agent, text, at: this.clock() });
  }

  /**
   * A typing indicator while the agent writes. Best effort: a channel without one (WeChat's
   * customer-service API has its own typing call we do not use) or a failed push changes nothing.
   */
  async typing(record: HandoverRecord): Promise<void> {
    if (!TYPING_CHANNELS.has(record.channel)) return;
    await this.pushers.send(record.reference, [{ type: 'typing' }]).catch((err: unknown) => {
      this.logger.debug({ err, conversation: hashId(record.member) }, 'handover: typing push failed');
    });
  }

  /** One of our catalogue texts in the customer's script; failures are logged, not thrown. */
  async say(record: HandoverRecord, id: HandoverTextId, params: HandoverParams = {}): Promise<boolean> {
    const text = this.texts.text(id, recordLocale(record), params);
    const activity: Partial<Activity> = { type: 'message', text };
    if (id === 'ratePrompt') activity.suggestedActions = RATING_ACTIONS;
    const header = HEADER_CHANGES[id];
    if (header) activity.channelData = handoverChannelData(header === 'agent' ? String(params.agent ?? '') : null);
    try {
      await this.pushers.send(record.reference, [activity]);
      await this.transcripts.append(record.member, { from: 'bot', text, at: this.clock() });
      return true;
    } catch (err) {
      this.logger.warn({ err, conversation: hashId(record.member), text: id }, 'handover: push to customer failed');
      return false;
    }
  }
}
