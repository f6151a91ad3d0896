import { extractFeatures, type PinyinWords } from './extractFeatures';
import type { FeatureOptions } from './featureOptions';
import { normalize, type Normalized } from './normalize';

/**
 * Normalized texts and their features, kept for one training run: fallback tuning trains three
 * cross-validation models and then the final one on the same texts, and normalizing and
 * extracting features six times over was a third of the start-up training time. Features are a
 * pure function of the normalized text, the pinyin reading (which depends on each fold's English
 * words, so it is part of the key) and the options, which are fixed for one run.
 */
export class FeatureMemo {
  private readonly normalized = new Map<string, Normalized>();
  private readonly features = new Map<string, string[]>();

  constructor(readonly options: FeatureOptions) {}

  normalize(text: string): Normalized {
    let found = this.normalized.get(text);
    if (found === undefined) {
      found = normalize(text);
      this.normalized.set(text, found);
    }
    return found;
  }

  extract(normalizedText: string, pinyin: PinyinWords): string[] {
    const key = pinyin.size === 0 ? normalizedText : `${normalizedText}\u0000${[...pinyin.keys()].join(' ')}`;
    let found = this.features.get(key);
    if (found === undefined) {
      found = extractFeatures(normalizedText, this.options, pinyin);
      this.features.set(key, found);
    }
    return found;
  }
}
