import type { Server } from 'restify';

/** Counts requests in flight so shutdown can stop accepting and wait for the ones running. */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly server: Server) {
    server.pre((req, res, next) => {
      this.count += 1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.count -= 1;
        if (this.count === 0) this.waiters.splice(0).forEach((w) => w());
      };
      res.once('finish', finish);
      res.once('close', finish);
      void req;
      return next();
    });
  }

  /** Stops accepting, calls `stopped` (to end long-lived streams), then waits for the rest. */
  async drain(timeoutMs: number, stopped: () => void = () => undefined): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    stopped();
    if (this.count > 0) {
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
    // server.close waits for keep-alive sockets too; do not let an idle client hold shutdown.
    this.server.server.closeIdleConnections?.();
    await Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
  }
}
