import { decide, shouldFallBack } from '../../src/nlu/fallback';

const ranked = (a: number, b: number) => [
  { label: 'cert_expired', score: a },
  { label: 'branch_visit', score: b },
];

describe('fallback', () => {
  it('keeps a confident, unambiguous top intent', () => {
    expect(decide(ranked(0.9, 0.05), { threshold: 0.5, margin: 0.2 }, 'none').label).toBe('cert_expired');
  });

  it('falls back below the threshold', () => {
    const d = decide(ranked(0.4, 0.1), { threshold: 0.5, margin: 0 }, 'none');
    expect(d).toEqual({ label: 'none', score: 0.6 });
  });

  it('falls back when the top two are closer than the margin', () => {
    expect(shouldFallBack(ranked(0.5, 0.45), { threshold: 0, margin: 0.1 })).toBe(true);
    expect(shouldFallBack(ranked(0.5, 0.35), { threshold: 0, margin: 0.1 })).toBe(false);
  });

  it('falls back on an empty ranking', () => {
    expect(decide([], { threshold: 0, margin: 0 }, 'none')).toEqual({ label: 'none', score: 1 });
  });
});
