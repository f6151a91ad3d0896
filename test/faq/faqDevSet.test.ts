/**
 * The FAQ on its dev set (intents/faqDev.json): customer questions written apart from the entries'
 * held-out phrasings, searched as a turn searches them (pinyin read first). Floors and ceilings
 * leave a little room below the measured figures (docs/dialogs.md, "FAQ lookup").
 */
import { resolve } from 'node:path';
import { loadBranches } from '../../src/branches/loadBranches';
import { devFigures } from '../../src/faq/faqDevEvaluation';
import { readFaqDevFile } from '../../src/faq/faqDevSchema';
import { faqIndexOf, readFaqFile } from '../../src/faq/loadFaq';
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';
import { loadCatalogues } from '../../src/i18n/loadCatalogues';
import { normalizeText } from '../../src/i18n/normalizeText';
import { PACKAGE_ROOT } from '../../src/packageRoot';
import { loadLexicons } from '../../src/understanding/loadLexicons';
import { pinyinReadingOf } from '../../src/understanding/pinyinReadingOf';

const file = readFaqFile(DEFAULT_DATA_FILES.faqFile);
const faq = faqIndexOf(file);
const reading = pinyinReadingOf(() => {
  const catalogues = loadCatalogues(DEFAULT_DATA_FILES.repliesDir);
  return { lexicons: loadLexicons(), faqEntries: file.entries, zh: catalogues.zh, en: catalogues.en, branches: loadBranches(DEFAULT_DATA_FILES.branchesFile).branches };
});
const dev = readFaqDevFile(resolve(PACKAGE_ROOT, 'intents/faqDev.json'), new Set(file.entries.map((e) => e.id)));
const { figures } = devFigures(faq, dev, (text) => reading.read(normalizeText(text)) ?? text);

describe('FAQ on the dev set', () => {
  it('answers at least 80 % of its questions outright and at most 2 % wrongly', () => {
    expect(figures.answeredRate).toBeGreaterThanOrEqual(0.8);
    expect(figures.wrongAnswerRate).toBeLessThanOrEqual(0.02);
  });

  it('finds the right entry for at least 85 % of the questions in every variety', () => {
    for (const [variety, rates] of Object.entries(figures.perVariety)) {
      expect({ variety, hit: rates.hitRate >= 0.85 }).toEqual({ variety, hit: true });
    }
  });

  it('answers at most 2 of its out-of-scope questions', () => {
    expect(figures.outOfScope.questions).toBeGreaterThanOrEqual(50);
    expect(figures.outOfScope.falseAnswers).toBeLessThanOrEqual(2);
  });
});
