import { readDataFile } from '../i18n/readDataFile';
import { FaqIndex, type FaqIndexOptions } from './faqIndex';
import { faqFileSchema, type FaqFile } from './faqSchema';

/** Reads and validates the FAQ file (a bad entry fails the start, naming the file and field). */
export function readFaqFile(file: string): FaqFile {
  return readDataFile(file, faqFileSchema);
}

export function loadFaq(file: string): FaqIndex {
  const data = readFaqFile(file);
  return faqIndexOf(data);
}

/** The index over a validated FAQ file (entries, synonyms, out-of-scope topics). */
export function faqIndexOf(data: FaqFile, settings?: FaqIndexOptions['settings']): FaqIndex {
  return new FaqIndex(data.entries, { synonyms: data.synonyms, outOfScope: data.outOfScope, settings });
}
