/** Intent ids are fixed (see issue 3); everything else refers to them through these constants. */
export const INTENTS = [
  'cert_expired',
  'branch_visit',
  'security_advice',
  'fraud_report',
  'human_agent',
  'greeting',
  'goodbye',
  'none',
] as const;

export type IntentId = (typeof INTENTS)[number];

export const Intent = {
  CertExpired: 'cert_expired',
  BranchVisit: 'branch_visit',
  SecurityAdvice: 'security_advice',
  FraudReport: 'fraud_report',
  HumanAgent: 'human_agent',
  Greeting: 'greeting',
  Goodbye: 'goodbye',
  None: 'none',
} as const satisfies Record<string, IntentId>;

export function isIntentId(value: string): value is IntentId {
  return (INTENTS as readonly string[]).includes(value);
}
