import { play, type Step } from './harness';

/** The certificate flow, in simplified, traditional and English, through each path. */
const tables: Array<[string, Step[]]> = [
  [
    'zh-Hans: expired, asked for the kind, USB key, then a branch with the context kept',
    [
      ['我的网银证书过期了怎么办', ['哪种证书', '1. U盾', '2. 文件证书', '3. 手机银行']],
      ['1', ['立即失效', '重新下载证书', '柜台办理证书重置', '更换', '身份证', '银行卡', 'U盾', '一年', '查找附近网点']],
      ['1', ['证书重置和更换需要到柜台', '1. 北京']],
      ['上海', ['陆家嘴支行', '地址', '工作日', '周末', '电话', '网银证书重置/更换', '都可以在柜台办理网银证书重置和更换']],
      ['没有了，谢谢', '不客气'],
    ],
  ],
  [
    'zh-Hans: status and kind asked one by one, answered with words',
    [
      ['证书的事', ['已经过期了，还是快要到期', '1. 已经过期', '2. 快要到期']],
      ['快过期了', '哪种证书'],
      ['手机银行', ['设置', '证书更新', '一年']],
      ['3', '不客气'],
    ],
  ],
  [
    'zh-Hant: the issue example, answered in traditional script',
    [
      ['網銀證書過期了要帶什麼去銀行', ['哪種證書', '檔案證書']],
      ['文件證書', ['重新下載證書', '身份證', '銀行卡', '櫃檯', '一年']],
      ['2', '轉接人工客服'],
    ],
  ],
  [
    'zh-Hant: expiring with a USB key named in the first message skips both questions',
    [['我的U盾證書快要過期了', ['線上更新', '更新證書', '櫃檯', { not: '哪種證書' }]]],
  ],
  [
    'en: expired, file certificate, then done',
    [
      ['my online banking certificate expired', ['Which kind of certificate', '1. USB key', '2. File certificate']],
      ['2', ['stops working at once', 'download the certificate again', 'reset at a branch counter', 'replace', 'ID card', 'valid for one year']],
      ['no thanks', "You're welcome"],
    ],
  ],
  [
    'en: expiring, mobile banking, asked with numbers',
    [
      ['my certificate is about to expire', 'Which kind of certificate'],
      ['3', ['Settings', 'Update certificate', 'Find a nearby branch']],
      ['1', ['needs a counter visit', 'Shanghai']],
      ['Pudong', ['Lujiazui Sub-branch', 'Opening hours', 'weekdays', 'Counter services']],
    ],
  ],
];

describe('cert_expired flow', () => {
  it.each(tables)('%s', async (_name, steps) => {
    await play(steps);
  });

  it('offers a branch, a person and done as buttons as well as numbers', async () => {
    const conversation = await play([['U盾证书已经过期了', '查找附近网点']]);
    const reply = await conversation.say('帮助');
    expect(reply.actions).toEqual(['查找附近网点', '转人工客服', '没有了，谢谢']);
    expect(reply.text).toContain('网银证书');
  });
});
