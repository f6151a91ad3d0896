import { logPreview, luhnValid, maskPii } from '../../src/pii/maskPii';

describe('maskPii', () => {
  it.each([
    ['我的身份证号是110101199003074514', '我的身份证号是[id]'],
    ['ID 11010519491231002X please', 'ID [id] please'],
    ['卡号 6222 0212 3456 7890 128 丢了', '卡号 [card ****0128] 丢了'],
    ['card 4111111111111111', 'card [card ****1111]'],
    ['手机13812345678联系我', '手机[mobile]联系我'],
    ['call +86 138 1234 5678', 'call [mobile]'],
    ['mail zhang.san@example.com.cn now', 'mail [email] now'],
  ])('hides personal data in %j', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('leaves numbers alone that are not cards (Luhn fails) or not ids', () => {
    expect(maskPii('订单号 1234567812345678')).toBe('订单号 1234567812345678');
    expect(maskPii('网点电话 010-12345678')).toBe('网点电话 010-12345678');
    expect(maskPii('证书有效期一年 2026')).toBe('证书有效期一年 2026');
  });

  it('masks several kinds in one message', () => {
    const out = maskPii('I am 110101199003074514, card 4111 1111 1111 1111, phone 13912345678, a@b.io');
    expect(out).toBe('I am [id], card [card ****1111], phone [mobile], [email]');
  });

  it('checks the Luhn digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('cuts log previews so a log line never carries a whole message', () => {
    const long = '网银证书过期了怎么办'.repeat(20);
    const preview = logPreview(long, 10);
    expect(preview.startsWith('网银证书过期了怎么办')).toBe(true);
    expect(preview).toContain('…(200)');
    expect(logPreview('手机13812345678')).toBe('手机[mobile]');
  });
});
