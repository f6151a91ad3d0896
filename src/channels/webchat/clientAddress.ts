import { BlockList, isIP } from 'node:net';
import type { Request } from 'restify';

/** Networks a load balancer or reverse proxy of ours connects from (RFC 1918, loopback, RFC 4193). */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8);
PRIVATE.addSubnet('172.16.0.0', 12);
PRIVATE.addSubnet('192.168.0.0', 16);
PRIVATE.addSubnet('127.0.0.0', 8);
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/**
 * The client address to rate-limit by. Behind a load balancer every request comes from the
 * balancer, so when the direct peer is on a private network we take the address that proxy
 * appended to X-Forwarded-For (the last entry: earlier ones are whatever the client claimed).
 * A peer on the public internet is the client itself and its X-Forwarded-For is ignored.
 */
export function clientAddress(req: Request): string {
  const peer = normalise(req.socket.remoteAddress ?? '');
  if (!isPrivate(peer)) return peer || 'unknown';
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => normalise(a.trim()))
    .filter((a) => isIP(a) !== 0);
  return forwarded.at(-1) ?? peer;
}

function normalise(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isPrivate(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
