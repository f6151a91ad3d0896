import { play } from './harness';

describe('replies in the customer language and script', () => {
  it('follows the script of each message: simplified, traditional, English', async () => {
    await play([
      ['我的网银证书过期了', '哪种证书'],
      ['文件證書', ['重新下載證書', '櫃檯']],
      // "find a branch" is also the flow's own next choice: the branch search starts for the certificate counter.
      ['find a branch', ['needs a counter visit', 'Tell me your city or district']],
    ]);
  });

  it('keeps the last script for messages without words (numbers, emoji)', async () => {
    await play([
      ['網點在哪裡', '城市或區縣'],
      ['2', ['示例銀行上海', '營業時間']],
      ['👍', '換個地方查'],
    ]);
  });

  it('keeps traditional for characters that look the same in both scripts', async () => {
    await play([
      ['我被騙了', '立即凍結'],
      ['好的', '加急轉接'],
    ]);
  });

  it('"English" switches to English replies and keeps them until "中文"', async () => {
    await play([
      ['你好', '银行智能客服'],
      ['English', ["OK, I'll reply in English", 'virtual assistant', '1. Certificate expired / expiring']],
      ['我的证书过期了', 'Which kind of certificate'],
      ['中文', ['接下来我用中文回复您', '哪种证书']],
      ['USB key', ['插好U盾']],
    ]);
  });

  it('"繁體" switches to traditional script', async () => {
    await play([
      ['安全建议', '哪方面的安全建议'],
      ['繁體', ['接下來我用中文回覆您', '哪方面的安全建議']],
    ]);
  });

  it('uses Hong Kong phrasing when the channel says zh-HK, Taiwan phrasing otherwise', async () => {
    await play([['防範釣魚短訊', '釣魚短信和鏈接']], { locale: 'zh-HK' });
    await play([['防範釣魚簡訊', '釣魚簡訊和連結']], { locale: 'zh-TW' });
  });

  it('accepts choices written in the other language or script', async () => {
    await play([
      ['my certificate expired', 'Which kind'],
      ['手機銀行', '重新登入手機銀行'],
    ]);
  });
});
