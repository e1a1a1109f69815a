import { describe, expect, it } from 'vitest';
import { choose, clusteredStdError, meanOver, passAtK, passHatK, percentile } from '../../evals/src/metrics.js';

describe('pass^k (τ-bench unbiased estimator C(c,k)/C(n,k))', () => {
  it('matches hand-computed values', () => {
    expect(passHatK(4, 2, 2)).toBeCloseTo(1 / 6, 12); // C(2,2)/C(4,2) = 1/6
    expect(passHatK(4, 3, 2)).toBeCloseTo(3 / 6, 12); // C(3,2)/C(4,2) = 3/6
    expect(passHatK(4, 4, 4)).toBe(1);
    expect(passHatK(4, 3, 4)).toBe(0); // one failure in 4 trials → pass^4 is 0, unlike (c/n)^k
    expect(passHatK(5, 3, 1)).toBeCloseTo(0.6, 12); // pass^1 = c/n
    expect(passHatK(8, 6, 3)).toBeCloseTo(20 / 56, 12);
  });

  it('is null when k is out of range', () => {
    expect(passHatK(2, 1, 3)).toBeNull();
    expect(passHatK(2, 1, 0)).toBeNull();
  });

  it('pass@k = 1 − C(n−c,k)/C(n,k)', () => {
    expect(passAtK(4, 2, 2)).toBeCloseTo(1 - 1 / 6, 12); // C(2,2)/C(4,2)
    expect(passAtK(4, 0, 2)).toBe(0);
    expect(passAtK(4, 1, 4)).toBe(1);
  });

  it('averages over scenarios with the smallest n', () => {
    const per = [
      { n: 4, c: 2 },
      { n: 4, c: 4 },
    ];
    expect(meanOver(per, 2, passHatK)).toBeCloseTo((1 / 6 + 1) / 2, 12);
    expect(
      meanOver(
        [
          { n: 2, c: 2 },
          { n: 4, c: 4 },
        ],
        3,
        passHatK,
      ),
    ).toBeNull();
  });

  it('choose is exact for small numbers', () => {
    expect(choose(4, 2)).toBe(6);
    expect(choose(10, 3)).toBe(120);
    expect(choose(3, 5)).toBe(0);
  });

  it('clustered standard error and percentiles', () => {
    expect(clusteredStdError([{ n: 1, c: 1 }])).toBeNull();
    // per-scenario means 1 and 0 → sample variance 0.5 → SE sqrt(0.5/2) = 0.5
    expect(
      clusteredStdError([
        { n: 2, c: 2 },
        { n: 2, c: 0 },
      ]),
    ).toBeCloseTo(0.5, 12);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([], 50)).toBeNull();
  });
});
