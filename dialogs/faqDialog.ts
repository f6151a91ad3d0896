import { WaterfallDialog } from './dialogKit';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { ChoiceKey } from '../src/i18n/catalogueSchema';
import type { FaqEntry } from '../src/faq/faqSchema';
import type { FaqSearch } from '../src/faq/faqIndex';
import { normalizeText } from '../src/i18n/normalizeText';
import { askResult, type AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { DialogId } from './dialogIds';
import type { FlowDefinition, FlowServices } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import { keyChoices, t, type TextRef } from './textRef';

export interface FaqOptions {
  /** What to look up; without it the flow asks. */
  query?: string;
  /**
   * Set when the router fell back to the FAQ because no flow understood the message: a miss then
   * ends silently with `{ found: false }` and the router answers "out of scope" instead.
   */
  fallback?: boolean;
  /**
   * A clear question the FAQ is unsure about: answer with the best entry and offer the other close
   * ones ("did you mean…"), rather than only listing them.
   */
  bestGuess?: boolean;
}

export interface FaqDialogResult {
  found: boolean;
}

export function isFaqMiss(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Reflect.get(value, 'found') === false;
}

const NONE_CHOICES = ['choice.yesHuman', 'choice.no'] as const satisfies readonly ChoiceKey[];

export function faqAnswer(entry: FaqEntry): TextRef {
  return t('faq.answer', { question: entry.question, answer: entry.answer });
}

/** A runner-up this close to the best hit is as likely the answer: both are shown. */
const TIED = 0.95;

/**
 * The entries an unsure match answers with: the best hit, and the next one too when the two are
 * all but tied ("去柜台重置证书要带什么证件" scores the reset and the what-to-bring entries alike).
 */
export function bestGuesses(search: FaqSearch): FaqEntry[] {
  const [best, next] = search.hits;
  if (!best) return [];
  return next && next.score >= best.score * TIED ? [best.entry, next.entry] : [best.entry];
}

/**
 * FAQ lookup by keyword ("FAQ 证书有效期", "搜索 令牌", the menu's "search the FAQ", or any message
 * no flow claimed): one good hit answers, several close hits become choices, none says so and
 * offers a person.
 */
export const faqFlow: FlowDefinition = {
  dialogId: DialogId.Faq,
  intents: [],
  help: 'help.faq',
  create: (services) =>
    new WaterfallDialog<FaqOptions>(DialogId.Faq, [
      async (step) => {
        const query = step.options?.query;
        if (typeof query === 'string' && normalizeText(query) !== '') return step.next({ kind: 'text', text: query });
        const ask: AskOptions = { question: t('faq.askQuery'), choices: [], accept: 'anyText' };
        return step.beginDialog(DialogId.Ask, ask);
      },
      (step) => lookUp(step, services),
      (step) => afterChoice(step, services),
    ]),
};

async function lookUp(step: WaterfallStepContext<FaqOptions>, services: FlowServices) {
  const result = askResult(step.result);
  if (result?.kind !== 'text') return step.endDialog();
  const search = services.faq.search(result.text);
  if (search.outcome === 'answer') {
    services.replies.say(step.context, faqAnswer(search.hits[0].entry));
    return step.endDialog({ found: true } satisfies FaqDialogResult);
  }
  if (search.outcome === 'choose' && step.options?.bestGuess === true) {
    const shown = bestGuesses(search);
    services.replies.say(step.context, ...shown.map(faqAnswer));
    const others = search.hits.filter((h) => !shown.includes(h.entry));
    if (others.length === 0) return step.endDialog({ found: true } satisfies FaqDialogResult);
    const choices = others.map((h) => ({ id: h.entry.id, label: { text: h.entry.question } }));
    const ask: AskOptions = { question: t('faq.orPick'), choices };
    return step.beginDialog(DialogId.Ask, ask);
  }
  if (search.outcome === 'choose') {
    const choices = search.hits.map((h) => ({ id: h.entry.id, label: { text: h.entry.question } }));
    const ask: AskOptions = { question: t('faq.pick'), choices };
    return step.beginDialog(DialogId.Ask, ask);
  }
  if (step.options?.fallback === true) return step.endDialog({ found: false } satisfies FaqDialogResult);
  const ask: AskOptions = { question: t('faq.none', { query: result.text }), choices: keyChoices(...NONE_CHOICES) };
  return step.beginDialog(DialogId.Ask, ask);
}

async function afterChoice(step: WaterfallStepContext<FaqOptions>, services: FlowServices) {
  const result = askResult(step.result);
  const entry = result?.kind === 'choice' ? services.faq.byId(result.id) : undefined;
  if (entry) {
    services.replies.say(step.context, faqAnswer(entry));
    return step.endDialog({ found: true } satisfies FaqDialogResult);
  }
  if (chosenKey(result, NONE_CHOICES) === 'choice.yesHuman') {
    const options: HumanAgentOptions = { reason: 'not_understood', urgent: false };
    return step.replaceDialog(DialogId.HumanAgent, options);
  }
  services.replies.say(step.context, t('common.anythingElse'));
  return step.endDialog({ found: true } satisfies FaqDialogResult);
}
