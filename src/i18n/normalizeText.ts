/**
 * Text normalization for matching customer input against our own word lists (choices, commands,
 * branch names, FAQ). Words in the catalogues go through the same function, so both sides agree
 * whatever the recognizer does internally.
 */
import { toSimplified } from './scriptConverters';

/** Longer input is cut before any work: no real question is this long, and work stays bounded. */
export const MAX_MATCH_CHARS = 500;

// Script and style blocks go whole: their content is code, not something the customer said.
const CODE_BLOCK = /<(script|style)\b[^>]{0,200}>[\s\S]{0,2000}?<\/\1\s*>/gi;
const TAG = /<[^>]{0,200}>/g;
const ENTITY = /&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
const HAN = /\p{Script=Han}/u;

/** What the customer wrote, made safe to quote back: tags and entities out, whitespace tidied, cut. */
export function cleanInput(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : '';
  return Array.from(text.slice(0, MAX_MATCH_CHARS * 2))
    .slice(0, MAX_MATCH_CHARS)
    .join('')
    .replace(CODE_BLOCK, ' ')
    .replace(TAG, ' ')
    .replace(ENTITY, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Half-width, lower-case, simplified; punctuation, emoji and symbols become single spaces. */
export function normalizeText(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (HAN.test(out)) out = toSimplified(out);
  return out.replace(NON_WORD, ' ').trim();
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
