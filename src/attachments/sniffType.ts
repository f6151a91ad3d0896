/**
 * The type of an uploaded file, decided by its first bytes ("magic numbers"), never by its name or
 * the Content-Type the client claimed: a script renamed `.png` stays unknown and is refused.
 * Only what agents need to see is accepted: common images and PDF.
 */
export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

interface Signature {
  type: AcceptedType;
  matches(bytes: Buffer): boolean;
}

const startsWith = (prefix: number[]) => (bytes: Buffer) => prefix.every((b, i) => bytes[i] === b);
const ascii = (text: string, at = 0) => (bytes: Buffer) => bytes.subarray(at, at + text.length).toString('latin1') === text;

const SIGNATURES: Signature[] = [
  { type: 'image/png', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { type: 'image/gif', matches: (b) => ascii('GIF87a')(b) || ascii('GIF89a')(b) },
  { type: 'image/webp', matches: (b) => ascii('RIFF')(b) && ascii('WEBP', 8)(b) },
  { type: 'application/pdf', matches: ascii('%PDF-') },
];

export function sniffType(bytes: Buffer): AcceptedType | undefined {
  return SIGNATURES.find((s) => s.matches(bytes))?.type;
}
