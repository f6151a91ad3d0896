import { fitTemperature, measureCalibration, rescale } from '../../src/nlu/calibration';
import { createRecognizerSync, DEFAULT_CACHE_DIR, type NluRecognizer } from '../../src/nlu/createRecognizer';
import { isUnsure } from '../../src/nlu/fallback';

describe('calibration', () => {
  it('reports a small error when confidence is close to accuracy, and a large one when it is not', () => {
    const close = measureCalibration([0.95, 0.95, 0.55, 0.55], [true, true, true, false]);
    expect(close.ece).toBeCloseTo(0.05, 3); // 0.95 vs 1.0 and 0.55 vs 0.5, each half the messages
    const over = measureCalibration([0.99, 0.99, 0.99, 0.99], [true, false, true, false]);
    expect(over.ece).toBeCloseTo(0.49, 2);
    expect(over.bins.find((b) => b.n > 0)).toMatchObject({ n: 4, accuracy: 0.5 });
  });

  it('softens an over-confident model: a temperature above 1 when the top score is right only half the time', () => {
    const rankings = Array.from({ length: 20 }, () => [
      { label: 'a', score: 0.98 },
      { label: 'b', score: 0.02 },
    ]);
    const truth = rankings.map((_, i) => (i % 2 === 0 ? 'a' : 'b'));
    const t = fitTemperature(rankings, truth);
    expect(t).toBeGreaterThan(2);
    expect(rescale(rankings[0], t)[0].score).toBeLessThan(0.8);
  });

  it('picks the temperature with the least negative log-likelihood, an empty ranking (empty message) costing the same at every one', () => {
    const rankings = [
      ...Array.from({ length: 9 }, () => [
        { label: 'a', score: 0.7 },
        { label: 'b', score: 0.2 },
        { label: 'c', score: 0.1 },
      ]),
      [],
    ];
    const truth = ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'c', 'a'];
    const nll = (t: number) =>
      rankings.reduce((sum, ranked, i) => sum - Math.log(Math.max(rescale(ranked, t).find((r) => r.label === truth[i])?.score ?? 0, 1e-12)), 0);
    const grid = Array.from({ length: 41 }, (_, i) => 1 + i * 0.1);
    const bruteForce = grid.reduce((best, t) => (nll(t) < nll(best) - 1e-9 ? t : best), 1);
    expect(fitTemperature(rankings, truth)).toBeCloseTo(bruteForce, 5);
  });

  it('keeps the order of candidates when rescaling', () => {
    const ranked = [
      { label: 'x', score: 0.7 },
      { label: 'y', score: 0.2 },
      { label: 'z', score: 0.1 },
    ];
    expect(rescale(ranked, 2.5).map((r) => r.label)).toEqual(['x', 'y', 'z']);
  });
});

describe('unsure', () => {
  it('is an out-of-scope answer with a plausible real intent, never a confident one', () => {
    const none = { label: 'none', score: 0.6 };
    expect(isUnsure(none, [none, { label: 'cert_expired', score: 0.3 }], 'none')).toBe(true);
    expect(isUnsure(none, [none, { label: 'cert_expired', score: 0.05 }], 'none')).toBe(false);
    expect(isUnsure({ label: 'cert_expired', score: 0.9 }, [{ label: 'cert_expired', score: 0.9 }], 'none')).toBe(false);
  });

  describe('from the recognizer', () => {
    let recognizer: NluRecognizer;
    beforeAll(() => {
      recognizer = createRecognizerSync({ cacheDir: DEFAULT_CACHE_DIR });
    });

    it('is not unsure about a clear request', () => {
      const r = recognizer.recognize('网银证书过期了怎么办');
      expect(r).toMatchObject({ intent: 'cert_expired', unsure: false });
      expect(r.score).toBeGreaterThan(0.8);
    });

    it('is not unsure about plain small talk', () => {
      expect(recognizer.recognize('今天天气怎么样')).toMatchObject({ intent: 'none', unsure: false });
    });

    it('is unsure about a bare word that could be several things, and offers the real intents', () => {
      const unsure = ['app', 'code', 'help'].map((t) => recognizer.recognize(t)).filter((r) => r.unsure);
      expect(unsure.length).toBeGreaterThan(0);
      for (const r of unsure) {
        expect(r.intent).toBe('none');
        expect(r.alternatives.some((a) => a.intent !== 'none' && a.score >= 0.25)).toBe(true);
      }
    });
  });
});
