import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * botbuilder's CloudAdapter with its authenticate-and-run step made public. `process(req, res)`
 * would also write the HTTP response itself and answer every failure with 500; we validate the
 * activity first and map failures ourselves (a state-store outage must be a 503 so the
 * connector retries).
 */
export class BotFrameworkAdapter extends CloudAdapter {
  runActivity(authHeader: string, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
