/**
 * Drives the real bot through botbuilder's TestAdapter, saving conversation and user state after
 * every turn as the runtime does (MemoryStorage stores JSON, so state really round-trips), and
 * collects each turn's replies: their text and their suggested-action titles.
 */
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { CustomerServiceBot, type BotDeps } from '../../src/bot';
import type { HandoverPort, HandoverRequest } from '../../src/handover/handoverPort';
import { PlaceholderHandover } from '../../src/handover/placeholderHandover';
import { createRecognizer } from '../../src/nlu/createRecognizer';
import type { Recognizer } from '../../src/nlu/types';

let shared: Promise<Recognizer> | undefined;

/** The real recognizer, built once per test file (cached model under .cache/nlu). */
export function realRecognizer(): Promise<Recognizer> {
  shared ??= createRecognizer({ cacheDir: '.cache/nlu' });
  return shared;
}

export interface Reply {
  /** Every reply's text of the turn, joined. */
  text: string;
  /** Suggested-action titles of the turn's replies. */
  actions: string[];
  /** Number of activities the bot sent. */
  count: number;
}

/** What a step expects: text that must appear, a pattern, several of them, or text that must NOT appear. */
export type Expect = string | RegExp | { not: string | RegExp } | Expect[];
export type Step = [say: string | Partial<Activity>, expect: Expect];

export interface ConversationOptions {
  locale?: string;
  handover?: HandoverPort;
  deps?: Partial<BotDeps>;
}

export class Conversation {
  readonly handover: RecordingHandover;
  private readonly adapter: TestAdapter;

  private constructor(recognizer: Recognizer, options: ConversationOptions) {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    this.handover = new RecordingHandover(options.handover ?? new PlaceholderHandover());
    const bot = new CustomerServiceBot({ conversationState, userState, recognizer, handover: this.handover, ...options.deps });
    this.adapter = new TestAdapter(async (ctx) => {
      await bot.run(ctx);
      await conversationState.saveChanges(ctx);
      await userState.saveChanges(ctx);
    });
    if (options.locale) this.adapter.template.locale = options.locale;
  }

  static async start(options: ConversationOptions = {}): Promise<Conversation> {
    return new Conversation(await realRecognizer(), options);
  }

  async say(input: string | Partial<Activity>): Promise<Reply> {
    const activity: Partial<Activity> = typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { type: ActivityTypes.Message, ...input };
    await this.adapter.receiveActivity(activity);
    const sent = this.adapter.activeQueue.splice(0);
    return {
      text: sent.map((a) => a.text ?? '').join('\n'),
      actions: sent.flatMap((a) => a.suggestedActions?.actions.map((x) => x.title ?? '') ?? []),
      count: sent.length,
    };
  }

  async joined(): Promise<Reply> {
    return this.say({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'Customer' }] });
  }

  /** Plays a table; each step's replies must meet its expectation. */
  async play(steps: Step[]): Promise<void> {
    for (const [index, [input, expected]] of steps.entries()) {
      const reply = await this.say(input);
      const shown = `${reply.text}\n[buttons: ${reply.actions.join(' | ')}]`;
      try {
        check(shown, expected);
      } catch (err) {
        const said = typeof input === 'string' ? input : JSON.stringify(input);
        throw new Error(`step ${index + 1} (${JSON.stringify(said.slice(0, 60))}): ${(err as Error).message}\n--- bot said ---\n${shown}`);
      }
    }
  }
}

function check(shown: string, expected: Expect): void {
  if (Array.isArray(expected)) return expected.forEach((e) => check(shown, e));
  if (typeof expected === 'string') {
    if (!shown.includes(expected)) throw new Error(`expected the reply to contain ${JSON.stringify(expected)}`);
  } else if (expected instanceof RegExp) {
    if (!expected.test(shown)) throw new Error(`expected the reply to match ${expected}`);
  } else {
    const bad = typeof expected.not === 'string' ? shown.includes(expected.not) : expected.not.test(shown);
    if (bad) throw new Error(`expected the reply NOT to contain ${String(expected.not)}`);
  }
}

/** Wraps the handover port to record what the dialogs asked for. */
export class RecordingHandover implements HandoverPort {
  readonly requests: HandoverRequest[] = [];
  constructor(private readonly inner: HandoverPort) {}
  async request(...args: Parameters<HandoverPort['request']>): Promise<void> {
    this.requests.push(args[1]);
    await this.inner.request(...args);
  }
}

/** Plays a table in a fresh conversation. */
export async function play(steps: Step[], options: ConversationOptions = {}): Promise<Conversation> {
  const conversation = await Conversation.start(options);
  await conversation.play(steps);
  return conversation;
}
