/**
 * Interruptions in every flow and every script: cancel ends the flow, help explains where we are
 * and repeats the question, a person is always reachable (urgently from the fraud flow), and a
 * clear new topic ("算了，我想问网点几点开门") switches to it. Expected texts are rendered from the
 * catalogue, so this table also checks that every flow's help exists in all three scripts.
 */
import type { ReplyKey } from '../../src/i18n/catalogueSchema';
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';
import { loadCatalogues } from '../../src/i18n/loadCatalogues';
import { Localizer } from '../../src/i18n/localizer';
import type { Script } from '../../src/nlu/types';
import { play, type Step } from './harness';

const localizer = new Localizer(loadCatalogues(DEFAULT_DATA_FILES.repliesDir));
const say = (script: Script, key: ReplyKey) => localizer.text({ script, variant: 'tw' }, key);
/** The first line of a reply: enough to recognise it, short enough to survive small wording changes. */
const first = (script: Script, key: ReplyKey) => say(script, key).split('\n')[0].slice(0, 16);

type PerScript = Record<Script, string>;
interface FlowCase {
  name: string;
  start: PerScript;
  asks: ReplyKey;
  help: ReplyKey;
  urgent?: boolean;
  /** Where "never mind, …" takes the customer from this flow. */
  switchTo: PerScript;
  switchAsks: ReplyKey;
}

const TO_BRANCH: PerScript = { 'zh-Hans': '算了，我想问网点几点开门', 'zh-Hant': '算了，我想問網點幾點開門', en: 'never mind, where is the nearest branch' };
const TO_CERT: PerScript = { 'zh-Hans': '算了，我的网银证书过期了', 'zh-Hant': '算了，我的網銀證書過期了', en: 'forget it, my online banking certificate expired' };

const FLOWS: FlowCase[] = [
  {
    name: 'cert_expired',
    start: { 'zh-Hans': '我的网银证书过期了', 'zh-Hant': '我的網銀證書過期了', en: 'my online banking certificate expired' },
    asks: 'cert.askKind',
    help: 'help.certExpired',
    switchTo: TO_BRANCH,
    switchAsks: 'branch.askWhere',
  },
  {
    name: 'branch_visit',
    start: { 'zh-Hans': '附近网点几点开门', 'zh-Hant': '附近網點幾點開門', en: 'where is the nearest branch' },
    asks: 'branch.askWhere',
    help: 'help.branchVisit',
    switchTo: TO_CERT,
    switchAsks: 'cert.askKind',
  },
  {
    name: 'security_advice',
    start: { 'zh-Hans': '给我一些安全建议', 'zh-Hant': '給我一些安全建議', en: 'give me some security tips' },
    asks: 'security.askTopic',
    help: 'help.securityAdvice',
    switchTo: TO_BRANCH,
    switchAsks: 'branch.askWhere',
  },
  {
    name: 'fraud_report',
    start: { 'zh-Hans': '我被骗了', 'zh-Hant': '我被騙了', en: 'I was scammed' },
    asks: 'fraud.askHuman',
    help: 'help.fraudReport',
    urgent: true,
    switchTo: TO_BRANCH,
    switchAsks: 'branch.askWhere',
  },
  {
    name: 'greeting menu',
    start: { 'zh-Hans': '你好', 'zh-Hant': '哈囉，您好，請問在嗎', en: 'hello' },
    asks: 'menu.welcome',
    help: 'help.mainMenu',
    switchTo: TO_BRANCH,
    switchAsks: 'branch.askWhere',
  },
];

const COMMANDS: Record<'cancel' | 'help' | 'human', PerScript> = {
  cancel: { 'zh-Hans': '取消', 'zh-Hant': '取消', en: 'cancel' },
  help: { 'zh-Hans': '帮助', 'zh-Hant': '幫助', en: 'help' },
  human: { 'zh-Hans': '转人工', 'zh-Hant': '轉人工', en: 'agent' },
};

const SCRIPTS: Script[] = ['zh-Hans', 'zh-Hant', 'en'];
const cases = FLOWS.flatMap((flow) => SCRIPTS.map((script) => [flow.name, script, flow] as const));

describe.each(cases)('interruptions in %s (%s)', (_name, script, flow) => {
  const started: Step = [flow.start[script], first(script, flow.asks)];

  it('cancel ends the flow', async () => {
    await play([
      started,
      [COMMANDS.cancel[script], first(script, 'common.cancelled')],
      // Nothing is waiting any more: help now gives the general help, not the flow's.
      [COMMANDS.help[script], [first(script, 'help.general'), { not: first(script, flow.help) }]],
    ]);
  });

  it('help explains where we are and asks the question again', async () => {
    await play([started, [COMMANDS.help[script], [first(script, flow.help), first(script, 'help.commands'), first(script, flow.asks)]]]);
  });

  it('a person is always reachable', async () => {
    const key = flow.urgent ? 'handover.placeholderUrgent' : 'handover.placeholder';
    const conversation = await play([started, [COMMANDS.human[script], first(script, key)]]);
    expect(conversation.handover.requests).toHaveLength(1);
    expect(conversation.handover.requests[0].urgent).toBe(flow.urgent === true);
  });

  it('a clear new topic switches to it', async () => {
    await play([started, [flow.switchTo[script], [first(script, flow.switchAsks), { not: first(script, flow.asks) }]]]);
  });
});

describe('topic switches without a cancel word', () => {
  it('switches from the certificate flow to fraud when the customer reports a scam', async () => {
    await play([
      ['我的网银证书过期了', '哪种证书'],
      ['等等，我刚被骗了，钱被转走了', ['立即冻结', '加急']],
    ]);
  });

  it('answers a greeting in the middle of a flow and goes back to the question', async () => {
    await play([
      ['my certificate is about to expire', 'Which kind'],
      ['hello', ['Hello!', 'Back to where we were', 'Which kind']],
      ['usb key', 'Plug the USB key'],
    ]);
  });

  it('answers an FAQ question mid-flow and then repeats the pending question', async () => {
    await play([
      ['找网点', '城市或区县'],
      ['FAQ 证书有效期', ['有效期为一年', '城市或区县']],
      ['深圳', '示例银行深圳'],
    ]);
  });

  it('says goodbye mid-flow and leaves nothing waiting', async () => {
    await play([
      ['给我一些安全建议', '哪方面'],
      ['再见', '再见'],
      ['1', { not: '验证码' }],
    ]);
  });
});
