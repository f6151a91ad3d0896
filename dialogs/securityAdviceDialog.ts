import { WaterfallDialog } from './dialogKit';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { ChoiceKey, ReplyKey } from '../src/i18n/catalogueSchema';
import { Intent } from '../src/nlu/intents';
import type { AskOptions } from './askDialog';
import { mentionedChoice } from './choiceMatcher';
import { chosenKey } from './chosenKey';
import { DialogId } from './dialogIds';
import type { FlowDefinition, FlowServices, FlowStart } from './flowTypes';
import { keyChoices, t } from './textRef';
import { getTurnInput } from './turnInput';

/** Topics and their advice; adding a topic is one line here plus its choice and reply in the catalogues. */
const ADVICE = {
  'security.topic.passwords': 'security.passwords',
  'security.topic.token': 'security.token',
  'security.topic.phishing': 'security.phishing',
  'security.topic.wifi': 'security.wifi',
  'security.topic.changePassword': 'security.changePassword',
} as const satisfies Partial<Record<ChoiceKey, ReplyKey>>;
type Topic = keyof typeof ADVICE;
const TOPICS = Object.keys(ADVICE).filter((k): k is Topic => k in ADVICE);

const NEXT = ['security.next.more', 'security.next.fraud', 'choice.done'] as const satisfies readonly ChoiceKey[];
type Next = (typeof NEXT)[number];

const ON_NEXT: Record<Next, (step: WaterfallStepContext<FlowStart>, services: FlowServices) => Promise<DialogTurnResult>> = {
  'security.next.more': (step) => step.replaceDialog(DialogId.SecurityAdvice, {}),
  'security.next.fraud': (step) => step.replaceDialog(DialogId.FraudReport, {}),
  'choice.done': (step, services) => {
    services.replies.say(step.context, t('common.done'));
    return step.endDialog();
  },
};

/**
 * security_advice: a short menu of topics, concrete advice for the one chosen (or the one the
 * first message already named), then more topics, the fraud flow if something already happened,
 * or done.
 */
export const securityAdviceFlow: FlowDefinition = {
  dialogId: DialogId.SecurityAdvice,
  intents: [Intent.SecurityAdvice],
  help: 'help.securityAdvice',
  // Offered after a general security answer (FAQ entries with `offers: security_advice`).
  offer: 'security.offer',
  create: (services) =>
    new WaterfallDialog<FlowStart>(DialogId.SecurityAdvice, [
      async (step) => {
        // Said first: the general answer this flow was offered after (faq.answerThenOffer).
        const preface = step.options?.preface ?? [];
        if (preface.length > 0) services.replies.say(step.context, ...preface);
        // The message that started the flow may already name the topic ("钓鱼短信怎么防").
        const text = getTurnInput(step.context)?.text;
        const named = text ? mentionedChoice(text, keyChoices(...TOPICS), services.localizer) : undefined;
        if (named) return step.next(named.id);
        const ask: AskOptions = { question: t('security.askTopic'), choices: keyChoices(...TOPICS) };
        return step.beginDialog(DialogId.Ask, ask);
      },
      async (step) => {
        const topic = chosenKey(step.result, TOPICS);
        if (!topic) return step.endDialog();
        const ask: AskOptions = { preface: [t(ADVICE[topic])], question: t('security.askNext'), choices: keyChoices(...NEXT) };
        return step.beginDialog(DialogId.Ask, ask);
      },
      async (step) => ON_NEXT[chosenKey(step.result, NEXT) ?? 'choice.done'](step, services),
    ]),
};
