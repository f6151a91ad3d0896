import { z } from 'zod';

/** The connector address replies go to: only http(s), never `javascript:`, `file:` and the like. */
const serviceUrl = z
  .string({ message: 'serviceUrl is required' })
  .max(2048)
  .refine((raw) => {
    try {
      const { protocol } = new URL(raw);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'serviceUrl must be an http(s) URL');

/** Members joining or leaving a conversation: a list of channel accounts, each with an id. */
const members = (field: string) =>
  z
    .array(z.looseObject({ id: z.string({ message: `each of ${field} needs an id` }).max(256) }), { message: `${field} must be a list of channel accounts` })
    .max(256)
    .optional();

/** Reactions to a message: a list of objects with a type ("like"). */
const reactions = (field: string) =>
  z
    .array(z.looseObject({ type: z.string({ message: `each of ${field} needs a type` }).max(64) }), { message: `${field} must be a list of reactions` })
    .max(64)
    .optional();

/**
 * Activity types this bot answers. An `invoke` (Teams card actions, sign-in, message extensions)
 * waits for an invoke response the bot never gives: CloudAdapter would answer 501 with no body.
 */
const UNSUPPORTED_TYPES = new Set(['invoke']);

/**
 * The least an incoming Bot Framework activity needs before we hand it to the CloudAdapter.
 * botbuilder validates little itself and would fail deep inside a turn (a 500) without the
 * channel, the sender or the address to reply to.
 */
export const incomingActivitySchema = z
  .object({
    type: z
      .string({ message: 'type is required' })
      .min(1, 'type is required')
      .max(64)
      .refine((type) => !UNSUPPORTED_TYPES.has(type), 'activities of this type are not supported by this bot'),
    id: z.string().max(256).optional(),
    channelId: z.string({ message: 'channelId is required' }).min(1, 'channelId is required').max(64),
    serviceUrl,
    from: z.looseObject({ id: z.string({ message: 'from.id is required' }).min(1, 'from.id is required').max(256) }),
    recipient: z.looseObject({ id: z.string().max(256) }).optional(),
    conversation: z.looseObject({ id: z.string({ message: 'conversation.id is required' }).min(1, 'conversation.id is required').max(512) }),
    text: z.string().max(64 * 1024).optional(),
    // The channel's stamp places the turn among its conversation's turns (src/runtime/channelOrder.ts).
    timestamp: z
      .string({ message: 'timestamp must be an ISO 8601 date-time' })
      .max(40)
      .refine((raw) => Number.isFinite(Date.parse(raw)), 'timestamp must be an ISO 8601 date-time')
      .optional(),
    locale: z.string().max(32).optional(),
    // Read by the handover (files for the agent) and by botbuilder's mention helpers: an entry that
    // is not an object, e.g. `attachments: [null]`, would otherwise fail inside the turn as a 500.
    attachments: z
      .array(z.looseObject({ contentType: z.string({ message: 'each attachment needs a contentType' }).max(255), contentUrl: z.string().max(2048).optional(), name: z.string().max(1024).optional() }), { message: 'attachments must be a list of attachment objects' })
      .max(64)
      .optional(),
    // botbuilder's ActivityHandler walks these lists on a conversation update or a reaction: a
    // value that is not a list of objects (`membersAdded: {}`) failed inside the turn as a 500.
    membersAdded: members('membersAdded'),
    membersRemoved: members('membersRemoved'),
    reactionsAdded: reactions('reactionsAdded'),
    reactionsRemoved: reactions('reactionsRemoved'),
    entities: z.array(z.looseObject({ type: z.string({ message: 'each entity needs a type' }).max(256) }), { message: 'entities must be a list of entity objects' }).max(64).optional(),
  })
  .passthrough();

/**
 * What botbuilder's own `process()` does to a parsed body (its validateAndFixActivity, not
 * exported): the stamps become Dates and the channel's strings are kept as rawTimestamp and
 * rawLocalTimestamp, where the turn order reads the connector's 100 ns digits.
 */
export function withParsedStamps(activity: IncomingActivity): Omit<IncomingActivity, 'timestamp'> & { timestamp?: Date; rawTimestamp?: string; rawLocalTimestamp?: string } {
  const { timestamp, localTimestamp, ...rest } = activity;
  const local = typeof localTimestamp === 'string' && Number.isFinite(Date.parse(localTimestamp)) ? localTimestamp : undefined;
  return {
    ...rest,
    ...(timestamp === undefined ? {} : { timestamp: new Date(timestamp), rawTimestamp: timestamp }),
    ...(local === undefined ? (localTimestamp === undefined ? {} : { localTimestamp }) : { localTimestamp: new Date(local), rawLocalTimestamp: local }),
  };
}

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
