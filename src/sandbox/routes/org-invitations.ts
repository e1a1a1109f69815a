/**
 * Organization invitation routes: list (`{data,total_count}`, `status` repeatable), create, get one, revoke. Only
 * pending invitations can be revoked (404 `organization_invitation_not_pending`, as Clerk's catalog has it), and an
 * email may have one pending invitation per organization.
 */
import { clerkError } from '../errors.js';
import { assertMetadataSizes } from '../metadata.js';
import { ADMIN_ROLE } from '../objects/instance.js';
import { newOrganizationInvitation } from '../objects/organization.js';
import { orderBy, page, paginated, pagination, queryString, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { Store } from '../store.js';
import type { JsonObject, OrganizationInvitationRecord, OrganizationRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { invitationEmail, pendingFor, revoke, statusFilter } from './invitation-common.js';
import { checkRole } from './memberships.js';
import { requireOrganization } from './organizations.js';
import { requireUser } from './users.js';

const CREATE_INVITATION: BodySpec = {
  email_address: { type: 'string', required: true },
  inviter_user_id: { type: 'string', nullable: true },
  role: { type: 'string', required: true },
  public_metadata: { type: 'object', nullable: true },
  private_metadata: { type: 'object', nullable: true },
  redirect_url: { type: 'string', nullable: true },
  expires_in_days: { type: 'integer', nullable: true, min: 1, max: 365 },
  notify: { type: 'boolean', nullable: true },
};

const REVOKE_INVITATION: BodySpec = { requesting_user_id: { type: 'string', nullable: true } };

function requireInvitation(store: Store, org: OrganizationRecord, id: string): OrganizationInvitationRecord {
  const inv = store.state.organizationInvitations.find((i) => i.id === id && i.organization_id === org.id);
  if (!inv)
    throw clerkError(
      404,
      'resource_not_found',
      'not found',
      `No organization invitation was found with id ${id} in organization ${org.id}.`,
    );
  return inv;
}

function listInvitations(ctx: RouteContext): unknown {
  const { store, query } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const p = pagination(query);
  const order = orderBy(query, ['created_at', 'email_address'], '-created_at')!;
  const statuses = statusFilter(query);
  const email = queryString(query, 'email_address')?.toLowerCase();
  const matched = store.state.organizationInvitations.filter(
    (i) =>
      i.organization_id === org.id &&
      (!statuses || statuses.has(i.status)) &&
      (email === undefined || i.email_address.toLowerCase() === email),
  );
  const ordered = sortBy(
    matched,
    order.field === 'email_address' ? (i) => i.email_address.toLowerCase() : (i) => i.created_at,
    order.desc,
  );
  return paginated(page(ordered, p), ordered.length);
}

function createInvitation(ctx: RouteContext): OrganizationInvitationRecord {
  const { store } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const b = validateBody(ctx.json(), CREATE_INVITATION);
  const email = invitationEmail(b);
  checkRole(b.role as string);
  const inviterId = (b.inviter_user_id as string | null | undefined) || undefined;
  const inviter = inviterId === undefined ? undefined : requireUser(store, inviterId);
  if (inviter && store.findMembership(org.id, inviter.id)?.role !== ADMIN_ROLE) {
    throw clerkError(
      403,
      'authorization_invalid',
      'Unauthorized request',
      `inviter_user_id ${inviter.id} must be an administrator (org:admin) of ${org.name}.`,
    );
  }
  const memberId = store.userIdByEmail(email);
  if (memberId !== undefined && store.findMembership(org.id, memberId)) {
    throw clerkError(
      400,
      'already_a_member_in_organization',
      'already a member',
      `${email} is already a member of the organization.`,
    );
  }
  const pending = store.state.organizationInvitations.filter(
    (i) => i.organization_id === org.id && i.status === 'pending',
  );
  if (pendingFor(pending, email)) {
    throw clerkError(
      400,
      'organization_invitation_not_unique',
      'duplicate invitation',
      `Organizations cannot have duplicate pending invitations for an email address: ${email} already has a pending invitation to ${org.name}.`,
    );
  }
  const members = store.membershipsOfOrganization(org.id).length;
  if (org.max_allowed_memberships > 0 && members + pending.length >= org.max_allowed_memberships) {
    throw clerkError(
      403,
      'organization_membership_quota_exceeded',
      'membership quota exceeded',
      `${org.name} has ${members} members and ${pending.length} pending invitations, its maximum (max_allowed_memberships=${org.max_allowed_memberships}).`,
    );
  }
  assertMetadataSizes({
    public_metadata: b.public_metadata as JsonObject,
    private_metadata: b.private_metadata as JsonObject,
  });
  const inv = newOrganizationInvitation(store.ids, {
    orgId: org.id,
    email,
    role: b.role as string,
    ...(inviter ? { inviter } : {}),
    createdAt: store.now(),
    expiresInDays: (b.expires_in_days as number | null | undefined) ?? 30,
    publicMetadata: structuredClone((b.public_metadata as JsonObject | null | undefined) ?? {}),
    privateMetadata: structuredClone((b.private_metadata as JsonObject | null | undefined) ?? {}),
  });
  store.state.organizationInvitations.push(inv);
  return inv;
}

function revokeInvitation(ctx: RouteContext): OrganizationInvitationRecord {
  const { store } = ctx;
  const org = requireOrganization(store, ctx.params.organization_id!);
  const inv = requireInvitation(store, org, ctx.params.invitation_id!);
  const b = validateBody(ctx.json(), REVOKE_INVITATION);
  if (typeof b.requesting_user_id === 'string') requireUser(store, b.requesting_user_id);
  return revoke(
    inv,
    store.now(),
    (i) =>
      i.status === 'pending'
        ? undefined
        : clerkError(
            404,
            'organization_invitation_not_pending',
            'not pending',
            `The organization invitation is not in the 'pending' status: ${i.id} is ${i.status}.`,
          ),
    (i) => {
      i.url = null;
    },
  );
}

/** Organization invitation routes. */
export const orgInvitationRoutes: Route[] = [
  { method: 'GET', pattern: '/organizations/{organization_id}/invitations', handle: listInvitations },
  { method: 'POST', pattern: '/organizations/{organization_id}/invitations', handle: createInvitation },
  {
    method: 'GET',
    pattern: '/organizations/{organization_id}/invitations/{invitation_id}',
    handle: (ctx) =>
      requireInvitation(
        ctx.store,
        requireOrganization(ctx.store, ctx.params.organization_id!),
        ctx.params.invitation_id!,
      ),
  },
  {
    method: 'POST',
    pattern: '/organizations/{organization_id}/invitations/{invitation_id}/revoke',
    handle: revokeInvitation,
  },
];
