/**
 * Shared parameter builders for the action files. They keep descriptions short and identical across actions
 * (every token of the tool list is paid on every model call) and mark the few params that need special handling
 * by the JSON Schema pass (json-schema.ts) and argument parsing (parse-args.ts).
 */
import { z } from 'zod';

// Marks are kept on the schema's `def`, which `.describe()`/`.meta()` clones share, so a described param keeps it.
/** Defs of schemas built by `jsonObject()`: shown to the model as a string, parsed into a plain object. */
const jsonObjectDefs = new WeakSet<object>();
/** Defs of schemas built by `fixed()`: not shown to the model, always filled in by their default. */
const hiddenDefs = new WeakSet<object>();

/** True when `value` is a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A free-form JSON object param (metadata, JWT claims). Strict mode cannot express open objects, so the model sends
 * the object as JSON text; parsing turns it into the real object. A plain object is also accepted, so parsing is
 * idempotent (validated args can be validated again) and lenient models that send an object still work.
 */
export function jsonObject() {
  const schema = z.union([z.string(), z.record(z.string(), z.unknown())]).transform((value, ctx) => {
    if (typeof value !== 'string') return value;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (isPlainObject(parsed)) return parsed;
    ctx.addIssue({
      code: 'custom',
      message: `expected a JSON object as a string, e.g. "{\\"plan\\":\\"pro\\"}", received ${JSON.stringify(truncate(value, 60))}`,
    });
    return z.NEVER;
  });
  jsonObjectDefs.add(schema._zod.def);
  return schema;
}

/** True for a schema built by `jsonObject()` (optional/described wrappers included). */
export function isJsonObjectParam(schema: z.core.$ZodType | undefined): boolean {
  return schema !== undefined && jsonObjectDefs.has(unwrap(schema)._zod.def);
}

/** A constant the API requires but the model has no choice about (e.g. `is_satellite: true`): hidden from the model. */
export function fixed<const T extends string | number | boolean>(value: T) {
  const schema = z.literal(value).default(value as never);
  hiddenDefs.add(schema._zod.def);
  return schema;
}

/** True for a schema built by `fixed()`. */
export function isHiddenParam(schema: z.core.$ZodType | undefined): boolean {
  return schema !== undefined && hiddenDefs.has(schema._zod.def);
}

/** Peels `.optional()` / `.nullable()` wrappers (`.describe()` keeps the same inner def). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let i = 0; i < 5; i++) {
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'nullable')
      current = (def as unknown as { innerType: z.core.$ZodType }).innerType;
    else break;
  }
  return current;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ---- shared params (short, identical phrasing everywhere) ----

// Bounds below are refinements, not .min()/.max(): they are enforced (with a message the model can act on) but not
// spelled out in the JSON Schema, which saves ~12 tokens per list tool on every model call.
/** Page size, 1–500 (Clerk default 10). */
export const limit = () =>
  z
    .number()
    .int()
    .refine((v) => v >= 1 && v <= 500, { message: 'must be 1–500 (Clerk default 10)' })
    .optional();
/** Rows to skip, ≥ 0. */
export const offset = () =>
  z
    .number()
    .int()
    .refine((v) => v >= 0, { message: 'must be ≥ 0' })
    .optional();
/** A timestamp filter: Clerk takes Unix epoch milliseconds. */
export const unixMs = () => z.number().int().optional();
/**
 * An id (path param or required id field). Checked with a refinement rather than `.min(1)`/`.regex()` so the JSON
 * Schema stays short; an empty id or a bare `.`/`..` would change which URL a path param points at.
 */
export const id = () =>
  z.string().refine((v) => /^[^\s/?#]+$/.test(v) && v !== '.' && v !== '..', {
    message: 'must be an id such as user_2x… (non-empty, no spaces or slashes)',
  });
/** A required free-text value (name, email, identifier) that must not be empty; a refinement keeps the schema short. */
export const text = () => z.string().refine((v) => v.trim().length > 0, { message: 'must not be empty' });
/** A list filter of values (repeated query key; ≤100). */
export const list = () => z.array(z.string()).optional();
/** `order_by`: one field, optional `+`/`-` prefix. */
export const orderBy = (fields: string) => z.string().optional().describe(`${fields} (- = desc)`);
/** An optional free-form JSON object param, sent as JSON text. */
export const metadata = () => jsonObject().optional().describe('JSON object');
/** An organization role key. */
export const role = () => text().describe('e.g. org:admin, org:member');
