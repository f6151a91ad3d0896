import { loadBranches } from '../../src/branches/loadBranches';
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';
import { cleanInput, normalizeText } from '../../src/i18n/normalizeText';
import type { Recognizer } from '../../src/nlu/types';
import { loadLexicons } from '../../src/understanding/loadLexicons';
import type { Parse } from '../../src/understanding/parse';
import { Parser } from '../../src/understanding/parser';
import { realRecognizer } from '../dialogs/harness';

let recognizer: Recognizer;
const parser = new Parser(loadLexicons(), loadBranches(DEFAULT_DATA_FILES.branchesFile).placeSlots());

beforeAll(async () => {
  recognizer = await realRecognizer();
});

function parse(raw: string): Parse {
  const text = cleanInput(raw);
  return parser.parse({ recognition: recognizer.recognize(text), text, normalized: normalizeText(text), rawLength: raw.length, hadMarkup: /<[a-z]/i.test(raw) });
}

/** The last positive value of a slot, as the conversation memory keeps it. */
function slot(p: Parse, name: string): string | undefined {
  return p.slots.filter((s) => s.name === name && !s.negated).at(-1)?.value;
}

describe('the parse', () => {
  it.each([
    ['U盾证书月底到期', 'expiring', 'usbKey'],
    ['月底就到期', 'expiring', undefined],
    ['my cert expires in 3 days, it is on a usb key', 'expiring', 'usbKey'],
    ['證書上個月就過期了', 'expired', undefined],
    ['我的证书还没过期，是手机银行的', 'expiring', 'mobile'],
    ['my certifcate has expierd', 'expired', undefined],
    ['its on a usb stick', undefined, 'usbKey'],
    ['我部電腦入面嘅證書琴日過咗期', 'expired', 'fileCert'],
    ['個U盾證書聽日到期', 'expiring', 'usbKey'],
    ['银行卡快过期了要去哪换', undefined, undefined],
    ['身份证已经过期了', undefined, undefined],
    ['身份证过期了，网银证书也快过期了', 'expiring', undefined],
  ])('reads status and kind from %j', (text, status, kind) => {
    const p = parse(text);
    expect(slot(p, 'certStatus')).toBe(status);
    expect(slot(p, 'certKind')).toBe(kind);
  });

  it.each([
    ['網路銀行密碼忘記了', 'forgotten'],
    ['U盾的password忘了怎么办', 'forgotten'],
    ['I forgot my online banking password', 'forgotten'],
    ['令牌上的动态密码输进去一直提示错误', 'codeRejected'],
    ['my token shows the wrong code', 'codeRejected'],
  ])('reads the symptom in %j', (text, value) => {
    expect(parse(text).slots).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'symptom', value })]));
  });

  it('reads a correction: the negated value is marked, the other one wins', () => {
    const p = parse('不是U盾，是文件证书');
    expect(p.slots.some((s) => s.name === 'certKind' && s.value === 'usbKey' && s.negated === true)).toBe(true);
    expect(slot(p, 'certKind')).toBe('fileCert');
    expect(slot(parse("it's not a usb key, it's a file cert"), 'certKind')).toBe('fileCert');
  });

  it('reads Taiwan wording for a file certificate (檔案憑證 normalizes to 文件凭证, not 文档凭证)', () => {
    expect(slot(parse('憑證過期了，是檔案憑證'), 'certKind')).toBe('fileCert');
    expect(slot(parse('檔案證書'), 'certKind')).toBe('fileCert');
  });

  it.each([
    ['证书的有效期是几年', 'question'],
    ['证书到期了还能在ATM取款吗', 'question'],
    ['What is the certificate for?', 'question'],
    ['证书过期了怎么办', 'problem'],
    ['算了不用了', 'cancel'],
    ['先不查了，谢谢', 'cancel'],
    ['算數啦', 'cancel'],
    ['nah forget about it', 'cancel'],
    ['唔該晒，冇其他嘢', 'thanks'],
    ['冇嘢喇，唔該', 'thanks'],
    ['沒有了，謝謝', 'thanks'],
    ['no thanks', 'deny'],
    ["no, I'll call the hotline myself", 'deny'],
    ['不用了，我自己打电话', 'deny'],
    ['唔使喇，我自己搞掂', 'deny'],
    ['客服電話幾號', 'question'],
    ['银行卡快过期了要去哪换', 'question'],
    ['不好意思按錯了，我想問憑證的有效期', 'question'],
    ['我想改個網上銀行密碼', 'question'],
    ['I want to change my online banking password', 'question'],
    ['I want to visit a branch', 'problem'],
    ["I'd like to know how long the certificate is valid", 'question'],
    ['证书更新要去柜台吗还是网上就行', 'question'],
    ['i just got a new iphone, how do i move my banking app over', 'question'],
    ['I got a new phone, do I need a new certificate for the app?', 'question'],
    ['换了新电脑，证书要怎么弄过去', 'question'],
    ['I need to find a branch', 'problem'],
    ['how do I know if a text is really from the bank', 'question'],
    ['is online renewal free', 'question'],
    ['网银证书是干嘛用的', 'question'],
    ['啲分行星期六開唔開門', 'question'],
    ['怎么看证书什么时候到期', 'question'],
    ['证书过期了', 'problem'],
    ['why has my certificate expired', 'question'],
    ['my certificate expired', 'problem'],
  ])('tells what %j does: %s', (text, act) => {
    expect(parse(text).act).toBe(act);
  });

  it('reads follow-ups on a branch list', () => {
    const p = parse('第二家的电话是多少');
    expect(slot(p, 'itemRef')).toBe('2');
    expect(slot(p, 'branchInfo')).toBe('phone');
    expect(slot(parse('星期天营业吗'), 'day')).toBe('sun');
    expect(slot(parse('需要提前预约吗'), 'branchInfo')).toBe('appointment');
    expect(slot(parse('the Central one'), 'landmark')).toBe('hk-central');
    expect(slot(parse('上海浦东有网点吗'), 'city')).toBe('shanghai');
    expect(slot(parse('branch in Shenzen'), 'city')).toBe('shenzhen');
    expect(slot(parse('hangzou'), 'city')).toBe('hangzhou');
    expect(parser.fixPlaces('change my password')).toBe('change my password');
    expect(parser.fixPlaces('a simple question')).toBe('a simple question');
  });

  it.each([
    ['收到短信说我的证书过期了，让我点链接更新', ['phishingContact']],
    ['I got an SMS telling me to update my certificate via this link', ['phishingContact']],
    ['我把验证码告诉了自称银行客服的人', ['secretDisclosed']],
    ['钱被转走了', ['moneyMoved']],
    ['someone logged into my account', ['accountTakenOver']],
    ['I clicked the link in the text asking me to verify my account', ['phishingContact', 'phishingActedOn']],
    ['I transferred 10,000 to an investment app that turned out to be a scam', ['scammed']],
    ['a man claiming to be from the police told me to move my money to a safe account', ['phishingContact']],
    ['someone from the bank called me and asked for the code on my phone', ['phishingContact']],
    ['我張卡俾人偷咗，仲碌咗幾千蚊', ['moneyMoved']],
    ['有個自稱銀行職員嘅人打俾我，叫我講個驗證碼', ['phishingContact']],
    ['快递打电话说包裹有问题，要我下载一个app', ['phishingContact']],
    ['其实我上周已经被这种短信骗了两千块', ['scammed']],
    ['我把验证码告诉了客服，可以吗', ['secretDisclosed']],
    ['我個戶口啲錢唔見咗', ['moneyMoved']],
    ['password被别人知道了咋办', ['secretDisclosed']],
    ['someone knows my password', ['secretDisclosed']],
    ['the guy on the phone made me install anydesk and now I can see him moving the mouse', ['accountTakenOver']],
    ['有個自稱網購客服的人打來說要解除分期，我已經轉了兩萬塊', ['moneyMoved']],
    ['有人打來說我網購重複扣款，要我去ATM解除分期付款', ['phishingContact']],
    ['陌生号码打电话来，叫我去手机银行操作一下退款', ['phishingContact']],
    ['a stranger called and told me to go to an atm to cancel a payment', ['phishingContact']],
    ['我卡里的钱没了，被转走了两万', ['moneyMoved']],
    ['我被骗了，以后怎么防', ['scammed']],
    ['my mum got scammed out of her savings', ['scammed']],
  ])('hears the safety signals in %j', (text, signals) => {
    expect(parse(text).safety).toEqual(expect.arrayContaining(signals));
  });

  it.each([
    'renewal failed',
    'my certifcate has expierd',
    'its on a usb stick',
    '证书更新失败了',
    'how do I avoid being scammed',
    '我没有告诉任何人验证码',
    'is this a scam?',
    'how do I avoid scammers?',
    '怎么防止被短信骗',
    'U盾',
    '银行会打电话问我要验证码吗',
    'what should I do if I get a text telling me to log in to renew my certificate?',
    '验证码发给客服可以吗',
    '验证码能告诉别人吗',
    '密码不要被别人知道',
    '怎么防止密码被别人知道',
    'can I get my money back if I was scammed',
    '证书过期了 我卡里的钱会不会没了啊',
    '如果有人打电话问我要验证码我应该怎么办',
    '如果有人打电话叫我去ATM操作怎么办',
    'if my certificate expires will my money be gone?',
    '我朋友被骗了，我想知道怎么防这种骗局',
    'my friend got scammed by a fake bank text, how do I avoid that?',
  ])(
    'raises no alarm for %j',
    (text) => {
      expect(parse(text).safety).toEqual([]);
    },
  );

  it('hears a wish to go back to an earlier topic', () => {
    expect(parse('回到证书的问题').resume).toBe('cert_expired');
    expect(parse('back to my certificate').resume).toBe('cert_expired');
    const unnamed = parse('回到刚才的问题');
    expect(unnamed.wantsResume).toBe(true);
    expect(unnamed.resume).toBeUndefined();
    expect(parse('证书有效期几年').wantsResume).toBeUndefined();
    expect(parse('can we go back to what we were talking about').wantsResume).toBe(true);
    expect(parse('还能继续转账吗').wantsResume).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['😀😀😀', 'noWords'],
    ['U盾过期了'.repeat(2000), 'tooLong'],
    ['<img src=x>', 'markup'],
    ['Привет, как дела', 'foreignLanguage'],
    ['¿Dónde está el banco más cercano?', 'foreignLanguage'],
    ['Xin chào, tôi cần giúp đỡ', 'foreignLanguage'],
    ['Selamat pagi, saya mau tanya', 'foreignLanguage'],
  ])('calls a message bad input (case %#) with no slots', (text, kind) => {
    const p = parse(text);
    expect(p.bad).toBe(kind);
    expect(p.slots).toEqual([]);
  });
});
