import { toStrictJsonSchema as openaiStrict } from 'openai/lib/transform';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allActions } from '../../src/actions/index.js';
import { toStrictJsonSchema, toolSpecs } from '../../src/actions/json-schema.js';
import { fixed, jsonObject } from '../../src/actions/params.js';
import { toOpenAITools } from '../../src/llm/openai-tools.js';

type Json = Record<string, unknown>;

// Keywords OpenAI strict function calling accepts (structured outputs "supported schemas").
// Written out here on purpose, not imported from json-schema.ts: an independent oracle catches a keyword wrongly
// added to the source's list, which a shared list could not.
const SUPPORTED = new Set([
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

/** Our own strict-mode checker: walks every node; returns the problems found. */
function strictProblems(node: Json, path = '<root>'): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(node)) if (!SUPPORTED.has(key)) problems.push(`${path}: unsupported keyword ${key}`);
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('object')) {
    if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
    const keys = Object.keys((node.properties ?? {}) as Json);
    if (JSON.stringify(node.required) !== JSON.stringify(keys))
      problems.push(`${path}: required must list every property`);
    for (const [k, child] of Object.entries((node.properties ?? {}) as Json))
      problems.push(...strictProblems(child as Json, `${path}.${k}`));
  }
  if (types.includes('array')) {
    if (!node.items || Array.isArray(node.items)) problems.push(`${path}: array needs a single items schema`);
    else problems.push(...strictProblems(node.items as Json, `${path}[]`));
  }
  if (Array.isArray(node.anyOf))
    node.anyOf.forEach((b, i) => problems.push(...strictProblems(b as Json, `${path}|${i}`)));
  if (
    Math.abs(Number(node.minimum)) === Number.MAX_SAFE_INTEGER ||
    Math.abs(Number(node.maximum)) === Number.MAX_SAFE_INTEGER
  ) {
    problems.push(`${path}: ±2^53 bound left in`);
  }
  return problems;
}

describe('toStrictJsonSchema over the 48 actions', () => {
  const specs = toolSpecs(allActions);

  it.each(specs.map((s) => [s.name, s] as const))(
    '%s passes the OpenAI SDK strict validator unchanged',
    (_name, spec) => {
      // The SDK throws on anything strict mode cannot take, and would add whatever is missing: equality proves
      // our schema is already strict.
      expect(openaiStrict(spec.parameters as never)).toEqual(spec.parameters);
    },
  );

  it.each(specs.map((s) => [s.name, s] as const))('%s passes our strict walker', (_name, spec) => {
    expect(spec.parameters.$schema).toBeUndefined();
    expect(spec.parameters.type).toBe('object');
    expect(strictProblems(spec.parameters)).toEqual([]);
  });

  it('keeps required fields non-nullable and makes optional ones nullable', () => {
    const params = specs.find((s) => s.name === 'clerk_user_update')!.parameters as {
      properties: Record<string, Json>;
    };
    expect(params.properties.user_id).toEqual({ type: 'string' });
    expect(params.properties.first_name).toEqual({ type: ['string', 'null'] });
    expect(params.properties.public_metadata).toEqual({ type: ['string', 'null'], description: 'JSON object' });
  });

  it('writes nullable enums compactly, with null in the enum', () => {
    const params = specs.find((s) => s.name === 'clerk_invitations_list')!.parameters as {
      properties: Record<string, Json>;
    };
    expect(params.properties.status).toEqual({
      type: ['string', 'null'],
      enum: ['pending', 'accepted', 'revoked', 'expired', null],
    });
  });

  it('shows JWT claims as a required JSON string', () => {
    const params = specs.find((s) => s.name === 'clerk_jwt_template_create')!.parameters as {
      properties: Record<string, Json>;
    };
    expect(params.properties.claims!.type).toBe('string');
    expect(String(params.properties.claims!.description)).toMatch(/^JSON object/);
  });

  it('hides fixed() constants from the model (domain is_satellite)', () => {
    const params = specs.find((s) => s.name === 'clerk_domain_create')!.parameters as {
      properties: Json;
      required: string[];
    };
    expect(Object.keys(params.properties)).toEqual(['name', 'proxy_url']);
    expect(params.required).toEqual(['name', 'proxy_url']);
  });

  it('caches specs per action', () => {
    expect(toolSpecs(allActions)[0]).toBe(toolSpecs(allActions)[0]);
  });

  it('matches the file snapshot of the full OpenAI tool list (what the model sees)', async () => {
    const tools = toOpenAITools(toolSpecs(allActions));
    await expect(JSON.stringify(tools, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/openai-tools.json');
  });
});

describe('toStrictJsonSchema on hand-written schemas', () => {
  it('throws on records and other open objects', () => {
    expect(() => toStrictJsonSchema(z.object({ meta: z.record(z.string(), z.string()) }))).toThrow(/meta/);
    expect(() => toStrictJsonSchema(z.looseObject({ a: z.string() }))).toThrow(/open object/);
  });

  it('drops the ±2^53 bounds zod puts on int() but keeps real bounds', () => {
    const schema = toStrictJsonSchema(
      z.object({ n: z.number().int(), d: z.number().int().min(1).max(365).optional() }),
    );
    expect(schema.properties).toEqual({
      n: { type: 'integer' },
      d: { type: ['integer', 'null'], minimum: 1, maximum: 365 },
    });
  });

  it('makes nested objects strict and optional nested objects nullable', () => {
    const schema = toStrictJsonSchema(
      z.object({ o: z.object({ a: z.string(), b: z.boolean().optional() }).optional() }),
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        o: {
          type: ['object', 'null'],
          properties: { a: { type: 'string' }, b: { type: ['boolean', 'null'] } },
          required: ['a', 'b'],
          additionalProperties: false,
        },
      },
      required: ['o'],
      additionalProperties: false,
    });
    expect(openaiStrict(schema as never)).toEqual(schema);
  });

  it('makes optional unions nullable: type arrays stay compact, anyOf gains a null branch', () => {
    const simple = toStrictJsonSchema(z.object({ u: z.union([z.string(), z.number()]).optional().describe('either') }));
    expect((simple.properties as Record<string, Json>).u).toEqual({
      description: 'either',
      type: ['string', 'number', 'null'],
    });
    const mixed = toStrictJsonSchema(
      z.object({
        u: z
          .union([z.string(), z.object({ a: z.string() })])
          .optional()
          .describe('either'),
      }),
    );
    const u = (mixed.properties as Record<string, Json>).u!;
    expect(u.description).toBe('either');
    expect(u.anyOf).toEqual([
      { type: 'string' },
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
      { type: 'null' },
    ]);
    expect(openaiStrict(mixed as never)).toEqual(mixed);
  });

  it('shows jsonObject() as a string and fixed() not at all', () => {
    const schema = toStrictJsonSchema(z.object({ m: jsonObject().describe('JSON object'), k: fixed(true) }));
    expect(schema.properties).toEqual({ m: { type: 'string', description: 'JSON object' } });
    expect(schema.required).toEqual(['m']);
  });

  it('rejects unsupported keywords instead of sending them to the provider', () => {
    expect(() => toStrictJsonSchema(z.object({ t: z.tuple([z.string(), z.number()]) }))).toThrow(
      /unsupported keyword|tuple/,
    );
  });
});
