import { play, type Step } from './harness';

const tables: Array<[string, Step[]]> = [
  [
    'zh-Hans: immediate steps and an urgent agent, accepted by number',
    [
      ['我被骗了，钱被转走了', ['立即冻结', '24小时客服电话', '修改密码', '110', '马上转人工（加急）']],
      ['1', ['【临时】', '加急转接人工客服']],
    ],
  ],
  [
    'zh-Hans: declining the agent still leaves the way open',
    [
      ['我的账户被盗了', '立即冻结'],
      ['暂时不用', ['尽快完成冻结和改密', '人工']],
    ],
  ],
  [
    'zh-Hant: traditional steps, agent accepted with a word',
    [
      ['帳戶被盜了怎麼辦', ['立即凍結', '報警', '110']],
      ['好的', ['【臨時】', '加急轉接人工客服']],
    ],
  ],
  [
    'en: steps, then yes',
    [
      ['I was scammed', ['Freeze', 'Change passwords', 'police', 'marked urgent']],
      ['yes', ['[TEMPORARY]', 'URGENT']],
    ],
  ],
];

describe('fraud_report flow', () => {
  it.each(tables)('%s', async (_name, steps) => {
    await play(steps);
  });

  it('marks the handover urgent with the fraud reason', async () => {
    const conversation = await play([
      ['my account was hacked', 'Freeze'],
      ['1', 'URGENT'],
    ]);
    expect(conversation.handover.requests).toEqual([{ reason: 'fraud', urgent: true, lastIntent: 'fraud_report' }]);
  });

  it('keeps the handover urgent when the customer asks for a person in words instead', async () => {
    const conversation = await play([
      ['我被骗了', '立即冻结'],
      ['转人工', '加急'],
    ]);
    expect(conversation.handover.requests[0]).toMatchObject({ reason: 'fraud', urgent: true });
  });
});
