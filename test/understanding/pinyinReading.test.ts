import { loadBranches } from '../../src/branches/loadBranches';
import { loadFaq } from '../../src/faq/loadFaq';
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';
import { loadCatalogues } from '../../src/i18n/loadCatalogues';
import { normalizeText } from '../../src/i18n/normalizeText';
import { loadLexicons } from '../../src/understanding/loadLexicons';
import { expandPattern } from '../../src/understanding/expandPattern';
import { latinWordsOf, PinyinReading, stringsOf } from '../../src/understanding/pinyinReading';

// Built from the shipped data exactly as src/bot.ts builds it.
const catalogues = loadCatalogues(DEFAULT_DATA_FILES.repliesDir);
const lexicons = loadLexicons();
const faq = loadFaq(DEFAULT_DATA_FILES.faqFile);
const branches = loadBranches(DEFAULT_DATA_FILES.branchesFile);
const reading = new PinyinReading(() => ({
  chinese: [...stringsOf(lexicons).flatMap(expandPattern), ...stringsOf([faq.entries, catalogues.zh, branches.branches])],
  english: latinWordsOf(stringsOf([lexicons, faq.entries, catalogues.en, branches.branches])),
}));

const read = (text: string) => reading.read(normalizeText(text));

describe('PinyinReading', () => {
  it.each([
    ['zhengshu kuai daoqi le', '证书快到期了'],
    ['quxiao', '取消'],
    ['zhuan rengong', '转人工'],
    ['wo bei pian le qian bei zhuan zou le', '我被骗了钱被转走了'],
    ['zhengshu guoqi hai neng qu qian ma', '证书过期还能取钱吗'],
    ['wo de mima bei bieren zhidao le', '我的密码被别人知道了'],
    ['shanghai pudong de wangdian', '上海浦东的网点'],
    ['di er jia de dianhua', '第二家的电话'],
    ['zhengshuguoqile', '证书过期了'],
  ])('reads %j in characters', (pinyin, chinese) => {
    expect(read(pinyin)).toBe(chinese);
  });

  it('reads only the pinyin words of mixed text and keeps the rest', () => {
    expect(read('我的zhengshu过期了')).toBe('我的证书过期了');
    expect(read('U dun mima suo le')).toBe('u 盾密码锁了');
  });

  it('leaves English alone, place names included', () => {
    expect(read('my certificate expired')).toBeUndefined();
    expect(read('Taipei')).toBeUndefined();
    expect(read('hello there')).toBeUndefined();
  });

  it('keeps a syllable no word of ours has as it was typed', () => {
    expect(read('zhengshu xue')).toMatch(/^证书\s*xue$/);
  });
});

describe('bad input and pinyin', () => {
  it('judges the language on what was typed, not on its pinyin reading', async () => {
    const { Parser } = await import('../../src/understanding/parser');
    const parser = new Parser(lexicons, branches.placeSlots());
    const typed = normalizeText('Ciao, dove si trova la banca');
    const recognition = { intent: 'none' as const, score: 0.5, alternatives: [], unsure: false, language: 'zh' as const, script: 'zh-Hans' as const, pinyin: true, normalized: typed };
    const parse = parser.parse({ recognition, text: 'Ciao, dove si trova la banca', normalized: reading.read(typed) ?? typed, typed, rawLength: 28, hadMarkup: false });
    expect(parse.bad).toBe('foreignLanguage');
  });
});
