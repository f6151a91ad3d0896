import { parseCsv } from '../../src/nlu/parseCsv';

describe('parseCsv', () => {
  it('reads plain and quoted fields', () => {
    expect(parseCsv('text,category\nhello,greeting\n"a, b",x\n')).toEqual([
      ['text', 'category'],
      ['hello', 'greeting'],
      ['a, b', 'x'],
    ]);
  });

  it('unescapes doubled quotes and keeps newlines inside quotes', () => {
    expect(parseCsv('"say ""hi""\nthere",y\r\nz,')).toEqual([
      ['say "hi"\nthere', 'y'],
      ['z', ''],
    ]);
  });

  it('skips blank lines', () => {
    expect(parseCsv('a,b\n\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
