import { createServer } from 'node:net';
import { StartupError } from './startupError';

/** What each listen error means for the person starting the bot, and what to change. */
const LISTEN_PROBLEMS: Record<string, (port: number, host: string) => string> = {
  EADDRINUSE: (port) => `PORT ${port} is already in use; set PORT to another port`,
  EACCES: (port) => `PORT ${port} needs privileges this process does not have; set PORT to 1024 or above`,
  EADDRNOTAVAIL: (_port, host) => `HOST ${host} is not an address of this machine; set HOST (0.0.0.0 listens on every address)`,
};

/** A listen error as one line naming the setting to change, or undefined when it is not one of ours. */
export function describeListenError(err: unknown, port: number, host: string): string | undefined {
  const code = err instanceof Error && 'code' in err ? String(err.code) : '';
  return Object.hasOwn(LISTEN_PROBLEMS, code) ? LISTEN_PROBLEMS[code](port, host) : undefined;
}

/**
 * Binds and releases the port before the slow part of the start (NLU, botbuilder, data files), so
 * a port in use is reported at once instead of after several seconds. The app's own listen still
 * reports the same way if another process takes the port in between.
 */
export async function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(new StartupError(describeListenError(err, port, host) ?? `cannot listen on ${host}:${port}: ${err.message}`)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
