/**
 * Bot Framework "saved but not delivered": the turn's state (with its replies, in the journal) is
 * saved, then the connector refuses the reply. The route answers 502, the connector retries the
 * same activity, and the retry delivers the stored reply without running the bot again; a further
 * retry, or a duplicate arriving while the first runs, delivers nothing more.
 */
import { ConversationState, TurnContext, type Activity, type BotState } from 'botbuilder';
import pino from 'pino';
import { hashId } from '../../src/logger';
import { BotRuntime } from '../../src/runtime/botRuntime';
import { confirmDelivery, DeliveryReceipts } from '../../src/runtime/deliveryReceipts';
import { TurnJournal } from '../../src/runtime/turnJournal';
import { RedisTurnLock } from '../../src/runtime/turnLock';
import { RedisStorage } from '../../src/storage/redisStorage';
import { SnapshotBotState, storageKeysOf } from '../../src/storage/snapshotBotState';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { newTestRedis, uniquePrefix } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';
import { CollectingAdapter } from '../runtime/collectingAdapter';

interface TurnLine {
  msg?: string;
  conversation?: string;
  outcome?: string;
  replayed?: boolean;
}

describe('Bot Framework: a saved turn whose reply the connector refused', () => {
  let connector: ConnectorStandIn;
  let server: TestServer;
  beforeAll(async () => {
    connector = await startConnectorStandIn();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const turnsOf = (conv: string): TurnLine[] =>
    server.logs.map((line) => JSON.parse(line) as TurnLine).filter((l) => l.msg === 'turn' && l.conversation === hashId(conv));

  it('answers 502, and the retry re-delivers the stored reply without running the turn again', async () => {
    const conv = `undelivered-${Date.now()}`;
    const activity = messageActivity(connector.url, conv, '网银证书有效期多久');
    // botbuilder's connector client itself retries a 5xx three times (core-rest-pipeline): the
    // connector stays down through all four tries.
    connector.failNext(4, { status: 503 });
    const first = await postActivity(server.url, activity);
    expect(first.status).toBe(502);
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe('DELIVERY_FAILED');
    expect(connector.received.filter((r) => r.conversationId === conv)).toHaveLength(0);
    const refusedText = connector.refused.find((r) => r.conversationId === conv)?.activity.text;
    expect(refusedText).toContain('有效期');

    // The connector retries the same activity (here: twice, the second as if the 200 got lost).
    expect((await postActivity(server.url, activity)).status).toBe(200);
    expect((await postActivity(server.url, activity)).status).toBe(200);
    const received = connector.received.filter((r) => r.conversationId === conv);
    expect(received.map((r) => r.activity.text)).toEqual([refusedText]);
    expect(received[0].replyToId).toBe(activity.id);
    expect(turnsOf(conv).map((t) => [t.outcome, t.replayed ?? false])).toEqual([
      ['DELIVERY_FAILED', false],
      ['ok', true],
      ['ok', true],
    ]);
  }, 30_000);

  it('answers a duplicate that arrives while the first copy runs once, not twice', async () => {
    const conv = `dup-running-${Date.now()}`;
    const activity = messageActivity(connector.url, conv, '密码忘了怎么办');
    const statuses = await Promise.all([postActivity(server.url, activity), postActivity(server.url, activity)].map((p) => p.then((r) => r.status)));
    expect(statuses).toEqual([200, 200]);
    expect(connector.received.filter((r) => r.conversationId === conv)).toHaveLength(1);
    expect(turnsOf(conv).filter((t) => !t.replayed)).toHaveLength(1);
  });
});

/** Sends two replies per turn and counts its runs. */
class TwoReplies {
  runs = 0;
  constructor(private readonly state: BotState) {}
  async run(ctx: TurnContext): Promise<void> {
    this.runs += 1;
    await this.state.createProperty<number>('n').set(ctx, this.runs);
    await ctx.sendActivities([{ type: 'message', text: `first of ${ctx.activity.text}` }, { type: 'message', text: `second of ${ctx.activity.text}` }]);
  }
}

/** Takes replies like CollectingAdapter, but refuses the send numbered `failAt` (1-based), once. */
class FlakyChannel extends CollectingAdapter {
  sends = 0;
  failAt = 0;
  override async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]) {
    this.sends += 1;
    if (this.sends === this.failAt) throw new Error('connector answered 500');
    return super.sendActivities(ctx, activities);
  }
}

it('re-delivers only the replies the channel had not taken when it failed in the middle of a turn', async () => {
  const prefix = uniquePrefix('partial');
  const redis = newTestRedis();
  try {
    const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
    const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
    const bot = new TwoReplies(state);
    const runtime = new BotRuntime({
      bot,
      lock: new RedisTurnLock(redis, { prefix, lockMs: 3000, waitMs: 5000 }),
      states: [state],
      journal: new TurnJournal(state, storage),
      receipts: new DeliveryReceipts(redis, { prefix, ttlSeconds: 600 }),
      logger: pino({ level: 'silent' }),
    });
    const channel = new FlakyChannel();
    const turn = () => {
      const ctx = channel.context('c-partial', 'hello', 'msg-1');
      confirmDelivery(ctx);
      return runtime.handleTurn(ctx);
    };
    channel.failAt = 2;
    await expect(turn()).rejects.toMatchObject({ code: 'DELIVERY_FAILED', status: 502 });
    expect(channel.sent.map((a) => a.text)).toEqual(['first of hello']);
    await turn();
    await turn();
    expect(channel.sent.map((a) => a.text)).toEqual(['first of hello', 'second of hello']);
    expect(bot.runs).toBe(1);
  } finally {
    await redis.quit();
  }
});
