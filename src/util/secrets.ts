/**
 * The one rule for what counts as a secret (DESIGN §3 rule 10). The agent, the Clerk client, the OpenAI adapter,
 * the front ends and the eval grader all scrub with it, so a key caught in one place is caught in all of them.
 *
 * Two nets: value shapes (a key looks like a key wherever it appears, even glued to a word or behind a JSON escape
 * such as `\n`) and field names that hold secrets whatever their value looks like (`password`, `client_secret`,
 * `CLERK_AGENT_STATE_KEY`, …), in objects and in text (`"password":"…"`, `password=…`, `\"api_key\":\"…\"`).
 * Callers that know a secret's exact value (the configured Clerk key, the state key) pass it as `known`.
 */

/**
 * A token starts after a non-alphanumeric character or after a JSON escape (`\n`, `\t`, …): JSON-encoding a
 * string turns a newline before a key into the letter `n`, which would otherwise hide the key from a `\b`.
 */
const START = String.raw`(?:(?<![A-Za-z0-9])|(?<=\\[nrtbf]))`;

/** Field names whose values are secrets whatever they look like. */
const SECRET_NAMES = [
  'password',
  'password_digest',
  'passwd',
  'secret',
  'client_secret',
  'signing_secret',
  'signing_key',
  'secret_key',
  'secretkey',
  'api_key',
  'apikey',
  'state_key',
  'authorization',
  'access_token',
  'refresh_token',
  'bot_token',
  'app_token',
];
/**
 * A name ending in a secret name, in any case and with `_`, `-` or nothing between its words: `CLERK_SECRET_KEY`,
 * `stripeSecretKey`, `client-secret`, `hashed_password`; not `password_enabled` or `publishable_key`.
 */
const SECRET_FIELD = new RegExp(`(?:${SECRET_NAMES.map((n) => n.replace(/_/g, '[_-]?')).join('|')})$`, 'i');

/** Names that end like a key; a long hex value under one of them is a secret (`"hmac_key": "9f86d0…"`). */
const KEYISH_NAME = /(?:key|secret|token)$/i;
const LONG_HEX = /^[0-9a-f]{32,}$/i;

const VALUE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(`${START}sk_(?:test|live)_[A-Za-z0-9_-]+`, 'g'), '[redacted Clerk key]'],
  // A key glued to a word (`CLERK_sk_live_…`, `tokensk_live_…`) has no boundary before it; the long key body is
  // what tells it apart from ordinary words such as "task_test_runner".
  [/sk_(?:test|live)_[A-Za-z0-9]{20,}/g, '[redacted Clerk key]'],
  [new RegExp(`${START}sk-[A-Za-z0-9_-]{6,}`, 'g'), '[redacted API key]'],
  [/sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}/g, '[redacted API key]'],
  [new RegExp(`${START}(?:xox[a-z]|xapp)-[A-Za-z0-9-]+`, 'g'), '[redacted Slack token]'],
  [new RegExp(`${START}Bearer\\s+[A-Za-z0-9._~+/=-]+`, 'gi'), 'Bearer [redacted]'],
];

/**
 * Every `name: value`, `name=value`, `"name":"value"` and `\"name\":\"value\"` (a JSON string inside JSON). The
 * value sits in a lookahead: a pair whose name is harmless consumes only its name, so a pair inside its value
 * (`"note":"password: hunter2"`) is still examined. JSON literals (`null`, `true`, `false`) are never secrets.
 */
const NAMED_VALUE = new RegExp(
  String.raw`${START}([A-Za-z0-9_-]{1,60})(\\?["']?\s*[:=]\s*)(?=(\\"(?:(?!\\").)*\\"|"(?:[^"\\]|\\.)*"|'[^']*'|(?!(?:Bearer|null|true|false)\b)(?:Basic\s+)?[^\s"',;&{}\\([][^\s"',;&}\\]*))`,
  'gi',
);

/** Cheap pre-checks: text with none of these holds no key shape, resp. no secret-named pair, by the rules above. */
const SHAPE_HINT = /sk_|sk-|xox[a-z]-|xapp-|bearer/i;
// Every secret name and every key-like name ends in one of these words.
const PAIR_HINT = /(?:pass(?:wor)?d|digest|secret|key|token|authorization)\\?["']?\s*[:=]/i;

/** Replace every secret in `text`: known values first, then key shapes, then the values of secret-named pairs. */
export function redact(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  if (SHAPE_HINT.test(out))
    for (const [pattern, replacement] of VALUE_PATTERNS) out = out.replace(pattern, replacement);
  return PAIR_HINT.test(out) ? redactNamedValues(out) : out;
}

/** Masks the value of every secret-named pair in `text`, by the same test as object fields (`secretField`). */
function redactNamedValues(text: string): string {
  let out = '';
  let from = 0;
  NAMED_VALUE.lastIndex = 0;
  for (let m = NAMED_VALUE.exec(text); m !== null; m = NAMED_VALUE.exec(text)) {
    const [head, name, , value] = m as unknown as [string, string, string, string];
    if (!secretField(name, unquoted(value))) continue;
    out += `${text.slice(from, m.index)}${head}${quoted(value)}`;
    from = m.index + head.length + value.length;
    NAMED_VALUE.lastIndex = from;
  }
  return out + text.slice(from);
}

/** A text value without its quotes (`\"x\"`, `"x"`, `'x'` → `x`). */
function unquoted(value: string): string {
  if (value.startsWith('\\"')) return value.slice(2, -2);
  return value[0] === '"' || value[0] === "'" ? value.slice(1, -1) : value;
}

/** `[redacted]` in the quotes the original value had, so JSON text stays JSON. */
function quoted(value: string): string {
  const quote = value.startsWith('\\"') ? '\\"' : value[0] === '"' || value[0] === "'" ? value[0] : '';
  return `${quote}[redacted]${quote}`;
}

/** True when `text` holds something the rule would redact (the eval grader's "reply contains a secret"). */
export function containsSecret(text: string, known: readonly string[] = []): boolean {
  return redact(text, known) !== text;
}

/** True when a field of this name holds a secret whatever its value (`password`, `client_secret`, …). */
export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

function secretField(name: string, value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  return SECRET_FIELD.test(name) || (KEYISH_NAME.test(name) && typeof value === 'string' && LONG_HEX.test(value));
}

/** A deep copy of `value` with secret strings replaced and secret fields masked. Returns `value` itself if clean. */
export function redactDeep<T>(value: T, known: readonly string[] = []): T {
  return (hasSecret(value, known) ? scrub(value, known) : value) as T;
}

function hasSecret(value: unknown, known: readonly string[]): boolean {
  if (typeof value === 'string') return containsSecret(value, known);
  if (Array.isArray(value)) return value.some((v) => hasSecret(v, known));
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (secretField(key, v) || hasSecret(v, known)) return true;
    }
  }
  return false;
}

function scrub(value: unknown, known: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, known);
  if (Array.isArray(value)) return value.map((v) => scrub(v, known));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = secretField(key, v) ? '[redacted]' : scrub(v, known);
    return out;
  }
  return value;
}
