import { Intent, type IntentId } from './intents';

/**
 * Confusions that hurt a customer, not just a metric: a phishing message answered as a
 * certificate renewal walks them into the scam; a disclosed secret answered with advice delays the
 * freeze; any fraud report missed (or raised where there was none) is the worst case of all.
 * `*` stands for every other intent.
 */
export const SAFETY_PAIRS: readonly { name: string; a: IntentId; b: IntentId | '*' }[] = [
  { name: 'phishing vs certificate', a: Intent.SecurityAdvice, b: Intent.CertExpired },
  { name: 'compromised vs advice', a: Intent.FraudReport, b: Intent.SecurityAdvice },
  { name: 'fraud vs anything', a: Intent.FraudReport, b: '*' },
];

/** The safety pair an (expected, predicted) confusion falls under, either direction; undefined if none. */
export function safetyPairOf(expected: string, predicted: string): string | undefined {
  if (expected === predicted) return undefined;
  const hit = SAFETY_PAIRS.find(
    ({ a, b }) => (expected === a && (b === '*' || predicted === b)) || (predicted === a && (b === '*' || expected === b)),
  );
  return hit?.name;
}

export function isSafetyConfusion(expected: string, predicted: string): boolean {
  return safetyPairOf(expected, predicted) !== undefined;
}
