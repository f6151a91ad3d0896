import { PostingIndex } from '../../src/faq/postingIndex';

describe('PostingIndex', () => {
  const index = new PostingIndex();
  index.add('证书', 0, 2);
  index.add('证书', 2, 1);
  index.add('过期', 2, 3);
  index.freeze();

  it('adds query weight × posting weight for the items sharing a term, touching only those', () => {
    const scores = index.scores();
    const touched = index.accumulate(new Map([['证书', 1], ['过期', 2], ['天气', 5]]), scores);
    expect(touched.sort()).toEqual([0, 2]);
    expect([...scores]).toEqual([2, 0, 7]);
  });

  it('touches nothing for a question that shares no term', () => {
    const scores = index.scores();
    expect(index.accumulate(new Map([['天气', 1]]), scores)).toEqual([]);
    expect([...scores]).toEqual([0, 0, 0]);
  });
});
