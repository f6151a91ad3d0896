/**
 * Safe-mode message encryption, as specified in the Official Account docs, "消息加解密说明 /
 * Message encryption and decryption" (技术方案):
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
 *
 * - AESKey = Base64_Decode(EncodingAESKey + "="): 43 characters give 32 bytes (AES-256).
 * - AES-256-CBC, IV = the first 16 bytes of AESKey.
 * - Plaintext = random(16 bytes) + msg_len(4 bytes, network byte order) + msg + appid.
 * - PKCS#7 padding to a multiple of 32 bytes (not the cipher's 16), so Node's own padding is off.
 * - Ciphertext travels Base64-encoded in <Encrypt>.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const BLOCK = 32;
const RANDOM_BYTES = 16;

export class WeChatCryptoError extends Error {
  constructor(message: string) {
    super(`wechatCrypto: ${message}`);
    this.name = 'WeChatCryptoError';
  }
}

export function decodeAesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) {
    throw new WeChatCryptoError('EncodingAESKey must be 43 characters of [A-Za-z0-9+/]');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WeChatCryptoError('EncodingAESKey does not decode to 32 bytes');
  return key;
}

function pkcs7Pad(data: Buffer): Buffer {
  const pad = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(pad, pad)]);
}

function pkcs7Unpad(data: Buffer): Buffer {
  const pad = data.length > 0 ? data[data.length - 1] : 0;
  if (pad < 1 || pad > BLOCK || pad > data.length) throw new WeChatCryptoError('bad padding');
  for (let i = data.length - pad; i < data.length; i++) {
    if (data[i] !== pad) throw new WeChatCryptoError('bad padding');
  }
  return data.subarray(0, data.length - pad);
}

/** `random` is injectable only so the official sample's fixed-random vector can be reproduced. */
export function encryptMessage(message: string, key: Buffer, appId: string, random: Buffer = randomBytes(RANDOM_BYTES)): string {
  if (random.length !== RANDOM_BYTES) throw new WeChatCryptoError('random prefix must be 16 bytes');
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** Returns the message; throws WeChatCryptoError on any malformed input or a foreign appid. */
export function decryptMessage(encrypted: string, key: Buffer, appId: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted)) throw new WeChatCryptoError('Encrypt is not Base64');
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new WeChatCryptoError('ciphertext length is not a whole number of blocks');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = pkcs7Unpad(Buffer.concat([decipher.update(data), decipher.final()]));
  if (plain.length < RANDOM_BYTES + 4) throw new WeChatCryptoError('plaintext too short');
  const length = plain.readUInt32BE(RANDOM_BYTES);
  const start = RANDOM_BYTES + 4;
  if (start + length > plain.length) throw new WeChatCryptoError('declared length exceeds the plaintext');
  const fromAppId = plain.subarray(start + length).toString('utf8');
  // The appid trailer binds the message to our account: a message encrypted for another account
  // with the same key (a leaked key reused elsewhere) is refused.
  if (fromAppId !== appId) throw new WeChatCryptoError('appid in the message does not match WECHAT_APP_ID');
  return plain.subarray(start, start + length).toString('utf8');
}
