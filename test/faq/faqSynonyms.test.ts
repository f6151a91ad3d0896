import { SynonymRewriter } from '../../src/faq/faqSynonyms';
import { normalizeText } from '../../src/i18n/normalizeText';

const rewriter = new SynonymRewriter([
  { canonical: 'U盾', variants: ['ukey', 'usb key', 'K宝'] },
  { canonical: 'password', variants: ['pw', 'pwd'] },
  { canonical: '网银', variants: ['网上银行'] },
  { canonical: '银行', variants: ['银号'] },
  { canonical: '怎么', variants: ['點樣'] },
]);
const rewrite = (text: string) => rewriter.rewrite(normalizeText(text));

describe('SynonymRewriter', () => {
  it('meets brand names and spellings of the same device at one word', () => {
    expect(rewrite('K宝丢了')).toBe('u盾丢了');
    expect(rewrite('my USB  key is lost')).toContain('u盾');
    expect(rewrite('ukey')).toBe('u盾');
  });

  it('rewrites Cantonese written in traditional script (both sides are simplified first)', () => {
    expect(rewrite('點樣更新證書')).toBe('怎么更新证书');
  });

  it('prefers the longest variant, so 网上银行 becomes 网银 and not 网上 + 银行', () => {
    expect(rewrite('网上银行打不开')).toBe('网银打不开');
  });

  it('rewrites Latin variants only as whole words and keeps them words of their own', () => {
    expect(rewrite('forgot my pwd')).toBe('forgot my password');
    expect(rewrite('upward pwdx')).toBe('upward pwdx');
    expect(rewrite('改pw')).toBe('改 password');
  });

  it('leaves text alone when there are no groups', () => {
    expect(new SynonymRewriter([]).rewrite('证书')).toBe('证书');
  });
});
