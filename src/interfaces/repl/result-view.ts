/**
 * How one tool call reads on screen: its arguments in one short line, and what came back in a few words
 * ("→ 3 users", "→ Jane Doe <jane@example.com>"), plus the rows to show as a table for longer lists.
 */

/** What the progress line and the optional table show for one result. */
export interface ResultView {
  /** e.g. "1 user: Jane Doe <jane@example.com>" or "12 users (of 64)". */
  text: string;
  /** Rows worth a table (lists of two or more). */
  rows?: Record<string, unknown>[];
  /** True for a dry-run mutation: previewed, not executed. */
  dryRun?: boolean;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const short = (text: string, max: number) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

/** Arguments as `key=value` pairs, values cut short, so one call fits on one line. */
export function formatArgs(args: unknown, maxValue = 40): string {
  const r = record(args);
  if (!r) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(r)) {
    if (value === null || value === undefined) continue;
    let text: string;
    if (Array.isArray(value)) text = value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',');
    else if (typeof value === 'object') text = JSON.stringify(value) ?? '';
    else text = String(value);
    parts.push(`${key}=${short(text, maxValue)}`);
  }
  return parts.join(' ');
}

const NOUNS: Record<string, string> = {
  users: 'user',
  organizations: 'organization',
  org_memberships: 'membership',
  org_invitations: 'invitation',
  sessions: 'session',
  invitations: 'invitation',
  allowlists: 'allowlist entry',
  blocklists: 'blocklist entry',
  jwt_templates: 'JWT template',
  domains: 'domain',
  clients: 'OAuth app',
};

/** "user" for clerk_users_list and clerk_user_get; "item" when unknown. */
export function nounFor(action: string): string {
  const list = /^clerk_(.+)_list$/.exec(action);
  if (list && NOUNS[list[1]!]) return NOUNS[list[1]!]!;
  for (const [plural, noun] of Object.entries(NOUNS)) {
    if (action.startsWith(`clerk_${plural.replace(/s$/, '')}_`)) return noun;
  }
  return 'item';
}

const pluralOf = (noun: string) => (noun.endsWith('entry') ? `${noun.slice(0, -1)}ies` : `${noun}s`);
const count = (n: number, noun: string) => (n === 1 ? `1 ${noun}` : `${n} ${pluralOf(noun)}`);

/** A short label for one object: a user by name and email, an organization by name, else its id. */
export function labelOf(value: unknown): string {
  const r = record(value);
  if (!r) return typeof value === 'string' ? short(value, 60) : 'done';
  const name = typeof r['name'] === 'string' ? r['name'] : undefined;
  const email =
    typeof r['email'] === 'string'
      ? r['email']
      : typeof r['email_address'] === 'string'
        ? r['email_address']
        : undefined;
  if (r['deleted'] === true) return `deleted ${String(r['id'] ?? '')}`.trim();
  if (name && email) return `${name} <${email}>`;
  if (email) return email;
  if (name) return typeof r['slug'] === 'string' ? `${name} (${r['slug']})` : name;
  for (const key of ['identifier', 'domain', 'role', 'status'])
    if (typeof r[key] === 'string') return `${key} ${r[key]}`;
  return typeof r['id'] === 'string' ? r['id'] : 'done';
}

/** Unwraps the tool-result envelope (`{ok, result}`) when the agent passes it whole. */
function unwrap(result: unknown): unknown {
  const r = record(result);
  if (r && typeof r['ok'] === 'boolean' && 'result' in r) return r['result'];
  if (typeof result === 'string') {
    try {
      return unwrap(JSON.parse(result));
    } catch {
      return result;
    }
  }
  return result;
}

/** Describes a successful result of `action`. */
export function viewResult(action: string, result: unknown): ResultView {
  const value = unwrap(result);
  const noun = nounFor(action);
  const r = record(value);
  if (r?.['dry_run'] === true) {
    const preview = record(r['preview']);
    const text = typeof preview?.['text'] === 'string' ? preview['text'] : 'this change';
    return { text: `dry run, not executed: ${text}`, dryRun: true };
  }
  const data = Array.isArray(value) ? value : Array.isArray(r?.['data']) ? (r!['data'] as unknown[]) : undefined;
  if (data) {
    const total = typeof r?.['total_count'] === 'number' ? (r['total_count'] as number) : undefined;
    let text = data.length === 0 ? `no ${pluralOf(noun)}` : count(data.length, noun);
    if (total !== undefined && total > data.length) text += ` (of ${total})`;
    if (data.length === 1) text += `: ${labelOf(data[0])}`;
    const rows = data.filter((d): d is Record<string, unknown> => record(d) !== undefined);
    return rows.length >= 2 ? { text, rows } : { text };
  }
  return { text: labelOf(value) };
}
