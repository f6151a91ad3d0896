import type { Script } from '../nlu/types';
import type { Catalogue, ChoiceKey, ReplyKey, WordListId } from './catalogueSchema';
import { normalizeText } from './normalizeText';
import { toTraditional, type TraditionalVariant } from './scriptConverters';

/** Text that data files carry in both languages (FAQ answers, branch names, city names). */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The script to answer in and, for traditional Chinese, which regional phrasing. */
export interface ReplyLocale {
  script: Script;
  variant: TraditionalVariant;
}

/**
 * What may fill a placeholder: plain text (a phone number), bilingual data (a branch name),
 * another catalogue reply (`{ reply: 'branch.closed' }`) or a list joined by a catalogue separator.
 */
export type TemplateValue = string | number | Bilingual | { reply: ReplyKey } | { join: TemplateValue[]; with: ReplyKey };
export type TemplateVars = Record<string, TemplateValue>;

export interface Catalogues {
  zh: Catalogue;
  en: Catalogue;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Renders catalogue replies in the customer's script. Traditional Chinese is generated from the
 * simplified text after the placeholders are filled, so names from data files convert too.
 */
export class Localizer {
  private readonly choiceWords = new Map<ChoiceKey, string[]>();
  private readonly wordLists = new Map<WordListId, string[]>();

  constructor(private readonly catalogues: Catalogues) {}

  text(locale: ReplyLocale, key: ReplyKey, vars: TemplateVars = {}): string {
    return this.script(locale, this.fill(locale, key, vars));
  }

  label(locale: ReplyLocale, key: ChoiceKey): string {
    return this.script(locale, this.catalogueFor(locale).choices[key].label);
  }

  /** Picks the customer's language from bilingual data, converting to traditional when needed. */
  pick(locale: ReplyLocale, text: Bilingual): string {
    return this.script(locale, locale.script === 'en' ? text.en : text.zh);
  }

  /** Every normalized way to say a choice, in both languages (a customer may mix them). */
  wordsForChoice(key: ChoiceKey): string[] {
    let words = this.choiceWords.get(key);
    if (!words) {
      words = unique(
        [this.catalogues.zh, this.catalogues.en].flatMap((c) => [c.choices[key].label, ...c.choices[key].words]),
      );
      this.choiceWords.set(key, words);
    }
    return words;
  }

  /** A command vocabulary (cancel, help, …) in both languages, normalized. */
  words(id: WordListId): string[] {
    let words = this.wordLists.get(id);
    if (!words) {
      words = unique([...this.catalogues.zh.words[id], ...this.catalogues.en.words[id]]);
      this.wordLists.set(id, words);
    }
    return words;
  }

  /** The reply with placeholders filled, before any script conversion (done once, at the end). */
  private fill(locale: ReplyLocale, key: ReplyKey, vars: TemplateVars): string {
    return this.catalogueFor(locale).replies[key].replace(PLACEHOLDER, (whole: string, name: string) => {
      const value = vars[name];
      return value === undefined ? whole : this.value(locale, value);
    });
  }

  private value(locale: ReplyLocale, value: TemplateValue): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if ('reply' in value) return this.fill(locale, value.reply, {});
    if ('join' in value) return value.join.map((v) => this.value(locale, v)).join(this.fill(locale, value.with, {}));
    return locale.script === 'en' ? value.en : value.zh;
  }

  private catalogueFor(locale: ReplyLocale): Catalogue {
    return locale.script === 'en' ? this.catalogues.en : this.catalogues.zh;
  }

  private script(locale: ReplyLocale, text: string): string {
    return locale.script === 'zh-Hant' ? toTraditional(text, locale.variant) : text;
  }
}

function unique(words: string[]): string[] {
  return [...new Set(words.map(normalizeText).filter((w) => w !== ''))];
}
