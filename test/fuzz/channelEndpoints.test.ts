/** A short property-based run over the three channel endpoints (the 10,000-run one is in the slow suite). */
import { fuzzBotFramework, fuzzDirectLine, fuzzWeChat, startFuzzTarget, type FuzzTarget } from './support/channelFuzz';

jest.setTimeout(120_000);

describe('channel endpoints under random input', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(() => target?.close());

  it('/api/messages never answers 5xx, and names the problem in every refusal', () => fuzzBotFramework(target, 150));
  it('/wechat never answers 5xx, and names the problem in every refusal', () => fuzzWeChat(target, 150));
  it('Direct Line never answers 5xx, and names the problem in every refusal', () => fuzzDirectLine(target, 150));
});
