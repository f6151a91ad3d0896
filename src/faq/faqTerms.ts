/**
 * Turns a question into index terms. `natural`'s word tokenizer drops Chinese entirely, so a
 * Chinese run becomes character bigrams (natural's NGramsZH), which match words without a
 * segmenter: 证书有效期 → 证书 书有 有效 效期; single characters are terms too (minus the commonest),
 * so a paraphrase that shares no word still shares characters (改密码 / 修改密码). A Latin run is one
 * unit, stemmed when it stands alone and kept whole inside bigrams, so "U盾" yields the term "u盾".
 * Submodules only: the package index reads `.env` behind src/config.ts's back (src/nlu/natural.d.ts).
 */
import { NGramsZH } from 'natural/lib/natural/ngrams';
import { PorterStemmer } from 'natural/lib/natural/stemmers';
import { normalizeText } from '../i18n/normalizeText';

const UNIT = /\p{Script=Han}|[^\s\p{Script=Han}]+/gu;
const HAN = /^\p{Script=Han}$/u;

/** Function words whose bigrams say nothing about the topic. */
const CHINESE_STOP_BIGRAMS: ReadonlySet<string> = new Set([
  '怎么', '么办', '怎样', '什么', '如何', '请问', '我的', '一下', '可以', '是不', '不是', '我想', '想问',
  '问一', '吗', '了吗', '的话', '这个', '那个', '为什', '为何', '您好', '你好', '我们', '需要',
  '东西', '个东', '下那', '下这',
]);

/** Characters too common to say anything on their own (the single-character terms skip them). */
const CHINESE_STOP_CHARS: ReadonlySet<string> = new Set([
  ...'的了吗我你您是在有么怎吧呢啊要能会想个一这那就都也还和与及或被把给让到去来说用什为多少几',
  ...'不可以他她它们很太些得着里呀哦嗯喔哈啦嘛咯好请问顺便啲',
  // Cantonese particles and pronouns (喺 嘅 咗 are rewritten by the synonyms first): "得唔得㗎".
  ...'㗎喎啩囉嘞喇啫吖咩嗰佢哋咁噉呢',
  // Question, time and filler words, a classifier: "哪", "已经", "什么时候", "一条短信", "到底", "做什么用", "那个东西", "一下".
  ...'哪已经才但候样条底做东西下',
]);

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'is', 'are', 'am', 'was', 'be', 'do', 'does', 'did', 'i', 'my', 'me', 'you', 'your', 'it',
  'its', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'and', 'or', 'what', 'how', 'can', 'could', 'should',
  'will', 'would', 'please', 'there', 'this', 'that', 'if', 'from', 'about', 'have', 'has', 'get', 'we', 'our',
  'when', 'where', 'which', 'who', 'why', 'any', 'need', 'want', 'so', 'by', 'as', 'into', 'up', 'out',
  'got', 'but', 'yet', 'just', 'also', 'too', 'very', 'some', 'now', 'then', 'than', 'been', 'being', 'were',
  'they', 'them', 'their', 'he', 'she', 'his', 'her', 'him', 'us', 'mine', 'ok', 'okay', 'let', 'really',
  'tell', 'know', 'say', 'said', 'thing', 'things', 'anything', 'something', 'someone', 'way', 'go', 'make',
  'hi', 'hello', 'thanks', 'thank', 'wait', 'btw', 'anyway', 'actually', 'quick', 'question', 'im', 'ive', 'dont', 'doesnt', 'cant', 'wont', 'isnt', 'whats', 'should',
  // Words that carry no topic but, unknown to the FAQ, would count against its coverage (or be
  // "repaired" into an FAQ word: point → print).
  'must', 'same', 'both', 'every', 'put', 'wants', 'wanted', 'told', 'unless', 'vs', 'versus', 'oops',
  'explain', 'involve', 'involved', 'mean', 'means', 'point', 'like', 'kind', 'sort', 'possible', 'exactly', 'maybe', 'else',
  'think', 'guess', 'somewhere', 'somehow', 'probably', 'seems', 'apparently',
  // What is left of a contraction once normalizeText splits it ("wasn't" → "wasn t", "I've" → "i ve"),
  // and the filler of a story told before the question.
  've', 'll', 're', 'wasn', 'didn', 'couldn', 'hasn', 'haven', 'aren', 'weren', 'wouldn', 'shouldn', 'all',
  'yesterday', 'today', 'tried', 'try', 'trying', 'even',
]);

/** A text cut into what the index counts. */
export interface FaqText {
  /** Content units: Chinese characters and stemmed English words, stop words left out (coverage counts these). */
  units: string[];
  /** The units plus the bigrams (what the vectors are made of). */
  terms: string[];
}

/** Optional repair of an English word before stemming (typos); identity by default. */
export type WordFixer = (word: string) => string;

const keep: WordFixer = (word) => word;

/** Cuts already-normalized text (see normalizeText) into units and terms. */
export function analyzeFaqText(normalized: string, fixWord: WordFixer = keep): FaqText {
  const units: string[] = [];
  const terms: string[] = [];
  for (const token of normalized.split(' ')) {
    const pieces = token.match(UNIT) ?? [];
    for (const piece of pieces) {
      if (HAN.test(piece)) {
        if (!CHINESE_STOP_CHARS.has(piece)) units.push(piece);
      } else if (piece.length >= 2 && !ENGLISH_STOP_WORDS.has(piece)) {
        units.push(PorterStemmer.stem(fixWord(piece)));
      }
    }
    if (pieces.length >= 2) {
      for (const pair of NGramsZH.bigrams(pieces)) {
        const term = pair.join('');
        if (pair.some((u) => HAN.test(u)) && !CHINESE_STOP_BIGRAMS.has(term)) terms.push(term);
      }
    }
  }
  return { units, terms: [...units, ...terms] };
}

export function faqTerms(text: string): string[] {
  return analyzeFaqText(normalizeText(text)).terms;
}
