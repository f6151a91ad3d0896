/**
 * The end-to-end flows on a 3-master Redis Cluster (REDIS_CLUSTER_NODES), two bot processes: every
 * script and MULTI stays in one slot (no CROSSSLOT), MOVED is followed by the client, and Direct
 * Line's per-conversation channel uses sharded pub/sub.
 */
import { startRedisCluster, type TestCluster } from '../support/redisTopologies';
import { topologySuite } from './topologySuite';

let cluster: TestCluster | undefined;

topologySuite(
  'cluster',
  async () => {
    cluster = await startRedisCluster(3);
    return { REDIS_CLUSTER_NODES: cluster.nodes };
  },
  async () => cluster?.stop(),
);
