import type { ReplyKey, WordListId } from '../i18n/catalogueSchema';
import { defaultLocalizer } from '../i18n/defaultLocalizer';
import type { Localizer, ReplyLocale } from '../i18n/localizer';
import { toSimplified } from '../nlu/chineseConverters';
import type { TraditionalVariant } from '../i18n/scriptConverters';
import type { CustomerScript, HandoverLocale } from './handoverRecord';

/**
 * What the handover says to customers. The wording lives in the shared reply catalogue
 * (`intents/replies/*.json`, keys `handover.*`); these ids are the handover's own short names for
 * those keys, so call sites and the push log stay as they were.
 */
export const HANDOVER_TEXT_IDS = [
  'queued',
  'queuedUrgent',
  'stillQueued',
  'positionChanged',
  'left',
  'closedHours',
  'noAgents',
  'closedUrgent',
  'waitTimeout',
  'askContact',
  'ticketCreated',
  'ticketSkipped',
  'agentJoined',
  'agentLeft',
  'agentGone',
  'ratePrompt',
  'ratingThanks',
  'backToBot',
  'transferred',
  'requeued',
  'confirmDraft',
  'draftDropped',
] as const;

export type HandoverTextId = (typeof HANDOVER_TEXT_IDS)[number];

// Fails to compile if a handover id has no catalogue key in zh.json (the template of the schema).
const catalogueKey = (id: HandoverTextId): ReplyKey => `handover.${id}` satisfies ReplyKey;

export type HandoverParams = Record<string, string | number>;

/**
 * Renders handover texts through the shared Localizer in the script and traditional variant kept
 * on the handover record. Placeholders are filled after conversion, not by the Localizer, so that
 * what they carry (an agent's name, a ticket number) reaches the customer exactly as written.
 */
export class HandoverTexts {
  constructor(private readonly localizer: Localizer) {}

  /** A word list of the catalogues (both languages), for reading the customer's short answers. */
  words(id: WordListId): readonly string[] {
    return this.localizer.words(id);
  }

  text(id: HandoverTextId, { script, variant }: HandoverLocale, params: HandoverParams = {}): string {
    const locale: ReplyLocale = { script, variant };
    // No vars: the Localizer leaves `{name}` untouched, and opencc leaves ASCII alone.
    const template = this.localizer.text(locale, catalogueKey(id));
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }
}

let shared: HandoverTexts | undefined;

/** The handover texts over the repository's catalogues, for code that has no HandoverTexts handed in. */
export function handoverText(id: HandoverTextId, script: CustomerScript, params: HandoverParams = {}, variant: TraditionalVariant = 'tw'): string {
  shared ??= new HandoverTexts(defaultLocalizer());
  return shared.text(id, { script, variant }, params);
}

/** What a customer types to leave the queue or skip the message offer (after NFKC, simplified, lower-case). */
const CANCEL_WORDS = new Set(['取消', '取消排队', '退出', '退出排队', '不等了', '算了', '不用了', 'cancel', 'quit', 'stop', 'exit', 'no thanks']);

export function isCancel(text: string): boolean {
  const t = toComparable(text);
  return CANCEL_WORDS.has(t);
}

function toComparable(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s.,!?;:。，！？；：、"'“”‘’]+/g, ' ')
    .trim()
    .replace(/^(?:please )?(.*?)(?: please)?$/, '$1');
}
