import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The channel id our Direct Line activities carry. Microsoft's Direct Line service uses
 * "directline" (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-concepts),
 * so a bot that branches on the channel treats our widget and Microsoft's Web Chat alike.
 */
export const DIRECTLINE_CHANNEL_ID = 'directline';

/** The bot's account in every Direct Line activity (Direct Line names the bot by its handle). */
export const BOT_ACCOUNT = { id: 'bankbot', name: 'Bank assistant', role: 'bot' } as const;

/** Ids are opaque to clients; 128 random bits so that one cannot be guessed from another. */
export function newConversationId(): string {
  return `dl_${randomBytes(16).toString('base64url')}`;
}

export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

/** Conversation ids arrive in URL paths: only our own alphabet, so they are safe in Redis keys and logs. */
export const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a conversation id');

export const userIdSchema = z.string().regex(/^[A-Za-z0-9_.:@-]{1,64}$/, 'user.id must be 1-64 letters, digits or _.:@-');
