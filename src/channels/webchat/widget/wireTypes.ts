import * as z from 'zod/mini';

/**
 * What the widget reads from the server, checked before use (the browser's side of the boundary).
 * Shapes follow the Direct Line 3.0 API reference: Conversation, ActivitySet, Activity, CardAction,
 * HeroCard. Unknown fields are ignored; anything malformed is skipped, never rendered.
 */
export const grantSchema = z.object({
  conversationId: z.string(),
  token: z.string(),
  expires_in: z.number(),
});
export type Grant = z.infer<typeof grantSchema>;

export const cardActionSchema = z.object({
  type: z.string(),
  title: z.optional(z.string()),
  value: z.optional(z.unknown()),
  text: z.optional(z.string()),
  displayText: z.optional(z.string()),
});
export type CardAction = z.infer<typeof cardActionSchema>;

export const heroCardSchema = z.object({
  title: z.optional(z.string()),
  subtitle: z.optional(z.string()),
  text: z.optional(z.string()),
  images: z.optional(z.array(z.object({ url: z.string(), alt: z.optional(z.string()) }))),
  buttons: z.optional(z.array(cardActionSchema)),
});
export type HeroCard = z.infer<typeof heroCardSchema>;

export const activitySchema = z.object({
  id: z.optional(z.string()),
  type: z.string(),
  text: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  from: z.optional(z.object({ id: z.optional(z.string()), name: z.optional(z.string()), role: z.optional(z.string()) })),
  suggestedActions: z.optional(z.object({ actions: z.array(cardActionSchema) })),
  attachments: z.optional(z.array(z.object({ contentType: z.string(), content: z.optional(z.unknown()), name: z.optional(z.string()) }))),
  entities: z.optional(z.array(z.object({ type: z.optional(z.string()) }))),
  channelData: z.optional(
    z.object({
      clientActivityID: z.optional(z.string()),
      // Set by the handover when a person starts or stops answering (src/handover/customerPush.ts).
      handover: z.optional(z.object({ agent: z.nullable(z.string()) })),
    }),
  ),
});
export type WireActivity = z.infer<typeof activitySchema>;

export const activitySetSchema = z.object({ activities: z.array(z.unknown()), watermark: z.optional(z.string()) });

export const postReplySchema = z.object({ id: z.string() });

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** What the widget sends (a subset of the Activity object). */
export interface OutgoingActivity {
  type: 'message' | 'typing';
  text?: string;
  value?: unknown;
  locale: string;
  entities?: Array<Record<string, unknown>>;
  channelData?: { clientActivityID: string };
}

/** Messages from a human agent carry `from.id` = `agent:<name>` (src/handover/customerPush.ts). */
export function agentName(a: { from?: { id?: string; name?: string } }): string | undefined {
  return a.from?.id?.startsWith('agent:') ? (a.from.name ?? a.from.id.slice(6)) : undefined;
}

/** The schema.org GeoCoordinates entity src/channels/location.ts `geoEntity()` makes (kept in step by a test). */
export function geoEntity(latitude: number, longitude: number): Record<string, unknown> {
  return { type: 'GeoCoordinates', latitude, longitude };
}
