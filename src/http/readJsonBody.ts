import type { Request } from 'restify';
import { BotError, ErrorCode } from '../errors';
import { jsonTooDeep, MAX_JSON_DEPTH } from './jsonDepth';

/**
 * Reads a JSON body with a byte cap. Our own reader (not restify's bodyParser) so that every
 * refusal — too large, not JSON — comes back in the one error shape of src/http/sendError.ts.
 * An empty body reads as `{}`: several Direct Line calls have an optional body.
 */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BotError(ErrorCode.PayloadTooLarge, `request body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return {};
  if (!req.is('json')) throw new BotError(ErrorCode.UnsupportedMediaType, 'expected Content-Type: application/json');
  if (jsonTooDeep(raw)) throw new BotError(ErrorCode.BadRequest, `request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BotError(ErrorCode.BadRequest, 'request body is not valid JSON');
  }
}
