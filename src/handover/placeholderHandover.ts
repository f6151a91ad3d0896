import type { TurnContext } from 'botbuilder';
import { defaultLocalizer } from '../i18n/defaultLocalizer';
import type { Localizer } from '../i18n/localizer';
import { getTurnLocale } from '../i18n/turnLocale';
import type { HandoverPort, HandoverRequest } from './handoverPort';

/**
 * TEMPORARY stand-in for the human-agent queue (the handover issue replaces it). It queues
 * nothing: it tells the customer, in their language and plainly marked as temporary, that a
 * person is being connected, and where to turn meanwhile. It records requests so tests can see
 * what the dialogs asked for.
 */
/** How many recent requests are kept for inspection (bounded: this object lives as long as the process). */
const KEEP_REQUESTS = 100;

export class PlaceholderHandover implements HandoverPort {
  readonly requests: HandoverRequest[] = [];
  private readonly localizer: Localizer;

  constructor(localizer?: Localizer) {
    this.localizer = localizer ?? defaultLocalizer();
  }

  async request(ctx: TurnContext, request: HandoverRequest): Promise<void> {
    this.requests.push(request);
    if (this.requests.length > KEEP_REQUESTS) this.requests.splice(0, this.requests.length - KEEP_REQUESTS);
    const key = request.urgent ? 'handover.placeholderUrgent' : 'handover.placeholder';
    await ctx.sendActivity(this.localizer.text(getTurnLocale(ctx), key));
  }
}
