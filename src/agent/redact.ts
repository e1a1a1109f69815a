/**
 * Secret scrubbing applied to everything the agent lets out: events, audit records, errors and tool results.
 * Two nets: value patterns (keys that look like keys wherever they appear) and field names that hold secrets.
 */

const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\bsk_(?:test|live)_[A-Za-z0-9_-]+/g, '[redacted Clerk key]'],
  // A key glued to a word (`CLERK_sk_live_…`, `token=abcsk_live_…`) has no word boundary before it; a long key body
  // is what tells it apart from ordinary words such as "task_test_runner".
  [/sk_(?:test|live)_[A-Za-z0-9]{20,}/g, '[redacted Clerk key]'],
  [/\bsk-[A-Za-z0-9_-]{6,}/g, '[redacted API key]'],
  [/sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}/g, '[redacted API key]'],
  [/\bxox[abposr]-[A-Za-z0-9-]+/g, '[redacted Slack token]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]'],
];

/** Field names whose values are secrets whatever they look like (a password arg, an OAuth client secret). */
const SECRET_FIELDS =
  /^(password|password_digest|client_secret|signing_key|secret_key|secretkey|api_key|apikey|authorization)$/i;

const ANY_SECRET = /sk_(?:test|live)_|sk-[A-Za-z0-9_-]{6,}|xox[abposr]-|Bearer\s/;

/** Replaces secret-looking substrings in a string. */
export function redact(text: string): string {
  if (!ANY_SECRET.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A deep copy of `value` with secret strings replaced and secret fields masked. Returns `value` itself if clean. */
export function redactDeep<T>(value: T): T {
  return (hasSecret(value) ? scrub(value) : value) as T;
}

function hasSecret(value: unknown): boolean {
  if (typeof value === 'string') return ANY_SECRET.test(value);
  if (Array.isArray(value)) return value.some(hasSecret);
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (SECRET_FIELDS.test(key) && v !== null && v !== undefined && v !== '') return true;
      if (hasSecret(v)) return true;
    }
  }
  return false;
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_FIELDS.test(key) && v !== null && v !== undefined && v !== '' ? '[redacted]' : scrub(v);
    }
    return out;
  }
  return value;
}
