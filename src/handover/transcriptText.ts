/**
 * The transcript text of a customer message that is only files (no caption): kept as text so
 * search and the masked transcript have a line for it; the console shows the files instead of it.
 * No imports: the console's browser bundle includes this.
 */
export const ATTACHMENT_ONLY_TEXT = '[attachment]';
