import type { WaterfallStepContext } from 'botbuilder-dialogs';

/**
 * A waterfall's scratch values live in dialog state (storage), typed `object` by botbuilder. These
 * two helpers keep reads honest: what comes back is `unknown` until a schema or guard says more.
 */
export function remember(step: WaterfallStepContext, key: string, value: string): void {
  Reflect.set(step.values, key, value);
}

export function recall(step: WaterfallStepContext, key: string): unknown {
  return Reflect.get(step.values, key);
}
