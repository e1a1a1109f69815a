/**
 * Organization membership routes: list (`{data,total_count}`), create, change role, delete, plus
 * `GET /users/{user_id}/organization_memberships`. An organization must keep at least one admin
 * (`organization_minimum_permissions_needed`), and `max_allowed_memberships` (0 = unlimited) is enforced.
 */
import { clerkError, ClerkHttpError, paramValueInvalid } from '../errors.js';
import { assertMetadataSizes } from '../metadata.js';
import { ADMIN_ROLE, isRole, ORG_ROLES } from '../objects/instance.js';
import { newMembership, renderMembership } from '../objects/organization.js';
import { primaryEmail } from '../objects/user.js';
import { orderBy, page, paginated, pagination, queryArray, queryInt, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { Store } from '../store.js';
import type { JsonObject, MembershipRecord, OrganizationRecord, UserRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { requireOrganization } from './organizations.js';
import { compileUserFilter } from './user-filters.js';
import { requireUser } from './users.js';

const CREATE_MEMBERSHIP: BodySpec = {
  user_id: { type: 'string', required: true },
  role: { type: 'string', required: true },
  public_metadata: { type: 'object', nullable: true },
  private_metadata: { type: 'object', nullable: true },
};

const UPDATE_MEMBERSHIP: BodySpec = { role: { type: 'string', required: true } };

/** Query keys of the membership list that filter on the member (handled by the user filter). */
const USER_FILTER_KEYS = [
  'user_id',
  'email_address',
  'phone_number',
  'username',
  'web3_wallet',
  'query',
  'email_address_query',
  'phone_number_query',
  'username_query',
  'name_query',
  'last_active_at_before',
  'last_active_at_after',
];

/** 422 unless `role` is one of the instance's roles. */
export function checkRole(role: string): void {
  if (!isRole(role)) {
    throw new ClerkHttpError(422, [
      paramValueInvalid(
        'role',
        `${role} does not match one of the allowed values for parameter role (allowed: ${Object.keys(ORG_ROLES).join(', ')}).`,
      ),
    ]);
  }
}

/** Render a membership with its organization and user. */
function renderOne(store: Store, m: MembershipRecord): Record<string, unknown> {
  const org = store.getOrganization(m.organization_id)!;
  return renderMembership(m, org, store.getUser(m.user_id));
}

function memberKey(store: Store, field: string): (m: MembershipRecord) => string | number | null {
  if (field === 'created_at') return (m) => m.created_at;
  return (m) => {
    const u = store.getUser(m.user_id);
    if (!u) return null;
    if (field === 'email_address') return primaryEmail(u)?.toLowerCase() ?? null;
    if (field === 'phone_number') return u.phone_numbers[0]?.phone_number ?? null;
    return (u[field as 'first_name' | 'last_name' | 'username'] ?? null)?.toLowerCase() ?? null;
  };
}

function listMemberships(ctx: RouteContext): unknown {
  const { store, query } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const p = pagination(query);
  const order = orderBy(
    query,
    ['phone_number', 'email_address', 'created_at', 'first_name', 'last_name', 'username'],
    '-created_at',
  )!;
  const userQuery = new URLSearchParams();
  for (const key of USER_FILTER_KEYS) for (const v of query.getAll(key)) userQuery.append(key, v);
  const userFilter = compileUserFilter(userQuery, store);
  const roles = new Set(queryArray(query, 'role'));
  const before = queryInt(query, 'created_at_before');
  const after = queryInt(query, 'created_at_after');
  const matched = store.membershipsOfOrganization(org.id).filter((m) => {
    if (roles.size > 0 && !roles.has(m.role)) return false;
    if (before !== undefined && !(m.created_at < before)) return false;
    if (after !== undefined && !(m.created_at > after)) return false;
    if (!userFilter) return true;
    const u = store.getUser(m.user_id);
    return u !== undefined && userFilter(u);
  });
  const ordered = sortBy(matched, memberKey(store, order.field), order.desc);
  return paginated(
    page(ordered, p).map((m) => renderMembership(m, org, store.getUser(m.user_id))),
    ordered.length,
  );
}

function adminsLeftWithout(store: Store, org: OrganizationRecord, m: MembershipRecord): number {
  return store.membershipsOfOrganization(org.id).filter((x) => x !== m && x.role === ADMIN_ROLE).length;
}

function minimumPermissions(): ClerkHttpError {
  return clerkError(
    400,
    'organization_minimum_permissions_needed',
    'minimum permissions needed',
    'There has to be at least one organization member with the minimum required permissions (org:admin).',
  );
}

function createMembership(ctx: RouteContext): unknown {
  const { store } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const b = validateBody(ctx.json(), CREATE_MEMBERSHIP);
  const role = b.role as string;
  checkRole(role);
  const user: UserRecord = requireUser(store, b.user_id as string);
  if (store.findMembership(org.id, user.id)) {
    throw clerkError(
      400,
      'already_a_member_in_organization',
      'already a member',
      `${user.id} is already a member of the organization.`,
    );
  }
  const count = store.membershipsOfOrganization(org.id).length;
  if (org.max_allowed_memberships > 0 && count >= org.max_allowed_memberships) {
    throw clerkError(
      403,
      'organization_membership_quota_exceeded',
      'membership quota exceeded',
      `${org.name} already has ${count} members, its maximum (max_allowed_memberships=${org.max_allowed_memberships}).`,
    );
  }
  assertMetadataSizes({
    public_metadata: b.public_metadata as JsonObject,
    private_metadata: b.private_metadata as JsonObject,
  });
  const m = newMembership(
    store.ids,
    org.id,
    user.id,
    role,
    store.now(),
    structuredClone((b.public_metadata as JsonObject | null | undefined) ?? {}),
    structuredClone((b.private_metadata as JsonObject | null | undefined) ?? {}),
  );
  store.insertMembership(m);
  return renderMembership(m, org, user);
}

function requireMembership(store: Store, org: OrganizationRecord, userId: string): MembershipRecord {
  const m = store.findMembership(org.id, userId);
  if (!m)
    throw clerkError(
      404,
      'resource_not_found',
      'not found',
      `No membership was found: user ${userId} is not a member of organization ${org.id}.`,
    );
  return m;
}

function updateMembership(ctx: RouteContext): unknown {
  const { store } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const m = requireMembership(store, org, ctx.params.user_id!);
  const b = validateBody(ctx.json(), UPDATE_MEMBERSHIP);
  const role = b.role as string;
  checkRole(role);
  if (m.role === ADMIN_ROLE && role !== ADMIN_ROLE && adminsLeftWithout(store, org, m) === 0)
    throw minimumPermissions();
  m.role = role;
  m.updated_at = store.now();
  return renderMembership(m, org, store.getUser(m.user_id));
}

function deleteMembership(ctx: RouteContext): unknown {
  const { store } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const m = requireMembership(store, org, ctx.params.user_id!);
  if (m.role === ADMIN_ROLE && adminsLeftWithout(store, org, m) === 0) throw minimumPermissions();
  const rendered = renderMembership(m, org, store.getUser(m.user_id));
  store.removeMembership(m);
  return rendered;
}

function userMemberships(ctx: RouteContext): unknown {
  const { store } = ctx;
  const user = requireUser(store, ctx.params.user_id!);
  const p = pagination(ctx.query);
  const ordered = sortBy(store.membershipsOfUser(user.id), (m) => m.created_at, true);
  return paginated(
    page(ordered, p).map((m) => renderOne(store, m)),
    ordered.length,
  );
}

/** Membership routes. */
export const membershipRoutes: Route[] = [
  { method: 'GET', pattern: '/organizations/{organization_id}/memberships', handle: listMemberships },
  { method: 'POST', pattern: '/organizations/{organization_id}/memberships', handle: createMembership },
  { method: 'PATCH', pattern: '/organizations/{organization_id}/memberships/{user_id}', handle: updateMembership },
  { method: 'DELETE', pattern: '/organizations/{organization_id}/memberships/{user_id}', handle: deleteMembership },
  { method: 'GET', pattern: '/users/{user_id}/organization_memberships', handle: userMemberships },
];
