/**
 * What a customer may send an agent, shared by the server (Direct Line /upload, WeChat pictures)
 * and the web widget's attach button, so the widget refuses a file before uploading it with the
 * same limits the server applies. No imports with side effects: the widget bundle includes this.
 */
export { ACCEPTED_TYPES, type AcceptedType } from './sniffType';

/** Largest file a customer may send (a phone screenshot is 0.2–3 MB). */
export const ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
