import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { uniquePrefix } from '../support/testRedis';
import type { ChildServer } from '../support/testServer';
import { startWeChatApiStandIn, type WeChatApiStandIn } from '../wechat/support/wechatApiStandIn';
import { TEST_WECHAT } from '../wechat/support/wechatClient';
import { botEnv, botFrameworkConversation, createAgentOn, directLineConversation, directLineStreamAcrossProcesses, handoverTakenAndClosed, redisErrorsLogged, spawnTwo, wechatMessages } from './topologyFlows';

export interface TopologyWorld {
  servers: ChildServer[];
  connector: ConnectorStandIn;
  env: Record<string, string>;
}

/**
 * The same end-to-end tests on any topology: `start` gives the Redis settings (and is torn down by
 * `stop`); two bot processes are started on it. Returns the world for extra, topology-specific tests.
 */
export function topologySuite(label: 'standalone' | 'cluster' | 'sentinel', start: () => Promise<Record<string, string>>, stop: () => Promise<void>, extraEnv: Record<string, string> = {}): TopologyWorld {
  const world = { servers: [], connector: undefined, env: {} } as unknown as TopologyWorld;
  let wechatApi: WeChatApiStandIn | undefined;

  beforeAll(async () => {
    const redisEnv = await start();
    [world.connector, wechatApi] = await Promise.all([startConnectorStandIn(), startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret)]);
    const prefix = uniquePrefix(label);
    world.env = { ...botEnv(redisEnv, prefix, wechatApi.url), ...extraEnv };
    world.servers.push(...(await spawnTwo(world.env)));
    await createAgentOn(world.env, prefix, 'alice');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(world.servers.map((s) => s.stop()));
    await Promise.all([world.connector?.close(), wechatApi?.close()]);
    await stop();
  }, 60_000);

  describe(`${label}: two bot processes`, () => {
    it('carries a Bot Framework conversation across both processes', async () => {
      await botFrameworkConversation(world.servers, world.connector, `${label}-bf`);
    });
    it('hands a customer to an agent on the other process, who takes and closes', async () => {
      await handoverTakenAndClosed(world.servers, world.connector, `${label}-handover`, 'alice');
    });
    it('carries a Direct Line conversation across both processes', async () => {
      await directLineConversation(world.servers);
    });
    it('streams a reply over a WebSocket on one process to a message posted on the other', async () => {
      await directLineStreamAcrossProcesses(world.servers);
    });
    it('answers WeChat messages on both processes', async () => {
      await wechatMessages(world.servers);
    });
    it('is ready on both processes (the state store answers and takes writes)', async () => {
      for (const server of world.servers) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    });
    it(`runs on the ${label} topology`, () => {
      for (const server of world.servers) expect(server.output.some((line) => line.includes(`"topology":"${label}"`))).toBe(true);
    });
    it('logged no CROSSSLOT or MOVED error', () => {
      expect(redisErrorsLogged(world.servers)).toEqual([]);
    });
  });
  return world;
}
