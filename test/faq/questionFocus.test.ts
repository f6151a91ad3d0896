import { loadFaq } from '../../src/faq/loadFaq';
import { questionFocus } from '../../src/faq/questionFocus';

const LEADS = ['想问一下', '请问', 'i want to know'];

describe('questionFocus', () => {
  it('leaves a short message whole', () => {
    expect(questionFocus('文件证书能拿到新电脑上用吗', LEADS)).toBeUndefined();
  });

  it('takes what follows the last lead of a long message', () => {
    const text = '你好，我是做小生意的，平时用网银给供应商付款，最近换了电脑，想问一下原来的文件证书能不能在新电脑上用';
    const focus = questionFocus(text, LEADS);
    // Normalized as the FAQ reads it (simplified script; opencc's phrase tables write 文件 as 文档).
    expect(focus).toMatch(/^原来的\S+证书能不能在新电脑上用$/u);
  });

  it('takes the last two clauses of a long message without a lead', () => {
    const text = 'Hello there, I have been a customer for twenty years, my daughter set this up for me. The token screen is blank. What do I do?';
    expect(questionFocus(text, LEADS)).toBe('the token screen is blank what do i do');
  });

  it('gives nothing when a long message is one clause', () => {
    expect(questionFocus('x'.repeat(60), LEADS)).toBeUndefined();
  });
});

describe('FaqIndex.search on a long story with a question in it', () => {
  const faq = loadFaq('intents/faq.json');

  it('answers the question the story ends with, where the whole message is too diluted', () => {
    const text = '你好，我是做小生意的，平时用网银给供应商付款，最近换了一台新的笔记本电脑，想问一下原来电脑上的那个文件证书能不能直接拿到新电脑上用啊，还是要重新弄';
    const search = faq.search(text);
    expect(search.outcome).toBe('answer');
    expect(search.hits[0]?.entry.id).toBe('file_cert_other_computer');
  });
});
