/**
 * Query-string conventions of the Backend API: `limit` 1–500 (default 10) and `offset` ≥ 0, array params as
 * repeated keys (the bracket form `key[]` is also accepted), `+`/`-` include/exclude prefixes, `true`/`false`
 * booleans, Unix-ms integers, and `order_by=[+|-]field` where only the first value counts.
 */
import { ClerkHttpError, paramValueInvalid, type ClerkErrorEntry } from './errors.js';

const INTEGER = /^-?\d+$/;

function fail(entry: ClerkErrorEntry): never {
  throw new ClerkHttpError(422, [entry]);
}

/** Every value of an array parameter (`k=a&k=b` or `k[]=a`). More than 100 values is a 422. */
export function queryArray(query: URLSearchParams, name: string): string[] {
  const values = query.getAll(name);
  const bracketed = query.getAll(name + '[]');
  const all = bracketed.length > 0 ? values.concat(bracketed) : values;
  if (all.length > 100) {
    fail({
      code: 'form_param_exceeds_allowed_size',
      message: 'too many values',
      long_message: `${name} accepts up to 100 values (got ${all.length}).`,
      meta: { param_name: name },
    });
  }
  return all;
}

/** First value of a scalar parameter, or undefined. */
export function queryString(query: URLSearchParams, name: string): string | undefined {
  const v = query.get(name);
  return v === null ? undefined : v;
}

/** A `true`/`false` parameter. */
export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return fail(
    paramValueInvalid(
      name,
      `${v} does not match one of the allowed values for parameter ${name} (allowed: true, false).`,
    ),
  );
}

/** An integer parameter (e.g. a Unix-ms timestamp). */
export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  if (!INTEGER.test(v))
    return fail(
      paramValueInvalid(
        name,
        `${name} must be an integer (got "${v}"). Timestamps are Unix epoch milliseconds, e.g. 1700690400000.`,
      ),
    );
  return Number(v);
}

/** `limit` (1–500, default 10) and `offset` (≥ 0, default 0). */
export function pagination(query: URLSearchParams): { limit: number; offset: number } {
  const limit = queryInt(query, 'limit') ?? 10;
  const offset = queryInt(query, 'offset') ?? 0;
  if (limit > 500) {
    fail({
      code: 'form_param_value_too_large',
      message: 'Value too large',
      long_message: `The value of limit can't be greater than 500`,
      meta: { param_name: 'limit' },
    });
  }
  if (limit < 1) fail(paramValueInvalid('limit', `limit must be between 1 and 500 (got ${limit}).`));
  if (offset < 0) fail(paramValueInvalid('offset', `offset must be greater than or equal to 0 (got ${offset}).`));
  return { limit, offset };
}

/** Split `+id`/`id` (include) from `-id` (exclude) values. `include` is undefined when no include values exist. */
export function plusMinus(values: string[]): { include: Set<string> | undefined; exclude: Set<string> } {
  let include: Set<string> | undefined;
  const exclude = new Set<string>();
  for (const raw of values) {
    // An unencoded `+` arrives as a space (form decoding); treat it as the `+` it was meant to be.
    if (raw.startsWith('-')) exclude.add(raw.slice(1));
    else (include ??= new Set()).add(raw.startsWith('+') || raw.startsWith(' ') ? raw.slice(1) : raw);
  }
  return { include, exclude };
}

/** Parsed `order_by`. */
export interface OrderBy {
  field: string;
  desc: boolean;
}

/** Parse `order_by` against the allowed fields; unknown fields are a 422. */
export function orderBy(
  query: URLSearchParams,
  allowed: readonly string[],
  fallback: string | undefined,
): OrderBy | undefined {
  const raw = query.get('order_by') || fallback;
  if (!raw) return undefined;
  const desc = raw.startsWith('-');
  // `+` sent unencoded decodes to a space.
  const field = raw.startsWith('-') || raw.startsWith('+') || raw.startsWith(' ') ? raw.slice(1) : raw;
  if (!allowed.includes(field)) {
    fail(
      paramValueInvalid(
        'order_by',
        `${raw} does not match one of the allowed values for parameter order_by (allowed: ${allowed.join(', ')}, each optionally prefixed with + or -).`,
      ),
    );
  }
  return { field, desc };
}

/** Sort a copy of `items` by a key; nulls last in either direction; ties keep their input order. */
export function sortBy<T>(
  items: readonly T[],
  key: (item: T) => string | number | null | undefined,
  desc: boolean,
): T[] {
  const keyed = items.map((item, i) => ({ item, i, k: key(item) }));
  keyed.sort((a, b) => {
    const an = a.k === null || a.k === undefined;
    const bn = b.k === null || b.k === undefined;
    if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
    const cmp =
      typeof a.k === 'string' && typeof b.k === 'string' ? a.k.localeCompare(b.k) : (a.k as number) - (b.k as number);
    return cmp === 0 ? a.i - b.i : desc ? -cmp : cmp;
  });
  return keyed.map((k) => k.item);
}

/** The page `[offset, offset+limit)` of `items`. */
export function page<T>(items: readonly T[], p: { limit: number; offset: number }): T[] {
  return items.slice(p.offset, p.offset + p.limit);
}

/** `{data, total_count}`: the paginated list shape. */
export function paginated<T>(data: T[], totalCount: number): { data: T[]; total_count: number } {
  return { data, total_count: totalCount };
}
