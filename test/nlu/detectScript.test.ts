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

describe('regional variants', () => {
  it.each([
    ['唔該晒，冇其他嘢', 'zh-Hant', 'hk'],
    ['我嘅證書過咗期點算', 'zh-Hant', 'hk'],
    ['最近嘅分行喺边度', 'zh-Hant', 'hk'],
    ['收到一則簡訊說帳戶異常', 'zh-Hant', 'tw'],
    ['禮拜六分行有開嗎', 'zh-Hant', 'tw'],
    ['網銀證書過期了怎麼辦', 'zh-Hant', undefined],
    ['网银证书过期了怎么办', 'zh-Hans', undefined],
  ])('%s is %s, variant %s', (text, script, variant) => {
    const n = normalize(text);
    expect(n.script).toBe(script);
    expect(n.variant).toBe(variant);
  });

  it('rewrites Cantonese and Taiwan wording into the mainland wording the model knows', () => {
    expect(normalize('唔該晒，冇其他嘢').text).toBe('谢谢 没有其他事');
    expect(normalize('網路銀行的憑證過期了').text).toBe('网上银行的证书过期了');
    expect(normalize('我的提款卡不見了').text).toBe('我的银行卡不见了');
  });
});
