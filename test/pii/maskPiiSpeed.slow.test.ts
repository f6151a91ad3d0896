/**
 * Masking runs on every message before it is logged or stored, on the event loop: it must take
 * linear time. Timed, so it is a slow suite (npm run test:slow): medians of 7 runs.
 */
import { maskPii } from '../../src/pii/maskPii';

function medianMs(text: string): number {
  maskPii(text);
  const times = Array.from({ length: 7 }, () => {
    const t0 = performance.now();
    maskPii(text);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return times[3];
}

describe('maskPii speed', () => {
  it('masks 16,000 characters in under 5 ms, whatever they are', () => {
    const inputs: Record<string, string> = {
      mixed: '我的卡号 6222 0212 3456 7890 128，手机 13812345678，邮箱 a.b@example.com，验证码是 123456。'.repeat(250).slice(0, 16000),
      letters: 'a'.repeat(16000),
      spacedDigits: '1 '.repeat(8000),
      emailLocalParts: `${'a.'.repeat(7999)}@`,
      ats: '@'.repeat(16000),
      announcements: '验证码'.repeat(5333),
    };
    const figures = Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, +medianMs(text).toFixed(2)]));
    console.log(`maskPii median ms per 16,000 characters: ${JSON.stringify(figures)}`);
    for (const ms of Object.values(figures)) expect(ms).toBeLessThan(5);
  });

  it('masks a 64 K-character message in well under the time that froze /healthz (8 s)', () => {
    const huge = `${'x'.repeat(32 * 1024)}${'9'.repeat(32 * 1024)}@`;
    expect(medianMs(huge)).toBeLessThan(50);
  });
});
