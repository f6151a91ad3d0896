import type { Activity } from 'botbuilder';

/**
 * Where a turn's replies wait while the HTTP request that started it can still carry them back
 * (the passive reply). Once the request has answered, the sink closes and later replies take the
 * push path instead. Single-threaded JS makes `close` and `hold` atomic with respect to each other.
 */
export class PassiveSink {
  private held: Array<Partial<Activity>> = [];
  private open = true;

  get accepting(): boolean {
    return this.open;
  }

  hold(activities: Array<Partial<Activity>>): void {
    this.held.push(...activities);
  }

  /** Stops accepting and hands over what was held. */
  close(): Array<Partial<Activity>> {
    this.open = false;
    const held = this.held;
    this.held = [];
    return held;
  }
}
