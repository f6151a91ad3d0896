import type { ConsoleApi } from './api';
import { CannedPicker, openTransferDialog, renderClosed } from './agentToolsUi';
import type { ConversationPane } from './conversationPane';
import type { ConsoleStrings } from './strings';
import type { CannedReply, ClosedHit, Colleague, ConversationView, Note, TranscriptEntry } from './wire';

/** What the agent tools need from the console around them. */
export interface ConsoleHost {
  api: ConsoleApi;
  pane: ConversationPane;
  strings(): ConsoleStrings;
  lang(): 'zh' | 'en';
  me(): string;
  fail(err: unknown): void;
  afterTransfer(): Promise<void>;
}

/** Sends "agent typing" at most this often while the agent writes. */
const TYPING_EVERY_MS = 3000;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/**
 * Wires transfer, canned replies, private notes, status, typing and the closed-conversation search
 * into the page. Returns the actions the keyboard shortcuts call.
 */
export function wireTools(host: ConsoleHost): { transfer(): void; canned(): void; refreshStatus(): Promise<void>; searchClosed(): Promise<void> } {
  const { api, pane } = host;
  const picker = new CannedPicker(byId('canned-dialog'), byId('canned-q'), byId('canned-list'), () => host.strings());
  let lastTyping = 0;

  const transfer = () => {
    const open = pane.open;
    if (!open || pane.transfer.hidden) return;
    void api.get<{ agents: Colleague[] }>('/agent/api/agents').then(({ agents }) => {
      openTransferDialog(byId('transfer-dialog'), byId('transfer-list'), agents, host.strings(), (to) => {
        void api.post(`/agent/api/conversations/${open.handle}/transfer`, { to }).then(() => host.afterTransfer(), (err) => host.fail(err));
      });
    }, host.fail);
  };

  const canned = () => {
    const open = pane.open;
    if (!open || pane.replyForm.hidden) return;
    void api.get<{ replies: CannedReply[] }>(`/agent/api/conversations/${open.handle}/canned-replies?lang=${host.lang()}`).then(({ replies }) => {
      picker.open(replies, (text) => {
        pane.reply.value = pane.reply.value.replace(/^\/\S*$/, '') + text;
        pane.reply.focus();
      });
    }, host.fail);
  };

  pane.transfer.addEventListener('click', transfer);
  byId('canned-open').addEventListener('click', canned);
  // "/" typed into an empty reply box opens the picker instead of being typed.
  pane.reply.addEventListener('keydown', (e) => {
    if (e.key === '/' && pane.reply.value === '' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      canned();
    }
  });
  pane.reply.addEventListener('input', () => {
    const open = pane.open;
    if (!open || Date.now() - lastTyping < TYPING_EVERY_MS || pane.reply.value.trim() === '') return;
    lastTyping = Date.now();
    void api.post(`/agent/api/conversations/${open.handle}/typing`).catch(() => undefined);
  });

  byId('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const open = pane.open;
    const box = byId<HTMLTextAreaElement>('note');
    const text = box.value.trim();
    if (!open || !text) return;
    void api.post<Note>(`/agent/api/conversations/${open.handle}/notes`, { text }).then(() => (box.value = ''), host.fail);
  });

  const status = byId<HTMLSelectElement>('status');
  status.addEventListener('change', () => void api.post('/agent/api/status', { status: status.value }).catch(host.fail));
  const refreshStatus = async () => {
    const { me } = await api.get<{ me: Colleague['status'] }>('/agent/api/agents');
    status.value = me;
  };

  const searchClosed = async () => {
    const q = byId<HTMLInputElement>('closed-q').value;
    const { closed } = await api.get<{ closed: ClosedHit[] }>(`/agent/api/closed?q=${encodeURIComponent(q)}`);
    renderClosed(byId('closed'), closed, host.strings(), (handle) => void openClosed(handle));
  };
  const openClosed = async (handle: string) => {
    try {
      const { conversation, transcript, notes } = await api.get<{ conversation: ClosedHit; transcript: TranscriptEntry[]; notes: Note[] }>(`/agent/api/closed/${handle}`);
      const view: ConversationView = { ...conversation, state: 'closed', urgent: false, lastIntent: '', enqueuedAt: conversation.closedAt };
      pane.show(view, transcript, notes, host.me(), host.strings(), true);
      pane.title.focus();
    } catch (err) {
      host.fail(err);
    }
  };
  byId('closed-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void searchClosed().catch(host.fail);
  });

  return { transfer, canned, refreshStatus, searchClosed };
}

/** Fills the status menu's options in the console's language. */
export function labelStatuses(s: ConsoleStrings): void {
  for (const option of Array.from(byId<HTMLSelectElement>('status').options)) {
    option.textContent = s.statuses[option.value as Colleague['status']] ?? option.value;
  }
}
