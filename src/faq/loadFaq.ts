import { readDataFile } from '../i18n/readDataFile';
import { FaqIndex } from './faqIndex';
import { faqFileSchema } from './faqSchema';

/** Reads and validates the FAQ file (a bad entry fails the start, naming the file and field). */
export function loadFaq(file: string): FaqIndex {
  return new FaqIndex(readDataFile(file, faqFileSchema).entries);
}
