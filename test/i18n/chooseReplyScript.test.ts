import { chooseReplyScript } from '../../src/i18n/chooseReplyScript';

describe('chooseReplyScript', () => {
  it('answers in the script the customer wrote', () => {
    expect(chooseReplyScript({ text: '网银证书过期了', detected: 'zh-Hans' })).toBe('zh-Hans');
    expect(chooseReplyScript({ text: '網銀證書過期了', detected: 'zh-Hant' })).toBe('zh-Hant');
    expect(chooseReplyScript({ text: 'my certificate expired', detected: 'en' })).toBe('en');
  });

  it('keeps a Chinese conversation Chinese when the customer clicks a mixed label like "U盾（USB Key）"', () => {
    expect(chooseReplyScript({ text: 'U盾（USB Key）', detected: 'en', previous: 'zh-Hans' })).toBe('zh-Hans');
    expect(chooseReplyScript({ text: 'U盾（USB Key）', detected: 'en', previous: 'zh-Hant' })).toBe('zh-Hant');
  });

  it('keeps an English conversation English when a Chinese word slips in', () => {
    expect(chooseReplyScript({ text: 'my U盾 USB key expired', detected: 'en', previous: 'en' })).toBe('en');
  });

  it('falls back to the previous script, then the channel locale, for text without words', () => {
    expect(chooseReplyScript({ text: '2', detected: 'en', previous: 'zh-Hant' })).toBe('zh-Hant');
    expect(chooseReplyScript({ text: '👍', detected: 'en', channelLocale: 'en-US' })).toBe('en');
  });

  it('answers pinyin typed without an input method in Chinese, not English', () => {
    expect(chooseReplyScript({ text: 'zhengshu guoqi le zenme ban', detected: 'zh-Hans', pinyin: true })).toBe('zh-Hans');
    expect(chooseReplyScript({ text: 'zui jin de wangdian', detected: 'zh-Hans', pinyin: true, previous: 'zh-Hant' })).toBe('zh-Hant');
    expect(chooseReplyScript({ text: 'wode ka bei daoshua le', detected: 'zh-Hans', pinyin: true, channelLocale: 'zh-HK' })).toBe('zh-Hant');
    expect(chooseReplyScript({ text: 'zhengshu guoqi le', detected: 'zh-Hans', pinyin: true, pinned: 'en' })).toBe('en');
  });

  it('keeps an English conversation English when the customer names a city that reads as pinyin', () => {
    expect(chooseReplyScript({ text: 'Chengdu', detected: 'zh-Hans', pinyin: true, previous: 'en' })).toBe('en');
  });

  it('lets an explicit language choice win', () => {
    expect(chooseReplyScript({ text: '网点', detected: 'zh-Hans', pinned: 'en' })).toBe('en');
  });
});
