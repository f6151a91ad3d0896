import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../packageRoot';

/** Regional wording lexicon: data a bank extends without touching code. Part of the model cache key. */
export const REGIONAL_WORDING_FILE = resolve(PACKAGE_ROOT, 'intents/nlu/normalization/regional.json');

const regionalSchema = z
  .object({
    about: z.string().optional(),
    cantoneseMarkers: z.array(z.string().min(1)).min(1),
    taiwanMarkers: z.array(z.string().min(1)),
    rewrite: z.array(z.tuple([z.string().min(1), z.string()])),
    /** Latin words typed inside Chinese text and the Chinese word the training data uses for them. */
    latinInChinese: z.array(z.tuple([z.string().regex(/^[a-z][a-z-]*$/, 'expected a lower-case Latin word'), z.string().min(1)])).default([]),
  })
  .strict();

export interface RegionalWording {
  /** Cantonese-only characters and phrases in raw text (either script), counted. */
  cantoneseCount(text: string): number;
  /** Whether raw text has Taiwan-only wording. */
  hasTaiwanWording(text: string): boolean;
  /**
   * Rewrites regional phrases of simplified text into mainland wording, and, in text with Han
   * characters, the Latin words of `latinInChinese` into Chinese ("寄 email 给妈妈" -> "寄 邮件 给妈妈").
   */
  toMainland(simplified: string): string;
}

let loaded: RegionalWording | undefined;
const HAN = /\p{Script=Han}/u;

/** Loaded once per process; a broken file throws naming it (the recognizer's start then fails loudly). */
export function regionalWording(): RegionalWording {
  if (loaded) return loaded;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(REGIONAL_WORDING_FILE, 'utf8'));
  } catch (error) {
    throw new Error(`regionalWording(): ${REGIONAL_WORDING_FILE}: ${(error as Error).message}`);
  }
  const parsed = regionalSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`regionalWording(): ${REGIONAL_WORDING_FILE}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const table = new Map(parsed.data.rewrite);
  const rewrite = alternation(parsed.data.rewrite.map(([from]) => from));
  const cantonese = alternation(parsed.data.cantoneseMarkers);
  const taiwan = alternation(parsed.data.taiwanMarkers);
  const latinTable = new Map(parsed.data.latinInChinese);
  // Whole words only: "mail" must not rewrite the inside of "gmail".
  const latin = new RegExp(`(?<![a-z])(?:${[...latinTable.keys()].sort((a, b) => b.length - a.length).join('|') || '(?!)'})(?![a-z])`, 'g');
  loaded = {
    cantoneseCount: (text) => text.match(cantonese)?.length ?? 0,
    // search() ignores and restores lastIndex, so the shared global regex is safe here.
    hasTaiwanWording: (text) => text.search(taiwan) >= 0,
    toMainland: (text) => {
      const mainland = text.replace(rewrite, (phrase) => table.get(phrase) ?? phrase);
      return latinTable.size > 0 && HAN.test(mainland) ? mainland.replace(latin, (word) => latinTable.get(word) ?? word) : mainland;
    },
  };
  return loaded;
}

/** One regex for a list of literal phrases, longest first so "唔该晒" wins over "唔该" and "唔". */
function alternation(phrases: readonly string[]): RegExp {
  const escaped = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.length > 0 ? escaped.join('|') : '(?!)', 'gu');
}
