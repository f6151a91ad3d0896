import { extractFeatures, type PinyinWords } from './extractFeatures';
import type { FeatureOptions } from './featureOptions';
import { normalize } from './normalize';
import { PinyinReader } from './PinyinReader';
import { SoftmaxClassifier } from './SoftmaxClassifier';
import { Vectorizer } from './Vectorizer';
import { SpellFixer } from '../faq/spellFixer';

export interface Ranked {
  label: string;
  score: number;
}

export interface LabelledText {
  text: string;
  label: string;
  /** The language the text's author meant, when known (our data files say it; a pinyin line is `zh`). */
  language?: 'zh' | 'en';
}

/**
 * Normalized text ► features ► TF-IDF vector ► softmax probabilities, for any label set (our
 * intents or BANKING77's 77 categories). No fallback here: that is the recognizer's business.
 */
export class TextClassifier {
  private readonly buffer: Float64Array;
  private readonly pinyinReader: PinyinReader;
  private spelling?: SpellFixer;

  constructor(
    readonly labels: readonly string[],
    readonly featureOptions: FeatureOptions,
    readonly vectorizer: Vectorizer,
    readonly model: SoftmaxClassifier,
    /** English words of the training texts: they tell English from pinyin (see PinyinReader). */
    readonly englishWords: readonly string[] = [],
    /** Softmax temperature fitted on held-out predictions so scores are calibrated (see calibration.ts). */
    readonly temperature = 1,
  ) {
    this.buffer = new Float64Array(labels.length);
    this.pinyinReader = new PinyinReader(englishWords);
  }

  /** The same model with calibrated scores: same ranking, probabilities divided by `temperature`. */
  withTemperature(temperature: number): TextClassifier {
    return new TextClassifier(this.labels, this.featureOptions, this.vectorizer, this.model, this.englishWords, temperature);
  }

  /** Latin words of normalized text that read as pinyin, with their syllables. */
  readPinyin(normalizedText: string): PinyinWords {
    return this.pinyinReader.read(normalizedText);
  }

  /**
   * English words of normalized text that the training texts never use, repaired towards one
   * they do within one edit ("brnach" → "branch", "certifcate" → "certificate"; the FAQ's
   * SpellFixer rules: 5 letters or more, first letter kept). Words read as pinyin are left alone.
   * A typo is otherwise a feature no model weight knows, and the message loses its intent.
   */
  repairTypos(normalizedText: string, pinyin: PinyinWords): string {
    if (this.englishWords.length === 0 || !/[a-z]{5}/.test(normalizedText)) return normalizedText;
    this.spelling ??= new SpellFixer(new Map(this.englishWords.map((word) => [word, 1])));
    const spelling = this.spelling;
    return normalizedText.replace(/[a-z]+/g, (word) => (pinyin.has(word) ? word : spelling.fix(word)));
  }

  /** The best `top` labels for already-normalized text, highest probability first. */
  rankNormalized(normalizedText: string, top = 3, pinyin: PinyinWords = this.readPinyin(normalizedText)): Ranked[] {
    const vector = this.vectorizer.transform(extractFeatures(normalizedText, this.featureOptions, pinyin));
    const probs = this.model.probabilities(vector, this.buffer, this.temperature);
    return topK(probs, Math.min(top, this.labels.length)).map((c) => ({ label: this.labels[c], score: probs[c] }));
  }

  rank(text: string, top = 3): Ranked[] {
    return this.rankNormalized(normalize(text).text, top);
  }
}

/** Indices of the k largest values, largest first (k is tiny, so selection beats sorting). */
function topK(values: Float64Array, k: number): number[] {
  const picked: number[] = [];
  for (let n = 0; n < k; n++) {
    let best = -1;
    for (let c = 0; c < values.length; c++) {
      if ((best < 0 || values[c] > values[best]) && !picked.includes(c)) best = c;
    }
    picked.push(best);
  }
  return picked;
}
