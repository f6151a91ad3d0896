import { boundedDistance, SpellFixer } from '../../src/faq/spellFixer';

const fixer = new SpellFixer(
  new Map([
    ['certificate', 5],
    ['expired', 3],
    ['password', 4],
    ['formal', 1],
    ['internet', 2],
    ['token', 2],
  ]),
);

describe('SpellFixer', () => {
  it('repairs the typos customers make in the FAQ words', () => {
    expect(fixer.fix('certifcate')).toBe('certificate');
    expect(fixer.fix('certficate')).toBe('certificate');
    expect(fixer.fix('expierd')).toBe('expired');
    expect(fixer.fix('pasword')).toBe('password');
  });

  it('leaves known words, short words and unrelated words as they are', () => {
    expect(fixer.fix('password')).toBe('password');
    expect(fixer.fix('tokn')).toBe('tokn');
    expect(fixer.fix('weather')).toBe('weather');
  });

  it('does not change the first letter ("normal" is not "formal") or take two edits in a short word ("interest" is not "internet")', () => {
    expect(fixer.fix('normal')).toBe('normal');
    expect(fixer.fix('interest')).toBe('interest');
  });

  it('measures swaps of neighbours as one edit', () => {
    expect(boundedDistance('expierd', 'expired', 2)).toBe(1);
    expect(boundedDistance('abc', 'abc', 1)).toBe(0);
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
