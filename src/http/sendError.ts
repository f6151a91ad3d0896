import type { Response } from 'restify';
import type { BotError } from '../errors';

/** Every error answer has the same JSON shape: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status);
  res.json({ error: { code, message } });
}

export function sendBotError(res: Response, err: BotError): void {
  sendError(res, err.status, err.code, err.message);
}
