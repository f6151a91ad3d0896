import { play, type Step } from './harness';

const tables: Array<[string, Step[]]> = [
  [
    'zh-Hans: the topic menu, advice by number, another topic by words, then done',
    [
      ['给我一些安全建议', ['哪方面的安全建议', '1. 密码和验证码', '2. U盾和令牌保管', '3. 钓鱼短信和链接', '4. 公共Wi-Fi和设备', '5. 定期修改密码']],
      ['1', ['验证码', '绝不会向您索要', '1. 看看其他建议', '2. 已经出事了，紧急处理']],
      ['看看其他建议', '哪方面的安全建议'],
      ['U盾和令牌保管', ['拔下U盾', '不要借给他人']],
      ['3', '不客气'],
    ],
  ],
  [
    'zh-Hans: a topic named in the first message is answered at once',
    [['钓鱼短信的安全建议', ['钓鱼短信和链接：', '不要点链接', '已经出事了']]],
  ],
  [
    'zh-Hans: "something already happened" leads to the fraud flow',
    [
      ['账户安全建议', '哪方面'],
      ['公共wifi', ['手机流量', '官方应用商店']],
      ['已经出事了', ['立即冻结', '马上转人工（加急）']],
    ],
  ],
  [
    'zh-Hant: topics and advice in traditional script',
    [
      ['給我一些安全建議', ['哪方面的安全建議', '釣魚簡訊和連結']],
      ['5', ['定期修改密碼', '三到六個月']],
      ['沒有了，謝謝', '不客氣'],
    ],
  ],
  [
    'en: advice on public Wi-Fi, then another topic, then the fraud flow',
    [
      ['give me some security tips', ['Which security topic', '4. Public Wi-Fi and devices']],
      ['public wifi', ['mobile data', 'official app stores']],
      ['1', 'Which security topic'],
      ['change password', ['every three to six months']],
      ['something already happened', ['Freeze', 'Connect me now (urgent)']],
    ],
  ],
];

describe('security_advice flow', () => {
  it.each(tables)('%s', async (_name, steps) => {
    await play(steps);
  });
});
