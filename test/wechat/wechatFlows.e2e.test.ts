/**
 * Each flow of the bot (certificate, branches by text and by shared location, security advice,
 * fraud, the welcome) as a WeChat customer lives it: over /wechat, in plaintext and in safe mode,
 * answering numbered options with bare digits. Expected phrases come from the reply catalogues
 * (intents/replies); the flows themselves are tested in test/dialogs.
 */
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { useWeChatServer } from './support/useWeChatServer';
import { messageXml, newMsgId, newOpenId, openSafeReply, postPlain, postSafe, textXml } from './support/wechatClient';

const setup = useWeChatServer();

/** What the customer sends: text, or a WeChat message of another type built for this customer. */
type Say = string | ((openId: string) => string);
/** `absent`: phrases that must not appear (such as options numbered twice). */
type Step = [say: Say, expect: string[], absent?: string[]];

const location = (x: string, y: string, label: string): Say => (openId) =>
  messageXml(openId, { MsgType: 'location', Location_X: x, Location_Y: y, Scale: '15', Label: label, MsgId: newMsgId() });
const voice = (recognition: string): Say => (openId) =>
  messageXml(openId, { MsgType: 'voice', MediaId: 'media-1', Format: 'amr', Recognition: recognition, MsgId: newMsgId() });
const subscribe: Say = (openId) => messageXml(openId, { MsgType: 'event', Event: 'subscribe' });

const flows: Array<[string, Step[]]> = [
  ['welcome on subscribe', [[subscribe, ['智能客服', '1. 网银证书过期/快到期', '6. 转人工客服'], ['回复 1']]]],
  [
    'certificate expired, USB key, then a branch for the counter',
    [
      ['我的网银证书过期了怎么办', ['哪种证书', '1. U盾']],
      ['1', ['重新下载证书', '柜台办理证书重置', '身份证']],
      ['1', ['证书重置和更换需要到柜台', '1. 北京']],
      ['上海', ['陆家嘴支行', '网银证书重置/更换']],
    ],
  ],
  [
    'branches: asked by voice, then the nearest ones for a shared location',
    [
      [voice('附近网点几点开门'), ['发送位置']],
      [location('22.54', '114.06', '广东省深圳市福田区'), ['离您最近的 3 个网点', '示例银行深圳福田中心支行】（距您约 0.2 公里）']],
    ],
  ],
  ['branches: a location shared out of the blue', [[location('30.27', '120.16', '浙江省杭州市'), ['离您最近的', '示例银行杭州武林支行']]]],
  [
    'security advice by number',
    [
      ['给我一些安全建议', ['哪方面的安全建议', '1. 密码和验证码']],
      ['1', ['验证码', '绝不会向您索要']],
    ],
  ],
  [
    'fraud: immediate steps, urgent agent accepted by number',
    [
      ['我被骗了，钱被转走了', ['立即冻结', '110', '马上转人工（加急）']],
      ['1', ['加急转接人工客服']],
    ],
  ],
  ['English: certificate', [['my online banking certificate expired', ['Which kind of certificate', '1. USB key']]]],
];

type Send = (xml: string) => Promise<string>;

const plaintext: Send = async (xml) => {
  const body = await (await postPlain(setup.server.url, xml)).text();
  return body === 'success' ? '' : (parseWeChatXml(body).Content ?? '');
};
const safeMode: Send = async (xml) => {
  const body = await (await postSafe(setup.server.url, xml)).text();
  return body === 'success' ? '' : (openSafeReply(body).Content ?? '');
};

/** The passive reply plus anything pushed since; waits for one more push when a phrase is missing. */
async function answerTo(send: Send, openId: string, say: Say, expected: string[]): Promise<string> {
  const pushedBefore = setup.api.pushed.filter((p) => p.touser === openId).length;
  const passive = await send(typeof say === 'string' ? textXml(openId, say) : say(openId));
  const all = () => [passive, ...setup.api.pushed.filter((p) => p.touser === openId).slice(pushedBefore).map((p) => p.content)].join('\n');
  if (expected.every((phrase) => all().includes(phrase))) return all();
  await setup.api.waitForPushes(openId, pushedBefore + 1, 5_000).catch(() => undefined);
  return all();
}

describe.each([
  ['plaintext', plaintext],
  ['safe mode', safeMode],
])('flows over /wechat in %s', (_mode, send) => {
  it.each(flows)('%s', async (_name, steps) => {
    const openId = newOpenId();
    for (const [say, expected, absent = []] of steps) {
      const answer = await answerTo(send, openId, say, expected);
      for (const phrase of expected) expect(answer).toContain(phrase);
      for (const phrase of absent) expect(answer).not.toContain(phrase);
    }
  });
});
