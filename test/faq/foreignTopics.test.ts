import { ForeignTopics } from '../../src/faq/foreignTopics';
import { DEFAULT_DATA_FILES } from '../../src/i18n/dataFiles';
import { faqIndexOf, readFaqFile } from '../../src/faq/loadFaq';

describe('ForeignTopics', () => {
  const topics = new ForeignTopics(['医院', 'rain', 'ssl certificate'], ['网银', 'certificate'], new Map([['appt', '预约 网点'], ['hospital_visit', '医院 上门'], ['weather', 'rain']]));

  it('names a topic the entry never mentions', () => {
    expect(topics.namedBeside('医院挂号需要预约吗', 'appt')).toBe('医院');
  });

  it('lets the entry answer when it mentions the topic itself', () => {
    expect(topics.namedBeside('老人住医院了怎么办', 'hospital_visit')).toBeUndefined();
  });

  it('keeps a question that names one of our products beside the topic', () => {
    expect(topics.namedBeside('在医院能用网银吗', 'appt')).toBeUndefined();
  });

  it('does not count an anchor inside the topic words ("ssl certificate")', () => {
    expect(topics.namedBeside('my ssl certificate expired', 'appt')).toBe('ssl certificate');
  });

  it('matches Latin topics as whole words, plurals included', () => {
    expect(topics.namedBeside('a train ticket', 'appt')).toBeUndefined();
    expect(topics.namedBeside('heavy rains today', 'appt')).toBe('rains');
    expect(topics.namedBeside('heavy rains today', 'weather')).toBeUndefined();
  });
});

describe('FAQ search beside out-of-scope topics (intents/faq.json)', () => {
  const faq = faqIndexOf(readFaqFile(DEFAULT_DATA_FILES.faqFile));

  it.each(['医院挂号需要预约吗', '公积金账户被冻结了怎么办', 'how do I apply for a mortgage', 'my ssl certificate expired, how do i renew it'])(
    'gives no answer to %s',
    (text) => {
      expect(faq.search(text).outcome).toBe('none');
    },
  );

  it.each([
    ['喺茶餐廳用免費wifi上網銀得唔得㗎？', 'public_wifi'],
    ['证书过期了会影响微信支付吗', 'cert_expired_card_payment'],
  ])('still answers %s, which names our product', (text, id) => {
    expect(faq.search(text).ranked[0]?.entry.id).toBe(id);
    expect(faq.search(text).outcome).not.toBe('none');
  });

  it('repairs typos before the synonyms, so a misspelt synonym still meets its group', () => {
    const search = faq.search('wat is the custmer service numbr');
    expect(search.ranked[0]?.entry.id).toBe('hotline');
  });
});
