import { expandPattern } from '../../src/understanding/expandPattern';

describe('expandPattern', () => {
  it('spells out alternatives and optional groups', () => {
    expect(expandPattern('快(要)?(过期|到期)').sort()).toEqual(['快过期', '快到期', '快要过期', '快要到期'].sort());
    expect(expandPattern('第(二|2)(家|个)')).toEqual(['第二家', '第二个', '第2家', '第2个']);
  });

  it('turns what it cannot spell into a word break', () => {
    expect(expandPattern('(钱|存款).{0,6}(被转走)')).toEqual(['钱 被转走', '存款 被转走']);
    expect(expandPattern('(?<!早)就(过期)')).toEqual([' 就过期']);
    expect(expandPattern('还有\\s*\\d+\\s*天')).toEqual(['还有   天']);
  });

  it('stops at a bound instead of enumerating a huge pattern', () => {
    expect(expandPattern('(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)').length).toBeLessThanOrEqual(64);
  });
});
