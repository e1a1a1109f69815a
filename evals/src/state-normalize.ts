/**
 * Makes two sandbox states comparable. Entities the trial created get generated ids (and derived values) that
 * depend on creation order, so each new entity is renamed to a placeholder chosen from its content, and every
 * string that mentions its id is rewritten. `updated_at` and the id counter are dropped; top-level collections are
 * sorted by (placeholder) id. The result compares by canonical JSON, like τ-bench's state hash, but keeps the
 * structure for a readable diff.
 */
import { canonicalJson } from './match.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

/** Field names never compared: they change on every write or count ids. */
export const ALWAYS_IGNORED = ['updated_at', 'nextId'];
/** Fields ignored on entities the trial created (values derived from creation order or random per instance). */
export const IGNORED_ON_NEW = [
  'client_secret',
  'client_id',
  'authorize_url',
  'token_fetch_url',
  'user_info_url',
  'discovery_url',
  'token_introspection_url',
  'url',
  'frontend_api_url',
  'development_origin',
  'cname_targets',
  'image_url',
  'profile_image_url',
];

/** Every `id` value found anywhere in `state`. */
export function collectIds(state: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string') ids.add(o.id);
      Object.values(o).forEach(walk);
    }
  };
  walk(state);
  return ids;
}

function strip(value: Json, ignore: Set<string>): Json {
  if (Array.isArray(value)) return value.map((v) => strip(v, ignore));
  if (value && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) if (!ignore.has(k)) out[k] = strip(v, ignore);
    return out;
  }
  return value;
}

function replaceAll(value: Json, renames: Map<string, string>): Json {
  if (typeof value === 'string') {
    const exact = renames.get(value);
    if (exact) return exact;
    let s = value;
    for (const [from, to] of renames) if (s.includes(from)) s = s.split(from).join(to);
    return s;
  }
  if (Array.isArray(value)) return value.map((v) => replaceAll(v, renames));
  if (value && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaceAll(v, renames);
    return out;
  }
  return value;
}

/**
 * Normalize `state` relative to the ids that existed in the fixture (`knownIds`).
 * `ignoreFields` are dropped everywhere, in addition to ALWAYS_IGNORED.
 */
export function normalizeState(
  state: unknown,
  knownIds: Set<string>,
  ignoreFields: readonly string[] = [],
): Record<string, Json> {
  const ignore = new Set([...ALWAYS_IGNORED, ...ignoreFields]);
  const onNew = new Set([...ignore, ...IGNORED_ON_NEW]);
  const root = strip(JSON.parse(JSON.stringify(state)) as Json, ignore) as Obj;
  const allIds = collectIds(root);
  const newIds = [...allIds].filter((id) => !knownIds.has(id));
  const isNew = new Set(newIds);
  const blank = new Map(newIds.map((id) => [id, '<new>'] as const));

  // Strip order-dependent fields from new entities first, so their signatures compare content only.
  const stripNew = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(stripNew);
    if (v && typeof v === 'object') {
      const isNewEntity = typeof v.id === 'string' && isNew.has(v.id);
      const out: Obj = {};
      for (const [k, child] of Object.entries(v)) if (!(isNewEntity && onNew.has(k))) out[k] = stripNew(child);
      return out;
    }
    return v;
  };
  const cleaned = stripNew(root) as Obj;

  // Placeholders: per top-level collection, new entities ordered by their content signature.
  const renames = new Map<string, string>();
  for (const [collection, items] of Object.entries(cleaned)) {
    if (!Array.isArray(items)) continue;
    const fresh = items.filter(
      (e): e is Obj => !!e && typeof e === 'object' && !Array.isArray(e) && typeof e.id === 'string' && isNew.has(e.id),
    );
    const signed = fresh
      .map((e) => ({ e, sig: canonicalJson(replaceAll(e, blank)) }))
      .sort((a, b) => (a.sig < b.sig ? -1 : a.sig > b.sig ? 1 : 0));
    signed.forEach(({ e }, i) => {
      const name = `<new ${collection}#${i + 1}>`;
      renames.set(e.id as string, name);
      // Nested new ids (e.g. a new user's email address) are named after their parent, in document order.
      let n = 0;
      const nest = (v: Json) => {
        if (Array.isArray(v)) v.forEach(nest);
        else if (v && typeof v === 'object') {
          if (typeof v.id === 'string' && v !== e && isNew.has(v.id) && !renames.has(v.id))
            renames.set(v.id, `${name}.${++n}`);
          Object.values(v).forEach(nest);
        }
      };
      nest(e);
    });
  }
  for (const id of newIds) if (!renames.has(id)) renames.set(id, `<new ${id.split('_')[0]}>`);
  // Longer ids first so an id that is a prefix of another never half-replaces it.
  const ordered = new Map([...renames].sort((a, b) => b[0].length - a[0].length));
  const renamed = replaceAll(cleaned, ordered) as Obj;

  for (const [key, items] of Object.entries(renamed)) {
    if (
      Array.isArray(items) &&
      items.every((e) => e && typeof e === 'object' && !Array.isArray(e) && typeof (e as Obj).id === 'string')
    ) {
      renamed[key] = [...(items as Obj[])].sort((a, b) =>
        (a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0,
      );
    }
  }
  return renamed;
}
