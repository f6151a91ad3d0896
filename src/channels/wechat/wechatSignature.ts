/**
 * WeChat's request signatures. Both are SHA-1 over the lexicographically sorted parameters,
 * concatenated without separators:
 * - `signature` = sha1(sort(token, timestamp, nonce)), on every request (URL verification and
 *   messages): Official Account docs, "接入概述 / Access Overview", step 2
 *   https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
 * - `msg_signature` = sha1(sort(token, timestamp, nonce, Encrypt)), in safe mode: "消息加解密说明 /
 *   Message encryption and decryption", 技术方案
 *   https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function sha1Signature(parts: readonly string[]): string {
  // The docs sort with the platform's string sort (byte order for ASCII); JS's default sort
  // compares UTF-16 code units, which is the same for the ASCII/Base64 values WeChat signs.
  const joined = [...parts].sort().join('');
  return createHash('sha1').update(joined, 'utf8').digest('hex');
}

/**
 * Constant-time comparison of two hex signatures, so a forger cannot learn a correct prefix from
 * response times. Unequal lengths are compared against a dummy buffer to keep the timing flat.
 */
export function signaturesEqual(expected: string, received: string | undefined): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from((received ?? '').toLowerCase(), 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

export function verifySignature(token: string, timestamp: string, nonce: string, signature: string | undefined): boolean {
  return signaturesEqual(sha1Signature([token, timestamp, nonce]), signature);
}

export function verifyMsgSignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypt: string,
  msgSignature: string | undefined,
): boolean {
  return signaturesEqual(sha1Signature([token, timestamp, nonce, encrypt]), msgSignature);
}
