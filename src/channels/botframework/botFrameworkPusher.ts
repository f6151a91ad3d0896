import type { CloudAdapter } from 'botbuilder';
import type { ChannelPusher } from '../pushRegistry';

/** Teams / Bot Framework push path: a proactive turn through the CloudAdapter. */
export function botFrameworkPusher(adapter: CloudAdapter, appId: string): ChannelPusher {
  return {
    async send(reference, activities) {
      await adapter.continueConversationAsync(appId, reference, async (ctx) => {
        await ctx.sendActivities(activities);
      });
    },
  };
}
