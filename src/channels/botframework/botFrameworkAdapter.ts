import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { confirmDelivery } from '../../runtime/deliveryReceipts';

/**
 * botbuilder's CloudAdapter with its authenticate-and-run step made public. `process(req, res)`
 * would also write the HTTP response itself and answer every failure with 500; we validate the
 * activity first and map failures ourselves (a state-store outage must be a 503 so the
 * connector retries).
 */
export class BotFrameworkAdapter extends CloudAdapter {
  runActivity(authHeader: string, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    // The connector answers every reply POST: a retry of this activity sends only what it has not taken.
    return this.processActivity(authHeader, activity, (ctx) => {
      confirmDelivery(ctx);
      return logic(ctx);
    });
  }
}
