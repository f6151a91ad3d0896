/**
 * Types for the few `natural` submodules we import. We never import the package index: it runs
 * `dotenv.config()` (reading `./.env` behind src/config.ts's back), prints to stdout and takes about
 * a second; the submodules load in about 19 ms.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}

declare module 'natural/lib/natural/tokenizers/regexp_tokenizer' {
  export class WordTokenizer {
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/ngrams/ngrams_zh' {
  export function ngrams(sequence: string | string[], n: number): string[][];
  export function bigrams(sequence: string | string[]): string[][];
}

declare module 'natural/lib/natural/ngrams/ngrams' {
  export function ngrams(sequence: string | string[], n: number): string[][];
  export function bigrams(sequence: string | string[]): string[][];
}

declare module 'natural/lib/natural/tfidf/tfidf' {
  class TfIdf {
    addDocument(document: string | string[]): void;
    idf(term: string, force?: boolean): number;
  }
  export = TfIdf;
}

declare module 'natural/lib/natural/util/stopwords' {
  export const words: readonly string[];
}
