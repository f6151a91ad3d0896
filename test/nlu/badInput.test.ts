import { createRecognizerSync, DEFAULT_CACHE_DIR, type NluRecognizer } from '../../src/nlu/createRecognizer';
import { INTENTS } from '../../src/nlu/intents';
import { MAX_INPUT_CHARS } from '../../src/nlu/limits';

let recognizer: NluRecognizer;
beforeAll(() => {
  recognizer = createRecognizerSync({ cacheDir: DEFAULT_CACHE_DIR });
});

describe('recognize() on bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n\u3000 '],
    ['10,000 characters', '证书过期'.repeat(2500)],
    ['10,000 Latin characters', 'a'.repeat(10_000)],
    ['only emoji', '😀🎉👍🏽🇨🇳'],
    ['control characters', '\u0000\u0001\u0007\u001b[31m\u007f'],
    ['HTML', '<script>alert("x")</script><b>hi</b>'],
    ['mixed scripts', '我的 certificate 過期了 please help Привет'],
    ['a lone surrogate', '\ud83d证书'],
    ['numbers only', '1234567890'],
  ])('never throws on %s and returns a known intent', (_name, text) => {
    const r = recognizer.recognize(text);
    expect(INTENTS).toContain(r.intent);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.normalized.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });

  it('answers none for text with nothing to read', () => {
    for (const text of ['', '   ', '😀😀😀', '\u0000\u0007']) expect(recognizer.recognize(text).intent).toBe('none');
  });

  it('still understands a long message cut to the limit', () => {
    expect(recognizer.recognize('网银证书过期了怎么办'.repeat(1000)).intent).toBe('cert_expired');
  });

  it('does not throw on a non-string smuggled past the types', () => {
    const notText: unknown = undefined;
    expect(() => recognizer.recognize(notText as string)).not.toThrow();
  });

  it('keeps alternatives when it falls back to none', () => {
    const r = recognizer.recognize('嗯');
    if (r.intent === 'none') expect(Array.isArray(r.alternatives)).toBe(true);
    expect(r.alternatives.length).toBeGreaterThan(0);
  });
});
