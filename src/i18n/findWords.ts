/**
 * Finds vocabulary words inside normalized text (see normalizeText). Chinese has no spaces, so a
 * word matches anywhere; a word that starts or ends with a Latin letter or digit must stand on a
 * word boundary there, so "app" does not match inside "happy".
 */
export interface WordHit<T> {
  word: string;
  start: number;
  end: number;
  value: T;
}

const ALNUM = /[a-z0-9]/;

function boundaryOk(text: string, start: number, end: number, word: string): boolean {
  if (ALNUM.test(word[0]) && start > 0 && ALNUM.test(text[start - 1])) return false;
  if (ALNUM.test(word[word.length - 1]) && end < text.length && ALNUM.test(text[end])) return false;
  return true;
}

/** Every occurrence of every word, tagged with its value. */
export function findWords<T>(text: string, vocabulary: ReadonlyArray<{ word: string; value: T }>): WordHit<T>[] {
  const hits: WordHit<T>[] = [];
  for (const { word, value } of vocabulary) {
    if (word === '') continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (boundaryOk(text, at, end, word)) hits.push({ word, start: at, end, value });
    }
  }
  return hits;
}

/** Drops hits lying inside a longer hit ("北京" inside "北京路"), so the most specific word wins. */
export function longestHits<T>(hits: WordHit<T>[]): WordHit<T>[] {
  return hits.filter(
    (h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
}

/** True when `text` contains `word` as a whole word (Latin) or anywhere (Chinese). */
export function containsWord(text: string, word: string): boolean {
  return findWords(text, [{ word, value: true }]).length > 0;
}
