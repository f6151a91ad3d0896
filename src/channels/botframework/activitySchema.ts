import { z } from 'zod';

/**
 * The least an incoming Bot Framework activity needs before we hand it to the CloudAdapter.
 * botbuilder validates little itself and would fail deep inside a turn with an unclear error.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1, 'type is required'),
    conversation: z.object({ id: z.string().min(1, 'conversation.id is required') }).passthrough(),
    channelId: z.string().min(1).optional(),
    serviceUrl: z.string().url('serviceUrl must be a URL').optional(),
    text: z.string().max(64 * 1024).optional(),
  })
  .passthrough();

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
