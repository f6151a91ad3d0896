/**
 * Script converters for replies. Authors write each reply in simplified Chinese and English;
 * traditional text is generated with opencc's presets: Taiwan output uses `s2twp` (phrases too:
 * 短信 → 簡訊, 网络 → 網路), Hong Kong output `s2hk`, both through our leaner PhraseConverter.
 * Each is built once per process, on first use.
 */
import { Converter, type ConverterFunction } from 'opencc-js';
import { phraseConverter } from './phraseConverter';

export const TRADITIONAL_VARIANTS = ['tw', 'hk'] as const;
export type TraditionalVariant = (typeof TRADITIONAL_VARIANTS)[number];

export const OPENCC_PRESET: Record<TraditionalVariant, string> = { tw: 's2twp', hk: 's2hk' };

const traditional = new Map<TraditionalVariant, ConverterFunction>();
let simplified: ConverterFunction | undefined;

export function toTraditional(text: string, variant: TraditionalVariant): string {
  let convert = traditional.get(variant);
  if (!convert) {
    convert = phraseConverter(OPENCC_PRESET[variant]);
    traditional.set(variant, convert);
  }
  return convert(text);
}

/** Traditional (any variant, Taiwan phrases included) to simplified, for matching input. */
export function toSimplified(text: string): string {
  simplified ??= Converter({ from: 'twp', to: 'cn' });
  return simplified(text);
}
