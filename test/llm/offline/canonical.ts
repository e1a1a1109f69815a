/** Order-insensitive comparison helpers for tool calls (calls within one step are parallel). */

/** JSON with object keys sorted, so equal values print equally. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `[action, args]` pairs as sorted canonical strings. */
export function callSet(calls: Array<[string, Record<string, unknown>]>): string[] {
  return calls.map(([action, args]) => `${action} ${canonical(args)}`).sort();
}
