import { createHash } from 'node:crypto';
import { maskPii } from '../pii/maskPii';

/**
 * What an agent calls a customer on screen. A display name from the channel (Teams gives one,
 * WeChat and the widget usually do not) is shown with all but its first character masked, the way
 * Chinese banks print names on receipts ("张**", "J*** S."); without one, a short stable id derived
 * from the conversation key ("#3F2A9C"), never the key itself. Agents need to tell customers
 * apart, not to know who they are.
 */
export function customerLabel(name: string, member: string): string {
  const clean = name.normalize('NFKC').trim().slice(0, 60);
  // A "name" that is really a phone number or e-mail address is not shown at all.
  if (clean && maskPii(clean) === clean) return maskName(clean);
  return `#${createHash('sha256').update(member).digest('hex').slice(0, 6).toUpperCase()}`;
}

function maskName(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length > 1) return words.map((w, i) => (i === 0 ? maskWord(w) : `${[...w][0]}.`)).join(' ');
  return maskWord(name);
}

function maskWord(word: string): string {
  const chars = [...word];
  if (chars.length === 1) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}
