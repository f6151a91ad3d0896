/** How the handover reads what customers type, and what it says back in each script. */
import { findContact } from '../../src/handover/customerTurnHandlers';
import { visibleTo } from '../../src/handover/eventStream';
import { CustomerWords } from '../../src/handover/customerWords';
import { handoverText, HandoverTexts, isCancel } from '../../src/handover/handoverTexts';
import { defaultLocalizer } from '../../src/i18n/defaultLocalizer';
import { parseRating } from '../../src/handover/ratingStore';

describe('parseRating', () => {
  it.each([
    ['5', 5], ['５', 5], [' 3 ', 3], ['4分', 4], ['5 stars', 5], ['1 star', 1], ['2/5', 2], ['★★★', 3], ['五星', 5], ['两分', 2], ['3。', 3],
  ])('reads %j as %d', (text, score) => expect(parseRating(text)).toBe(score));

  it.each(['0', '6', '10', '我要转账', 'hello', '', '5 个问题'])('does not take %j for a rating', (text) => expect(parseRating(text)).toBeUndefined());
});

describe('isCancel', () => {
  it.each(['取消', ' 取消。', '退出排隊', 'Cancel', 'cancel please', '不等了！'])('%j leaves the queue', (t) => expect(isCancel(t)).toBe(true));
  it.each(['我想取消一笔转账', 'how do I cancel my card', '好的'])('%j does not', (t) => expect(isCancel(t)).toBe(false));
});

describe('CustomerWords (queue, leave-a-message and contact steps)', () => {
  const words = new CustomerWords(new HandoverTexts(defaultLocalizer()));
  it.each(['算了不用了', '不用等了，謝謝', '唔等喇', '唔使留言喇', 'no thanks, forget it', 'never mind, I figured it out', '算了，不用留言', '取消'])(
    '%j cancels the step',
    (t) => expect(words.isCancel(t)).toBe(true),
  );
  it.each(['我想取消一笔转账', '我的网银证书过期了，怎么办', '请打 138 1234 5678 找我', '好的'])('%j does not', (t) => expect(words.isCancel(t)).toBe(false));
  it.each(['证书的有效期是几年', 'how long is a certificate valid', '周末营业吗？'])('%j is a question for the bot, to be confirmed', (t) =>
    expect(words.looksLikeQuestion(t)).toBe(true),
  );
  it.each(['我的网银证书过期了，怎么办', '请尽快回电，谢谢'])('%j is a message for the staff', (t) => expect(words.looksLikeQuestion(t)).toBe(false));
  it('reads yes and no', () => {
    expect(words.isYes('是的')).toBe(true);
    expect(words.isYes('yes please')).toBe(true);
    expect(words.isNo('不是')).toBe(true);
    expect(words.isNo('是的')).toBe(false);
  });
});

describe('findContact', () => {
  it.each([
    ['请打 138 1234 5678 找我', '13812345678'],
    ['mail me at li.wei@example.com please', 'li.wei@example.com'],
    ['电话 021-6888 8888', '02168888888'],
  ])('finds the contact in %j', (text, contact) => expect(findContact(text)).toBe(contact));
  it('finds none in a plain message', () => expect(findContact('我的U盾过期了')).toBeUndefined());
});

describe('handoverText', () => {
  it('speaks simplified, traditional (generated) and English, filling placeholders after conversion', () => {
    expect(handoverText('queued', 'zh-Hans', { position: 2 })).toContain('排在第 2 位');
    expect(handoverText('queued', 'zh-Hant', { position: 2 })).toContain('排在第 2 位');
    expect(handoverText('queued', 'zh-Hant', { position: 2 })).toMatch(/轉接|客服/);
    expect(handoverText('queued', 'zh-Hant')).not.toBe(handoverText('queued', 'zh-Hans'));
    expect(handoverText('agentJoined', 'zh-Hant', { agent: '刘备' })).toContain('刘备');
    expect(handoverText('queued', 'en', { position: 3 })).toMatch(/number 3 in the queue/);
  });
});

describe('visibleTo', () => {
  const entry = { from: 'customer' as const, text: 'hi', at: 1 };
  it('shows a customer message of an assigned conversation only to its agent', () => {
    expect(visibleTo({ type: 'message', handle: 'h', agent: 'alice', entry }, 'alice')).toBe(true);
    expect(visibleTo({ type: 'message', handle: 'h', agent: 'alice', entry }, 'bob')).toBe(false);
    expect(visibleTo({ type: 'message', handle: 'h', entry }, 'bob')).toBe(true);
    expect(visibleTo({ type: 'queue' }, 'bob')).toBe(true);
  });
});
