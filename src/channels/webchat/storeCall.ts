import { BotError, ErrorCode } from '../../errors';

/**
 * Runs a Redis command of the web channel and turns a failure into STORE_UNAVAILABLE (503), as
 * RedisStorage does for state: a client that polls or posts during an outage is told to retry,
 * not that the server broke.
 */
export async function storeCall<T>(where: string, command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (err) {
    if (err instanceof BotError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new BotError(ErrorCode.StoreUnavailable, `${where}: Redis did not answer: ${reason}`, { cause: err });
  }
}
