import { createRecognizerSync, DEFAULT_DATA_DIR, type NluRecognizer } from '../../src/nlu/createRecognizer';
import { INTENTS } from '../../src/nlu/intents';
import { loadTrainingData, type TrainingData } from '../../src/nlu/loadTrainingData';

/**
 * Floors on the held-out test phrasings (never trained on), set a little below the figures
 * measured with `npm run --silent nlu -- test` (see docs/nlu.md). A change to data or pipeline that
 * loses accuracy fails here.
 */
const FLOOR = { overall: 0.96, zh: 0.96, en: 0.95, perIntentPerLanguage: 0.85 };

let recognizer: NluRecognizer;
let data: TrainingData;
beforeAll(() => {
  data = loadTrainingData(DEFAULT_DATA_DIR);
  recognizer = createRecognizerSync({ cacheDir: false });
});

const accuracy = (items: TrainingData['tests']) =>
  items.filter((t) => recognizer.recognize(t.text).intent === t.intent).length / Math.max(1, items.length);

describe('accuracy on held-out tests', () => {
  it(`is at least ${FLOOR.overall} overall`, () => {
    expect(accuracy(data.tests)).toBeGreaterThanOrEqual(FLOOR.overall);
  });

  it.each(['zh', 'en'] as const)('is at least the floor in %s', (language) => {
    expect(accuracy(data.tests.filter((t) => t.language === language))).toBeGreaterThanOrEqual(FLOOR[language]);
  });

  it.each(INTENTS.flatMap((intent) => (['zh', 'en'] as const).map((language) => [intent, language] as const)))(
    `is at least ${FLOOR.perIntentPerLanguage} for %s in %s`,
    (intent, language) => {
      const mine = data.tests.filter((t) => t.intent === intent && t.language === language);
      expect(mine.length).toBeGreaterThan(0);
      expect(accuracy(mine)).toBeGreaterThanOrEqual(FLOOR.perIntentPerLanguage);
    },
  );

  it('follows the script the customer wrote in', () => {
    expect(recognizer.recognize('網銀證書過期了怎麼辦').script).toBe('zh-Hant');
    expect(recognizer.recognize('网银证书过期了怎么办').script).toBe('zh-Hans');
    expect(recognizer.recognize('my certificate expired').script).toBe('en');
  });
});
