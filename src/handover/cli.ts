/**
 * Agent accounts from the command line (npm run agent -- <command>):
 *   add <name>      create an agent or set a new password (typed twice, or one line on stdin)
 *   list            list agents
 *   remove <name>   delete an agent
 *   supervisor <name> [--revoke]  let an agent open the supervisor dashboard (or no longer)
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
import { SupervisorRoles } from '../dashboard/supervisorRoles';

interface Stores {
  accounts: AgentAccounts;
  roles: SupervisorRoles;
}

type Command = (stores: Stores, args: string[]) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  async add({ accounts }, [name]) {
    if (!name) throw new Error('usage: npm run agent -- add <name>');
    const existed = await accounts.exists(name);
    await accounts.set(name, await readPassword());
    return existed ? `password of agent ${name} changed` : `agent ${name} created`;
  },
  async list({ accounts }) {
    const names = await accounts.list();
    return names.length > 0 ? names.join('\n') : '(no agents)';
  },
  async remove({ accounts }, [name]) {
    if (!name) throw new Error('usage: npm run agent -- remove <name>');
    return (await accounts.remove(name)) ? `agent ${name} removed` : `no agent ${name}`;
  },
  async supervisor({ accounts, roles }, [name, flag]) {
    if (!name) throw new Error('usage: npm run agent -- supervisor <name> [--revoke]');
    if (!(await accounts.exists(name))) throw new Error(`no agent ${name}: add it first`);
    if (flag === '--revoke') {
      await roles.revoke(name);
      return `${name} is no longer a supervisor`;
    }
    await roles.grant(name);
    return `${name} is a supervisor (the dashboard is at /agent/dashboard)`;
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
    const keys = new HandoverKeys(config.REDIS_KEY_PREFIX);
    const stores = { accounts: new AgentAccounts(connection.redis, keys), roles: new SupervisorRoles(connection.redis, keys.roles) };
    process.stdout.write(`${await command(stores, args)}\n`);
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
