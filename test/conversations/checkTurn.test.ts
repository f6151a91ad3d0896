/**
 * The story checks on their own: what makes a turn pass or fail, on hand-made turn records.
 */
import { checkTurn } from '../../src/conversations/checkTurn';
import type { StoryTurn } from '../../src/conversations/storySchema';
import type { TurnRecord } from '../../src/conversations/storyWorld';
import type { Recognition } from '../../src/nlu/types';

const recognition: Recognition = {
  intent: 'cert_expired',
  score: 0.9,
  alternatives: [],
  unsure: false,
  language: 'zh',
  script: 'zh-Hant',
  pinyin: false,
  normalized: '',
};

function record(over: Partial<TurnRecord> = {}): TurnRecord {
  return {
    said: '不是U盾，是文件證書',
    texts: ['證書一旦過期就會立即失效，請重新下載證書'],
    replyKeys: ['cert.expired.file', 'cert.bring'],
    info: {
      intent: 'cert_expired',
      rule: 'slots.fill',
      script: 'zh-Hant',
      parse: {
        recognition,
        act: 'answer',
        slots: [
          { name: 'certKind', value: 'usbKey', source: 'U盾', negated: true },
          { name: 'certKind', value: 'fileCert', source: '文件證書' },
        ],
        safety: [],
      },
    },
    handover: [],
    ...over,
  };
}

const checks = (turn: Omit<StoryTurn, 'say'>, rec = record()) => checkTurn({ say: 'x', ...turn }, rec).map((f) => f.check);

describe('story checks', () => {
  it('counts the corrected slot and not the negated one', () => {
    expect(checks({ slots: { certKind: 'fileCert' } })).toEqual([]);
    expect(checks({ slots: { certKind: 'usbKey' } })).toEqual(['slots']);
  });

  it('reads a null slot as "must be absent"', () => {
    expect(checks({ slots: { city: null } })).toEqual([]);
    expect(checks({ slots: { certKind: null } })).toEqual(['slots']);
  });

  it('matches words in simplified script against a traditional reply', () => {
    expect(checks({ says: ['证书', ['柜台', '重新下载']] })).toEqual([]);
    expect(checks({ says: ['柜台'] })).toEqual(['says']);
    expect(checks({ notSays: ['下载'] })).toEqual(['notSays']);
  });

  it('takes reply keys by prefix and as any-of groups, and fails a key that must not appear', () => {
    expect(checks({ replyKeys: ['cert.*', ['cert.triedRedownload', 'cert.bring']] })).toEqual([]);
    expect(checks({ replyKeys: ['cert.askKind'] })).toEqual(['replyKeys']);
    expect(checks({ notReplyKeys: ['cert.expired.*'] })).toEqual(['notReplyKeys']);
  });

  it('tells "no safety signal" from a missing one', () => {
    expect(checks({ safety: [] })).toEqual([]);
    expect(checks({ safety: ['phishingContact'] })).toEqual(['safety']);
    const phishing = record();
    phishing.info.parse?.safety.push('phishingContact');
    expect(checks({ safety: [] }, phishing)).toEqual(['safety']);
  });

  it('knows whether a person was asked for, and why', () => {
    expect(checks({ handover: false })).toEqual([]);
    const fraud = record({ handover: [{ reason: 'fraud', urgent: true }] });
    expect(checks({ handover: 'fraud' }, fraud)).toEqual([]);
    expect(checks({ handover: 'requested' }, fraud)).toEqual(['handover']);
    expect(checks({ handover: false }, fraud)).toEqual(['handover']);
  });

  it('fails every turn that threw, whatever it expected', () => {
    expect(checks({ script: 'zh-Hant' }, record({ error: 'Redis did not answer' }))).toEqual(['error']);
  });
});
