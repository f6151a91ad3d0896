/**
 * The end-to-end flows every Redis topology must carry, with two bot processes (real OS processes)
 * on it: a Bot Framework conversation, a handover an agent takes and closes, a Direct Line
 * conversation and a WeChat message. Used by test/topologies/*.slow.test.ts.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../src/config';
import { AgentAccounts } from '../../src/handover/agentAccounts';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { createRedisClient } from '../../src/redis/createRedisClient';
import { messageActivity, postActivity } from '../support/activities';
import type { ConnectorStandIn } from '../support/connectorStandIn';
import { ROOT, spawnServer, type ChildServer } from '../support/testServer';
import { ConsoleClient, handleOf, PASSWORD } from '../handover/support/consoleClient';
import WebSocket from 'ws';
import { call, dl, history, message, openConversation, type Grant } from '../webchat/support/directLineClient';
import { postPlain, textXml, newOpenId, wechatEnv } from '../wechat/support/wechatClient';

export const DIRECTLINE_SECRET = 'topology-directline-secret-0123456789';

/** Words of Redis errors that must never reach a customer. */
export const REDIS_ERRORS = /CROSSSLOT|MOVED|READONLY|ASK |CLUSTERDOWN|NOSCRIPT/;

export function botEnv(redisEnv: Record<string, string>, prefix: string, wechatApi: string): Record<string, string> {
  return {
    ...redisEnv,
    REDIS_KEY_PREFIX: prefix,
    NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu'),
    HANDOVER_HOURS: 'always',
    DIRECTLINE_SECRET,
    ...wechatEnv(wechatApi),
  };
}

export async function spawnTwo(env: Record<string, string>): Promise<ChildServer[]> {
  return Promise.all([spawnServer(env, { startMs: 90_000 }), spawnServer(env, { startMs: 90_000 })]);
}

/** An agent account written through the same client factory the bot uses on this topology. */
export async function createAgentOn(env: Record<string, string>, prefix: string, name: string): Promise<void> {
  const topology = loadConfig(env).redis;
  if (topology.kind === 'memory') throw new Error('a topology test needs a Redis');
  const client = createRedisClient(topology);
  await client.connect();
  try {
    await new AgentAccounts(client, new HandoverKeys(prefix)).set(name, PASSWORD);
  } finally {
    await client.quit();
  }
}

const textsOf = (connector: ConnectorStandIn, conversation: string) =>
  connector.received.filter((r) => r.conversationId === conversation && r.activity.type === 'message').map((r) => String(r.activity.text));

async function waitForText(connector: ConnectorStandIn, conversation: string, pattern: RegExp): Promise<void> {
  for (let n = 1; !textsOf(connector, conversation).some((t) => pattern.test(t)); n++) await connector.waitFor(conversation, n, 30_000);
}

/** Four turns of one conversation, alternating between the processes; every one answered. */
export async function botFrameworkConversation(servers: ChildServer[], connector: ConnectorStandIn, conv: string): Promise<void> {
  const says = ['网银证书过期了', 'U盾', '已经过期了', '谢谢'];
  const ids: string[] = [];
  for (const [i, text] of says.entries()) {
    const activity = messageActivity(connector.url, conv, text);
    ids.push(activity.id);
    const res = await postActivity(servers[i % 2].url, activity);
    if (res.status !== 200) throw new Error(`turn ${i} answered ${res.status}: ${await res.text()}`);
    await connector.waitFor(conv, i + 1, 30_000);
  }
  const answered = new Set(connector.received.filter((r) => r.conversationId === conv).map((r) => r.replyToId));
  for (const id of ids) if (!answered.has(id)) throw new Error(`turn ${id} was not answered`);
  const all = textsOf(connector, conv).join('\n');
  if (!/证书/.test(all)) throw new Error(`the certificate flow did not answer: ${all}`);
  if (REDIS_ERRORS.test(all)) throw new Error(`a Redis error reached the customer: ${all}`);
}

/** The customer on process 1 asks for a person; the agent on process 2 takes, writes and closes. */
export async function handoverTakenAndClosed(servers: ChildServer[], connector: ConnectorStandIn, conv: string, agentName: string): Promise<void> {
  const [customerSide, agentSide] = servers;
  const agent = new ConsoleClient(agentSide.url);
  const signIn = await agent.signIn(agentName);
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  await agent.openStream();
  try {
    const handle = handleOf('msteams', conv);
    if ((await postActivity(customerSide.url, messageActivity(connector.url, conv, '转人工'))).status !== 200) throw new Error('转人工 not answered');
    await waitForText(connector, conv, /排在第 1 位/);
    await agent.json('POST', `/agent/api/conversations/${handle}/take`);
    await waitForText(connector, conv, new RegExp(`${agentName} 已接入`));
    await agent.json('POST', `/agent/api/conversations/${handle}/messages`, { text: 'Hello from process 2' });
    await waitForText(connector, conv, /^Hello from process 2$/);
    if ((await postActivity(customerSide.url, messageActivity(connector.url, conv, 'thanks, from process 1'))).status !== 200) throw new Error('customer message not answered');
    await agent.waitForEvent((e) => e.type === 'message' && (e.data.entry as { text: string }).text === 'thanks, from process 1');
    await agent.json('POST', `/agent/api/conversations/${handle}/close`);
    await waitForText(connector, conv, /评分|打分|1-5|1–5|rate/i);
    const all = textsOf(connector, conv).join('\n');
    if (REDIS_ERRORS.test(all)) throw new Error(`a Redis error reached the customer: ${all}`);
  } finally {
    agent.close();
  }
}

/** Opened on process 1, written on process 2, read back on process 1. */
export async function directLineConversation(servers: ChildServer[]): Promise<void> {
  const g = await openConversation(servers[0].url, DIRECTLINE_SECRET, 'zh-CN');
  const posted = await call(servers[1].url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('网银证书过期了') });
  if (posted.status !== 200) throw new Error(`Direct Line post answered ${posted.status}`);
  for (let i = 0; i < 100; i++) {
    const log = await history(servers[0].url, g.token, g.conversationId);
    const bot = log.body.activities.filter((a) => a.from.role === 'bot' && /证书/.test(String(a.text)));
    if (bot.length > 0) {
      if (log.body.activities.some((a) => REDIS_ERRORS.test(String(a.text)))) throw new Error('a Redis error reached the customer');
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the Direct Line reply never appeared');
}

/**
 * A WebSocket stream open on process 1 gets the reply to a message posted on process 2 within
 * seconds: the log's change crossed processes by (sharded, on a cluster) pub/sub, well before the
 * stream's 30-second keep-alive would have re-read the log.
 */
export async function directLineStreamAcrossProcesses(servers: ChildServer[]): Promise<void> {
  const g = await openConversation(servers[0].url, DIRECTLINE_SECRET, 'zh-CN');
  const again = await call<Grant & { streamUrl: string }>(servers[0].url, 'POST', '/v3/directline/conversations', { auth: g.token });
  const ws = new WebSocket(again.body.streamUrl);
  const texts: string[] = [];
  ws.on('message', (data: Buffer) => {
    const text = data.toString('utf8');
    if (text) texts.push(...(JSON.parse(text) as { activities: Array<{ text?: string; from: { role?: string } }> }).activities.filter((a) => a.from.role === 'bot').map((a) => String(a.text)));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const posted = await call(servers[1].url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('网银证书过期了') });
    if (posted.status !== 200) throw new Error(`Direct Line post answered ${posted.status}`);
    const deadline = Date.now() + 10_000;
    while (!texts.some((t) => /证书/.test(t))) {
      if (Date.now() > deadline) throw new Error(`no reply on the stream within 10 s: ${JSON.stringify(texts)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (texts.some((t) => REDIS_ERRORS.test(t))) throw new Error('a Redis error reached the customer');
  } finally {
    ws.close();
  }
}

/** A WeChat text message to each process: answered in the passive reply (or acknowledged). */
export async function wechatMessages(servers: ChildServer[]): Promise<void> {
  const openId = newOpenId();
  for (const [i, server] of servers.entries()) {
    const res = await postPlain(server.url, textXml(openId, i === 0 ? '网银证书过期了' : 'U盾'));
    const body = await res.text();
    if (res.status !== 200) throw new Error(`WeChat message ${i} answered ${res.status}: ${body}`);
    if (REDIS_ERRORS.test(body)) throw new Error(`a Redis error reached the customer: ${body}`);
    if (!/<Content>/.test(body) && body !== 'success') throw new Error(`WeChat reply not understood: ${body}`);
  }
}

/** Any Redis routing error in the processes' logs (they must be handled below the customer). */
export function redisErrorsLogged(servers: ChildServer[]): string[] {
  return servers.flatMap((s) => s.output.filter((line) => /CROSSSLOT|MOVED|CLUSTERDOWN/.test(line)));
}
