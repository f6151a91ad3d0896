import { expandPattern } from './expandPattern';
import { latinWordsOf, PinyinReading, stringsOf } from './pinyinReading';

/** The data whose words spell pinyin: the parse's lexicons, the FAQ, the reply catalogues and the branches. */
export interface PinyinData {
  lexicons: unknown;
  faqEntries: unknown;
  zh: unknown;
  en: unknown;
  branches: unknown;
}

/**
 * The bot's pinyin reading (src/bot.ts), in one place so that the FAQ's evaluation (`faq test
 * --dev`) reads pinyin exactly as a turn does before the FAQ is searched.
 */
export function pinyinReadingOf(data: () => PinyinData): PinyinReading {
  return new PinyinReading(() => {
    const { lexicons, faqEntries, zh, en, branches } = data();
    return {
      chinese: [...stringsOf(lexicons).flatMap(expandPattern), ...stringsOf([faqEntries, zh, branches])],
      english: latinWordsOf(stringsOf([lexicons, faqEntries, en, branches])),
    };
  });
}
