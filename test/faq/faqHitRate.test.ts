/**
 * The FAQ answers the held-out phrasings each entry carries (never indexed) and keeps quiet on the
 * file's out-of-scope questions. A confident wrong answer is worse than an offer of choices, so
 * the rates are asserted apart: found (answered or offered), answered outright, answered wrongly,
 * and out-of-scope questions answered. The figures are printed (also: `npm run --silent faq -- test`).
 */
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';
import { loadCatalogues } from '../../src/i18n/loadCatalogues';
import { faqFigures } from '../../src/faq/faqEvaluation';
import { faqIndexOf, readFaqFile } from '../../src/faq/loadFaq';

const file = readFaqFile(DEFAULT_DATA_FILES.faqFile);
const faq = faqIndexOf(file);
const { figures, phrasings } = faqFigures(faq, file);

/** Measured (README, "FAQ"): the floors leave a little room, the ceilings too. */
const MIN_HIT_RATE = 0.89;
const MIN_HIT_RATE_PER_LANGUAGE = 0.85;
const MIN_ANSWER_RATE = 0.75;
const MAX_WRONG_ANSWER_RATE = 0.05;
const MAX_OUT_OF_SCOPE_ANSWER_RATE = 0.04;

beforeAll(() => {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  process.stdout.write(
    `FAQ: ${figures.entries} entries, ${figures.phrasings} held-out phrasings: found ${pct(figures.hitRate)}, ` +
      `answered outright ${pct(figures.answeredRate)}, offered ${pct(figures.offeredRate)}, wrong answers ${pct(figures.wrongAnswerRate)}; ` +
      `out of scope answered ${figures.outOfScope.falseAnswers}/${figures.outOfScope.questions}\n`,
  );
});

describe('FAQ lookup on held-out phrasings', () => {
  it('has at least 80 entries, each with at least three held-out phrasings per language', () => {
    expect(faq.entries.length).toBeGreaterThanOrEqual(80);
    for (const entry of faq.entries) {
      expect(entry.tests.zh.length).toBeGreaterThanOrEqual(3);
      expect(entry.tests.en.length).toBeGreaterThanOrEqual(3);
    }
  });

  it(`finds the right entry (answered or offered) for at least ${MIN_HIT_RATE * 100} % of them`, () => {
    const misses = phrasings.filter((r) => r.outcome === 'missed' || r.outcome === 'wrong').map((r) => `${r.id}: ${r.text} → ${r.top ?? '-'}`);
    if (figures.hitRate < MIN_HIT_RATE) throw new Error(`hit rate ${figures.hitRate.toFixed(3)} < ${MIN_HIT_RATE}; missed:\n${misses.join('\n')}`);
    expect(figures.hitRate).toBeGreaterThanOrEqual(MIN_HIT_RATE);
  });

  it(`answers outright for at least ${MIN_ANSWER_RATE * 100} % of them`, () => {
    expect(figures.answeredRate).toBeGreaterThanOrEqual(MIN_ANSWER_RATE);
  });

  it(`answers with the wrong entry for at most ${MAX_WRONG_ANSWER_RATE * 100} % of them`, () => {
    expect(figures.wrongAnswerRate).toBeLessThanOrEqual(MAX_WRONG_ANSWER_RATE);
  });

  it.each(['zh', 'en'] as const)('works in %s on its own', (lang) => {
    expect(figures.perLanguage[lang].hitRate).toBeGreaterThanOrEqual(MIN_HIT_RATE_PER_LANGUAGE);
  });

  it('is more sure of the answers it gives than of the choices it offers', () => {
    const mean = (outcome: string) => {
      const list = phrasings.filter((p) => p.search.outcome === outcome);
      return list.reduce((s, p) => s + p.search.confidence, 0) / list.length;
    };
    expect(mean('answer')).toBeGreaterThan(mean('choose'));
    for (const p of phrasings) if (p.search.outcome === 'answer') expect(p.search.confidence).toBeGreaterThanOrEqual(faq.settings.answerConfidence);
  });

  it('answers the right entry more often the surer it is (high confidence beats low)', () => {
    const right = (list: typeof phrasings) => list.filter((p) => p.top === p.id).length / list.length;
    const sure = phrasings.filter((p) => p.search.confidence >= 0.8);
    const unsure = phrasings.filter((p) => p.search.confidence < 0.5);
    expect(right(sure)).toBeGreaterThan(right(unsure) + 0.3);
  });
});

describe('FAQ on questions it must not answer', () => {
  it(`answers at most ${MAX_OUT_OF_SCOPE_ANSWER_RATE * 100} % of the out-of-scope questions in the file`, () => {
    expect(figures.outOfScope.questions).toBeGreaterThanOrEqual(40);
    expect(figures.outOfScope.falseAnswerRate).toBeLessThanOrEqual(MAX_OUT_OF_SCOPE_ANSWER_RATE);
  });

  it.each([
    '今天天气怎么样',
    '网络科技公司经营范围怎么选',
    '代办营业执照给3万5',
    '推荐一家好吃的餐厅',
    'what is the weather today',
    'who won the football game',
    'what is the mortgage interest rate',
    '😀😀',
    '',
    '？？？',
  ])('does not answer: %s', (text) => {
    expect(faq.search(text).outcome).not.toBe('answer');
  });

  it('does not answer the out-of-scope topics the catalogues name (company registration, weather, …)', () => {
    const catalogues = loadCatalogues(DEFAULT_DATA_FILES.repliesDir);
    const words = [...catalogues.zh.words.outOfScope, ...catalogues.en.words.outOfScope];
    expect(words.length).toBeGreaterThan(5);
    const answered = words.filter((w) => faq.search(w).outcome === 'answer' || faq.search(`${w}怎么办`).outcome === 'answer');
    expect(answered).toEqual([]);
  });

  it('finds nothing and is not confident in an empty question', () => {
    const search = faq.search('');
    expect(search).toMatchObject({ outcome: 'none', hits: [], confidence: 0 });
  });
});

describe('FAQ lookup across scripts and spellings', () => {
  it.each([
    ['证书有效期', 'cert_validity'],
    ['證書有效期', 'cert_validity'],
    ['令牌', 'token_what'],
    ['K宝丢了怎么办', 'usb_key_lost'],
    ['my certifcate has expierd, can I still log in', 'cert_expired_effect'],
    ['網銀憑證過期了還能轉帳嗎', 'cert_expired_effect'],
  ])('puts the right entry first for %s', (text, id) => {
    expect(faq.search(text).ranked[0]?.entry.id).toBe(id);
  });
});
