/**
 * Classifications per second of `classify` over `texts` on this one thread: the median of `runs`
 * timed passes (the machine is shared, so single runs are noisy), each pass at least `minMs` long.
 * One untimed warm-up pass first lets V8 optimize the hot paths, as in a long-running bot.
 */
export function measureThroughput(texts: readonly string[], classify: (text: string) => unknown, runs = 3, minMs = 500): number {
  if (texts.length === 0) return 0;
  for (const t of texts) classify(t);
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (const t of texts) classify(t);
      count += texts.length;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    rates.push((count / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  return Math.round(rates[Math.floor(rates.length / 2)]);
}
