import { statSync } from 'node:fs';
import { readDataFile } from '../i18n/readDataFile';
import { FaqIndex, type FaqIndexOptions } from './faqIndex';
import { faqFileSchema, type FaqFile } from './faqSchema';

/** Reads and validates the FAQ file (a bad entry fails the start, naming the file and field). */
export function readFaqFile(file: string): FaqFile {
  return readDataFile(file, faqFileSchema);
}

/**
 * Built indexes by file version. Building one takes 0.2–0.6 s (synonyms, spelling vocabulary,
 * calibration), and one process may build several bots over the same file (the test harness, one
 * app per Direct Line test, `bench`). The index is read-only once built and its searches are
 * synchronous, so bots can share it. A changed file (mtime or size) is read again.
 */
const built = new Map<string, FaqIndex>();
const MAX_BUILT = 4;

export function loadFaq(file: string): FaqIndex {
  const stat = statSync(file, { throwIfNoEntry: false });
  // A missing file is reported by readFaqFile, with the file named, like every data file.
  if (!stat) return faqIndexOf(readFaqFile(file));
  const version = `${file}\0${stat.mtimeMs}\0${stat.size}`;
  const cached = built.get(version);
  if (cached) return cached;
  const index = faqIndexOf(readFaqFile(file));
  if (built.size >= MAX_BUILT) built.delete(built.keys().next().value ?? '');
  built.set(version, index);
  return index;
}

/** The index over a validated FAQ file (entries, synonyms, out-of-scope topics). */
export function faqIndexOf(data: FaqFile, settings?: FaqIndexOptions['settings']): FaqIndex {
  return new FaqIndex(data.entries, { synonyms: data.synonyms, outOfScope: data.outOfScope, inScopeAnchors: data.inScopeAnchors, questionLeads: data.questionLeads, settings });
}
