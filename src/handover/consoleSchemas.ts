import { z } from 'zod';
import { agentNameSchema } from './agentAccounts';
import { agentStatusSchema } from './agentStatus';

/** Every console request body and path parameter is parsed by one of these before use. */
export const signInBody = z.object({
  name: agentNameSchema,
  password: z.string().min(1).max(200),
});

export const messageBody = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'the message is empty')
    .max(4000, 'the message is longer than 4000 characters'),
});

export const emptyBody = z.object({}).strict();

/** A conversation handle is base64url of the conversation key (see handoverKeys.ts). */
export const handleParam = z.object({ handle: z.string().regex(/^[A-Za-z0-9_-]{1,600}$/, 'not a conversation handle') });

export const ticketParam = z.object({ id: z.string().regex(/^T\d{1,12}$/, 'not a ticket id') });

/** `to`: a colleague's name, or null for "back to the queue". */
export const transferBody = z.object({ to: agentNameSchema.nullable() }).strict();

export const statusBody = z.object({ status: agentStatusSchema }).strict();

export const consoleLangQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export const searchQuery = z.object({ q: z.string().max(100, 'the search is longer than 100 characters').default('') });
