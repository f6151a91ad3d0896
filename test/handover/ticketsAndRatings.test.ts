/** Tickets and ratings in real Redis. */
import type { Redis } from 'ioredis';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { RatingStore } from '../../src/handover/ratingStore';
import { TicketStore } from '../../src/handover/ticketStore';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

let redis: Redis;
let keys: HandoverKeys;
beforeEach(() => {
  redis = newTestRedis();
  keys = new HandoverKeys(uniquePrefix('tickets'));
});
afterEach(() => redis.quit());

const ticket = (message: string, contact = '') => ({ handle: 'aGVsbG8', channel: 'wechat', script: 'zh-Hans', reason: 'requested', message, contact });

describe('TicketStore (real Redis)', () => {
  it('lists tickets newest first, with the message PII-masked and the contact kept', async () => {
    const store = new TicketStore(redis, keys, 3600);
    const first = await store.create(ticket('请回电 13812345678', '13812345678'), 1000);
    const second = await store.create(ticket('second'), 2000);
    expect(first.id).not.toBe(second.id);
    const list = await store.list();
    expect(list.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(list[1]).toMatchObject({ message: '请回电 [mobile]', contact: '13812345678', status: 'open' });
  });

  it('marks a ticket done, remembers who did it, and refuses unknown tickets', async () => {
    const store = new TicketStore(redis, keys, 3600);
    const t = await store.create(ticket('x'), 1000);
    expect(await store.markDone(t.id, 'alice')).toBe(true);
    expect(await store.get(t.id)).toMatchObject({ status: 'done', doneBy: 'alice' });
    expect(await store.markDone('T999999', 'alice')).toBe(false);
  });

  it('drops expired tickets from the list', async () => {
    const store = new TicketStore(redis, keys, 3600);
    const t = await store.create(ticket('x'), 1000);
    await redis.del(keys.ticket(t.id));
    expect(await store.list()).toEqual([]);
  });
});

describe('RatingStore (real Redis)', () => {
  it('averages ratings per agent', async () => {
    const store = new RatingStore(redis, keys);
    await store.add('alice', 5, 'h1', 1);
    await store.add('alice', 4, 'h2', 2);
    await store.add('bob', 2, 'h3', 3);
    expect(await store.perAgent()).toEqual([
      { agent: 'alice', count: 2, average: 4.5 },
      { agent: 'bob', count: 1, average: 2 },
    ]);
  });
});
