/**
 * JWT template routes: list (bare array; `{data,total_count}` with `paginated=true`), get, create, update, delete.
 * Update is a full replace despite being a PATCH: `name` and `claims` are required (REFERENCE.md §3.38). Reserved
 * claims are refused; names are unique. A custom signing key is accepted but never stored or returned.
 */
import {
  clerkError,
  ClerkHttpError,
  identifierExists,
  notFound,
  paramMissing,
  type ClerkErrorEntry,
} from '../errors.js';
import { assertMetadataSizes } from '../metadata.js';
import { newJwtTemplate } from '../objects/instance-resources.js';
import { page, paginated, pagination, queryBool, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { Store } from '../store.js';
import type { JsonObject, JwtTemplateRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { removeRecord } from './remove-record.js';

const BODY: BodySpec = {
  name: { type: 'string', required: true, maxLength: 256 },
  claims: { type: 'object', required: true },
  lifetime: { type: 'integer', nullable: true, min: 30, max: 315_360_000 },
  allowed_clock_skew: { type: 'integer', nullable: true, min: 0, max: 300 },
  custom_signing_key: { type: 'boolean' },
  signing_algorithm: {
    type: 'string',
    nullable: true,
    enum: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'EdDSA'],
  },
  signing_key: { type: 'string', nullable: true },
};

/** Claims Clerk sets itself on every token. */
const RESERVED_CLAIMS = ['azp', 'exp', 'iat', 'iss', 'jti', 'nbf', 'sub'];

function requireTemplate(store: Store, id: string): JwtTemplateRecord {
  const t = store.state.jwtTemplates.find((x) => x.id === id);
  if (!t) throw notFound('jwt_template', id);
  return t;
}

function checkBody(store: Store, b: Record<string, unknown>, ownId: string | undefined): void {
  const errors: ClerkErrorEntry[] = [];
  const name = (b.name as string).trim();
  if (name === '')
    errors.push({
      code: 'form_param_value_invalid',
      message: 'is invalid',
      long_message: 'name is invalid. Must be not empty',
      meta: { param_name: 'name' },
    });
  if (store.state.jwtTemplates.some((t) => t.name === name && t.id !== ownId))
    errors.push(identifierExists('name', `A JWT template named "${name}" already exists.`));
  if (b.custom_signing_key === true) {
    if (typeof b.signing_algorithm !== 'string') errors.push(paramMissing('signing_algorithm'));
    if (typeof b.signing_key !== 'string') errors.push(paramMissing('signing_key'));
  }
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
  const reserved = Object.keys(b.claims as JsonObject).find((c) => RESERVED_CLAIMS.includes(c));
  if (reserved !== undefined) {
    throw clerkError(
      400,
      'jwt_template_reserved_claim',
      'reserved claim',
      `You can't use the reserved claim: '${reserved}'`,
      { param_name: 'claims' },
    );
  }
  assertMetadataSizes({ claims: b.claims as JsonObject });
}

function create(ctx: RouteContext): JwtTemplateRecord {
  const { store } = ctx;
  const b = validateBody(ctx.json(), BODY);
  checkBody(store, b, undefined);
  const t = newJwtTemplate(
    store.ids,
    {
      name: (b.name as string).trim(),
      claims: structuredClone(b.claims as JsonObject),
      lifetime: b.lifetime as number | null | undefined,
      allowedClockSkew: b.allowed_clock_skew as number | null | undefined,
      customSigningKey: b.custom_signing_key === true,
      signingAlgorithm: b.custom_signing_key === true ? (b.signing_algorithm as string) : null,
    },
    store.now(),
  );
  store.state.jwtTemplates.push(t);
  return t;
}

function update(ctx: RouteContext): JwtTemplateRecord {
  const { store } = ctx;
  const t = requireTemplate(store, ctx.params.template_id!);
  const b = validateBody(ctx.json(), BODY);
  checkBody(store, b, t.id);
  t.name = (b.name as string).trim();
  t.claims = structuredClone(b.claims as JsonObject);
  if (typeof b.lifetime === 'number') t.lifetime = b.lifetime;
  if (typeof b.allowed_clock_skew === 'number') t.allowed_clock_skew = b.allowed_clock_skew;
  if (typeof b.custom_signing_key === 'boolean') {
    t.custom_signing_key = b.custom_signing_key;
    t.signing_algorithm = b.custom_signing_key ? (b.signing_algorithm as string) : 'RS256';
  }
  t.updated_at = store.now();
  return t;
}

function remove(ctx: RouteContext): unknown {
  const list = ctx.store.state.jwtTemplates;
  const t = requireTemplate(ctx.store, ctx.params.template_id!);
  return removeRecord(list, t);
}

/** JWT template routes. */
export const jwtTemplateRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/jwt_templates',
    handle: (ctx) => {
      const p = pagination(ctx.query);
      const ordered = sortBy(ctx.store.state.jwtTemplates, (t) => t.created_at, false);
      const data = page(ordered, p);
      return queryBool(ctx.query, 'paginated') ? paginated(data, ordered.length) : data;
    },
  },
  { method: 'POST', pattern: '/jwt_templates', handle: create },
  {
    method: 'GET',
    pattern: '/jwt_templates/{template_id}',
    handle: (ctx) => requireTemplate(ctx.store, ctx.params.template_id!),
  },
  { method: 'PATCH', pattern: '/jwt_templates/{template_id}', handle: update },
  { method: 'DELETE', pattern: '/jwt_templates/{template_id}', handle: remove },
];
