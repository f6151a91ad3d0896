/** Every dialog's id; the registry (dialogs/index.ts) and the flows refer to these, never to literals. */
export const DialogId = {
  Ask: 'ask',
  MainMenu: 'mainMenu',
  CertExpired: 'certExpired',
  BranchVisit: 'branchVisit',
  SecurityAdvice: 'securityAdvice',
  FraudReport: 'fraudReport',
  Goodbye: 'goodbye',
  HumanAgent: 'humanAgent',
  Faq: 'faq',
  HumanOffer: 'humanOffer',
  Phishing: 'phishing',
} as const;

export type DialogIdValue = (typeof DialogId)[keyof typeof DialogId];
