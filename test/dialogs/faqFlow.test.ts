import { play, type Step } from './harness';

const tables: Array<[string, Step[]]> = [
  ['zh-Hans: "FAQ 证书有效期" answers directly', [['FAQ 证书有效期', ['【网银证书的有效期是多久？】', '一年']]]],
  ['zh-Hans: "搜索 令牌" answers directly', [['搜索 令牌', ['安全令牌', '动态密码']]]],
  [
    'zh-Hans: several close hits become choices, taken by number',
    [
      ['FAQ 密码', ['找到几个相关的问题', '1. ', '2. ']],
      ['2', ['【', '密码']],
    ],
  ],
  [
    'zh-Hans: no hit says so and offers a person',
    [
      ['搜索 信用卡积分兑换', ['没有找到“信用卡积分兑换”的答案', '1. 好的，转人工']],
      ['不用了', '还有其他问题随时问我'],
    ],
  ],
  ['zh-Hant: a traditional query answered in traditional script', [['FAQ 證書有效期', ['有效期為一年', '網銀證書']]]],
  [
    'zh-Hant: the menu entry asks for a query',
    [
      ['哈囉，請問在嗎', '常見問題'],
      ['5', '請輸入您想查詢的問題'],
      ['U盾是什麼', 'USB Key'],
    ],
  ],
  ['en: "FAQ certificate validity"', [['FAQ certificate validity', ['valid for one year']]]],
  [
    'en: search with no hit, then a person',
    [
      ['search mortgage rates', ['found no answer for "mortgage rates"', 'Yes, connect me']],
      ['yes', '[TEMPORARY]'],
    ],
  ],
  // No flow claims these (the recognizer says `none`), so they go to the FAQ.
  ['zh-Hans: a question no flow claims goes to the FAQ', [['换了新手机怎么办', ['【换了新手机，手机银行怎么办？】', '绑定']]]],
  ['zh-Hant: a question no flow claims goes to the FAQ', [['忘記密碼怎麼辦', ['忘記網銀登入密碼', '忘記密碼']]]],
  ['en: a question no flow claims goes to the FAQ', [['what is the customer service number', ['back of your bank card']]]],
];

describe('FAQ by keyword in conversation', () => {
  it.each(tables)('%s', async (_name, steps) => {
    await play(steps);
  });
});
