import { ACCEPTED_TYPES, ATTACHMENT_MAX_BYTES } from '../../../attachments/attachmentLimits';
import type { WidgetStrings } from './strings';

const MAX_MB = String(ATTACHMENT_MAX_BYTES / (1024 * 1024));
const ACCEPTED: ReadonlySet<string> = new Set(ACCEPTED_TYPES);

const withMax = (text: string) => text.split('{max}').join(MAX_MB);

export const attachLabel = (strings: WidgetStrings): string => withMax(strings.attach);

/**
 * Why a chosen file will not be sent, said before uploading it (undefined: send it). The browser's
 * type comes from the file name, so this only spares the customer a wasted upload: the server
 * decides by the file's first bytes and answers 413 / 415 with the same limits (`refusal` below).
 */
export function fileProblem(file: File, strings: WidgetStrings): string | undefined {
  if (file.size > ATTACHMENT_MAX_BYTES) return withMax(strings.fileTooBig);
  if (!ACCEPTED.has(file.type)) return withMax(strings.fileWrongType);
  return undefined;
}

/** The customer's words for the server refusing an upload (413 too large, 415 not an image or PDF). */
export function refusal(status: number, strings: WidgetStrings): string | undefined {
  if (status === 413) return withMax(strings.fileTooBig);
  if (status === 415) return withMax(strings.fileWrongType);
  return undefined;
}

/** How the customer's own message for a sent file reads ("附件：error.png"). */
export const fileSentLabel = (name: string, strings: WidgetStrings): string => strings.fileSent.split('{name}').join(name);
