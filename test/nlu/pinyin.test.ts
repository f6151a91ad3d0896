import { createRecognizerSync, DEFAULT_CACHE_DIR, type NluRecognizer } from '../../src/nlu/createRecognizer';
import { normalize } from '../../src/nlu/normalize';
import { PinyinReader } from '../../src/nlu/PinyinReader';
import { segmentPinyin } from '../../src/nlu/pinyinTable';

const ENGLISH = ['change', 'card', 'make', 'me', 'ban', 'long', 'time', 'can', 'you'];

describe('pinyin segmentation', () => {
  it.each([
    ['zhengshu', ['zheng', 'shu']],
    ['zenmeban', ['zen', 'me', 'ban']],
    ['wangdian', ['wang', 'dian']],
    ['xian', ['xian']],
    ['lvse', ['lv', 'se']],
  ])('splits %s into %j', (word, syllables) => {
    expect(segmentPinyin(word)).toEqual(syllables);
  });

  it.each(['help', 'certificate', 'stolen', 'ok'])('does not read %s as pinyin', (word) => {
    expect(segmentPinyin(word)).toBeUndefined();
  });
});

describe('telling pinyin from English', () => {
  const reader = new PinyinReader(ENGLISH);
  const read = (text: string) => [...reader.read(normalize(text).text).keys()];

  it('reads a whole pinyin message, English look-alikes included', () => {
    expect(read('zhengshu guoqi le zenme ban')).toEqual(['zhengshu', 'guoqi', 'le', 'zenme', 'ban']);
  });

  it('reads tone-marked pinyin', () => {
    expect(read('zhèngshū guòqī le')).toEqual(['zhengshu', 'guoqi', 'le']);
  });

  it('leaves English alone even when its words split into syllables', () => {
    expect(read('can you change my card')).toEqual([]);
    expect(read('make me a long time')).toEqual([]);
  });

  it('reads unknown pinyin words next to Han characters but not English ones', () => {
    expect(read('我的zhengshu过期了')).toEqual(['zhengshu']);
    expect(read('我的card被盗刷了')).toEqual([]);
  });
});

describe('customers typing pinyin', () => {
  let recognizer: NluRecognizer;
  beforeAll(() => {
    recognizer = createRecognizerSync({ cacheDir: DEFAULT_CACHE_DIR });
  });

  it.each([
    ['zhengshu guoqi le zenme ban', 'cert_expired'],
    ['wode ka bei daoshua le', 'fraud_report'],
    ['zui jin de wangdian', 'branch_visit'],
    ['wo yao zhuan rengong', 'human_agent'],
  ])('understands %s as %s, answering in simplified Chinese', (text, intent) => {
    const r = recognizer.recognize(text);
    expect(r.intent).toBe(intent);
    expect(r.pinyin).toBe(true);
    expect(r.language).toBe('zh');
    expect(r.script).toBe('zh-Hans');
  });

  it('does not flag plain English as pinyin', () => {
    const r = recognizer.recognize('my online banking certificate expired');
    expect(r.pinyin).toBe(false);
    expect(r.language).toBe('en');
  });

  it('marks Cantonese thanks as a goodbye in traditional script, Hong Kong variant', () => {
    const r = recognizer.recognize('唔該晒，冇其他嘢');
    expect(r).toMatchObject({ intent: 'goodbye', script: 'zh-Hant', variant: 'hk', pinyin: false });
  });

  it('classifies a long rambling message by the clause that carries its point', () => {
    const r = recognizer.recognize(
      'hi 你好，我是你们的老客户了，用了好多年网银，一直挺好的，今天早上想给我妈转点钱，结果登录的时候提示说证书已经过期了，我也不知道怎么弄，麻烦告诉我一下该怎么办',
    );
    expect(r.intent).toBe('cert_expired');
  });
});
