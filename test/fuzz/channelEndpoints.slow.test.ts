/** The long fuzz run (npm run test:slow): 10,000 random requests per channel endpoint, no 5xx. */
import { fuzzBotFramework, fuzzDirectLine, fuzzWeChat, startFuzzTarget, type FuzzTarget } from './support/channelFuzz';

jest.setTimeout(60 * 60_000);

describe('channel endpoints under 10,000 random inputs each', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(() => target?.close());

  it('/api/messages never answers 5xx', () => fuzzBotFramework(target, 10_000));
  it('/wechat never answers 5xx', () => fuzzWeChat(target, 10_000));
  it('Direct Line never answers 5xx', () => fuzzDirectLine(target, 10_000));
});
