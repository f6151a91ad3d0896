import type { Attachment } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PATH, type AttachmentStore } from '../../attachments/attachmentStore';
import { boundaryOf, parseMultipart, type Part } from '../../attachments/multipart';
import { sniffType } from '../../attachments/sniffType';
import { BotError, ErrorCode } from '../../errors';
import type { Logger } from '../../logger';
import type { DirectLineAuth } from './directLineAuth';
import { DIRECTLINE_BASE } from './directLineCors';
import { conversationIdSchema, userIdSchema } from './directLineIds';
import type { DirectLineService } from './directLineService';
import { handleErrors } from './handleErrors';
import { describeIssues, postedActivitySchema, type PostedActivity } from './postedActivitySchema';

/** Files in one upload, and the whole body's cap (the files plus the activity part). */
const MAX_FILES = 3;
const MAX_UPLOAD_BYTES = MAX_FILES * ATTACHMENT_MAX_BYTES + 64 * 1024;

async function readRawBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BotError(ErrorCode.PayloadTooLarge, `the upload is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BotError(ErrorCode.PayloadTooLarge, `the upload is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function origin(req: Request): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
  const scheme = forwarded === 'https' || req.isSecure() ? 'https' : 'http';
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0].trim();
  return `${scheme}://${host}`;
}

/** The activity part Direct Line clients send beside the files (optional; without it, a bare message). */
function activityOf(parts: Part[], userId: string | null): PostedActivity {
  const part = parts.find((p) => p.name === 'activity');
  let raw: unknown = { type: 'message' };
  if (part) {
    try {
      raw = JSON.parse(part.data.toString('utf8'));
    } catch {
      throw new BotError(ErrorCode.BadRequest, 'the activity part is not valid JSON');
    }
  }
  // Some clients repeat the attachments (with their local blob: URLs) in the activity part; the
  // files themselves are the other parts, so that list is dropped rather than refused.
  if (typeof raw === 'object' && raw !== null && 'attachments' in raw) {
    const { attachments: _dropped, ...rest } = raw as Record<string, unknown>;
    raw = rest;
  }
  const parsed = postedActivitySchema.safeParse(raw);
  if (!parsed.success) throw new BotError(ErrorCode.BadRequest, `not a valid activity: ${describeIssues(parsed.error)}`);
  const user = userId === null ? undefined : userIdSchema.safeParse(userId);
  if (user && !user.success) throw new BotError(ErrorCode.BadRequest, 'userId: not a valid user id');
  return { ...parsed.data, type: 'message', from: parsed.data.from ?? (user?.success ? { id: user.data } : undefined) };
}

/**
 * Direct Line 3.0 `POST /conversations/{id}/upload` (multipart/form-data: files, and the activity
 * as a part): each file is checked by content (images and PDF only, up to the size limit), stored
 * with a TTL, and reaches the bot (and a customer's agent) as a message with attachments.
 * `GET /attachments/{id}` serves a stored file so it can only ever be shown, never run.
 */
export function directLineUploadRoutes(server: Server, deps: { auth: DirectLineAuth; service: DirectLineService; store: AttachmentStore; logger: Logger }): void {
  server.post(
    `${DIRECTLINE_BASE}/conversations/:conversationId/upload`,
    handleErrors(deps.logger, async (req, res) => {
      const caller = deps.auth.caller(req);
      const parsedId = conversationIdSchema.safeParse(req.params?.conversationId);
      if (!parsedId.success) throw new BotError(ErrorCode.NotFound, 'no such conversation');
      const conversationId = parsedId.data;
      deps.auth.requireConversation(caller, conversationId);
      const boundary = boundaryOf(String(req.headers['content-type'] ?? ''));
      if (!req.is('multipart/form-data') || !boundary) throw new BotError(ErrorCode.UnsupportedMediaType, 'expected Content-Type: multipart/form-data');
      const parts = parseMultipart(await readRawBody(req, MAX_UPLOAD_BYTES), boundary, MAX_FILES + 2);
      const files = parts.filter((p) => p.name !== 'activity');
      if (files.length === 0) throw new BotError(ErrorCode.BadRequest, 'the upload has no file');
      if (files.length > MAX_FILES) throw new BotError(ErrorCode.BadRequest, `at most ${MAX_FILES} files per upload`);
      const posted = activityOf(parts, new URL(req.url ?? '', 'http://x').searchParams.get('userId'));
      const attachments: Attachment[] = [];
      for (const file of files) {
        if (file.data.length > ATTACHMENT_MAX_BYTES) throw new BotError(ErrorCode.PayloadTooLarge, `${file.filename ?? 'a file'} is larger than ${ATTACHMENT_MAX_BYTES} bytes`);
        const type = sniffType(file.data);
        if (!type) throw new BotError(ErrorCode.UnsupportedMediaType, 'only images (PNG, JPEG, GIF, WebP) and PDF files can be sent');
        const name = (file.filename ?? 'file').replace(/[\r\n"\\/]/g, '_').slice(0, 100);
        const id = await deps.store.put(file.data, { type, name, size: file.data.length, conversation: conversationId });
        attachments.push({ contentType: type, contentUrl: `${origin(req)}${ATTACHMENT_PATH}/${id}`, name });
      }
      res.json(await deps.service.post(caller, conversationId, posted, attachments));
    }),
  );

  server.get(`${ATTACHMENT_PATH}/:id`, async (req: Request, res: Response) => {
    const found = await deps.store.get(String(req.params?.id ?? '')).catch(() => undefined);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('no such attachment (never stored, or expired)');
      return;
    }
    const { bytes, meta } = found;
    res.writeHead(200, {
      'Content-Type': meta.type,
      'Content-Length': bytes.length,
      // The type we sniffed, never guessed again by the browser; a sandbox with nothing allowed, so
      // even a file that fooled the sniffing could not run script; PDFs download instead of opening.
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
      'Content-Disposition': `${meta.type === 'application/pdf' ? 'attachment' : 'inline'}; filename="${encodeURIComponent(meta.name)}"`,
      'Cache-Control': 'private, max-age=300',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.end(bytes);
  });
}
