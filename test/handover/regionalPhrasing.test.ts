/**
 * Handover texts follow the customer's region as the bot's own replies do: a Hong Kong client
 * (locale zh-HK) reads Hong Kong phrasing (聯繫, 賬户), a Taiwan one Taiwan phrasing (聯絡, 賬戶),
 * also in what is sent later from the queue record.
 */
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { HandoverQueue } from '../../src/handover/handoverQueue';
import { handoverText } from '../../src/handover/handoverTexts';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { newTestRedis, uniquePrefix } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';

describe('regional phrasing of handover texts', () => {
  let server: TestServer;
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    // Open hours and no agent signed in: asking for a person gets the "no agents, leave a message" offer.
    server = await startTestServer({ HANDOVER_HOURS: 'always' });
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  it.each([
    ['zh-HK', '聯繫', '聯絡'],
    ['zh-TW', '聯絡', '聯繫'],
  ])('a %s customer asking for a person reads %s, not %s', async (locale, expected, other) => {
    const conv = `regional-${locale}-${Date.now()}`;
    const res = await postActivity(server.url, messageActivity(connector.url, conv, '我要轉人工', { locale }));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(conv, 1);
    expect(reply.activity.text).toContain(expected);
    expect(reply.activity.text).not.toContain(other);
  });

  it('keeps the variant on the queue record, where later texts are written from', async () => {
    const redis = newTestRedis();
    try {
      const queue = new HandoverQueue(redis, new HandoverKeys(uniquePrefix('regional')), { waitSeconds: 60, recordTtlSeconds: 600 });
      const base = { reference: {}, channel: 'webchat', script: 'zh-Hant' as const, reason: 'fraud', urgent: true, lastIntent: 'fraud_report', customerName: '' };
      await queue.join({ ...base, member: 'webchat/hk', variant: 'hk' }, 1000);
      await queue.join({ ...base, member: 'webchat/tw', variant: 'tw' }, 1000);
      const hk = await queue.record('webchat/hk');
      const tw = await queue.record('webchat/tw');
      expect(hk?.variant).toBe('hk');
      expect(tw?.variant).toBe('tw');
      expect(handoverText('queuedUrgent', 'zh-Hant', { position: 1 }, hk?.variant)).toContain('賬户');
      expect(handoverText('queuedUrgent', 'zh-Hant', { position: 1 }, tw?.variant)).toContain('賬戶');
    } finally {
      await redis.quit();
    }
  });
});
