/** English typos are repaired towards the training vocabulary before classification; pinyin and known words are not touched. */
import { createRecognizerSync, DEFAULT_CACHE_DIR } from '../../src/nlu/createRecognizer';

const recognizer = createRecognizerSync({ cacheDir: DEFAULT_CACHE_DIR });

describe('English typo repair before classification', () => {
  it.each([
    ['wher is the closest brnach', 'branch_visit'],
    ['my certifcate has expierd', 'cert_expired'],
    ['someone stole my pasword and took mony from my acount', 'fraud_report'],
  ])('"%s" is understood as %s', (text, intent) => {
    expect(recognizer.recognize(text).intent).toBe(intent);
  });

  it('leaves words read as pinyin alone, alone or beside characters', () => {
    expect(recognizer.recognize('zhengshu guoqi le zenme ban')).toMatchObject({ intent: 'cert_expired', pinyin: true });
    expect(recognizer.recognize('我的zhengshu过期了')).toMatchObject({ intent: 'cert_expired', pinyin: true });
  });
});
