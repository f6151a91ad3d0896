import { startTestServer, type TestServer } from '../../support/testServer';
import { startWeChatApiStandIn, type WeChatApiStandIn } from './wechatApiStandIn';
import { TEST_WECHAT, wechatEnv } from './wechatClient';

export interface WeChatSetup {
  api: WeChatApiStandIn;
  server: TestServer;
}

/** Registers beforeAll/afterAll for the real app wired to a WeChat API stand-in; fields fill in beforeAll. */
export function useWeChatServer(): WeChatSetup {
  const setup = {} as WeChatSetup;
  beforeAll(async () => {
    setup.api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
    setup.server = await startTestServer(wechatEnv(setup.api.url));
  });
  afterAll(async () => {
    await setup.server?.close();
    await setup.api?.close();
  });
  return setup;
}
