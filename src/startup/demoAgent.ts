import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/redisClient';
import { AgentAccounts } from '../handover/agentAccounts';
import { HandoverKeys } from '../handover/handoverKeys';

export const DEMO_AGENT_NAME = 'demo';

export interface DemoAgent {
  name: string;
  password: string;
}

/**
 * In memory mode nobody can run `npm run agent -- add` against the bot's store (it lives inside
 * the bot process), so the bot creates one agent itself with a fresh random password, to be
 * printed once: the agent console can then be tried at once. Never done with a real Redis.
 */
export async function createDemoAgent(redis: RedisClient, keyPrefix: string): Promise<DemoAgent> {
  const password = randomBytes(12).toString('base64url');
  await new AgentAccounts(redis, new HandoverKeys(keyPrefix)).set(DEMO_AGENT_NAME, password);
  return { name: DEMO_AGENT_NAME, password };
}

/** The framed block printed once on stdout; tests read the password back with DEMO_PASSWORD_LINE. */
export function demoAgentBanner(agent: DemoAgent, consoleUrl: string): string {
  const lines = [
    'DEMO AGENT (memory mode only; gone when the bot stops)',
    `console:  ${consoleUrl}`,
    `name:     ${agent.name}`,
    `password: ${agent.password}`,
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = `+${'-'.repeat(width + 2)}+`;
  return [bar, ...lines.map((l) => `| ${l.padEnd(width)} |`), bar, ''].join('\n');
}

/** Matches the password line of the banner (for tests and scripts that start the demo). */
export const DEMO_PASSWORD_LINE = /\| password: (\S+)\s*\|/;
