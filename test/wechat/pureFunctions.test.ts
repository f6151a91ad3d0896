import { ActivityTypes } from 'botbuilder';
import { readLocation } from '../../src/channels/location';
import { parseWeChatXml, WeChatXmlError } from '../../src/channels/wechat/parseWeChatXml';
import { renderReplies, WECHAT_TEXT_MAX_BYTES } from '../../src/channels/wechat/renderReplies';
import { cdata, textReplyXml } from '../../src/channels/wechat/replyXml';
import { splitText } from '../../src/channels/wechat/splitText';
import { toActivity } from '../../src/channels/wechat/toActivity';
import { dedupeKeyOf, wechatMessageSchema, type WeChatMessage } from '../../src/channels/wechat/wechatMessage';

function message(fields: Record<string, string>): WeChatMessage {
  return wechatMessageSchema.parse({ ToUserName: 'gh_bank', FromUserName: 'oCustomer1', CreateTime: '1700000000', ...fields });
}

describe('parseWeChatXml', () => {
  it('reads WeChat\'s text message and keeps the 64-bit MsgId exact', () => {
    const fields = parseWeChatXml(
      '<xml><ToUserName><![CDATA[gh_bank]]></ToUserName><FromUserName><![CDATA[oCustomer1]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[证书过期了 <怎么办> & ]]></Content><MsgId>9223372036854775807</MsgId></xml>',
    );
    expect(fields).toMatchObject({ MsgType: 'text', Content: '证书过期了 <怎么办> & ', MsgId: '9223372036854775807' });
  });

  it.each([
    ['a DOCTYPE with an entity', '<!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><Content>&a;</Content></xml>'],
    ['an external entity', '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>'],
    ['a lower-case doctype', '<!doctype xml><xml><Content>x</Content></xml>'],
    ['unclosed tags', '<xml><Content>x</xml>'],
    ['a different root', '<message><Content>x</Content></message>'],
    ['a repeated field', '<xml><Content>a</Content><Content>b</Content></xml>'],
    ['no XML at all', 'hello'],
  ])('rejects %s', (_label, xml) => {
    expect(() => parseWeChatXml(xml)).toThrow(WeChatXmlError);
  });

  it('leaves an undeclared entity reference as literal text (no expansion)', () => {
    expect(parseWeChatXml('<xml><Content>&lol;</Content></xml>').Content).toBe('&lol;');
  });
});

describe('toActivity', () => {
  it('maps a text message to a "wechat" message activity in the customer\'s conversation', () => {
    const result = toActivity(message({ MsgType: 'text', Content: '你好', MsgId: '42' }));
    expect(result.kind).toBe('turn');
    if (result.kind !== 'turn') return;
    expect(result.activity).toMatchObject({
      type: ActivityTypes.Message,
      channelId: 'wechat',
      id: '42',
      text: '你好',
      conversation: { id: 'oCustomer1' },
      from: { id: 'oCustomer1' },
      recipient: { id: 'gh_bank' },
    });
  });

  it('uses WeChat\'s speech recognition as the text of a voice message', () => {
    const result = toActivity(message({ MsgType: 'voice', Recognition: '附近的网点', MsgId: '43' }));
    expect(result.kind === 'turn' && result.activity.text).toBe('附近的网点');
  });

  it('answers voice without recognition, and pictures without a MediaId, with a text-only notice', () => {
    expect(toActivity(message({ MsgType: 'voice', MsgId: '44' }))).toEqual({ kind: 'notice', notice: 'voiceUnrecognized' });
    expect(toActivity(message({ MsgType: 'image', MsgId: '45' }))).toEqual({ kind: 'notice', notice: 'textOnly' });
    expect(toActivity(message({ MsgType: 'link', MsgId: '46' }))).toEqual({ kind: 'notice', notice: 'textOnly' });
  });

  it('leaves a picture with a MediaId for WeChatImages to decide (agent attachment or notice), with no text for the NLU', () => {
    const result = toActivity(message({ MsgType: 'image', MsgId: '47', MediaId: 'media_47', PicUrl: 'http://mmbiz.qpic.cn/x' }));
    expect(result).toMatchObject({ kind: 'image', mediaId: 'media_47', activity: { text: '', channelId: 'wechat', id: '47' } });
  });

  it('maps a shared location to the GeoCoordinates entity the branch flow reads', () => {
    const result = toActivity(message({ MsgType: 'location', Location_X: '31.230416', Location_Y: '121.473701', Label: '上海市黄浦区', MsgId: '47' }));
    expect(result.kind).toBe('turn');
    if (result.kind !== 'turn') return;
    expect(readLocation(result.activity)).toEqual({ latitude: 31.230416, longitude: 121.473701, name: '上海市黄浦区', valid: true });
  });

  it('calls a location without coordinates invalid', () => {
    expect(toActivity(message({ MsgType: 'location', MsgId: '48' })).kind).toBe('invalid');
  });

  it('turns a subscribe event into the conversationUpdate every channel sends for a new user', () => {
    const result = toActivity(message({ MsgType: 'event', Event: 'subscribe' }));
    expect(result.kind === 'turn' && result.activity).toMatchObject({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'oCustomer1' }] });
  });

  it('ignores unknown message types and other events', () => {
    expect(toActivity(message({ MsgType: 'miniprogrampage', MsgId: '49' })).kind).toBe('ignore');
    expect(toActivity(message({ MsgType: 'event', Event: 'unsubscribe' })).kind).toBe('ignore');
    expect(toActivity(message({ MsgType: 'hasOwnProperty' })).kind).toBe('ignore');
  });

  it('dedupes by MsgId, and events by FromUserName + CreateTime', () => {
    expect(dedupeKeyOf(message({ MsgType: 'text', MsgId: '50' }))).toBe('msg:50');
    expect(dedupeKeyOf(message({ MsgType: 'event', Event: 'subscribe' }))).toBe('evt:oCustomer1:1700000000');
  });
});

describe('renderReplies', () => {
  it('renders suggested actions as numbered "回复 n" lines', () => {
    const rendered = renderReplies([
      {
        type: 'message',
        text: '请问您想办理哪项业务？',
        suggestedActions: {
          to: [],
          actions: [
            { type: 'imBack', title: '证书过期', value: '证书过期' },
            { type: 'imBack', title: '附近网点', value: 'find_branch' },
          ],
        },
      },
    ]);
    expect(rendered).toEqual(['请问您想办理哪项业务？\n\n回复 1 证书过期\n回复 2 附近网点']);
  });

  it('says "Reply n" to English replies and renders card buttons too', () => {
    const rendered = renderReplies([
      {
        type: 'message',
        locale: 'en-US',
        attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Branches', buttons: [{ type: 'imBack', title: 'Nearest', value: 'nearest' }] } }],
      },
    ]);
    expect(rendered).toEqual(['Branches\nReply 1 Nearest']);
  });

  it('gives each bot message its own WeChat message and skips typing indicators', () => {
    const rendered = renderReplies([{ type: 'message', text: 'one' }, { type: 'typing' }, { type: 'message', text: 'two' }]);
    expect(rendered).toEqual(['one', 'two']);
  });

  it('splits text over WeChat\'s byte limit into pieces within it', () => {
    const long = '证'.repeat(1500);
    const rendered = renderReplies([{ type: 'message', text: long }]);
    expect(rendered.length).toBe(3);
    for (const piece of rendered) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(WECHAT_TEXT_MAX_BYTES);
    expect(rendered.join('')).toBe(long);
  });
});

describe('splitText', () => {
  it('prefers line breaks and never cuts a character in half', () => {
    expect(splitText('aaaa\nbbbb', 6)).toEqual(['aaaa', 'bbbb']);
    expect(splitText('😀😀😀', 8)).toEqual(['😀😀', '😀']);
    expect(splitText('short', 100)).toEqual(['short']);
  });
});

describe('reply XML', () => {
  it('writes the passive text reply with the customer as ToUserName and survives "]]>" in text', () => {
    const xml = textReplyXml({ toUser: 'oCustomer1', fromUser: 'gh_bank', createTime: 1700000001, content: 'a]]>b' });
    expect(parseWeChatXml(xml)).toEqual({ ToUserName: 'oCustomer1', FromUserName: 'gh_bank', CreateTime: '1700000001', MsgType: 'text', Content: 'a]]>b' });
    expect(cdata('x')).toBe('<![CDATA[x]]>');
  });
});

describe('renderReplies with the bot\'s own numbered lists', () => {
  it('does not repeat options the text already lists as "1. …" lines', () => {
    const rendered = renderReplies([
      { type: 'message', text: '请选择城市：\n1. 北京\n2. 上海', suggestedActions: { to: [], actions: [{ type: 'imBack', title: '北京', value: '北京' }, { type: 'imBack', title: '上海', value: '上海' }] } },
    ]);
    expect(rendered).toEqual(['请选择城市：\n1. 北京\n2. 上海']);
  });

  it('numbers each message\'s options from 1, as the bot\'s matcher counts them', () => {
    const ask = (title: string) => ({ type: 'message', text: 'Q', suggestedActions: { to: [], actions: [{ type: 'imBack', title, value: title }] } });
    const rendered = renderReplies([ask('a'), ask('b')]);
    expect(rendered).toEqual(['Q\n\n回复 1 a', 'Q\n\n回复 1 b']);
  });
});
