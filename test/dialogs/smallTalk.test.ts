import { Conversation, play, type Step } from './harness';

const tables: Array<[string, Step[]]> = [
  [
    'zh-Hans: a greeting introduces what the bot does as choices, chosen by number',
    [
      ['你好', ['银行智能客服', '1. 网银证书过期/快到期', '2. 查找网点和营业时间', '3. 账户安全建议', '4. 被骗或被盗，紧急处理', '5. 搜索常见问题', '6. 转人工客服']],
      ['3', '哪方面的安全建议'],
    ],
  ],
  [
    'zh-Hant: greeting and menu in traditional script, chosen by words',
    [
      ['哈囉，您好，請問在嗎', ['銀行智慧客服', '查詢網點和營業時間']],
      ['查找網點和營業時間', '城市或區縣'],
    ],
  ],
  [
    'en: greeting, menu, choice by words',
    [
      ['hello', ['virtual assistant', '1. Certificate expired / expiring', '6. Talk to an agent']],
      ['Search the FAQ', 'Type your question or a keyword'],
      ['certificate validity', ['usually valid for one year']],
    ],
  ],
  ['zh-Hans: goodbye', [['再见', '再见！']]],
  ['zh-Hant: goodbye', [['謝謝，再見', '再見！']]],
  ['en: goodbye', [['bye', 'goodbye!']]],
  [
    'zh-Hans: a person on request (the placeholder says plainly that it is temporary)',
    [['我要转人工', ['【临时】', '正在为您转接人工客服', '占位']]],
  ],
  ['zh-Hant: a person on request', [['請幫我轉人工客服', ['【臨時】', '轉接人工客服']]]],
  ['en: a person on request', [['agent', ['[TEMPORARY]', 'Connecting you to a person', 'placeholder']]]],
  [
    'zh-Hans: out of scope, politely; a second miss in a row offers a person',
    [
      ['广州靠谱代办营业执照窗口', ['超出了我的服务范围', '公司注册', '1. 网银证书过期/快到期']],
      ['今天天气怎么样', ['还是没能理解', '1. 好的，转人工', '2. 回到主菜单']],
      ['2', '请问需要哪项服务'],
    ],
  ],
  [
    'zh-Hant: out of scope twice, then a person',
    [
      ['公司註冊要多少錢', '超出了我的服務範圍'],
      ['明天會下雨嗎', '還是沒能理解'],
      ['好', '【臨時】'],
    ],
  ],
  [
    'en: out of scope, then an understood message resets the count',
    [
      ['how do I register a company', ['outside what I can help with', '1. Certificate expired / expiring']],
      ['1', 'already expired, or is it about to expire'],
      ['what is the weather like', ["didn't catch that", '1. Already expired']],
      ['what is the weather like in Beijing tomorrow', ['still couldn', 'connect you to an agent']],
    ],
  ],
];

describe('greeting, goodbye, human request, out of scope', () => {
  it.each(tables)('%s', async (_name, steps) => {
    await play(steps);
  });

  it('welcomes a customer who joins, in the channel locale', async () => {
    const zh = await Conversation.start({ locale: 'zh-CN' });
    expect((await zh.joined()).text).toContain('1. 网银证书过期/快到期');
    const hk = await Conversation.start({ locale: 'zh-HK' });
    expect((await hk.joined()).text).toContain('網銀證書過期');
    const en = await Conversation.start({ locale: 'en-US' });
    expect((await en.joined()).text).toContain('virtual assistant');
  });

  it('asks for a person with the not-understood reason after two misses', async () => {
    const conversation = await play([
      ['今天天气怎么样', '超出了我的服务范围'],
      ['推荐一家好吃的餐厅', '还是没能理解'],
      ['1', '【临时】'],
    ]);
    expect(conversation.handover.requests).toEqual([{ reason: 'not_understood', urgent: false }]);
  });
});
