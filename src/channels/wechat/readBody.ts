import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '../../errors';
import { WeChatRejection } from './wechatRejection';

/**
 * Reads a request body as UTF-8 up to `limit` bytes. A declared or actual size over the limit is
 * refused with 413 as soon as it is known, without buffering the rest.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new WeChatRejection(ErrorCode.PayloadTooLarge, `body of ${declared} bytes exceeds ${limit}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(new WeChatRejection(ErrorCode.PayloadTooLarge, `body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
