import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Bytes in use (JS heap plus ArrayBuffers, where the model's weight arrays live) after a full
 * garbage collection, so the difference of two readings is the memory a model really keeps.
 * `gc` is only exposed with --expose-gc; setting the flag at run time and fetching `gc` from a new
 * context is the documented V8 way to get it without changing how the CLI is started.
 */
export function heapUsage(): number {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
