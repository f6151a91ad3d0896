/** Composition root: configuration, Redis, the app, signals. */
import { loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { connectRedis } from './redis/connectRedis';
import { createDemoAgent, demoAgentBanner } from './startup/demoAgent';
import { ensurePortFree } from './startup/portCheck';
import { describeStartupError } from './startup/startupError';

async function main(): Promise<void> {
  const config: Config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Before Redis and the slow imports: a port in use is reported in a moment, not after seconds.
  await ensurePortFree(config.PORT, config.HOST);
  const connection = await connectRedis(config, logger);
  // Loaded only after the configuration is known good: botbuilder and the NLU take a moment.
  const { createApp } = await import('./app');
  const app = await createApp(config, logger, connection);
  const { port } = await app.listen();
  logger.info({ port, store: connection.mode }, `bot listening on http://localhost:${port}`);
  if (connection.mode === 'memory') {
    const agent = await createDemoAgent(connection.redis, config.REDIS_KEY_PREFIX);
    process.stdout.write(demoAgentBanner(agent, `http://localhost:${port}/agent`));
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing turns in flight');
    app.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// One line per problem and no stack trace: bad configuration, a port in use, a broken data file.
main().catch((err: unknown) => {
  process.stderr.write(`${describeStartupError(err)}\n`);
  process.exit(1);
});
