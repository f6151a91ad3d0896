import { z } from 'zod';
import { userIdSchema } from './directLineIds';

/** Direct Line caps message text; ours is 4 KB of UTF-8 so one customer cannot flood the NLU or the log. */
export const MAX_TEXT_BYTES = 4096;

/** Raw request bodies above this are refused before parsing (413). */
export const MAX_BODY_BYTES = 32 * 1024;

export const localeSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'locale must look like zh-CN or en-US');

/**
 * What a client may POST to /v3/directline/conversations/{id}/activities (the Activity object of
 * the Bot Framework activity schema, reduced to the fields a chat client sends). Unknown fields are
 * dropped; the server sets id, timestamp, channelId, conversation and recipient itself.
 */
export const postedActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing'], { message: 'type must be message, event or typing' }),
  text: z
    .string()
    .refine((t) => Buffer.byteLength(t, 'utf8') <= MAX_TEXT_BYTES, `text is longer than ${MAX_TEXT_BYTES} bytes`)
    .optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: localeSchema.optional(),
  // Sent as an ISO 8601 string with the client's offset; botbuilder's Activity holds a Date.
  localTimestamp: z
    .string()
    .max(40)
    .transform((raw, ctx) => {
      const date = new Date(raw);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'localTimestamp must be an ISO 8601 date' });
        return z.NEVER;
      }
      return date;
    })
    .optional(),
  localTimezone: z.string().max(64).optional(),
  from: z
    .object({ id: userIdSchema.optional(), name: z.string().max(100).optional() })
    .optional(),
  name: z.string().max(100).optional(),
  value: z.unknown().optional(),
  // clientActivityID (Web Chat's, our widget's) keys the turn: a retried post is answered once.
  channelData: z.looseObject({ clientActivityID: z.string().min(1).max(128).optional() }).optional(),
  entities: z.array(z.looseObject({ type: z.string().max(100) })).max(10).optional(),
  attachments: z.array(z.never({ message: 'attachments (file uploads) are not supported' })).optional(),
});

export type PostedActivity = z.output<typeof postedActivitySchema>;

/** Optional body of POST /v3/directline/conversations (our extension: the widget's interface language). */
export const startBodySchema = z.object({ locale: localeSchema.optional() });

/** Optional body of POST /v3/directline/tokens/generate (Direct Line's TokenParameters, user only). */
export const generateBodySchema = z.object({
  user: z.object({ id: userIdSchema, name: z.string().max(100).optional() }).optional(),
});

export const watermarkSchema = z
  .string()
  .regex(/^\d{1,9}$/, 'watermark must be a whole number')
  .transform(Number)
  .optional();

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
