import { readDataFile } from '../i18n/readDataFile';
import { FaqIndex } from './faqIndex';
import { faqFileSchema, type FaqFile } from './faqSchema';

/** Reads and validates the FAQ file (a bad entry fails the start, naming the file and field). */
export function readFaqFile(file: string): FaqFile {
  return readDataFile(file, faqFileSchema);
}

export function loadFaq(file: string): FaqIndex {
  const data = readFaqFile(file);
  return new FaqIndex(data.entries, { synonyms: data.synonyms });
}
