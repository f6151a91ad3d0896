import { z } from 'zod';

/** Which features the pipeline extracts; stored with a model so a cached model extracts the same. */
export const featureOptionsSchema = z.object({
  /** Longest run of stemmed English words taken together (1 = words only, 2 = + bigrams). */
  wordNgrams: z.number().int().min(1).max(3),
  /** Character n-grams inside each English word (typo tolerance); [0, 0] turns them off. */
  charNgramMin: z.number().int().min(0).max(8),
  charNgramMax: z.number().int().min(0).max(8),
  /** Longest Chinese character n-gram (1 = characters only). */
  hanNgrams: z.number().int().min(1).max(4),
  /** Longest toneless-pinyin syllable n-gram (0 turns pinyin features off). */
  pinyinNgrams: z.number().int().min(0).max(3).default(2),
  /** Chinese words (ICU's dictionary segmenter): 0 off, 1 words, 2 words + word bigrams. */
  hanWords: z.number().int().min(0).max(2).default(0),
  /** Pairs of Han characters one apart ("设_钟"), robust to an inserted or changed character. */
  hanSkipBigrams: z.boolean().default(false),
  /**
   * Also take Han n-grams with every run of numerals (九, 三十, 两, 2) as one "#", so "九点叫醒我"
   * and "七点半叫醒我" share "#点": times, amounts and counts say what kind of request it is, not
   * which number.
   */
  numeralClass: z.boolean().default(false),
});

export type FeatureOptions = z.infer<typeof featureOptionsSchema>;

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  wordNgrams: 2,
  charNgramMin: 3,
  charNgramMax: 5,
  // Character uni- and bigrams: trigrams added little that bigrams and segmented words do not
  // already say, and tied the model to one region's phrasing. Without them: cn-train -> tw dev
  // 77.6 % -> 78.2 %, MASSIVE dev 84.4 % -> 84.55 %, our 5-fold CV 88.5 % -> 88.8 % (docs/nlu.md).
  hanNgrams: 2,
  pinyinNgrams: 2,
  // Words and word bigrams: MASSIVE zh-CN dev 83.0 % -> 83.5 % alone (docs/nlu.md).
  hanWords: 2,
  hanSkipBigrams: false,
  numeralClass: false,
};
