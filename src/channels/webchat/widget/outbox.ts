import { HttpError, type DirectLineClient } from './directLineClient';
import { el } from './el';
import { refusal } from './fileCheck';
import type { MessageList } from './messageList';
import { formatTime, renderMessage, type RenderContext } from './renderActivity';
import type { OutgoingActivity } from './wireTypes';

interface Pending {
  meta: HTMLElement;
  activity: OutgoingActivity;
  /** A file for the agent: the activity goes with it through Direct Line's /upload. */
  file?: File;
}

export interface OutboxDeps {
  client: DirectLineClient;
  list: MessageList;
  render: RenderContext;
  /** Resolves once the widget has a conversation (starting one if needed). */
  connected: () => Promise<void>;
  /** A post went through: poll now so the echo and the answer show at once. */
  delivered: () => void;
  notice: (text: string, role: 'status' | 'alert') => void;
  /**
   * True while the assistant answers: its answer follows at once, so "typing…" shows until it
   * comes. A person answers when they answer, and the customer sees them typing only when they
   * really are (the agent's own typing activities).
   */
  answersAtOnce: () => boolean;
}

/**
 * What the customer sent and the server has not echoed yet: shown at once as "sending…", confirmed
 * by its echo (matched on `clientActivityID`), or marked failed with a retry, or, for a file the
 * server refuses (too large, not an image or PDF), with the reason instead, since a retry would fail.
 */
export class Outbox {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: OutboxDeps) {}

  clear(): void {
    this.pending.clear();
  }

  /** Our own message came back in the log: true when it was one of ours (then it is sent). */
  confirm(clientActivityID: string, timestamp: string | undefined): boolean {
    const pending = this.pending.get(clientActivityID);
    if (!pending) return false;
    this.pending.delete(clientActivityID);
    pending.meta.replaceChildren(formatTime(timestamp, this.deps.render.strings.locale));
    return true;
  }

  send(content: Pick<OutgoingActivity, 'text' | 'value' | 'entities'>, label: string, file?: File): void {
    const { strings } = this.deps.render;
    const clientActivityID = `c_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const activity: OutgoingActivity = { type: 'message', locale: strings.locale, channelData: { clientActivityID }, ...content };
    const meta = el('div', { class: 'meta' }, [strings.sending]);
    const row = renderMessage({ type: 'message', text: label }, true, this.deps.render) ?? el('div');
    row.lastElementChild?.replaceWith(meta);
    this.pending.set(clientActivityID, { meta, activity, file });
    this.deps.list.showSuggestions([]);
    this.deps.list.append(row);
    void this.deliver(clientActivityID);
  }

  private async deliver(clientActivityID: string): Promise<void> {
    const pending = this.pending.get(clientActivityID);
    if (!pending) return;
    const { client, list, render } = this.deps;
    pending.meta.replaceChildren(render.strings.sending);
    if (this.deps.answersAtOnce()) list.setTyping(true);
    try {
      await this.deps.connected();
      await (pending.file ? client.upload(pending.file, pending.activity) : client.post(pending.activity));
      this.deps.delivered();
    } catch (err) {
      list.setTyping(false);
      const refused = pending.file && err instanceof HttpError ? refusal(err.status, render.strings) : undefined;
      if (refused) {
        this.pending.delete(clientActivityID);
        pending.meta.replaceChildren(el('span', { class: 'failed' }, [render.strings.failed]));
        return this.deps.notice(refused, 'alert');
      }
      const retry = el('button', { type: 'button' }, [render.strings.retry]);
      retry.addEventListener('click', () => void this.deliver(clientActivityID));
      pending.meta.replaceChildren(el('span', { class: 'failed' }, [render.strings.failed]), retry);
    }
  }
}
