/** Number formatting shared by the reporters. */

/** 0.8333 → "83%"; null → "n/a". */
export const pct = (v: number | null | undefined, digits = 0): string =>
  v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(digits)}%`;

/** 0.8333 → "0.83"; null → "n/a". */
export const fixed = (v: number | null | undefined, digits = 2): string =>
  v === null || v === undefined ? 'n/a' : v.toFixed(digits);

/** 12345 → "12.3k". */
export function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

/** Milliseconds as "0.3s" / "120ms". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'n/a';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms)}ms`;
}

/** USD with enough digits for fractions of a cent. */
export const usd = (v: number | null | undefined): string =>
  v === null || v === undefined ? 'n/a' : `$${v < 0.01 && v > 0 ? v.toFixed(4) : v.toFixed(3)}`;
