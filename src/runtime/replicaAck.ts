import { Cluster } from 'ioredis';
import type { RedisClient } from '../redis/redisClient';
import { BotError, ErrorCode } from '../errors';

/**
 * Waits until `replicas` replicas have the turn's writes (Redis WAIT) before its replies go out.
 * Redis replication is asynchronous: after a failover the new primary lacks whatever the old one
 * acknowledged but had not yet passed on, and a turn the customer saw answered would be lost
 * (measured: 289 turns in one Sentinel failover). WAIT covers every write sent on this
 * connection before it, the turn's included. Too few acknowledgements fail the turn with 503, so
 * the channel retries: the journal re-delivers if the write survived, or the turn runs again if
 * it did not.
 *
 * On a cluster a turn writes to more than one master (the conversation's slot, the customer's
 * user state, the handover queue…), each over its own connection, so WAIT goes to every master's
 * connection at once and the fewest acknowledgements count. WAIT on a master this turn did not
 * write to answers at once.
 */
export class ReplicaAck {
  constructor(
    private readonly redis: RedisClient,
    private readonly replicas: number,
    private readonly timeoutMs: number,
  ) {}

  async wait(): Promise<void> {
    let acked: number;
    try {
      const connections = this.redis instanceof Cluster ? this.redis.nodes('master') : [this.redis];
      acked = Math.min(...(await Promise.all(connections.map((node) => node.wait(this.replicas, this.timeoutMs)))));
    } catch (err) {
      throw new BotError(ErrorCode.StoreUnavailable, `ReplicaAck.wait(): Redis did not answer WAIT: ${String(err)}`, { cause: err });
    }
    if (acked < this.replicas) {
      throw new BotError(
        ErrorCode.StoreUnavailable,
        `ReplicaAck.wait(): ${acked} of ${this.replicas} replicas acknowledged the turn within ${this.timeoutMs} ms; not answered, retry`,
      );
    }
  }
}
