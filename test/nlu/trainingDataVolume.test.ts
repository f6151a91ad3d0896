import { DEFAULT_DATA_DIR } from '../../src/nlu/createRecognizer';
import { INTENTS } from '../../src/nlu/intents';
import { loadTrainingData } from '../../src/nlu/loadTrainingData';

/** The minimums issue 3 sets for `intents/nlu`: training utterances and held-out tests per intent and language. */
const MIN = { zh: { utterances: 80, tests: 20 }, en: { utterances: 40, tests: 10 } };

describe('intents/nlu', () => {
  const data = loadTrainingData(DEFAULT_DATA_DIR);

  it.each(INTENTS.flatMap((intent) => (['zh', 'en'] as const).map((language) => [intent, language] as const)))(
    'has enough utterances and held-out tests for %s in %s',
    (intent, language) => {
      const file = data.files.find((f) => f.intent === intent && f.language === language);
      expect(file).toBeDefined();
      expect(file?.utterances.length ?? 0).toBeGreaterThanOrEqual(MIN[language].utterances);
      expect(file?.tests.length ?? 0).toBeGreaterThanOrEqual(MIN[language].tests);
    },
  );

  it('has a large out-of-scope (none) set', () => {
    const none = data.train.filter((e) => e.intent === 'none');
    expect(none.length).toBeGreaterThanOrEqual(250);
  });

  it('includes traditional-script utterances', () => {
    const traditional = data.train.filter((e) => /[們麼說這證書網銀帳戶謝]/.test(e.text));
    expect(traditional.length).toBeGreaterThanOrEqual(30);
  });
});
