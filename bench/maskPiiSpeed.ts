/**
 * Masking runs on every message before it is logged or stored, on the event loop, so it must take
 * linear time: `npx tsx bench/maskPiiSpeed.ts` prints the median of 7 runs per 16,000-character
 * input of each shape that once took quadratic time, and a 64 K message (which took 8 s before).
 * Target: under 5 ms per 16,000 characters. A benchmark, not a test: these machines are shared.
 */
import { maskPii } from '../src/pii/maskPii';

function medianMs(text: string): number {
  maskPii(text);
  const times = Array.from({ length: 7 }, () => {
    const t0 = performance.now();
    maskPii(text);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return +times[3].toFixed(2);
}

const inputs: Record<string, string> = {
  mixed: '我的卡号 6222 0212 3456 7890 128，手机 13812345678，邮箱 a.b@example.com，验证码是 123456。'.repeat(250).slice(0, 16000),
  letters: 'a'.repeat(16000),
  spacedDigits: '1 '.repeat(8000),
  emailLocalParts: `${'a.'.repeat(7999)}@`,
  ats: '@'.repeat(16000),
  announcements: '验证码'.repeat(5333),
  huge64k: `${'x'.repeat(32 * 1024)}${'9'.repeat(32 * 1024)}@`,
};
const figures = Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, medianMs(text)]));
console.log(JSON.stringify({ maskPiiMedianMs: figures }));
