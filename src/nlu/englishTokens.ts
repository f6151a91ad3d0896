import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer';

const tokenizer = new WordTokenizer();
// Porter stemming is a chain of regular expressions (~2 µs a word); customers reuse a small
// vocabulary, so a bounded memo makes it nearly free. Bounded so odd input cannot grow it forever.
const STEM_MEMO_LIMIT = 50_000;
const stemMemo = new Map<string, string>();

export function stem(token: string): string {
  let stemmed = stemMemo.get(token);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(token);
    if (stemMemo.size >= STEM_MEMO_LIMIT) stemMemo.clear();
    stemMemo.set(token, stemmed);
  }
  return stemmed;
}

/**
 * Latin-script words and numbers of normalized text, via natural's WordTokenizer (which splits on
 * anything that is not A-Z, 0-9 or _; it drops Chinese characters entirely, which we handle apart).
 */
export function englishTokens(normalizedText: string): string[] {
  return tokenizer.tokenize(normalizedText);
}
