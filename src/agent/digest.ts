/** The binding between an approval and the exact call it approves: sha256 over canonical JSON. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level (undefined members dropped), so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 (hex) of the canonical JSON of `{ action, args }`. */
export function argsDigest(action: string, args: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson({ action, args })).digest('hex');
}
