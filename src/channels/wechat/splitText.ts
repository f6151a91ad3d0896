/**
 * Cuts text into pieces of at most `maxBytes` UTF-8 bytes, preferring line breaks, never cutting
 * inside a character (surrogate pairs stay whole). WeChat measures text limits in bytes, and a
 * Chinese character is three of them.
 */
export function splitText(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (Buffer.byteLength(rest, 'utf8') > maxBytes) {
    const cut = cutPoint(rest, maxBytes);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  if (rest.trim() !== '' || pieces.length === 0) pieces.push(rest);
  return pieces.filter((p, i) => p !== '' || i === 0);
}

/** The string index where the first piece ends: the last line break that fits, else the last character. */
function cutPoint(text: string, maxBytes: number): number {
  let bytes = 0;
  let index = 0;
  let lastBreak = -1;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    index += char.length;
    if (char === '\n') lastBreak = index;
  }
  // Break at a line only if that keeps at least half the piece: otherwise one early newline
  // would produce a run of tiny messages.
  if (lastBreak > index / 2) return lastBreak;
  return Math.max(index, 1);
}
