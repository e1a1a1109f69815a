/**
 * Reliability statistics. pass^k uses τ-bench's unbiased estimator C(c,k)/C(n,k) (the chance that k i.i.d. trials
 * all succeed), not clerk-evals' (c/n)^k; pass@k uses 1 − C(n−c,k)/C(n,k).
 */

/** Binomial coefficient C(n, k) as a float (exact for the small n of eval runs). */
export function choose(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - Math.min(k, n - k) + i)) / i;
  return r;
}

/** pass^k for one scenario with n trials and c successes: C(c,k)/C(n,k). Undefined (null) when k > n. */
export function passHatK(n: number, c: number, k: number): number | null {
  if (k < 1 || k > n || c < 0 || c > n) return null;
  return choose(c, k) / choose(n, k);
}

/** pass@k for one scenario: 1 − C(n−c,k)/C(n,k). Null when k > n. */
export function passAtK(n: number, c: number, k: number): number | null {
  if (k < 1 || k > n || c < 0 || c > n) return null;
  return 1 - choose(n - c, k) / choose(n, k);
}

/** Mean over scenarios of a per-scenario estimator; uses the smallest n across scenarios (tau2 behaviour). */
export function meanOver(
  perScenario: Array<{ n: number; c: number }>,
  k: number,
  estimator: (n: number, c: number, k: number) => number | null,
): number | null {
  if (perScenario.length === 0) return null;
  const minN = Math.min(...perScenario.map((s) => s.n));
  if (k > minN) return null;
  const values = perScenario.map((s) => estimator(s.n, s.c, k));
  if (values.some((v) => v === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Standard error of the suite's pass^1, clustered by scenario (Miller 2024): the SE across scenarios of the
 * per-scenario mean success. Null with fewer than two scenarios.
 */
export function clusteredStdError(perScenario: Array<{ n: number; c: number }>): number | null {
  const m = perScenario.length;
  if (m < 2) return null;
  const means = perScenario.map((s) => s.c / s.n);
  const mu = means.reduce((a, b) => a + b, 0) / m;
  const variance = means.reduce((a, x) => a + (x - mu) ** 2, 0) / (m - 1);
  return Math.sqrt(variance / m);
}

/** p-th percentile (0..100) by nearest rank; null for an empty list. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
