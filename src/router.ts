import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogState } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { AskDialog } from '../dialogs/askDialog';
import { mentionsAny } from '../dialogs/commandWords';
import { createDialogContext } from '../dialogs/dialogContexts';
import { DialogId } from '../dialogs/dialogIds';
import { faqAnswer, isFaqMiss, type FaqOptions } from '../dialogs/faqDialog';
import type { FlowDefinition, FlowServices } from '../dialogs/flowTypes';
import type { HumanAgentOptions } from '../dialogs/humanAgentDialog';
import type { HumanOfferOptions } from '../dialogs/humanOfferDialog';
import type { FlowRegistry } from '../dialogs/index';
import { AFTER_ANSWER, BEFORE_ANSWER } from '../dialogs/interruptions';
import type { MainMenuOptions } from '../dialogs/mainMenuDialog';
import type { RouterTurn } from '../dialogs/routerTurn';
import { t, type TextRef } from '../dialogs/textRef';
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

/** Misunderstandings in a row before a person is offered. */
export const MISUNDERSTANDINGS_BEFORE_HUMAN = 2;

const SCRIPTS = ['zh-Hans', 'zh-Hant', 'en'] as const;

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
});
type Profile = z.output<typeof profileSchema>;

export interface RouterDeps {
  conversationState: BotState;
  userState: BotState;
  recognizer: Recognizer;
  registry: FlowRegistry;
  services: FlowServices;
  dialogs: DialogSet;
  dialogState: StatePropertyAccessor<DialogState>;
  ask: AskDialog;
  traditionalVariant: TraditionalVariant;
}

/**
 * One message, routed: commands first (cancel, help, a person, FAQ, language), then the pending
 * question's answer, then a shared location or a clear new intent, then the FAQ, then "not
 * understood" (twice in a row → offer a person). The bot never saves state; the runtime does.
 */
export class Router {
  private readonly routerState: StatePropertyAccessor<unknown>;
  private readonly profile: StatePropertyAccessor<unknown>;

  constructor(private readonly deps: RouterDeps) {
    this.routerState = deps.conversationState.createProperty('router');
    this.profile = deps.userState.createProperty('profile');
  }

  async onMessage(ctx: TurnContext): Promise<void> {
    const profile = profileSchema.parse((await this.profile.get(ctx, {})) ?? {});
    const state = routerStateSchema.parse((await this.routerState.get(ctx, {})) ?? {});
    const input = this.readInput(ctx, profile);
    const dc = await createDialogContext(this.deps.dialogs, ctx);
    const turn = this.turn(dc, input, profile, state);
    const understood = await this.route(turn, dc, input, state);
    if (understood) state.misunderstood = 0;
    const running = this.deps.registry.forDialog(dc.stack[0]?.id)?.intents.find((i) => i !== Intent.Greeting);
    if (running && running !== Intent.HumanAgent) state.lastIntent = running;
    profile.script = input.locale.script;
    await this.routerState.set(ctx, state);
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

  private readInput(ctx: TurnContext, profile: Profile): TurnInput {
    const text = cleanInput(ctx.activity.text);
    const recognition = this.deps.recognizer.recognize(text);
    const script = chooseReplyScript({
      text,
      detected: recognition.script,
      previous: profile.script,
      pinned: profile.pinned,
      channelLocale: ctx.activity.locale,
    });
    const locale: ReplyLocale = { script, variant: variantFromChannelLocale(ctx.activity.locale, this.deps.traditionalVariant) };
    const input: TurnInput = { text, normalized: normalizeText(text), recognition, locale, location: readLocation(ctx.activity) };
    setTurnLocale(ctx, locale);
    setTurnInput(ctx, input);
    Object.assign(turnInfo(ctx), { intent: recognition.intent, score: recognition.score, script });
    return input;
  }

  private async route(turn: RouterTurn, dc: DialogContext, input: TurnInput, state: RouterState): Promise<boolean> {
    const { replies } = this.deps.services;
    if (input.text === '' && !input.location) {
      replies.say(dc.context, t('common.emptyInput'));
      turn.reprompt();
      return true;
    }
    const pending = dc.activeDialog;
    const asking = pending?.id === DialogId.Ask ? pending : undefined;
    // An exact answer (a number, a button's label) beats commands; a looser one comes after them.
    if (!asking || !this.deps.ask.claimsExactly(asking, input)) {
      for (const interruption of BEFORE_ANSWER) if (await interruption.handle(turn)) return true;
    }
    if (asking && this.deps.ask.claim(asking, input)) {
      await dc.continueDialog();
      return true;
    }
    for (const interruption of AFTER_ANSWER) if (await interruption.handle(turn)) return true;
    if (pending && pending.id !== DialogId.Ask) {
      await dc.continueDialog();
      return true;
    }
    if (await this.tryFaq(turn, dc, input)) return true;
    await this.notUnderstood(turn, dc, input, state);
    return false;
  }

  /** Messages no flow claimed go to the FAQ, unless they are plainly about something we don't do. */
  private async tryFaq(turn: RouterTurn, dc: DialogContext, input: TurnInput): Promise<boolean> {
    const outOfScope = mentionsAny(input.normalized, this.deps.services.localizer.words('outOfScope'));
    if (outOfScope || input.normalized === '') return false;
    if (dc.activeDialog) {
      // Mid-flow only a clear single answer is worth the detour; then the question again.
      const search = this.deps.services.faq.search(input.text);
      if (search.outcome !== 'answer') return false;
      this.deps.services.replies.say(dc.context, faqAnswer(search.hits[0].entry));
      return turn.reprompt([t('common.backToTopic')]);
    }
    const result = await dc.beginDialog(DialogId.Faq, { query: input.text, fallback: true } satisfies FaqOptions);
    return !isFaqMiss(result.result);
  }

  private async notUnderstood(turn: RouterTurn, dc: DialogContext, input: TurnInput, state: RouterState): Promise<void> {
    state.misunderstood += 1;
    if (state.misunderstood >= MISUNDERSTANDINGS_BEFORE_HUMAN) {
      state.misunderstood = 0;
      const offer = this.deps.registry.forDialog(DialogId.HumanOffer);
      if (offer) await turn.startFlow(offer, { lastIntent: state.lastIntent } satisfies HumanOfferOptions);
      return;
    }
    const pending = dc.activeDialog;
    if (pending?.id === DialogId.Ask) {
      this.deps.ask.notUnderstood(dc.context, pending, input.text);
      return;
    }
    const menu = this.deps.registry.forDialog(DialogId.MainMenu);
    if (menu) await turn.startFlow(menu, { intro: 'menu.outOfScope' } satisfies MainMenuOptions);
  }

  private turn(dc: DialogContext, input: TurnInput, profile: Profile, state: RouterState): RouterTurn {
    const { registry, services, recognizer, ask } = this.deps;
    const activeFlow = registry.forDialog(dc.stack[0]?.id);
    return {
      dc,
      input,
      services,
      registry,
      activeFlow,
      recognize: (text) => recognizer.recognize(text),
      startFlow: async (flow: FlowDefinition, options: object = {}) => {
        await dc.cancelAllDialogs();
        const intent = flow.intents.find((i) => i !== Intent.HumanAgent && i !== Intent.Greeting);
        if (intent) state.lastIntent = intent;
        await dc.beginDialog(flow.dialogId, options);
      },
      reprompt: (preface: TextRef[] = []) => {
        const pending = dc.activeDialog;
        if (pending?.id !== DialogId.Ask) return false;
        ask.reprompt(dc.context, pending, preface);
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
    };
  }
}
