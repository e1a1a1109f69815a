/**
 * Request-body validation in Clerk's terms. Each endpoint declares its body fields (the spec's schema,
 * additionalProperties: false); unknown fields, missing required fields and wrong types become 422 entries with
 * the real codes, all collected so the caller sees every problem at once.
 */
import {
  bodyInvalid,
  ClerkHttpError,
  maxLengthExceeded,
  paramMissing,
  paramUnknown,
  paramValueInvalid,
  type ClerkErrorEntry,
} from './errors.js';

export type FieldType = 'string' | 'boolean' | 'integer' | 'object' | 'string[]';

/** One body field as the spec declares it. */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  nullable?: boolean;
  /** integer bounds */
  min?: number;
  max?: number;
  /** string / string[] item maximum length */
  maxLength?: number;
  /** allowed values (string, or each item of string[]) */
  enum?: readonly string[];
  /** boolean fields whose only allowed value is this (domains.create `is_satellite: true`) */
  only?: boolean;
}

export type BodySpec = Readonly<Record<string, FieldSpec>>;

/**
 * Length bounds for string fields whose spec declares none. REFERENCE.md documents only some limits (names of
 * organizations, OAuth applications and JWT templates: 256; callback URLs: 1024), which the route specs carry. The
 * figures below are the sandbox's own choices where Clerk documents none: an email address cannot exceed 320
 * characters (RFC 5321: 64 + @ + 255), usernames 64 (Clerk's default maximum username length setting), external ids
 * and other identifiers 256, and any other string 1024 — so a 1 MB string is refused, never saved.
 */
const NAMED_MAX_LENGTH: Readonly<Record<string, number>> = {
  email_address: 320,
  identifier: 320,
  username: 64,
  external_id: 256,
  phone_number: 64,
  web3_wallet: 256,
};
const DEFAULT_MAX_LENGTH = 1024;

/**
 * Largest JSON size of one metadata (or other object) field. REFERENCE.md does not document one; Clerk's
 * dashboard documentation states 8 KB for user metadata, used here for every object field.
 */
export const MAX_OBJECT_BYTES = 8 * 1024;

function maxLengthOf(name: string, spec: FieldSpec): number {
  return spec.maxLength ?? NAMED_MAX_LENGTH[name] ?? DEFAULT_MAX_LENGTH;
}

/** Parse a request body; an empty body is `{}`. Throws 400 request_body_invalid for anything but a JSON object. */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw bodyInvalid(`malformed JSON (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw bodyInvalid(
      `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const TYPE_WORD: Record<FieldType, string> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  object: 'object',
  'string[]': 'array of strings',
};

function wrongType(name: string, value: unknown, type: FieldType): ClerkErrorEntry {
  return paramValueInvalid(
    name,
    `${name} is invalid. Received ${jsonType(value)}, must be of type ${TYPE_WORD[type]}.`,
  );
}

function checkField(name: string, value: unknown, spec: FieldSpec): ClerkErrorEntry | undefined {
  if (value === null) {
    return spec.nullable ? undefined : paramValueInvalid(name, `${name} must not be null.`);
  }
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return wrongType(name, value, spec.type);
      if (value.length > maxLengthOf(name, spec)) return maxLengthExceeded(name, maxLengthOf(name, spec));
      if (spec.enum && !spec.enum.includes(value)) return enumInvalid(name, value, spec.enum);
      return undefined;
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType(name, value, spec.type);
      if (spec.only !== undefined && value !== spec.only) {
        return paramValueInvalid(
          name,
          `${String(value)} does not match one of the allowed values for parameter ${name}. Only ${String(spec.only)} is accepted.`,
        );
      }
      return undefined;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType(name, value, spec.type);
      if (spec.max !== undefined && value > spec.max) {
        return {
          code: 'form_param_value_too_large',
          message: 'Value too large',
          long_message: `The value of ${name} can't be greater than ${spec.max}`,
          meta: { param_name: name },
        };
      }
      if (spec.min !== undefined && value < spec.min)
        return paramValueInvalid(name, `${name} must be at least ${spec.min} (got ${value}).`);
      return undefined;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return wrongType(name, value, spec.type);
      if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_OBJECT_BYTES) {
        return {
          code: 'form_param_exceeds_allowed_size',
          message: 'exceeds allowed size',
          long_message: `${name} exceeds the maximum allowed size of ${MAX_OBJECT_BYTES} bytes.`,
          meta: { param_name: name },
        };
      }
      return undefined;
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return wrongType(name, value, spec.type);
      for (const item of value as string[]) {
        if (item.length > maxLengthOf(name, spec)) return maxLengthExceeded(name, maxLengthOf(name, spec));
        if (spec.enum && !spec.enum.includes(item)) return enumInvalid(name, item, spec.enum);
      }
      return undefined;
  }
}

function enumInvalid(name: string, value: string, allowed: readonly string[]): ClerkErrorEntry {
  return paramValueInvalid(
    name,
    `${value} does not match one of the allowed values for parameter ${name} (allowed: ${allowed.join(', ')}).`,
  );
}

/**
 * Check `body` against `spec`. `rejected` names fields that exist in other API versions but not here, with a hint
 * (e.g. metadata on PATCH /users/{id} in 2026-05-12). Returns the body unchanged when valid; throws a 422 otherwise.
 */
export function validateBody(
  body: Record<string, unknown>,
  spec: BodySpec,
  rejected: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const errors: ClerkErrorEntry[] = [];
  for (const key of Object.keys(body)) {
    if (!Object.hasOwn(spec, key)) errors.push(paramUnknown(key, rejected[key]));
  }
  for (const [name, field] of Object.entries(spec)) {
    const value = Object.hasOwn(body, name) ? body[name] : undefined;
    if (value === undefined) {
      if (field.required) errors.push(paramMissing(name));
      continue;
    }
    const problem = checkField(name, value, field);
    if (problem) errors.push(problem);
  }
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
  return body;
}
