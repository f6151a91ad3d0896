/** WeChat's retries against the dedupe claims, on real Redis: nothing is stuck, nothing runs twice. */
import { CLAIM_LEASE_MS, WeChatDedupe } from '../../src/channels/wechat/wechatDedupe';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

describe('WeChat message claims', () => {
  const redis = newTestRedis();
  const dedupe = new WeChatDedupe(redis, uniquePrefix('wxclaim'));
  afterAll(() => redis.quit());

  it("lets WeChat's next retry run a message whose first copy's process died (its claim is not stuck)", async () => {
    const first = await dedupe.claim('msg:1');
    expect(first.owner).toBe(true);
    // The owner dies: it never renews, finishes or releases. WeChat retries 5 s later.
    const early = await dedupe.claim('msg:1');
    expect(early.owner).toBe(false);
    await new Promise((r) => setTimeout(r, CLAIM_LEASE_MS + 200));
    expect((await dedupe.claim('msg:1')).owner).toBe(true);
  });

  it('keeps the claim of a turn that runs past the lease, so a retry meanwhile does not run it again', async () => {
    const first = await dedupe.claim('msg:2');
    if (!first.owner) throw new Error('expected to own the claim');
    let finish!: () => void;
    const work = new Promise<void>((resolve) => (finish = resolve));
    dedupe.holdWhile('msg:2', first.token, work);
    await new Promise((r) => setTimeout(r, CLAIM_LEASE_MS + 500));
    expect((await dedupe.claim('msg:2')).owner).toBe(false);
    finish();
    await dedupe.finish('msg:2', 'answer');
    const retry = await dedupe.claim('msg:2');
    expect(retry).toEqual({ owner: false, record: { state: 'done', reply: 'answer' } });
  });

  it("does not free another copy's claim when releasing its own", async () => {
    const first = await dedupe.claim('msg:3');
    if (!first.owner) throw new Error('expected to own the claim');
    await dedupe.release('msg:3', 'someone-else');
    expect((await dedupe.claim('msg:3')).owner).toBe(false);
    await dedupe.release('msg:3', first.token);
    expect((await dedupe.claim('msg:3')).owner).toBe(true);
  });
});
