/** What a label value becomes when it is not one we expect (or one too many). */
export const OTHER_LABEL = 'other';

const SAFE = /^[A-Za-z0-9_.:-]{1,40}$/;

/**
 * A label whose values cannot grow without bound: every distinct value is a separate time series
 * in Prometheus, and values such as a channel id arrive in requests. With `allowed`, anything else
 * is `other`; without it, the first `max` well-formed values seen are kept and the rest are `other`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly options: { allowed?: readonly string[]; max?: number } = {}) {}

  value(raw: string | undefined): string {
    if (raw === undefined || !SAFE.test(raw)) return OTHER_LABEL;
    const { allowed, max = 20 } = this.options;
    if (allowed) return allowed.includes(raw) ? raw : OTHER_LABEL;
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= max) return OTHER_LABEL;
    this.seen.add(raw);
    return raw;
  }
}
