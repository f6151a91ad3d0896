import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

/** Activities that must reach the adapter at once: the HTTP response of an invoke depends on them. */
const PASS_THROUGH = new Set<string>([ActivityTypes.InvokeResponse, ActivityTypes.Trace]);

/**
 * Holds the bot's replies until the turn's state is saved, so a customer never sees an answer to
 * a turn that did not happen (the Bot Framework scale-out sample's "buffered replies"). The
 * adapter still sees every reply, in order, when `flush` runs.
 */
export class ReplyBuffer {
  private readonly held: Partial<Activity>[] = [];
  private releasing = false;

  constructor(private readonly ctx: TurnContext) {
    ctx.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
      if (this.releasing || activities.every((a) => PASS_THROUGH.has(a.type ?? ''))) return next();
      this.held.push(...activities);
      return activities.map(() => ({ id: '' }));
    });
  }

  /** The replies held so far (the turn journal records them with the state). */
  get pending(): readonly Partial<Activity>[] {
    return this.held;
  }

  get size(): number {
    return this.held.length;
  }

  async flush(): Promise<void> {
    if (this.held.length === 0) return;
    this.releasing = true;
    const batch = this.held.splice(0);
    await this.ctx.sendActivities(batch);
  }

  /**
   * Sends the replies one at a time and returns how many the channel took before one failed (the
   * failure is in `error`). For channels that send each reply in a request of its own anyway
   * (the Bot Framework connector), so nothing is lost by not batching.
   */
  async flushCounting(): Promise<{ delivered: number; error?: unknown }> {
    this.releasing = true;
    const batch = this.held.splice(0);
    for (let i = 0; i < batch.length; i++) {
      try {
        await this.ctx.sendActivities([batch[i]]);
      } catch (error) {
        return { delivered: i, error };
      }
    }
    return { delivered: batch.length };
  }
}
