/** Metadata semantics of `PATCH …/metadata` (deep merge, null deletes) and `PUT …/metadata` (replace per field). */
import { ClerkHttpError, type ClerkErrorEntry } from './errors.js';
import type { JsonObject } from './types.js';

/** Clerk caps each metadata object at 8 KB of JSON. */
export const METADATA_MAX_BYTES = 8192;

function isPlainObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Deep-merge `patch` into a copy of `base`: nested objects merge, any other value replaces, and `null` removes the
 * key at any level. Neither input is modified.
 */
export function deepMerge(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = deepMerge(out[key] as JsonObject, value);
    } else if (isPlainObject(value)) {
      out[key] = deepMerge({}, value);
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}

/** Error entry when a metadata object is larger than Clerk allows, else undefined. */
export function checkMetadataSize(name: string, value: JsonObject): ClerkErrorEntry | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes <= METADATA_MAX_BYTES) return undefined;
  return {
    code: 'form_param_exceeds_allowed_size',
    message: 'exceeds allowed size',
    long_message: `${name} exceeds the maximum allowed size of ${METADATA_MAX_BYTES} bytes (got ${bytes}).`,
    meta: { param_name: name },
  };
}

/** Throw a 422 when any of the given metadata values is too large. */
export function assertMetadataSizes(values: Record<string, JsonObject | undefined>): void {
  const errors: ClerkErrorEntry[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const problem = checkMetadataSize(name, value);
    if (problem) errors.push(problem);
  }
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
}
