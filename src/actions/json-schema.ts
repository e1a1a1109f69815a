/**
 * zod → strict-ready JSON Schema for tool parameters (provider-neutral; the OpenAI wrapper is llm/openai-tools.ts).
 *
 * zod 4's own converter gives draft-7 JSON Schema; this module then applies the "strict" rules that OpenAI strict
 * function calling (and most other providers) need: every property listed in `required`, originally-optional
 * properties made nullable (the model sends `null` for "absent"; parse-args strips nulls before validating),
 * `additionalProperties: false` on every object, and no open objects (records) — those throw here so a bad action
 * fails at test time, not at the provider. The output is kept compact because the tool list is sent on every call:
 * `type: ["string","null"]` instead of `anyOf`, and no `$schema` or ±2^53 integer bounds.
 */
import { z } from 'zod';
import type { Action } from './define-action.js';
import { isHiddenParam, isJsonObjectParam } from './params.js';

type Json = Record<string, unknown>;

/** A tool as the model sees it (structurally the same as llm/model.ts ToolSpec). */
export interface ToolSpecLike {
  name: string;
  description: string;
  parameters: Json;
}

/** Keywords the strict pass accepts; anything else throws (better a failing test than a 400 from the provider). */
const ALLOWED_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'description',
  'anyOf',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
]);
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Converts an action's zod params to a strict-ready JSON Schema object. Throws on records/open objects. */
export function toStrictJsonSchema(params: z.ZodObject): Json {
  const raw = z.toJSONSchema(params, {
    target: 'draft-7',
    // The input side: jsonObject() params are strings for the model and objects after parsing.
    io: 'input',
    override: (ctx) => {
      if (isJsonObjectParam(ctx.zodSchema)) {
        const json = ctx.jsonSchema as Json;
        for (const key of Object.keys(json)) if (key !== 'description') delete json[key];
        json.type = 'string';
      }
    },
  }) as Json;
  delete raw.$schema;
  hideFixedParams(params, raw);
  return strictify(raw, '<root>');
}

/** Drops `fixed()` params (constants the API needs, filled in by their zod default) from what the model sees. */
function hideFixedParams(params: z.ZodObject, schema: Json): void {
  const properties = schema.properties as Json | undefined;
  if (!properties) return;
  for (const [key, field] of Object.entries(params.shape)) {
    if (!isHiddenParam(field)) continue;
    delete properties[key];
    if (Array.isArray(schema.required)) schema.required = schema.required.filter((k) => k !== key);
  }
}

function strictify(node: Json, path: string): Json {
  for (const key of Object.keys(node)) {
    if (!ALLOWED_KEYWORDS.has(key))
      throw new Error(`Schema at ${path} uses unsupported keyword "${key}" (strict mode).`);
  }
  // zod adds ±(2^53-1) bounds to every int; they carry no information and cost tokens.
  if (node.minimum === -MAX_SAFE) delete node.minimum;
  if (node.maximum === MAX_SAFE) delete node.maximum;

  if (node.type === 'object' || node.properties !== undefined) {
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
      throw new Error(`Schema at ${path} is an open object (record); strict mode needs fixed properties.`);
    }
    const properties = (node.properties ?? {}) as Json;
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    const out: Json = {};
    for (const [key, child] of Object.entries(properties)) {
      const strictChild = strictify(child as Json, `${path}.${key}`);
      out[key] = required.has(key) ? strictChild : nullable(strictChild, `${path}.${key}`);
    }
    const result: Json = { ...node, properties: out, required: Object.keys(out), additionalProperties: false };
    if (node.type === undefined) result.type = 'object';
    return result;
  }
  if (node.items !== undefined) {
    if (Array.isArray(node.items) || typeof node.items !== 'object')
      throw new Error(`Schema at ${path} uses tuple items.`);
    return { ...node, items: strictify(node.items as Json, `${path}[]`) };
  }
  if (Array.isArray(node.anyOf)) {
    return { ...node, anyOf: node.anyOf.map((branch, i) => strictify(branch as Json, `${path}|${i}`)) };
  }
  return node;
}

/** Makes a schema accept null as well, as compactly as possible. */
function nullable(node: Json, path: string): Json {
  const type = node.type;
  if (typeof type === 'string' && node.anyOf === undefined && node.const === undefined) {
    const out: Json = { ...node, type: type === 'null' ? 'null' : [type, 'null'] };
    if (Array.isArray(node.enum) && !node.enum.includes(null)) out.enum = [...node.enum, null];
    return out;
  }
  if (Array.isArray(type)) return type.includes('null') ? node : { ...node, type: [...type, 'null'] };
  if (Array.isArray(node.anyOf)) {
    const hasNull = node.anyOf.some((b) => (b as Json).type === 'null');
    return hasNull ? node : { ...node, anyOf: [...node.anyOf, { type: 'null' }] };
  }
  if (type === undefined && node.const === undefined && node.enum === undefined) {
    throw new Error(`Schema at ${path} has no type; cannot make it nullable.`);
  }
  const { description, ...rest } = node;
  return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: 'null' }] };
}

const specCache = new WeakMap<Action, ToolSpecLike>();

/** The provider-neutral tool list for `actions` (cached per action object). */
export function toolSpecs(actions: readonly Action[]): ToolSpecLike[] {
  return actions.map((action) => {
    let spec = specCache.get(action);
    if (!spec) {
      spec = { name: action.name, description: action.description, parameters: toStrictJsonSchema(action.params) };
      specCache.set(action, spec);
    }
    return spec;
  });
}
