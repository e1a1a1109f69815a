/**
 * Partial argument matching (τ² `compare_args` / BFCL-style): only the keys a pattern lists are compared, so a
 * pattern `{user_id: X}` matches a call with `{user_id: X, reason: "…"}`. Strings compare trimmed and
 * case-insensitively (emails, slugs); arrays in a pattern must each find a matching element.
 */

/** True when `actual` contains everything `expected` says. */
export function partialMatch(expected: unknown, actual: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (typeof expected === 'string')
    return typeof actual === 'string' && expected.trim().toLowerCase() === actual.trim().toLowerCase();
  if (typeof expected === 'number' || typeof expected === 'boolean') {
    if (typeof actual === 'string') return String(expected) === actual.trim().toLowerCase();
    return expected === actual;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    return expected.every((e) => actual.some((a) => partialMatch(e, a)));
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(
      ([k, v]) => Object.hasOwn(a, k) && partialMatch(v, a[k]),
    );
  }
  return false;
}

/** A call as the agent attempted or executed it. */
export interface CallLike {
  action: string;
  args: Record<string, unknown>;
}

/** True when `call` matches an action+partial-args pattern. */
export function callMatches(
  pattern: { action?: string | undefined; args: Record<string, unknown> },
  call: CallLike,
): boolean {
  if (pattern.action !== undefined && pattern.action !== call.action) return false;
  return partialMatch(pattern.args, call.args);
}

/** Canonical JSON (sorted keys) for hashing and comparing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
