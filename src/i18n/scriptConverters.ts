/**
 * opencc-js converters for replies. Authors write each reply in simplified Chinese and English;
 * traditional text is generated. Taiwan output uses `twp` (phrases too: 短信 → 簡訊, 网络 → 網路),
 * Hong Kong output uses `hk`. Building a converter loads dictionaries (~80 ms), so each is built
 * once per process, on first use.
 */
import { Converter, type ConverterFunction } from 'opencc-js';

export const TRADITIONAL_VARIANTS = ['tw', 'hk'] as const;
export type TraditionalVariant = (typeof TRADITIONAL_VARIANTS)[number];

const OPENCC_TARGET: Record<TraditionalVariant, string> = { tw: 'twp', hk: 'hk' };

const traditional = new Map<TraditionalVariant, ConverterFunction>();
let simplified: ConverterFunction | undefined;

export function toTraditional(text: string, variant: TraditionalVariant): string {
  let convert = traditional.get(variant);
  if (!convert) {
    convert = Converter({ from: 'cn', to: OPENCC_TARGET[variant] });
    traditional.set(variant, convert);
  }
  return convert(text);
}

/** Traditional (any variant, Taiwan phrases included) to simplified, for matching input. */
export function toSimplified(text: string): string {
  simplified ??= Converter({ from: 'twp', to: 'cn' });
  return simplified(text);
}
