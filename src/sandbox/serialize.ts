/**
 * Response text with two caches, both dropped on every mutation (any non-GET) and on reset:
 * - the JSON text of each object already serialised (stored records are returned by reference, so a list of 10
 *   users is 10 lookups instead of 16 KB of JSON.stringify);
 * - the whole body (and its UTF-8 bytes) of a successful GET whose path and query were seen recently, so
 *   repeated reads allocate almost nothing per request. One-off queries are not cached: short-lived bodies die
 *   young, while cached ones would be promoted to the old generation and cost major GCs.
 * Reads never change state and no GET response depends on the clock, so a cached body is always current.
 */

/** A cached GET body. */
export interface CachedBody {
  body: string;
  /** UTF-8 bytes of `body`, filled in by the HTTP server on first use. */
  bytes?: Buffer;
}

/** Serialiser plus GET cache of one sandbox. */
export interface ResponseCache {
  toJson(value: unknown): string;
  getBody(key: string): CachedBody | undefined;
  /** Remember `body` for `key` if the key was requested recently; returns the cache entry when it did. */
  putBody(key: string, body: string): CachedBody | undefined;
  invalidate(): void;
}

/** Bodies kept at most (the cache is cleared when it fills; mutations clear it anyway). */
const MAX_BODIES = 100;
/** Recently requested keys remembered for admission. */
const MAX_SEEN = 1_000;

/** Create an empty cache. */
export function createResponseCache(): ResponseCache {
  let objects = new WeakMap<object, string>();
  let bodies = new Map<string, CachedBody>();
  let seen = new Set<string>();
  const one = (item: unknown): string => {
    if (item === null || typeof item !== 'object') return JSON.stringify(item);
    let text = objects.get(item);
    if (text === undefined) {
      text = JSON.stringify(item);
      objects.set(item, text);
    }
    return text;
  };
  const list = (items: unknown[]): string => '[' + items.map(one).join(',') + ']';
  return {
    toJson(value) {
      if (Array.isArray(value)) return list(value);
      if (
        value !== null &&
        typeof value === 'object' &&
        Array.isArray((value as { data?: unknown }).data) &&
        Object.keys(value).length === 2 &&
        'total_count' in value
      ) {
        const v = value as { data: unknown[]; total_count: unknown };
        return `{"data":${list(v.data)},"total_count":${JSON.stringify(v.total_count)}}`;
      }
      return one(value);
    },
    getBody: (key) => bodies.get(key),
    putBody(key, body) {
      if (!seen.has(key)) {
        if (seen.size >= MAX_SEEN) seen = new Set();
        seen.add(key);
        return undefined;
      }
      if (bodies.size >= MAX_BODIES) bodies = new Map();
      const cached: CachedBody = { body };
      bodies.set(key, cached);
      return cached;
    },
    invalidate() {
      objects = new WeakMap();
      bodies = new Map();
    },
  };
}
