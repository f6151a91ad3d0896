/**
 * Calls every store and script path of the bot once — the handover queue, assignments, time-outs,
 * transcripts, tickets, ratings, agent accounts and sessions, the sign-in limiter, dashboard,
 * inbox, attachments, the Direct Line log and rate limiter, WeChat dedupe and token cache, the turn
 * lock, delivery receipts and state storage — on the client it is given. The slot audit
 * (test/redis/keySlots.test.ts) runs it on a standalone Redis and records every unit's keys; the
 * cluster suite (test/topologies/everyStore.slow.test.ts) runs it on a real Redis Cluster, where a
 * unit that spans slots fails with CROSSSLOT.
 */
import { AttachmentStore } from '../../src/attachments/attachmentStore';
import { ActivityLog } from '../../src/channels/webchat/activityLog';
import { RateLimiter } from '../../src/channels/webchat/rateLimiter';
import { resolveSigningKey } from '../../src/channels/webchat/signingKey';
import { AccessTokenCache } from '../../src/channels/wechat/accessTokenCache';
import { WeChatDedupe } from '../../src/channels/wechat/wechatDedupe';
import { DashboardFigures } from '../../src/dashboard/dashboardFigures';
import { MisunderstoodInbox } from '../../src/dashboard/misunderstoodInbox';
import { StatsRecorder } from '../../src/dashboard/statsRecorder';
import { SupervisorRoles } from '../../src/dashboard/supervisorRoles';
import { AgentAccounts } from '../../src/handover/agentAccounts';
import { AgentSessions } from '../../src/handover/agentSessions';
import { AgentStatusStore } from '../../src/handover/agentStatus';
import { Assignments } from '../../src/handover/assignments';
import { ClosedConversations } from '../../src/handover/closedConversations';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { HandoverQueue, type JoinInput } from '../../src/handover/handoverQueue';
import { HandoverSignals } from '../../src/handover/handoverSignals';
import { NoteStore } from '../../src/handover/noteStore';
import { RatingStore } from '../../src/handover/ratingStore';
import { SignInLimiter } from '../../src/handover/signInLimiter';
import { TicketStore } from '../../src/handover/ticketStore';
import { TranscriptStore } from '../../src/handover/transcriptStore';
import { createLogger } from '../../src/logger';
import { DeliveryReceipts } from '../../src/runtime/deliveryReceipts';
import { RedisTurnLock } from '../../src/runtime/turnLock';
import { RedisStorage } from '../../src/storage/redisStorage';
import { startWeChatApiStandIn } from '../wechat/support/wechatApiStandIn';
import { TEST_WECHAT } from '../wechat/support/wechatClient';
import type { RedisClient } from '../../src/redis/redisClient';
import { uniquePrefix } from './testRedis';

const join = (member: string): JoinInput => ({
  member,
  reference: { channelId: member.split('/')[0], serviceUrl: 'http://127.0.0.1:9', conversation: { id: member.split('/')[1], isGroup: false, conversationType: 'personal', name: '' } },
  channel: member.split('/')[0],
  script: 'zh-Hans',
  variant: 'tw',
  reason: 'asked',
  urgent: false,
  lastIntent: 'human_agent',
  customerName: '',
});

export async function exerciseEveryStore(redis: RedisClient): Promise<void> {
  const api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  try {
    const prefix = uniquePrefix('slots');
    const keys = new HandoverKeys(prefix);
    const now = Date.now();
    const queue = new HandoverQueue(redis, keys, { waitSeconds: 10, recordTtlSeconds: 600 });
    const assignments = new Assignments(redis, keys);
    const [a, b, c] = ['msteams/a1', 'webchat/b2', 'wechat/c3'];
    for (const m of [a, b, c]) await queue.join(join(m), now);
    await queue.leave(c, 'bot', now);
    await queue.positionsToTell();
    await assignments.take(a, 'alice', now);
    await assignments.transfer(a, 'alice', 'bob', now);
    const record = await queue.record(a);
    if (record) await queue.requeue(record, 'bob', now);
    await assignments.take(a, 'bob', now);
    await assignments.finish(a, 'bob', 'rating', now + 1000);
    await queue.claimExpired(now + 60_000, now + 120_000);
    await queue.park(join(c), 'ticket', now + 1000, now);

    const transcripts = new TranscriptStore(redis, keys, 600);
    await transcripts.append(a, { from: 'customer', text: 'hi', at: now });
    await new NoteStore(redis, keys, 600).add(a, { agent: 'bob', text: 'called back', at: now });
    const closed = new ClosedConversations(redis, keys, transcripts);
    await closed.record(a, { handle: 'h', customer: '', agent: 'bob', channel: 'msteams', script: 'zh-Hans', reason: 'asked', closedAt: now });
    await closed.search('hi');
    const tickets = new TicketStore(redis, keys, 600);
    const ticket = await tickets.create({ handle: 'h', channel: 'wechat', script: 'zh-Hans', reason: 'closedHours', message: 'call me', contact: '' }, now);
    await tickets.setContact(ticket.id, '13800000000');
    await tickets.markDone(ticket.id, 'bob');
    await tickets.list();
    const ratings = new RatingStore(redis, keys, new HandoverSignals());
    await ratings.add('bob', 5, 'h', now);
    await ratings.perAgent();

    const accounts = new AgentAccounts(redis, keys);
    await accounts.set('carol', 'a long password 1');
    await accounts.verify('carol', 'a long password 1');
    const limiter = new SignInLimiter(redis, keys);
    await limiter.admit('carol', '10.0.0.1');
    await limiter.succeeded('carol', '10.0.0.1');
    await accounts.remove('carol');
    const sessions = new AgentSessions(redis, keys, 600);
    const token = await sessions.create('bob');
    await sessions.touch('bob', now, sessions.consoleOf(token));
    await new AgentStatusStore(redis, keys, sessions).available(now);
    await sessions.signOut(token, 'bob', now);
    await new SupervisorRoles(redis, keys.roles).grant('bob');

    const inbox = new MisunderstoodInbox(redis, prefix);
    const stats = new StatsRecorder(redis, prefix, 'Asia/Shanghai', inbox, createLogger('silent'));
    await stats.countTurn('msteams', a, true, now);
    await stats.escalated(a, 'msteams', 'asked', now);
    await stats.waited('msteams', 1200, now);
    await new DashboardFigures(redis, stats, keys.ratingLog, 'Asia/Shanghai').days(now, 2);
    await inbox.add({ text: 'xyz', channel: 'msteams', script: 'en', intent: 'none', score: 0, at: now });
    await new AttachmentStore(redis, prefix, 600).put(Buffer.from('png'), { type: 'image/png', name: 'a.png', size: 3, conversation: b });

    const log = new ActivityLog(redis, { prefix, max: 10, ttlSeconds: 600 });
    await log.start('dl1');
    await log.append('dl1', [{ type: 'message', text: 'hello' }], 'turn-1');
    await log.read('dl1', 0);
    await new RateLimiter(redis, `${prefix}dl:rate:`, 10, 1000).hit('dl1');
    await resolveSigningKey('', redis, prefix);

    const dedupe = new WeChatDedupe(redis, prefix);
    const claim = await dedupe.claim('openid|123');
    if (claim.owner) {
      dedupe.holdWhile('openid|123', claim.token, new Promise((resolve) => setTimeout(resolve, 1500)));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await dedupe.release('openid|123', claim.token);
    }
    const tokenCache = new AccessTokenCache(redis, { prefix, appId: TEST_WECHAT.appId, appSecret: TEST_WECHAT.secret, apiBase: api.url });
    await tokenCache.invalidate(await tokenCache.get());

    // A turn held longer than a third of its lease renews it.
    const lock = new RedisTurnLock(redis, { prefix, lockMs: 1000, waitMs: 5000 });
    await lock.run(a, () => new Promise((resolve) => setTimeout(resolve, 500)));
    const receipts = new DeliveryReceipts(redis, { prefix, ttlSeconds: 600 });
    await receipts.record(a, 'turn-1', 2);
    await receipts.delivered(a, 'turn-1');
    const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
    await storage.write({ 'msteams/conversations/a1/': { n: 1 }, 'msteams/users/u1/': { n: 2 } });
    await storage.read(['msteams/conversations/a1/', 'msteams/users/u1/']);
    await storage.delete(['msteams/conversations/a1/', 'msteams/users/u1/']);
  } finally {
    await api.close();
  }
}

