import { createRecognizerSync, DEFAULT_CACHE_DIR, DEFAULT_DATA_DIR, type NluRecognizer } from '../../src/nlu/createRecognizer';
import { INTENTS } from '../../src/nlu/intents';
import { loadTrainingData, type TrainingData } from '../../src/nlu/loadTrainingData';
import { groupsOf, MESSAGE_GROUPS } from '../../src/nlu/messageGroups';
import { isSafetyConfusion } from '../../src/nlu/safetyPairs';

/**
 * Floors on the held-out test phrasings (never trained on), set a little below the figures
 * measured with `npm run --silent nlu -- test` (see docs/nlu.md). A change to data or pipeline that
 * loses accuracy fails here.
 */
const FLOOR = { overall: 0.97, zh: 0.97, en: 0.95, perIntentPerLanguage: 0.9, perGroup: 0.9 };

let recognizer: NluRecognizer;
let data: TrainingData;
beforeAll(() => {
  data = loadTrainingData(DEFAULT_DATA_DIR);
  // The shared cached model: its key hashes data, options and pipeline code, so it is exactly the
  // model this code trains (test/nlu/modelCache.test.ts), and only the first suite pays for training.
  recognizer = createRecognizerSync({ cacheDir: DEFAULT_CACHE_DIR });
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

  it.each(MESSAGE_GROUPS.map((g) => [g]))(`is at least ${FLOOR.perGroup} on %s messages`, (group) => {
    const mine = data.tests.filter((t) => groupsOf({ ...recognizer.recognize(t.text), text: recognizer.recognize(t.text).normalized }).includes(group));
    expect(mine.length).toBeGreaterThanOrEqual(10);
    expect(accuracy(mine)).toBeGreaterThanOrEqual(FLOOR.perGroup);
  });

  it('never confuses the safety-critical pairs on held-out tests', () => {
    const confusions = data.tests.flatMap((t) => {
      const got = recognizer.recognize(t.text).intent;
      return isSafetyConfusion(t.intent, got) ? [`${t.text}: ${t.intent} -> ${got}`] : [];
    });
    expect(confusions).toEqual([]);
  });

  it('follows the script the customer wrote in', () => {
    expect(recognizer.recognize('網銀證書過期了怎麼辦').script).toBe('zh-Hant');
    expect(recognizer.recognize('网银证书过期了怎么办').script).toBe('zh-Hans');
    expect(recognizer.recognize('my certificate expired').script).toBe('en');
  });
});
