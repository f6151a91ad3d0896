import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { ClientConnection } from './clientConnection';
import type { CommandContext } from './commandTable';
import { executeCommand } from './commandExecutor';
import { Keyspace } from './keyspace';
import { LuaScripting } from './luaScripting';

/** How often expired keys are swept (they are already invisible the moment they expire). */
const SWEEP_MS = 1000;

export interface MemoryRedisServer {
  /** `redis://:password@127.0.0.1:port`: connect with the same client and options as a real Redis. */
  url: string;
  close(): Promise<void>;
}

/**
 * An in-process Redis: a RESP server on a loopback port with a random password, holding its data in
 * this process's memory. The bot connects to it with ioredis exactly as it connects to a real Redis,
 * so every client feature the code relies on (auto-pipelining, MULTI, EVALSHA with the NOSCRIPT
 * fallback, subscriber connections) is ioredis's own, and scripts run in a real Lua VM (see
 * luaScripting.ts). Nothing survives the process, and other processes cannot share it.
 */
export async function startMemoryRedis(host = '127.0.0.1'): Promise<MemoryRedisServer> {
  const password = randomBytes(18).toString('base64url');
  const connections = new Set<ClientConnection>();
  const db = new Keyspace();
  const ctx: CommandContext = {
    db,
    now: Date.now,
    publish: (channel, message, sharded) => {
      let receivers = 0;
      for (const connection of connections) {
        const { channel: channels, pattern: patterns, shard } = connection.subscriptions;
        if (sharded) {
          if (shard.has(channel)) receivers += (connection.send(['smessage', channel, message]), 1);
          continue;
        }
        if (channels.has(channel)) receivers += (connection.send(['message', channel, message]), 1);
        for (const [pattern, re] of patterns) {
          if (re?.test(channel)) receivers += (connection.send(['pmessage', pattern, channel, message]), 1);
        }
      }
      return receivers;
    },
    scripts: new LuaScripting((args) => executeCommand(ctx, args, true)),
  };
  const host_ = { ctx, password, forget: (c: ClientConnection) => connections.delete(c) };
  const server: Server = createServer((socket) => connections.add(new ClientConnection(socket, host_)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sweeper = setInterval(() => db.sweep(), SWEEP_MS);
  sweeper.unref();
  return {
    url: `redis://:${password}@${host}:${port}`,
    async close() {
      clearInterval(sweeper);
      for (const connection of connections) connection.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
