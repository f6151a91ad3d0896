import { answerRule, choiceRule, continueRule } from './answerRules';
import { badInputRule } from './badInputRule';
import { clarifyRule } from './clarifyRule';
import { cancelRule, declineRule, faqCommandRule, helpRule, humanRule, languageRule } from './commandRules';
import { faqAnswerRule, faqAnswerThenOfferRule, faqBestGuessRule, faqFallbackRule } from './faqRules';
import { followUpRule } from './followUpRule';
import { notUnderstoodRule } from './notUnderstoodRule';
import type { PolicyRule } from './policyRule';
import { fraudRule, phishingRule } from './safetyRules';
import { slotsFillRule } from './slotRules';
import { smallTalkRule } from './smallTalkRules';
import { locationRule, resumeRule, startRule, switchRule } from './topicRules';

/**
 * THE policy: the rules in the order they are tried; the first that decides ends the turn.
 * docs/dialogs.md shows this table; test/understanding/policyTable.test.ts keeps the two in step.
 */
export const POLICY: readonly PolicyRule[] = [
  badInputRule,
  languageRule,
  fraudRule,
  phishingRule,
  choiceRule,
  cancelRule,
  helpRule,
  humanRule,
  faqCommandRule,
  followUpRule,
  faqAnswerThenOfferRule,
  faqAnswerRule,
  resumeRule,
  slotsFillRule,
  answerRule,
  locationRule,
  smallTalkRule,
  faqBestGuessRule,
  switchRule,
  startRule,
  continueRule,
  declineRule,
  clarifyRule,
  faqFallbackRule,
  notUnderstoodRule,
];
