import { cutToLimit } from '../../src/nlu/cutToLimit';
import { MAX_INPUT_CHARS } from '../../src/nlu/limits';
import { normalize } from '../../src/nlu/normalize';

describe('normalize', () => {
  it.each([
    ['full-width letters and digits become half-width', 'ＡＢＣ１２３', 'abc123'],
    ['upper case becomes lower case', 'My Certificate EXPIRED', 'my certificate expired'],
    ['traditional becomes simplified', '網銀證書過期了怎麼辦', '网银证书过期了怎么办'],
    ['Taiwan variants become simplified', '我很著急，裡面的錢', '我很着急 里面的钱'],
    ['pinyin annotations are removed', '網(wǎng)銀證書過期了', '网银证书过期了'],
    ['full-width brackets around pinyin too', '網（wǎng）銀', '网银'],
    ['tone-digit pinyin annotations are removed', '网(wang3)银', '网银'],
    ['an English aside in brackets stays', 'my key (usb) is lost', 'my key usb is lost'],
    ['punctuation and whitespace collapse to one space', '  证书！！过期了？？\n\t怎么办。 ', '证书 过期了 怎么办'],
    ['HTML tags and entities are stripped', '<p>证书&nbsp;<b>过期</b></p>', '证书 过期'],
    ['control characters separate words', 'cert\u0000ificate\u0007 expired', 'cert ificate expired'],
    ['emoji are dropped', '证书过期了😭😭', '证书过期了'],
    ['weekday words become one form', '禮拜五和星期天', '周五和周日'],
    ['Taiwan terms become mainland terms', '轉帳記錄在行事曆', '转账记录在日历'],
    ['Taiwan everyday words become mainland words', '幫我把外帶的比薩訂單寄給我，音響小聲一點', '帮我把外卖的披萨订单发给我 音箱小声一点'],
    ['Taiwan transport words and a common Taiwan misspelling', '計程車和公車哪個快？塞車了，播放清單撥放不了', '出租车和公交车哪个快 堵车了 播放列表播放不了'],
    ['Taiwan and Hong Kong variants of common words', '有甚麼方法透過網銀買美金', '有什么方法通过网银买美元'],
    ['an English word typed in a Chinese sentence becomes Chinese', '寄 Email 給我媽媽', '寄 邮件 给我妈妈'],
    ['only whole English words are rewritten', '我的gmail收不到', '我的gmail收不到'],
    ['English text keeps its English words', 'send an email to mom', 'send an email to mom'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('cuts input to the documented limit before any other work', () => {
    expect(normalize('证'.repeat(10_000)).text).toHaveLength(MAX_INPUT_CHARS);
  });

  it('never splits a surrogate pair when cutting', () => {
    const cut = cutToLimit('😀'.repeat(10), 3);
    expect(cut).toBe('😀😀😀');
  });

  it('leaves short text alone', () => {
    expect(cutToLimit('abc', 10)).toBe('abc');
  });
});
