import { ErrorReply, StatusReply, type Reply } from './reply';

const CRLF = '\r\n';

/** Serializes one reply in RESP2. Strings are sent as UTF-8 bulk strings. */
export function encodeReply(reply: Reply): string {
  if (reply === null) return `$-1${CRLF}`;
  if (typeof reply === 'string') return `$${Buffer.byteLength(reply)}${CRLF}${reply}${CRLF}`;
  if (typeof reply === 'number') return `:${Math.trunc(reply)}${CRLF}`;
  if (reply instanceof StatusReply) return `+${reply.status}${CRLF}`;
  if (reply instanceof ErrorReply) return `-${reply.message.replace(/[\r\n]+/g, ' ')}${CRLF}`;
  return `*${reply.length}${CRLF}${reply.map(encodeReply).join('')}`;
}

/**
 * Reads client requests: RESP arrays of bulk strings (what every client library sends) and inline
 * commands (`PING` typed into a raw socket). Data may arrive in any fragments; `push` returns every
 * request completed so far and keeps the rest.
 */
export class RespParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[][] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const requests: string[][] = [];
    for (;;) {
      const parsed = this.parseOne();
      if (!parsed) break;
      this.buffer = this.buffer.subarray(parsed.end);
      if (parsed.args.length > 0) requests.push(parsed.args);
    }
    return requests;
  }

  private parseOne(): { args: string[]; end: number } | undefined {
    const buf = this.buffer;
    if (buf.length === 0) return undefined;
    const lineEnd = buf.indexOf(CRLF);
    if (lineEnd < 0) return undefined;
    if (buf[0] !== 0x2a /* '*' */) {
      const line = buf.toString('utf8', 0, lineEnd).trim();
      return { args: line === '' ? [] : line.split(/\s+/), end: lineEnd + 2 };
    }
    const count = Number(buf.toString('latin1', 1, lineEnd));
    if (!Number.isInteger(count)) throw new ErrorReply('ERR Protocol error: invalid multibulk length');
    let at = lineEnd + 2;
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      const headerEnd = buf.indexOf(CRLF, at);
      if (headerEnd < 0) return undefined;
      if (buf[at] !== 0x24 /* '$' */) throw new ErrorReply(`ERR Protocol error: expected '$', got '${String.fromCharCode(buf[at])}'`);
      const length = Number(buf.toString('latin1', at + 1, headerEnd));
      if (!Number.isInteger(length) || length < 0) throw new ErrorReply('ERR Protocol error: invalid bulk length');
      const start = headerEnd + 2;
      if (buf.length < start + length + 2) return undefined;
      args.push(buf.toString('utf8', start, start + length));
      at = start + length + 2;
    }
    return { args, end: at };
  }
}
