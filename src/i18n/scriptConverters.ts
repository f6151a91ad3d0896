/**
 * Script converters for replies. Authors write each reply in simplified Chinese and English;
 * traditional text is generated with opencc's presets: Taiwan output uses `s2twp` (phrases too:
 * 短信 → 簡訊, 网络 → 網路), Hong Kong output `s2hk`, both through our leaner PhraseConverter.
 * Each is built once per process, on first use.
 */
import { Converter, type ConverterFunction } from 'opencc-js';
import { BoundedCache } from '../util/boundedCache';
import { phraseConverter } from './phraseConverter';

export const TRADITIONAL_VARIANTS = ['tw', 'hk'] as const;
export type TraditionalVariant = (typeof TRADITIONAL_VARIANTS)[number];

export const OPENCC_PRESET: Record<TraditionalVariant, string> = { tw: 's2twp', hk: 's2hk' };

/**
 * Replies are drawn from our catalogue, branch list and FAQ, so the same few hundred texts are
 * converted over and over: each variant keeps its recent results (bounded, oldest out first).
 */
const REMEMBERED_REPLIES = 2000;

interface VariantConverter {
  convert: ConverterFunction;
  remembered: BoundedCache<string>;
}

const traditional = new Map<TraditionalVariant, VariantConverter>();
let simplified: ConverterFunction | undefined;

export function toTraditional(text: string, variant: TraditionalVariant): string {
  let converter = traditional.get(variant);
  if (!converter) {
    converter = { convert: phraseConverter(OPENCC_PRESET[variant]), remembered: new BoundedCache<string>(REMEMBERED_REPLIES) };
    traditional.set(variant, converter);
  }
  const { convert, remembered } = converter;
  return remembered.getOrCreate(text, () => convert(text));
}

/** Traditional (any variant, Taiwan phrases included) to simplified, for matching input. */
export function toSimplified(text: string): string {
  simplified ??= Converter({ from: 'twp', to: 'cn' });
  return simplified(text);
}
