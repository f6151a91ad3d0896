/**
 * Known-answer tests against vectors published by WeChat (and one widely used SDK), then round
 * trips of our own. Sources:
 * - [OFFICIAL-JAVA] WeChat's official encryption sample code for Official Accounts, cryptoDemo.zip
 *   (linked from the "消息加解密说明" page), Java/src/com/qq/weixin/mp/aes/WXBizMsgCryptTest.java:
 *   key "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appId "wxb11529c136998cb6", random
 *   "aaaabbbbccccdddd", "我是中文abcd123" → afterAesEncrypt; the video reply → afterAesEncrypt2.
 *   (Read from public copies of that file, e.g. github.com/Wyl015/wuyiling
 *   work-test/src/main/resources/Utils/aes/WXBizMsgCryptTest.java.)
 * - [OFFICIAL-PY] the same zip's Python/Sample.py (author jonyqin, 2014): token "spamtest",
 *   timestamp "1409735669", nonce "1320562132", appid "wx2c2769f8efd9abc2", msg_signature
 *   "5d197aaffba7e9b25a30732f161a50dee96bd5fa" over the given <Encrypt>. (Public copy:
 *   github.com/charlesXu86/Chatbot_CN Chatbot_Web/impl/weixin/Sample.py.)
 * - [WECHATPY] wechatpy (third-party SDK) tests/test_utils.py: token "test", timestamp
 *   "1410685589", nonce "test" → signature "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff"; and
 *   tests/test_crypto.py (WeCom variant of the same scheme): fixed random "1234567890123456" →
 *   MsgSignature "407518b7649e86ef23978113f92d27afa9296533".
 */
import { decodeAesKey, decryptMessage, encryptMessage, WeChatCryptoError } from '../../src/channels/wechat/wechatCrypto';
import { encryptedReplyXml } from '../../src/channels/wechat/replyXml';
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { sha1Signature, signaturesEqual, verifyMsgSignature, verifySignature } from '../../src/channels/wechat/wechatSignature';

const SAMPLE_KEY = decodeAesKey('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');

const JAVA_APPID = 'wxb11529c136998cb6';
const JAVA_RANDOM = Buffer.from('aaaabbbbccccdddd');
const JAVA_REPLY = '我是中文abcd123';
const JAVA_CIPHER = 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';
const JAVA_REPLY2 =
  '<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>';
const JAVA_CIPHER2 =
  'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb';

const PY = {
  token: 'spamtest',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
};

describe('WeChat signatures (known answers)', () => {
  it('accepts the URL-verification signature from wechatpy\'s tests [WECHATPY]', () => {
    expect(sha1Signature(['test', '1410685589', 'test'])).toBe('f21891de399b4e33a1a93c9a7b8a8fffb5a443ff');
    expect(verifySignature('test', '1410685589', 'test', 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff')).toBe(true);
  });

  it('rejects that signature with its last digit changed [WECHATPY]', () => {
    expect(verifySignature('test', '1410685589', 'test', 'f21891de399b4e33a1a93c9a7b8a8fffb5a443fe')).toBe(false);
  });

  it('reproduces msg_signature of the official Python sample [OFFICIAL-PY]', () => {
    expect(verifyMsgSignature(PY.token, PY.timestamp, PY.nonce, PY.encrypt, PY.msgSignature)).toBe(true);
    expect(verifyMsgSignature(PY.token, PY.timestamp, '1320562133', PY.encrypt, PY.msgSignature)).toBe(false);
  });

  it('treats missing, shorter and longer signatures as wrong', () => {
    const good = sha1Signature(['a', 'b', 'c']);
    expect(signaturesEqual(good, undefined)).toBe(false);
    expect(signaturesEqual(good, good.slice(1))).toBe(false);
    expect(signaturesEqual(good, `${good}0`)).toBe(false);
    expect(signaturesEqual(good, good.toUpperCase())).toBe(true);
  });
});

describe('safe-mode encryption (known answers)', () => {
  it('encrypts the official Java sample exactly [OFFICIAL-JAVA afterAesEncrypt]', () => {
    expect(encryptMessage(JAVA_REPLY, SAMPLE_KEY, JAVA_APPID, JAVA_RANDOM)).toBe(JAVA_CIPHER);
    expect(decryptMessage(JAVA_CIPHER, SAMPLE_KEY, JAVA_APPID)).toBe(JAVA_REPLY);
  });

  it('encrypts the official Java sample\'s reply document exactly [OFFICIAL-JAVA afterAesEncrypt2]', () => {
    expect(encryptMessage(JAVA_REPLY2, SAMPLE_KEY, JAVA_APPID, JAVA_RANDOM)).toBe(JAVA_CIPHER2);
    expect(decryptMessage(JAVA_CIPHER2, SAMPLE_KEY, JAVA_APPID)).toBe(JAVA_REPLY2);
  });

  it('decrypts the official Python sample to the customer\'s text message [OFFICIAL-PY]', () => {
    const fields = parseWeChatXml(decryptMessage(PY.encrypt, SAMPLE_KEY, PY.appId));
    expect(fields).toMatchObject({
      ToUserName: 'gh_10f6c3c3ac5a',
      FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      MsgType: 'text',
      Content: 'abcdteT',
      MsgId: '6054768590064713728',
    });
  });

  it('produces wechatpy\'s encrypted reply signature for a fixed random prefix [WECHATPY]', () => {
    const keys = { token: '123456', aesKey: decodeAesKey('kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR'), appId: 'wx49f0ab532d5d035a' };
    const reply =
      '<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>';
    const xml = encryptedReplyXml(reply, keys, '1411525903', '461056294', Buffer.from('1234567890123456'));
    expect(xml).toContain('<MsgSignature><![CDATA[407518b7649e86ef23978113f92d27afa9296533]]></MsgSignature>');
    expect(xml).toContain('<Encrypt><![CDATA[9s4gMv99m88kKTh/H8IdkOiMg6bisoy3');
  });

  it('refuses a message encrypted for another appid', () => {
    expect(() => decryptMessage(JAVA_CIPHER, SAMPLE_KEY, 'wx0000000000000000')).toThrow(WeChatCryptoError);
  });
});

describe('safe-mode encryption (round trips)', () => {
  const key = decodeAesKey('0123456789abcdefghijklmnopqrstuvwxyzABCDEFG');

  it('round-trips every length across the 32-byte padding boundary, with Chinese and emoji', () => {
    for (let n = 0; n < 70; n++) {
      const text = `中文😀${'x'.repeat(n)}`;
      const encrypted = encryptMessage(text, key, 'wxappid');
      expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
      expect(decryptMessage(encrypted, key, 'wxappid')).toBe(text);
    }
  });

  it('uses a fresh random prefix, so the same text never encrypts the same twice', () => {
    expect(encryptMessage('same', key, 'wxappid')).not.toBe(encryptMessage('same', key, 'wxappid'));
  });

  it.each([
    ['not Base64', '@@@@'],
    ['not whole blocks', Buffer.alloc(20).toString('base64')],
    ['garbage blocks (bad padding)', Buffer.alloc(64, 7).toString('base64')],
    ['empty', ''],
  ])('rejects ciphertext that is %s', (_label, cipher) => {
    expect(() => decryptMessage(cipher, key, 'wxappid')).toThrow(WeChatCryptoError);
  });

  it('rejects EncodingAESKeys that are not 43 Base64 characters', () => {
    expect(() => decodeAesKey('short')).toThrow(WeChatCryptoError);
    expect(() => decodeAesKey(`${'a'.repeat(42)}!`)).toThrow(WeChatCryptoError);
  });
});
