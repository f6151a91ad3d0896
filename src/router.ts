import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogState } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { AskDialog } from '../dialogs/askDialog';
import { createDialogContext } from '../dialogs/dialogContexts';
import { DialogId } from '../dialogs/dialogIds';
import type { FlowDefinition, FlowServices } from '../dialogs/flowTypes';
import type { HumanAgentOptions } from '../dialogs/humanAgentDialog';
import type { HumanOfferOptions } from '../dialogs/humanOfferDialog';
import type { FlowRegistry } from '../dialogs/index';
import type { MainMenuOptions } from '../dialogs/mainMenuDialog';
import type { RouterTurn } from '../dialogs/routerTurn';
import type { TextRef } from '../dialogs/textRef';
import { setTurnInput, type TurnInput } from '../dialogs/turnInput';
import { readLocation } from './channels/location';
import { chooseReplyScript, variantFromChannelLocale } from './i18n/chooseReplyScript';
import type { ReplyLocale } from './i18n/localizer';
import { cleanInput, normalizeText } from './i18n/normalizeText';
import type { TraditionalVariant } from './i18n/scriptConverters';
import { setTurnLocale } from './i18n/turnLocale';
import { Intent, INTENTS } from './nlu/intents';
import type { Recognizer, Script } from './nlu/types';
import { turnInfo } from './runtime/turnInfo';
import { fillMemory, readMemory, suspend, type ConversationMemory, type RememberedSlot } from './understanding/conversationMemory';
import type { Parser } from './understanding/parser';
import type { PinyinReading } from './understanding/pinyinReading';
import { POLICY } from './understanding/policy/index';
import type { PolicyRule } from './understanding/policy/policyRule';
import { RuleId } from './understanding/policy/ruleIds';
import { regionalVariant } from './understanding/regionalVariant';

/** Misunderstandings in a row before a person is offered. */
export const MISUNDERSTANDINGS_BEFORE_HUMAN = 2;

const SCRIPTS = ['zh-Hans', 'zh-Hant', 'en'] as const;
const HTML_TAG = /<[a-z!/][^>]{0,200}>/i;

/** Per conversation: how many turns in a row went unanswered, and the last flow's intent. */
const routerStateSchema = z.object({
  misunderstood: z.number().int().min(0).catch(0),
  lastIntent: z.enum(INTENTS).optional().catch(undefined),
});
type RouterState = z.output<typeof routerStateSchema>;

/** Per customer: the script we answered in last, and a language they picked explicitly. */
const profileSchema = z.object({
  script: z.enum(SCRIPTS).optional().catch(undefined),
  pinned: z.enum(['zh', 'en']).optional().catch(undefined),
  /** Regional phrasing the customer's own words showed (Cantonese → hk); kept for their short replies. */
  variant: z.enum(['hk', 'tw']).optional().catch(undefined),
});
type Profile = z.output<typeof profileSchema>;

export interface RouterDeps {
  conversationState: BotState;
  userState: BotState;
  recognizer: Recognizer;
  parser: Parser;
  registry: FlowRegistry;
  services: FlowServices;
  dialogs: DialogSet;
  dialogState: StatePropertyAccessor<DialogState>;
  ask: AskDialog;
  traditionalVariant: TraditionalVariant;
  /** Reads toneless pinyin in characters (src/understanding/pinyinReading.ts); without it pinyin is matched as typed. */
  pinyin?: PinyinReading;
  /** The policy table; the default is src/understanding/policy/index.ts. */
  policy?: readonly PolicyRule[];
}

/**
 * One message: parse it (act, slots, safety), write its slots into the conversation's memory, then
 * run the policy table (src/understanding/policy): the first rule that decides ends the turn and
 * its id goes to turnInfo.rule. The bot never saves state; the runtime does.
 */
export class Router {
  private readonly routerState: StatePropertyAccessor<unknown>;
  private readonly memoryState: StatePropertyAccessor<unknown>;
  private readonly profile: StatePropertyAccessor<unknown>;
  private readonly policy: readonly PolicyRule[];

  constructor(private readonly deps: RouterDeps) {
    this.routerState = deps.conversationState.createProperty('router');
    this.memoryState = deps.conversationState.createProperty('understanding');
    this.profile = deps.userState.createProperty('profile');
    this.policy = deps.policy ?? POLICY;
  }

  async onMessage(ctx: TurnContext): Promise<void> {
    const profile = profileSchema.parse((await this.profile.get(ctx, {})) ?? {});
    const state = routerStateSchema.parse((await this.routerState.get(ctx, {})) ?? {});
    const memory = readMemory(await this.memoryState.get(ctx, {}));
    const input = this.readInput(ctx, profile, memory);
    // Bad input changes nothing: no slot is written.
    const changed = input.parse.bad ? new Set<RememberedSlot>() : fillMemory(memory, input.parse);
    const dc = await createDialogContext(this.deps.dialogs, ctx);
    const turn = this.turn(dc, input, profile, state, changed);
    let decided: string = RuleId.NotUnderstood;
    for (const rule of this.policy) {
      if (await rule.decide(turn)) {
        decided = rule.id;
        break;
      }
    }
    turnInfo(ctx).rule = decided;
    // A clarifying question is a misunderstanding too: "嗯嗯那个" then "就是那个啊" offers a person.
    if (decided === RuleId.Clarify) state.misunderstood += 1;
    else if (decided !== RuleId.NotUnderstood && decided !== RuleId.BadInput) state.misunderstood = 0;
    const running = this.deps.registry.forDialog(dc.stack[0]?.id);
    const runningIntent = running?.intents.find((i) => i !== Intent.Greeting);
    if (runningIntent && runningIntent !== Intent.HumanAgent) state.lastIntent = runningIntent;
    memory.topic = runningIntent;
    profile.script = input.locale.script;
    await this.routerState.set(ctx, state);
    await this.memoryState.set(ctx, memory);
    await this.profile.set(ctx, profile);
  }

  /** A new member joined: welcome them with the menu (unless a flow is already waiting). */
  async onMembersAdded(ctx: TurnContext): Promise<void> {
    const profile = profileSchema.parse((await this.profile.get(ctx, {})) ?? {});
    const script = profile.pinned === 'en' ? 'en' : (profile.script ?? chooseReplyScript({ text: '', detected: 'zh-Hans', channelLocale: ctx.activity.locale }));
    setTurnLocale(ctx, { script, variant: variantFromChannelLocale(ctx.activity.locale, this.deps.traditionalVariant) });
    const dc = await createDialogContext(this.deps.dialogs, ctx);
    if (dc.activeDialog) return;
    await dc.beginDialog(DialogId.MainMenu, { intro: 'menu.welcome' } satisfies MainMenuOptions);
  }

  private readInput(ctx: TurnContext, profile: Profile, memory: ConversationMemory): TurnInput {
    const raw = typeof ctx.activity.text === 'string' ? ctx.activity.text : '';
    const text = cleanInput(raw);
    const recognition = this.deps.recognizer.recognize(text);
    // A misspelt place name is a place, not pinyin ("hangzou"); pinyin typed without an input
    // method is then read in characters before anything matches words.
    const plain = this.deps.parser.fixPlaces(normalizeText(text));
    const reading = recognition.pinyin ? this.deps.pinyin?.read(plain) : undefined;
    const normalized = reading ?? plain;
    const lookup = reading ?? text;
    const parse = this.deps.parser.parse({ recognition, text, normalized, typed: plain, rawLength: raw.length, hadMarkup: HTML_TAG.test(raw) });
    const variant = regionalVariant(text, recognition, profile.variant, variantFromChannelLocale(ctx.activity.locale, this.deps.traditionalVariant));
    if (variant.shown) profile.variant = variant.shown;
    const detected = variant.cantonese && recognition.script !== 'en' ? 'zh-Hant' : recognition.script;
    const script = chooseReplyScript({
      text,
      detected,
      previous: profile.script,
      pinned: profile.pinned,
      channelLocale: ctx.activity.locale,
      pinyin: recognition.pinyin,
    });
    const locale: ReplyLocale = { script, variant: variant.variant };
    const input: TurnInput = { text, normalized, lookup, recognition, locale, location: readLocation(ctx.activity), parse, memory };
    setTurnLocale(ctx, locale);
    setTurnInput(ctx, input);
    Object.assign(turnInfo(ctx), { intent: recognition.intent, score: recognition.score, script, parse });
    return input;
  }

  private async notUnderstood(dc: DialogContext, input: TurnInput, state: RouterState, startFlow: RouterTurn['startFlow']): Promise<void> {
    state.misunderstood += 1;
    if (state.misunderstood >= MISUNDERSTANDINGS_BEFORE_HUMAN) {
      state.misunderstood = 0;
      const offer = this.deps.registry.forDialog(DialogId.HumanOffer);
      if (offer) await startFlow(offer, { lastIntent: state.lastIntent } satisfies HumanOfferOptions);
      return;
    }
    const pending = dc.activeDialog;
    if (pending?.id === DialogId.Ask) {
      this.deps.ask.notUnderstood(dc.context, pending, input.text);
      return;
    }
    const menu = this.deps.registry.forDialog(DialogId.MainMenu);
    if (menu) await startFlow(menu, { intro: 'menu.outOfScope' } satisfies MainMenuOptions);
  }

  private turn(dc: DialogContext, input: TurnInput, profile: Profile, state: RouterState, changed: ReadonlySet<RememberedSlot>): RouterTurn {
    const { registry, services, recognizer, ask } = this.deps;
    const activeFlow = registry.forDialog(dc.stack[0]?.id);
    const startFlow = async (flow: FlowDefinition, options: object = {}) => {
      const memory = input.memory;
      const current = registry.forDialog(dc.stack[0]?.id);
      // A different flow set aside keeps its slots and can be resumed ("回到证书的问题").
      if (current && current !== flow && current.slots) suspend(memory, current.intents[0]);
      memory.suspended = memory.suspended.filter((s) => !flow.intents.includes(s));
      memory.shown = undefined;
      await dc.cancelAllDialogs();
      const intent = flow.intents.find((i) => i !== Intent.HumanAgent && i !== Intent.Greeting);
      if (intent) state.lastIntent = intent;
      await dc.beginDialog(flow.dialogId, options);
    };
    const turn: RouterTurn = {
      dc,
      input,
      services,
      registry,
      activeFlow,
      changed,
      recognize: (text) => recognizer.recognize(text),
      startFlow,
      reprompt: (preface: TextRef[] = []) => {
        const pending = dc.activeDialog;
        if (pending?.id !== DialogId.Ask) return false;
        ask.reprompt(dc.context, pending, preface);
        return true;
      },
      answerPending: async (exact) => {
        const pending = dc.activeDialog;
        if (pending?.id !== DialogId.Ask) return false;
        const claims = exact ? ask.claimsExactly(pending, input) : ask.claim(pending, input) !== undefined;
        if (!claims) return false;
        await dc.continueDialog();
        return true;
      },
      continuePending: async () => {
        const pending = dc.activeDialog;
        if (!pending || pending.id === DialogId.Ask) return false;
        await dc.continueDialog();
        return true;
      },
      pinLanguage: (script: Script) => {
        profile.pinned = script === 'en' ? 'en' : 'zh';
        const locale: ReplyLocale = { ...input.locale, script };
        input.locale = locale;
        setTurnLocale(dc.context, locale);
        turnInfo(dc.context).script = script;
      },
      humanRequest: (): HumanAgentOptions => {
        const fraud = activeFlow?.intents.includes(Intent.FraudReport) || state.lastIntent === Intent.FraudReport;
        return {
          reason: fraud ? 'fraud' : 'requested',
          urgent: fraud,
          lastIntent: activeFlow?.intents[0] ?? state.lastIntent,
        };
      },
      faq: (outcome) => {
        turnInfo(dc.context).faq = outcome;
      },
      notUnderstood: () => this.notUnderstood(dc, input, state, startFlow),
      nextMissOffersPerson: state.misunderstood + 1 >= MISUNDERSTANDINGS_BEFORE_HUMAN,
    };
    return turn;
  }
}
