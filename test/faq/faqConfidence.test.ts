import { faqConfidence, type FaqSignals } from '../../src/faq/faqConfidence';
import { calibrationTable, fitConfidence, type LabelledSignals } from '../../src/faq/fitConfidence';
import { rocAuc } from '../../src/faq/pairAgreement';

const signals = (score: number, coverage: number, margin: number): FaqSignals => ({
  score,
  coverage,
  margin,
  gap: score * margin,
  phrase: score,
  shortfall: Math.max(0, 0.5 - coverage) * 2,
});

describe('FAQ confidence', () => {
  it('is higher for a strong, well-covered, clear match than for a weak, partial, tied one', () => {
    expect(faqConfidence(signals(0.9, 1, 0.6))).toBeGreaterThan(0.9);
    expect(faqConfidence(signals(0.2, 0.3, 0.05))).toBeLessThan(0.2);
  });

  it('fits a model that separates right from wrong examples and says how well calibrated it is', () => {
    const examples: LabelledSignals[] = [];
    for (let i = 0; i < 40; i += 1) {
      examples.push({ signals: signals(0.6 + (i % 5) * 0.05, 1, 0.5), right: true });
      examples.push({ signals: signals(0.2 + (i % 5) * 0.03, 0.4, 0.1), right: false });
    }
    const model = fitConfidence(examples);
    expect(faqConfidence(signals(0.7, 1, 0.5), model)).toBeGreaterThan(0.8);
    expect(faqConfidence(signals(0.25, 0.4, 0.1), model)).toBeLessThan(0.2);
    const { bins, ece } = calibrationTable(examples, model);
    expect(bins.reduce((n, b) => n + b.examples, 0)).toBe(examples.length);
    expect(ece).toBeLessThan(0.1);
  });
});

describe('rocAuc', () => {
  it('is 1 when every paraphrase scores above every non-paraphrase, 0.5 when they tie', () => {
    expect(rocAuc([{ same: true, score: 0.9 }, { same: false, score: 0.1 }, { same: true, score: 0.5 }])).toBe(1);
    expect(rocAuc([{ same: true, score: 0.5 }, { same: false, score: 0.5 }])).toBe(0.5);
    expect(rocAuc([{ same: true, score: 0.1 }, { same: false, score: 0.9 }])).toBe(0);
  });
});
