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
    ['香港身份證 A123456(7) 遺失', '香港身份證 [id] 遺失'],
    ['HKID AB987654A', 'HKID [id]'],
    ['身分證字號 A123456789', '身分證字號 [id]'],
    ['卡號 6222-0212-3456-7890', '卡號 [card ****7890]'],
    ['mistyped card 4111 1111 1111 1112', 'mistyped card [card ****1112]'],
    ['twelve digits 621700123456', 'twelve digits [card ****3456]'],
    ['香港手機 9123 4567', '香港手機 [mobile]'],
    ['call +852 9123 4567', 'call [phone]'],
    ['台灣手機 0912-345-678', '台灣手機 [mobile]'],
    ['+886 912 345 678', '[phone]'],
    ['验证码是 483920，别告诉别人', '验证码是 [code]，别告诉别人'],
    ['驗證碼：5521', '驗證碼：[code]'],
    ['my OTP is 102938', 'my OTP is [code]'],
    ['密码是 abc12345', '密码是 [password]'],
    ['交易密码:Qw#99x!z 记得', '交易密码:[password] 记得'],
    ['my password is hunter22, thanks', 'my password is [password], thanks'],
  ])('hides personal data in %j', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it('leaves numbers alone that are not cards, phones or ids, and words about passwords', () => {
    expect(maskPii('网点电话 010-12345678')).toBe('网点电话 010-12345678');
    expect(maskPii('证书有效期一年 2026')).toBe('证书有效期一年 2026');
    expect(maskPii('金额 3000 元，日期 2026-03-01')).toBe('金额 3000 元，日期 2026-03-01');
    expect(maskPii('密码忘了怎么办')).toBe('密码忘了怎么办');
    expect(maskPii('change your passwords regularly')).toBe('change your passwords regularly');
    expect(maskPii('model X200 serial K12345')).toBe('model X200 serial K12345');
  });

  it('masks inputs built to make a backtracking matcher stall, and still finds the data in them', () => {
    // The local part is taken back at most 64 characters (RFC 5321's limit): enough to hide the address.
    expect(maskPii(`${'a.'.repeat(20000)}@example.com`)).toMatch(/^(a\.)+a?\[email\]$/);
    expect(maskPii(`${'1 '.repeat(20000)}`)).toBe(`${'1 '.repeat(20000)}`);
    expect(maskPii(`${'验证码'.repeat(20000)} 123456`)).toBe(`${'验证码'.repeat(20000)} [code]`);
    expect(maskPii(`${'@'.repeat(20000)}a@b.io`)).toBe(`${'@'.repeat(20000)}[email]`);
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
