/**
 * One fault run: customers on all three channels hold conversations (each message waits for the
 * answer to the one before, as a person does; consecutive messages go to alternating processes)
 * while the fault strikes; then every message is judged by what its customer was shown.
 */
import { Redis } from 'ioredis';
import { conversationTag } from '../../src/redis/keyTags';
import { CHANNELS, CUSTOMER_FACTORIES, firstLine, Traffic, type ChannelName, type Customer, type CustomerDeps, type SentMessage } from './channelCustomers';
import { FAULTS, type FaultName } from './faultKinds';
import type { FaultWorld } from './faultWorld';

export interface Load {
  /** Conversations per channel, and messages in each. */
  conversations: number;
  messages: number;
  /** Pause between a customer's answer and their next message. */
  thinkMs: number;
  /** When the fault strikes, after the first messages. */
  afterMs: number;
  /** Requests in flight the fault then waits for (two seconds at most), so it strikes mid-turn. */
  busy: number;
  /** How long Redis stays down in the redisStop fault. */
  outageMs: number;
}

export interface ChannelResult {
  channel: ChannelName;
  fault: FaultName;
  sent: number;
  answeredOnce: number;
  /** Shown no answer, though the channel was answered 200 or gave up (never the customer's fault). */
  lost: number;
  /** Shown the same answer twice or more (or, Direct Line, their message logged twice). */
  doubled: number;
  /**
   * Bot Framework, kill only: shown twice because the process died after the connector took the
   * reply and before it could record that (the receipt): the retry delivers it again. No channel
   * API lets a bot make that step atomic, so this is the one at-least-once case; counted apart
   * from `doubled` and printed.
   */
  redelivered: number;
  /** WeChat only: all three tries failed, so WeChat told the customer the account cannot answer now. */
  refused: number;
  /** Tries answered 5xx, and tries whose connection was cut (process killed, timeout). */
  fiveXx: number;
  cut: number;
  /** Replies shown that answer none of the customer's messages (e.g. a "busy, try again" notice). */
  other: number;
  /** Messages the agent's transcript of the conversation holds more than once (the customer never sees it). */
  transcriptDoubled: number;
  /** From the end of the fault until every message sent before it was answered (ms). */
  recoveryMs?: number;
}

export interface FaultRun {
  fault: FaultName;
  note: string;
  results: ChannelResult[];
  /** One line per message lost, doubled or redelivered: its tries and when its answer was first shown. */
  details: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The first line of each question's answer on WeChat, from fresh conversations (WeChat has no
 * reply-to, so a pushed answer is matched to its message by text). Keeps only questions whose
 * answer is one FAQ entry ("【…】") no other question shares, so a match is unambiguous.
 */
export async function learnAnswers(world: FaultWorld, questions: readonly string[]): Promise<Map<string, string>> {
  const deps: CustomerDeps = { world, traffic: new Traffic(), expected: new Map() };
  const seen = new Map<string, string>();
  for (const question of questions) {
    const customer = CUSTOMER_FACTORIES.wechat(deps) as Customer;
    const sent = await customer.send(question, { preferred: 0, duplicates: false });
    const line = firstLine(sent.passive);
    if (line.startsWith('【') && ![...seen.values()].includes(line)) seen.set(question, line);
  }
  return seen;
}

export async function runFault(world: FaultWorld, fault: FaultName, load: Load, expected: Map<string, string>): Promise<FaultRun> {
  const questions = [...expected.keys()];
  if (questions.length < load.messages) throw new Error(`runFault: ${questions.length} distinct questions for ${load.messages} messages per conversation`);
  const traffic = new Traffic();
  const deps: CustomerDeps = { world, traffic, expected };
  const customers: Customer[] = [];
  for (const channel of CHANNELS) {
    for (let c = 0; c < load.conversations; c++) customers.push(await CUSTOMER_FACTORIES[channel](deps));
  }
  const kind = FAULTS[fault];
  const startedAt = Date.now();
  const sent = new Map<Customer, SentMessage[]>();
  const talking = customers.map(async (customer, c) => {
    const mine: SentMessage[] = [];
    sent.set(customer, mine);
    // Staggered, so the conversations' turns interleave rather than march in step.
    await sleep((c * 37) % 200);
    for (let i = 0; i < load.messages; i++) {
      mine.push(await customer.send(questions[(c + i) % questions.length], { preferred: c + i, duplicates: kind.duplicates }));
      await sleep(load.thinkMs);
    }
  });
  const injected = await kind.inject({ world, traffic, startedAt, afterMs: load.afterMs, busy: load.busy, outageMs: load.outageMs });
  await Promise.all(talking);
  await injected.settle;
  // Replies pushed after a WeChat turn missed its passive window arrive a little later.
  await sleep(1500);
  const results: ChannelResult[] = [];
  const details: string[] = [];
  for (const channel of CHANNELS) {
    const result: ChannelResult = { channel, fault, sent: 0, answeredOnce: 0, lost: 0, doubled: 0, redelivered: 0, refused: 0, fiveXx: 0, cut: 0, other: 0, transcriptDoubled: 0 };
    let recovery: number | undefined;
    for (const customer of customers.filter((c) => c.channel === channel)) {
      const messages = sent.get(customer) ?? [];
      const { answers, firstShownAt, other } = await customer.shown(messages);
      result.other += other;
      const transcript = await customerEntries(world, customer);
      result.transcriptDoubled += messages.filter((m) => transcript.filter((text) => text === m.text).length > 1).length;
      for (const m of messages) {
        const shown = answers.get(m.id) ?? 0;
        result.sent += 1;
        result.fiveXx += m.attempts.filter((a) => typeof a.outcome === 'number' && a.outcome >= 500).length;
        result.cut += m.attempts.filter((a) => a.outcome === 'cut').length;
        if (shown === 1) result.answeredOnce += 1;
        else if (shown > 1 && diedAfterDelivery(m, firstShownAt?.get(m.id), injected.endedAt, fault)) result.redelivered += 1;
        else if (shown > 1) result.doubled += 1;
        else if (channel === 'wechat' && m.answeredAt === undefined) result.refused += 1;
        else result.lost += 1;
        if (shown !== 1 && !(channel === 'wechat' && m.answeredAt === undefined && shown === 0)) {
          const at = (t: number) => `${t - injected.struckAt} ms`;
          const shownAt = firstShownAt?.get(m.id);
          details.push(
            `${channel} ${m.id}: shown ${shown}×${shownAt === undefined ? '' : ` (first at ${at(shownAt)})`}; tries ${m.attempts.map((a) => `${a.bot}@${at(a.at)}→${a.outcome}`).join(', ')} (times from the fault's strike, over at ${at(injected.endedAt)})`,
          );
        }
        if (!kind.duplicates && m.firstSentAt <= injected.endedAt && m.answeredAt !== undefined && m.answeredAt > injected.endedAt) {
          recovery = Math.max(recovery ?? 0, m.answeredAt - injected.endedAt);
        }
      }
    }
    if (recovery !== undefined) result.recoveryMs = recovery;
    results.push(result);
  }
  return { fault, note: injected.note, results, details };
}

/**
 * The killed process had handed this message's answer to the connector (before the kill), and the
 * customer's try on that process was cut: it died between delivering and recording the delivery.
 */
function diedAfterDelivery(m: SentMessage, firstShownAt: number | undefined, deadAt: number, fault: FaultName): boolean {
  if (fault !== 'kill' || firstShownAt === undefined || firstShownAt > deadAt) return false;
  return m.attempts.some((a) => a.outcome === 'cut' && a.at <= deadAt);
}

/** The channel id each customer's turns carry (the transcript is kept per channel/conversation). */
const CHANNEL_IDS: Record<ChannelName, string> = { botframework: 'msteams', directline: 'directline', wechat: 'wechat' };

/** The customer's messages as the agent's transcript holds them (src/handover/transcriptStore.ts). */
async function customerEntries(world: FaultWorld, customer: Customer): Promise<string[]> {
  const redis = new Redis(world.redis.url, { maxRetriesPerRequest: 3 });
  try {
    const key = `${conversationTag(world.prefix, `${CHANNEL_IDS[customer.channel]}/${customer.conversation}`)}:handover:transcript`;
    const raw = await redis.lrange(key, 0, -1);
    return raw.map((line) => JSON.parse(line) as { from: string; text: string }).filter((e) => e.from === 'customer').map((e) => e.text);
  } finally {
    redis.disconnect();
  }
}

/** Runs of the same fault added up (counts summed, the longest recovery kept), for repeated rounds. */
export function mergeRuns(runs: FaultRun[]): FaultRun[] {
  const merged = new Map<FaultName, FaultRun>();
  for (const run of runs) {
    const into = merged.get(run.fault);
    if (!into) {
      merged.set(run.fault, { ...run, details: [...run.details], results: run.results.map((r) => ({ ...r })) });
      continue;
    }
    if (!into.note.split('; ').includes(run.note)) into.note = `${into.note}; ${run.note}`;
    into.details.push(...run.details);
    for (const r of run.results) {
      const total = into.results.find((t) => t.channel === r.channel);
      if (!total) continue;
      for (const field of ['sent', 'answeredOnce', 'lost', 'doubled', 'redelivered', 'refused', 'fiveXx', 'cut', 'other', 'transcriptDoubled'] as const) total[field] += r[field];
      if (r.recoveryMs !== undefined) total.recoveryMs = Math.max(total.recoveryMs ?? 0, r.recoveryMs);
    }
  }
  return [...merged.values()];
}

/** The table `npm run faults` prints and the slow suite logs. */
export function faultTable(runs: FaultRun[]): string {
  const header = ['channel', 'fault', 'sent', 'answered once', 'lost', 'doubled', 'redelivered', 'refused', '5xx', 'cut', 'other', 'recovery', 'transcript ×2'];
  const rows = runs.flatMap((run) =>
    run.results.map((r) => [
      r.channel,
      r.fault,
      r.sent,
      r.answeredOnce,
      r.lost,
      r.doubled,
      r.redelivered,
      r.refused,
      r.fiveXx,
      r.cut,
      r.other,
      r.recoveryMs === undefined ? '-' : `${(r.recoveryMs / 1000).toFixed(1)} s`,
      r.transcriptDoubled,
    ].map(String)),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const notes = runs.flatMap((run) => [`- ${run.fault}: ${FAULTS[run.fault].title}; ${run.note}`, ...run.details.map((d) => `  - ${d}`)]);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', ...notes].join('\n');
}
