/** Composition root: configuration, Redis, the app, signals. */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { connectRedis } from './redis/connectRedis';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let connection;
  try {
    connection = await connectRedis(config, logger);
  } catch (err) {
    logger.fatal((err as Error).message);
    process.exit(1);
  }
  // Loaded only after the configuration is known good: botbuilder and the NLU take a moment.
  const { createApp } = await import('./app');
  const app = await createApp(config, logger, connection);
  const { port } = await app.listen();
  logger.info({ port, store: connection.mode }, `bot listening on http://localhost:${port}`);

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

main().catch((err) => {
  process.stderr.write(`fatal: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
