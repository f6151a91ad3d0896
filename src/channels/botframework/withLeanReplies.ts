import { AppCredentials, AuthenticationConstants, type ConnectorClient } from 'botframework-connector';
import type { Activity, ResourceResponse } from 'botbuilder';
import type { ActivityPoster } from './activityPoster';

type Conversations = ConnectorClient['conversations'];

/**
 * The client (built for `serviceUrl`) with its two reply calls (`replyToActivity`, `sendToConversation`: all a turn's
 * replies and every proactive message) sent by `poster`; every other call stays Microsoft's.
 * Only the plain three-argument form botbuilder's CloudAdapter uses is taken over; a call with
 * options or a callback goes to the original. Credentials of a kind we do not know (not an
 * AppCredentials) leave the client as it is, so no request ever goes out unsigned by mistake.
 */
export function withLeanReplies(client: ConnectorClient, serviceUrl: string, poster: ActivityPoster): ConnectorClient {
  const credentials: unknown = client.credentials;
  if (!(credentials instanceof AppCredentials)) return client;
  const original = client.conversations;
  const base = serviceUrl;
  if (!/^https?:\/\//i.test(base)) return client;
  const authorization = async (): Promise<string | undefined> =>
    // Authentication off (no app id, as on a developer's machine) signs nothing, like AppCredentials.signRequest.
    credentials.appId && credentials.appId !== AuthenticationConstants.AnonymousSkillAppId ? `Bearer ${await credentials.getToken()}` : undefined;
  const url = (path: string): string => `${base.replace(/\/+$/, '')}/${path}`;
  const lean = Object.create(original) as Conversations;
  Object.assign(lean, {
    replyToActivity(conversationId: string, activityId: string, activity: Partial<Activity>, ...rest: unknown[]): Promise<ResourceResponse> {
      if (rest.length > 0) return (original.replyToActivity as (...args: unknown[]) => Promise<ResourceResponse>).apply(original, [conversationId, activityId, activity, ...rest]);
      return authorization().then((auth) => poster.post(url(`v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`), activity, auth));
    },
    sendToConversation(conversationId: string, activity: Partial<Activity>, ...rest: unknown[]): Promise<ResourceResponse> {
      if (rest.length > 0) return (original.sendToConversation as (...args: unknown[]) => Promise<ResourceResponse>).apply(original, [conversationId, activity, ...rest]);
      return authorization().then((auth) => poster.post(url(`v3/conversations/${encodeURIComponent(conversationId)}/activities`), activity, auth));
    },
  });
  client.conversations = lean;
  return client;
}
