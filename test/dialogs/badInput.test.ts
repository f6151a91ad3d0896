import { ActivityTypes } from 'botbuilder';
import { geoEntity } from '../../src/channels/location';
import { play } from './harness';

/** Bad input gets a sensible reply and never a crash, in and out of a flow. */
describe('bad input', () => {
  it('empty text asks for words and keeps the pending question', async () => {
    await play([
      ['我的网银证书过期了', '哪种证书'],
      ['', ['没有收到文字内容', '哪种证书']],
      ['   ', '没有收到文字内容'],
      ['1', '插好U盾'],
    ]);
  });

  it('a message without any text field at all', async () => {
    await play([[{ type: ActivityTypes.Message }, '没有收到文字内容']]);
  });

  it('5,000 characters are answered like any other message', async () => {
    await play([
      ['证书'.repeat(2500), /证书|服务范围|常见问题/],
      ['x'.repeat(5000), /./],
    ]);
  });

  it('emoji only: asked politely for words, not taken for a misunderstanding', async () => {
    await play([['😀😀😀🎉', ['只收到了表情或符号', { not: '超出了我的服务范围' }]]]);
  });

  it('emoji only inside a flow repeats the question', async () => {
    await play([
      ['给我一些安全建议', '哪方面'],
      ['🙈🙉', ['只收到了表情或符号', '1. 密码和验证码']],
    ]);
  });

  it('10,000 characters get a polite answer and change no slot', async () => {
    await play([
      ['我的网银证书过期了', '哪种证书'],
      ['U盾过期了'.repeat(2000), ['太长了', '哪种证书']],
      ['1', '插好U盾'],
    ]);
  });

  it('a language we do not serve gets a polite note in our languages', async () => {
    await play([['Привет, как дела', '只能用中文和英文']]);
  });

  it('HTML is stripped, never echoed as markup', async () => {
    const conversation = await play([
      ['找网点', '城市或区县'],
      ['<img src=x onerror=alert(1)><b>火星</b>', ['没有找到“火星”的网点', { not: '<' }]],
    ]);
    const reply = await conversation.say('<script>alert("x")</script>上海');
    expect(reply.text).toContain('示例银行上海');
    expect(reply.text).not.toContain('<script>');
  });

  it('a location with impossible coordinates mid-flow', async () => {
    await play([
      ['where is the nearest branch', 'Which city'],
      [{ text: '', entities: [geoEntity(Number.NaN, 720)] }, /Which city|doesn't look right/],
      [{ text: '', entities: [geoEntity(95, 10)] }, "doesn't look right"],
    ]);
  });

  it('a malformed location entity is ignored, not trusted', async () => {
    await play([[{ text: '', entities: [{ type: 'GeoCoordinates', latitude: 'north', longitude: null }] }, '没有收到文字内容']]);
  });

  it('unrelated activity types are ignored', async () => {
    const conversation = await play([]);
    expect((await conversation.say({ type: ActivityTypes.Typing })).count).toBe(0);
  });

  it('two misunderstandings inside a flow offer a person', async () => {
    await play([
      ['我的证书快过期了', '哪种证书'],
      ['阿斯顿发', '没看懂'],
      ['嗯嗯呃呃', ['还是没能理解', '好的，转人工']],
    ]);
  });
});
