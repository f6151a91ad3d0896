import { faqTerms } from '../../src/faq/faqTerms';

describe('faqTerms', () => {
  it('splits Chinese without spaces into bigrams and characters', () => {
    const terms = faqTerms('证书有效期');
    expect(terms).toEqual(expect.arrayContaining(['证书', '有效', '效期', '证', '书']));
  });

  it('converts traditional to simplified first', () => {
    expect(faqTerms('證書')).toEqual(faqTerms('证书'));
  });

  it('keeps a Latin letter glued to a Chinese character as one term (U盾)', () => {
    expect(faqTerms('U盾丢了')).toContain('u盾');
  });

  it('stems English words and drops stop words', () => {
    const terms = faqTerms('How long are the certificates valid?');
    expect(terms).toEqual(expect.arrayContaining(['long', 'certif', 'valid']));
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('how');
  });

  it('drops question words that say nothing about the topic', () => {
    expect(faqTerms('怎么办')).not.toContain('怎么');
  });

  it('returns nothing for emoji and punctuation', () => {
    expect(faqTerms('😀？！…')).toEqual([]);
  });
});
