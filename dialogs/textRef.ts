import { z } from 'zod';
import { bilingualSchema } from '../src/i18n/bilingualSchema';
import { isChoiceKey, isReplyKey, type ChoiceKey, type ReplyKey } from '../src/i18n/catalogueSchema';
import type { Bilingual, TemplateValue, TemplateVars } from '../src/i18n/localizer';

/**
 * A reply by reference: a catalogue key with its values, or bilingual data. Dialog state stores
 * references, never rendered text, so a question asked in Chinese can be repeated in English
 * after the customer switches language, and state survives a catalogue wording change.
 */
export type TextRef = { key: ReplyKey; vars?: TemplateVars } | { text: Bilingual };

/** A choice's label: a catalogue choice or bilingual data (a city, an FAQ question). */
export type ChoiceLabel = { key: ChoiceKey } | { text: Bilingual };

export interface MenuChoice {
  id: string;
  label: ChoiceLabel;
}

export function t(key: ReplyKey, vars?: TemplateVars): TextRef {
  return vars ? { key, vars } : { key };
}

/** Choices labelled by catalogue choices; the choice key doubles as the id. */
export function keyChoices(...keys: ChoiceKey[]): MenuChoice[] {
  return keys.map((key) => ({ id: key, label: { key } }));
}

const replyKey = z.custom<ReplyKey>((v) => typeof v === 'string' && isReplyKey(v), 'unknown reply key');
const choiceKey = z.custom<ChoiceKey>((v) => typeof v === 'string' && isChoiceKey(v), 'unknown choice key');

const templateValue: z.ZodType<TemplateValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    bilingualSchema,
    z.object({ reply: replyKey }),
    z.object({ join: z.array(templateValue), with: replyKey }),
  ]),
);

export const textRefSchema: z.ZodType<TextRef> = z.union([
  z.object({ key: replyKey, vars: z.record(z.string(), templateValue).optional() }),
  z.object({ text: bilingualSchema }),
]);

export const menuChoiceSchema: z.ZodType<MenuChoice> = z.object({
  id: z.string(),
  label: z.union([z.object({ key: choiceKey }), z.object({ text: bilingualSchema })]),
});
