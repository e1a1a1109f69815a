/**
 * The field diff on an update's approval card: what each field is now and what it will be. Metadata fields follow
 * Clerk's `PATCH …/metadata` rule (deep merge; `null` removes a key at any level), so the diff shows leaf keys
 * (`public_metadata.billing.plan`) including removed ones; list-valued fields (redirect URIs, space-separated
 * scopes) also say which items are added and removed. `unchangeable` lists args the current object cannot confirm
 * (a password, a flag), so a no-op is never claimed for them.
 */
import { pathParams, type Action } from '../actions/define-action.js';
import { canonicalJson } from './digest.js';
import type { FieldChange } from './types.js';

type Obj = Record<string, unknown>;

const HIDDEN_VALUE = /password|secret|signing_key/i;
/** Fields whose string value is a space-separated set (OAuth scopes). */
const SPACE_SETS = new Set(['scopes']);

export interface FieldDiff {
  changes: FieldChange[];
  /** Args whose current value the object does not show (write-only fields): they always count as a change. */
  unconfirmed: string[];
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, key: string) => Object.hasOwn(o, key);
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Clerk's metadata merge: nested objects merge, other values replace, `null` removes the key. */
function mergeMetadata(base: Obj, patch: Obj): Obj {
  const out: Obj = { ...base };
  // defineProperty, not `out[key] =`: a "__proto__" key is data here and must not set the prototype.
  const set = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isObj(value)) set(key, mergeMetadata(own(out, key) && isObj(out[key]) ? (out[key] as Obj) : {}, value));
    else set(key, value);
  }
  return out;
}

/** The fields of `action` that Clerk deep-merges (metadata on split_metadata updates). */
function mergedFields(action: Action): Set<string> {
  return new Set(action.execution?.kind === 'split_metadata' ? action.execution.metadataFields : []);
}

/** Field-by-field changes `args` would make to `current`. */
export function diffFields(action: Action, args: Obj, current: Obj): FieldDiff {
  const skip = new Set([...pathParams(action.path), ...(action.queryParams ?? [])]);
  const merged = mergedFields(action);
  const changes: FieldChange[] = [];
  const unconfirmed: string[] = [];
  for (const [field, after] of Object.entries(args)) {
    if (skip.has(field) || after === undefined) continue;
    const before = own(current, field) ? current[field] : undefined;
    if (merged.has(field) && isObj(after)) {
      const old = isObj(before) ? before : {};
      leafChanges(field, old, mergeMetadata(old, after), changes);
    } else {
      if (!Object.hasOwn(current, field)) unconfirmed.push(field);
      if (same(before, after)) continue;
      changes.push(change(field, before, after));
    }
  }
  return { changes, unconfirmed };
}

/** One change, with hidden values masked and list items compared. */
function change(field: string, before: unknown, after: unknown): FieldChange {
  if (HIDDEN_VALUE.test(field)) return { field, before: '(hidden)', after: '(hidden)' };
  const out: FieldChange = { field, before: before ?? null, after };
  const items = (v: unknown): unknown[] | undefined =>
    Array.isArray(v)
      ? v
      : SPACE_SETS.has(field) && typeof v === 'string'
        ? v.split(/\s+/).filter(Boolean)
        : v === null || v === undefined
          ? []
          : undefined;
  const was = items(before);
  const will = items(after);
  if (was && will && (Array.isArray(after) || SPACE_SETS.has(field))) {
    const has = (list: unknown[], x: unknown) => list.some((y) => same(x, y));
    out.added = will.filter((x) => !has(was, x));
    out.removed = was.filter((x) => !has(will, x));
  }
  return out;
}

/** Leaf-level differences between two metadata objects, as dotted fields; removed keys have `after` undefined. */
function leafChanges(prefix: string, before: Obj, after: Obj, out: FieldChange[]): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const field = `${prefix}.${key}`;
    const was = own(before, key) ? before[key] : undefined;
    const will = own(after, key) ? after[key] : undefined;
    if (isObj(was) && isObj(will)) {
      leafChanges(field, was, will, out);
      continue;
    }
    if (own(before, key) && own(after, key) && same(was, will)) continue;
    const entry: FieldChange = { field, before: was, after: will };
    if (HIDDEN_VALUE.test(key)) {
      entry.before = was === undefined ? undefined : '(hidden)';
      entry.after = will === undefined ? undefined : '(hidden)';
    }
    out.push(entry);
  }
}
