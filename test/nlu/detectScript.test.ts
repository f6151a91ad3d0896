import { normalize } from '../../src/nlu/normalize';

describe('script detection', () => {
  it.each([
    ['网银证书过期了怎么办', 'zh', 'zh-Hans'],
    ['網銀證書過期了怎麼辦', 'zh', 'zh-Hant'],
    ['請問最近的分行在哪裡', 'zh', 'zh-Hant'],
    ['我的U盾丢了', 'zh', 'zh-Hans'],
    ['我的U盾丟了', 'zh', 'zh-Hant'],
    ['my certificate expired', 'en', 'en'],
    ['my 证书 expired yesterday', 'en', 'en'],
    ['ＨＥＬＬＯ', 'en', 'en'],
    ['网(wǎng)银', 'zh', 'zh-Hans'],
  ])('%s is %s / %s', (text, language, script) => {
    const n = normalize(text);
    expect(n.language).toBe(language);
    expect(n.script).toBe(script);
  });

  it('detects traditional before converting it', () => {
    const n = normalize('證書');
    expect(n.script).toBe('zh-Hant');
    expect(n.text).toBe('证书');
  });

  it('falls back to the given default when there is nothing to read', () => {
    expect(normalize('😀 !!', { language: 'en', script: 'en' }).script).toBe('en');
    expect(normalize('').script).toBe('zh-Hans');
  });
});
