/**
 * A small multipart/form-data reader (RFC 7578) for bodies already in memory and size-limited:
 * Direct Line's /upload sends the files and, optionally, the activity as parts. No files touch the
 * disk (restify's multipart parser would write them to a temp directory).
 */
export interface Part {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function parseMultipart(body: Buffer, boundary: string, maxParts = 10): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0 && parts.length < maxParts) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break; // the closing delimiter
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = parsePart(body.subarray(start + 2, next - 2)); // skip CRLF after the delimiter and before the next
    if (part) parts.push(part);
    at = next;
  }
  return parts;
}

function parsePart(raw: Buffer): Part | undefined {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  const headers = raw.subarray(0, split).toString('utf8');
  const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  const contentType = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
  return { name, filename, contentType, data: raw.subarray(split + 4) };
}
