/** A readable diff between two normalized states: one line per differing field, entities named by what people use. */
import { canonicalJson } from './match.js';

/** One differing field: where, what the target has, what the trial left. */
export interface DiffLine {
  path: string;
  expected: unknown;
  actual: unknown;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** A short human label for an entity: email, name, identifier or slug, with the id. */
export function entityLabel(e: Obj): string {
  const emails = Array.isArray(e.email_addresses)
    ? (e.email_addresses as Obj[]).map((x) => x.email_address).filter(Boolean)
    : [];
  const person = [e.first_name, e.last_name].filter((x) => typeof x === 'string' && x).join(' ');
  const name =
    (emails[0] as string | undefined) ??
    (e.email_address as string | undefined) ??
    (e.identifier as string | undefined) ??
    (e.name as string | undefined) ??
    (person || undefined);
  return name ? `${String(e.id)} (${name})` : String(e.id);
}

/** Differences between `expected` and `actual` (normalized states), at most `limit` lines. */
export function diffStates(expected: Obj, actual: Obj, limit = 40): DiffLine[] {
  const out: DiffLine[] = [];
  const push = (line: DiffLine) => {
    if (out.length < limit) out.push(line);
  };
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of [...keys].sort()) {
    const e = expected[key];
    const a = actual[key];
    if (Array.isArray(e) && Array.isArray(a) && [...e, ...a].every((x) => isObj(x) && typeof x.id === 'string')) {
      const byId = (list: Obj[]) => new Map(list.map((x) => [x.id as string, x]));
      const em = byId(e as Obj[]);
      const am = byId(a as Obj[]);
      for (const [id, ev] of em) {
        const av = am.get(id);
        if (!av) push({ path: `${key}[${entityLabel(ev)}]`, expected: summarize(ev), actual: '(missing)' });
        else diffValue(`${key}[${entityLabel(ev)}]`, ev, av, push);
      }
      for (const [id, av] of am)
        if (!em.has(id)) push({ path: `${key}[${entityLabel(av)}]`, expected: '(absent)', actual: summarize(av) });
    } else {
      diffValue(key, e, a, push);
    }
  }
  return out;
}

function diffValue(path: string, e: unknown, a: unknown, push: (l: DiffLine) => void): void {
  if (canonicalJson(e) === canonicalJson(a)) return;
  if (isObj(e) && isObj(a)) {
    for (const k of [...new Set([...Object.keys(e), ...Object.keys(a)])].sort())
      diffValue(`${path}.${k}`, e[k], a[k], push);
    return;
  }
  if (Array.isArray(e) && Array.isArray(a) && e.length === a.length) {
    e.forEach((x, i) => diffValue(`${path}[${i}]`, x, a[i], push));
    return;
  }
  push({ path, expected: e === undefined ? '(absent)' : e, actual: a === undefined ? '(absent)' : a });
}

function summarize(e: Obj): unknown {
  const keep = [
    'id',
    'name',
    'slug',
    'email_address',
    'identifier',
    'role',
    'status',
    'first_name',
    'last_name',
    'banned',
    'locked',
    'user_id',
    'organization_id',
  ];
  const out: Obj = {};
  for (const k of keep) if (k in e) out[k] = e[k];
  return out;
}

/** One diff line as text: `users[user_1 (jane@example.com)].banned: expected true, got false`. */
export function formatDiffLine(d: DiffLine): string {
  const show = (v: unknown) => (typeof v === 'string' && /^\(.*\)$/.test(v) ? v : truncate(JSON.stringify(v)));
  return `${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`;
}

function truncate(s: string | undefined, max = 160): string {
  const t = s ?? 'undefined';
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
