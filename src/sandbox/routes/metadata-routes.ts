/**
 * `PATCH|PUT /users/{user_id}/metadata` and `PATCH|PUT /organizations/{organization_id}/metadata`: PATCH deep-merges
 * each given field (null deletes a key at any level); PUT replaces each given field whole; omitted fields stay.
 * A PUT value of null stores `{}` (the field is an object in Clerk's schema).
 */
import { assertMetadataSizes, deepMerge } from '../metadata.js';
import type { Route, RouteContext } from '../router.js';
import type { JsonObject } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { requireOrganization } from './organizations.js';
import { requireUser } from './users.js';

type Mode = 'merge' | 'replace';

function spec(fields: readonly string[], mode: Mode): BodySpec {
  return Object.fromEntries(fields.map((f) => [f, { type: 'object', nullable: mode === 'replace' }]));
}

/** Apply a metadata body to `target` after validating it fully (nothing changes on a 4xx). */
function applyMetadata(
  ctx: RouteContext,
  target: Record<string, unknown> & { updated_at: number },
  fields: readonly string[],
  mode: Mode,
): void {
  const body = validateBody(ctx.json(), spec(fields, mode));
  const next: Record<string, JsonObject> = {};
  for (const field of fields) {
    const value = body[field] as JsonObject | null | undefined;
    if (value === undefined) continue;
    next[field] =
      mode === 'merge'
        ? deepMerge((target[field] as JsonObject | undefined) ?? {}, value ?? {})
        : structuredClone(value ?? {});
  }
  assertMetadataSizes(next);
  Object.assign(target, next);
  target.updated_at = ctx.store.now();
}

const USER_FIELDS = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;
const ORG_FIELDS = ['public_metadata', 'private_metadata'] as const;

function userMetadata(mode: Mode) {
  return (ctx: RouteContext) => {
    const user = requireUser(ctx.store, ctx.params.user_id!);
    applyMetadata(ctx, user as unknown as Record<string, unknown> & { updated_at: number }, USER_FIELDS, mode);
    return user;
  };
}

function orgMetadata(mode: Mode) {
  return (ctx: RouteContext) => {
    const org = requireOrganization(ctx.store, ctx.params.organization_id!);
    applyMetadata(ctx, org as unknown as Record<string, unknown> & { updated_at: number }, ORG_FIELDS, mode);
    return org;
  };
}

/** The four metadata routes. */
export const metadataRoutes: Route[] = [
  { method: 'PATCH', pattern: '/users/{user_id}/metadata', handle: userMetadata('merge') },
  { method: 'PUT', pattern: '/users/{user_id}/metadata', handle: userMetadata('replace') },
  { method: 'PATCH', pattern: '/organizations/{organization_id}/metadata', handle: orgMetadata('merge') },
  { method: 'PUT', pattern: '/organizations/{organization_id}/metadata', handle: orgMetadata('replace') },
];
