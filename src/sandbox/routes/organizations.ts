/**
 * Organization routes: list (`{data,total_count}`), get (by id or slug), create, update, delete. Creating with
 * `created_by` makes that user an admin; deleting removes the organization's memberships and invitations and
 * clears it from sessions. `members_count` is computed from memberships when `include_members_count=true`.
 */
import {
  clerkError,
  ClerkHttpError,
  identifierExists,
  notFound,
  paramFormatInvalid,
  paramValueInvalid,
  type ClerkErrorEntry,
} from '../errors.js';
import { isSlug, slugify } from '../formats.js';
import { assertMetadataSizes } from '../metadata.js';
import { ADMIN_ROLE } from '../objects/instance.js';
import { newMembership, newOrganization, renderOrganization } from '../objects/organization.js';
import {
  orderBy,
  page,
  paginated,
  pagination,
  plusMinus,
  queryArray,
  queryBool,
  queryString,
  sortBy,
} from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { Store } from '../store.js';
import type { JsonObject, OrganizationRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { isLegacyVersion } from '../versions.js';
import { dateField } from './user-checks.js';

const CREATE_ORG: BodySpec = {
  name: { type: 'string', required: true, maxLength: 256 },
  created_by: { type: 'string', nullable: true },
  private_metadata: { type: 'object', nullable: true },
  public_metadata: { type: 'object', nullable: true },
  slug: { type: 'string', nullable: true },
  max_allowed_memberships: { type: 'integer', nullable: true, min: 0 },
  created_at: { type: 'string', nullable: true },
  role_set_key: { type: 'string', nullable: true },
};

const UPDATE_ORG: BodySpec = {
  name: { type: 'string', nullable: true, maxLength: 256 },
  slug: { type: 'string', nullable: true },
  max_allowed_memberships: { type: 'integer', nullable: true, min: 0 },
  admin_delete_enabled: { type: 'boolean', nullable: true },
  created_at: { type: 'string', nullable: true },
  role_set_key: { type: 'string', nullable: true },
};

const METADATA_HINT =
  'As of API version 2026-05-12, metadata is updated with PATCH /v1/organizations/{organization_id}/metadata (deep merge) or PUT /v1/organizations/{organization_id}/metadata (replace).';

/** The organization for an id (or, when `allowSlug`, a slug), or a 404. */
export function requireOrganization(store: Store, idOrSlug: string, allowSlug = false): OrganizationRecord {
  const org = store.getOrganization(idOrSlug);
  if (!org || (!allowSlug && org.id !== idOrSlug)) throw notFound('organization', idOrSlug);
  return org;
}

function checkName(name: string, errors: ClerkErrorEntry[]): void {
  if (name.trim() === '') errors.push(paramValueInvalid('name', 'name is invalid. Must be not empty'));
  else if (/<[^>]*>|https?:\/\/|www\./i.test(name))
    errors.push(
      paramValueInvalid('name', `The organization name "${name}" is invalid: it may not contain URLs or HTML.`),
    );
}

function checkSlug(store: Store, slug: string, ownId: string | undefined, errors: ClerkErrorEntry[]): void {
  if (!isSlug(slug)) {
    errors.push(
      paramFormatInvalid('slug', 'slug can contain only lowercase alphanumeric characters and the dash "-".'),
    );
    return;
  }
  const other = store.getOrganization(slug);
  if (other && other.slug === slug && other.id !== ownId)
    errors.push(identifierExists('slug', 'This organization slug is already taken. Please try another.'));
}

function uniqueSlug(store: Store, name: string): string {
  const base = slugify(name);
  let slug = base;
  for (let n = 2; store.getOrganization(slug)?.slug === slug; n++) slug = `${base}-${n}`;
  return slug;
}

function listOrganizations(ctx: RouteContext): unknown {
  const { store, query } = ctx;
  const p = pagination(query);
  const order = orderBy(query, ['name', 'created_at', 'members_count'], '-created_at')!;
  const withCount = queryBool(query, 'include_members_count') === true;
  const q = queryString(query, 'query')?.trim().toLowerCase();
  const users = plusMinus(queryArray(query, 'user_id'));
  const orgIds = plusMinus(queryArray(query, 'organization_id'));
  const hasUserFilter = users.include !== undefined || users.exclude.size > 0;
  const matched = store.state.organizations.filter((o) => {
    if (q && o.id.toLowerCase() !== q && !o.name.toLowerCase().includes(q) && !o.slug.includes(q)) return false;
    if (orgIds.include && !orgIds.include.has(o.id)) return false;
    if (orgIds.exclude.has(o.id)) return false;
    if (hasUserFilter) {
      const members = store.membershipsOfOrganization(o.id);
      if (users.include && !members.some((m) => users.include!.has(m.user_id))) return false;
      if (members.some((m) => users.exclude.has(m.user_id))) return false;
    }
    return true;
  });
  const count = (o: OrganizationRecord) => store.membershipsOfOrganization(o.id).length;
  const key =
    order.field === 'name'
      ? (o: OrganizationRecord) => o.name.toLowerCase()
      : order.field === 'members_count'
        ? count
        : (o: OrganizationRecord) => o.created_at;
  const ordered = sortBy(matched, key, order.desc);
  const data = page(ordered, p).map((o) => renderOrganization(o, withCount ? count(o) : undefined));
  return paginated(data, ordered.length);
}

function getOrganization(ctx: RouteContext): unknown {
  const org = requireOrganization(ctx.store, ctx.params.organization_id!, true);
  const withCount = queryBool(ctx.query, 'include_members_count') === true;
  return renderOrganization(org, withCount ? ctx.store.membershipsOfOrganization(org.id).length : undefined);
}

function createOrganization(ctx: RouteContext): OrganizationRecord {
  const { store } = ctx;
  const b = validateBody(ctx.json(), CREATE_ORG);
  const errors: ClerkErrorEntry[] = [];
  const name = b.name as string;
  checkName(name, errors);
  if (typeof b.slug === 'string') checkSlug(store, b.slug, undefined, errors);
  const createdAt = dateField('created_at', b.created_at, errors);
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
  const creatorId = (b.created_by as string | null | undefined) || undefined;
  if (creatorId !== undefined && !store.getUser(creatorId)) {
    throw clerkError(
      400,
      'organization_creator_not_found',
      'creator not found',
      `No users found with id ${creatorId}.`,
      { param_name: 'created_by' },
    );
  }
  assertMetadataSizes({
    public_metadata: b.public_metadata as JsonObject,
    private_metadata: b.private_metadata as JsonObject,
  });

  const now = store.now();
  const org = newOrganization(store.ids, {
    name,
    slug: typeof b.slug === 'string' ? b.slug : uniqueSlug(store, name),
    createdAt: createdAt ?? now,
    createdBy: creatorId ?? null,
    maxAllowedMemberships: (b.max_allowed_memberships as number | null | undefined) ?? 0,
    publicMetadata: structuredClone((b.public_metadata as JsonObject | null | undefined) ?? {}),
    privateMetadata: structuredClone((b.private_metadata as JsonObject | null | undefined) ?? {}),
    roleSetKey: (b.role_set_key as string | null | undefined) ?? null,
  });
  if (createdAt !== undefined && createdAt !== null) org.updated_at = now;
  store.insertOrganization(org);
  if (creatorId !== undefined) store.insertMembership(newMembership(store.ids, org.id, creatorId, ADMIN_ROLE, now));
  return org;
}

function updateOrganization(ctx: RouteContext): OrganizationRecord {
  const { store } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const legacy = isLegacyVersion(ctx.apiVersion);
  const spec: BodySpec = legacy
    ? {
        ...UPDATE_ORG,
        public_metadata: { type: 'object', nullable: true },
        private_metadata: { type: 'object', nullable: true },
      }
    : UPDATE_ORG;
  const b = validateBody(
    ctx.json(),
    spec,
    legacy ? {} : { public_metadata: METADATA_HINT, private_metadata: METADATA_HINT },
  );
  const errors: ClerkErrorEntry[] = [];
  if (typeof b.name === 'string') checkName(b.name, errors);
  if (typeof b.slug === 'string') checkSlug(store, b.slug, org.id, errors);
  const createdAt = dateField('created_at', b.created_at, errors);
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
  if (legacy)
    assertMetadataSizes({
      public_metadata: b.public_metadata as JsonObject,
      private_metadata: b.private_metadata as JsonObject,
    });

  if (typeof b.name === 'string') org.name = b.name;
  if (typeof b.slug === 'string' && b.slug !== org.slug) {
    const old = org.slug;
    org.slug = b.slug;
    store.renameSlug(org, old);
  }
  if (typeof b.max_allowed_memberships === 'number') org.max_allowed_memberships = b.max_allowed_memberships;
  if (typeof b.admin_delete_enabled === 'boolean') org.admin_delete_enabled = b.admin_delete_enabled;
  if (b.role_set_key !== undefined) org.role_set_key = b.role_set_key as string | null;
  if (createdAt !== undefined && createdAt !== null) org.created_at = createdAt;
  if (legacy) {
    if (b.public_metadata !== undefined)
      org.public_metadata = structuredClone((b.public_metadata as JsonObject | null) ?? {});
    if (b.private_metadata !== undefined)
      org.private_metadata = structuredClone((b.private_metadata as JsonObject | null) ?? {});
  }
  org.updated_at = store.now();
  return org;
}

function deleteOrganization(ctx: RouteContext): unknown {
  const { store } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  for (const m of [...store.membershipsOfOrganization(org.id)]) store.removeMembership(m);
  store.state.organizationInvitations = store.state.organizationInvitations.filter((i) => i.organization_id !== org.id);
  for (const s of store.state.sessions)
    if (s.last_active_organization_id === org.id) s.last_active_organization_id = null;
  store.removeOrganization(org.id);
  return { object: 'organization', id: org.id, slug: org.slug, deleted: true };
}

/** Organization routes. */
export const organizationRoutes: Route[] = [
  { method: 'GET', pattern: '/organizations', handle: listOrganizations },
  { method: 'POST', pattern: '/organizations', handle: createOrganization },
  { method: 'GET', pattern: '/organizations/{organization_id}', handle: getOrganization },
  { method: 'PATCH', pattern: '/organizations/{organization_id}', handle: updateOrganization },
  { method: 'DELETE', pattern: '/organizations/{organization_id}', handle: deleteOrganization },
];
