import { bestGuesses } from '../../dialogs/faqDialog';
import type { FaqSearch } from '../../src/faq/faqIndex';
import { loadFaq } from '../../src/faq/loadFaq';
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';

const faq = loadFaq(DEFAULT_DATA_FILES.faqFile);

function withScores(search: FaqSearch, scores: number[]): FaqSearch {
  return { ...search, hits: scores.map((score, i) => ({ ...search.ranked[i], score })) };
}

describe('the FAQ best guess', () => {
  const search = faq.search('去柜台重置证书要带什么证件？');

  it('shows the runner-up too when it scores within 5 % of the best', () => {
    expect(search.outcome).toBe('choose');
    expect(bestGuesses(search).map((e) => e.id)).toContain('cert_bring');
    expect(bestGuesses(withScores(search, [0.5, 0.48]))).toHaveLength(2);
  });

  it('shows the best alone when it leads clearly', () => {
    expect(bestGuesses(withScores(search, [0.5, 0.4]))).toHaveLength(1);
    expect(bestGuesses(withScores(search, []))).toEqual([]);
  });
});
