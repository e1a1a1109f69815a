/**
 * Turns the model's raw tool-call arguments into validated API values, or a message the model can act on.
 *
 * Steps: JSON.parse → strip nulls (strict schemas make the model send `null` for every absent optional) → zod
 * safeParse of the action's params (strict objects: unknown fields are rejected; jsonObject() params become real
 * objects). Errors name the field, what was expected and what was received, and never throw.
 */
import type { z } from 'zod';
import type { Action } from './define-action.js';
import { isJsonObjectParam, isPlainObject } from './params.js';

/** Result of parsing one tool call's arguments. */
export type ParseResult = { ok: true; args: Record<string, unknown> } | { ok: false; message: string };

const MAX_ISSUES = 5;

/** Parses and validates `raw` (the model's JSON text) against `action.params`. */
export function parseToolArguments(action: Action, raw: string): ParseResult {
  const text = typeof raw === 'string' ? raw.trim() : '';
  let parsed: unknown;
  if (text === '') {
    parsed = {}; // some models send "" for tools without required params
  } else {
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return {
        ok: false,
        message: `Arguments for ${action.name} are not valid JSON (${(error as Error).message}). Send one JSON object, e.g. ${example(action)}.`,
      };
    }
  }
  if (!isPlainObject(parsed)) {
    return {
      ok: false,
      message: `Arguments for ${action.name} must be a JSON object, received ${describe(parsed)}. Example: ${example(action)}.`,
    };
  }
  const input = stripNulls(parsed, action.params);
  const result = action.params.safeParse(input);
  if (result.success) return { ok: true, args: result.data as Record<string, unknown> };
  const problems = result.error.issues.slice(0, MAX_ISSUES).map((issue) => explain(issue, input, action));
  const more = result.error.issues.length > MAX_ISSUES ? ` (and ${result.error.issues.length - MAX_ISSUES} more)` : '';
  return {
    ok: false,
    message: `Invalid arguments for ${action.name}: ${problems.join('; ')}${more}. Fix them and call ${action.name} again.`,
  };
}

/**
 * Drops null-valued properties, recursively through nested objects and arrays of objects. Values of jsonObject()
 * params are left alone: inside metadata, `null` means "delete this key" (Clerk's merge semantics).
 * Built with Object.fromEntries so a `__proto__` key stays an ordinary (and rejected) field.
 */
function stripNulls(value: Record<string, unknown>, params?: z.ZodObject): Record<string, unknown> {
  const shape = params?.shape as Record<string, z.core.$ZodType> | undefined;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, shape && Object.hasOwn(shape, k) && isJsonObjectParam(shape[k]) ? v : stripDeep(v)]),
  );
}

function stripDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? stripNulls(item) : item));
  return isPlainObject(value) ? stripNulls(value) : value;
}

function explain(issue: z.core.$ZodIssue, input: Record<string, unknown>, action: Action): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(arguments)';
  const received = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = Object.keys(action.params.shape).join(', ') || 'none';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: ${allowed})`;
    }
    case 'invalid_type': {
      if (received.missing) return `${field}: required, expected ${typeName(issue.expected)}, received nothing`;
      return `${field}: expected ${typeName(issue.expected)}, received ${describe(received.value)}`;
    }
    case 'invalid_value':
      return `${field}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, received ${describe(received.value)}`;
    case 'invalid_union':
      if (isJsonObjectParam(action.params.shape[String(issue.path[0])])) {
        return `${field}: expected a JSON object as a string, e.g. "{\\"plan\\":\\"pro\\"}", received ${describe(received.value)}`;
      }
      return `${field}: ${issue.message}, received ${describe(received.value)}`;
    case 'custom':
      // jsonObject() messages already say what was received.
      return issue.message.includes('received')
        ? `${field}: ${issue.message}`
        : `${field}: ${issue.message}, received ${describe(received.value)}`;
    default:
      return `${field}: ${issue.message.replace(/^Too (small|big): /, '')}, received ${describe(received.value)}`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { missing: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
      return { missing: true, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { missing: current === undefined, value: current };
}

function typeName(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'record') return 'an object';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** A short, safe rendering of a received value with its JSON type. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  if (text.length > 60) text = `${text.slice(0, 59)}…`;
  return type === 'null' ? 'null' : `${text} (${type})`;
}

/** A minimal valid-looking example from the action's required fields, e.g. {"user_id":"…"}. */
function example(action: Action): string {
  const required = Object.entries(action.params.shape)
    .filter(([, schema]) => !(schema as z.ZodType).safeParse(undefined).success)
    .map(([key]) => `"${key}":"…"`);
  return `{${required.join(',')}}`;
}
