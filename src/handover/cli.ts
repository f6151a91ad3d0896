/**
 * Agent accounts from the command line (npm run agent -- <command>):
 *   add <name>      create an agent or set a new password (typed twice, or one line on stdin)
 *   list            list agents
 *   remove <name>   delete an agent
 * Accounts live in the Redis of REDIS_URL; without a reachable Redis the command refuses, since an
 * account kept in this process's memory would vanish as it exits.
 */
import { z } from 'zod';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { connectRedis, isMemoryUrl } from '../redis/connectRedis';
import { AgentAccounts } from './agentAccounts';
import { HandoverKeys } from './handoverKeys';
import { readPassword } from './readPassword';

type Command = (accounts: AgentAccounts, args: string[]) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  async add(accounts, [name]) {
    if (!name) throw new Error('usage: npm run agent -- add <name>');
    const existed = await accounts.exists(name);
    await accounts.set(name, await readPassword());
    return existed ? `password of agent ${name} changed` : `agent ${name} created`;
  },
  async list(accounts) {
    const names = await accounts.list();
    return names.length > 0 ? names.join('\n') : '(no agents)';
  },
  async remove(accounts, [name]) {
    if (!name) throw new Error('usage: npm run agent -- remove <name>');
    return (await accounts.remove(name)) ? `agent ${name} removed` : `no agent ${name}`;
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: npm run agent -- <${Object.keys(COMMANDS).join('|')}> [name]\n`);
    return 2;
  }
  const config = loadConfig();
  if (isMemoryUrl(config.redisUrl)) {
    throw new Error('REDIS_URL=memory:// keeps accounts inside the bot process: sign in as the demo agent the bot printed at start, or set REDIS_URL to the bot\'s Redis');
  }
  const connection = await connectRedis(config, createLogger('silent'));
  try {
    if (connection.mode !== 'redis') throw new Error(`no Redis at ${config.redisUrl}: set REDIS_URL to the bot's Redis`);
    process.stdout.write(`${await command(new AgentAccounts(connection.redis, new HandoverKeys(config.REDIS_KEY_PREFIX)), args)}\n`);
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : err instanceof Error ? err.message : String(err);
    process.stderr.write(`agent: ${message}\n`);
    process.exit(1);
  },
);
