/**
 * Builders and renderers for organizations, memberships and organization invitations. A membership is stored flat
 * and rendered with the current organization and user, as Clerk returns it.
 */
import { ID_PREFIX, type IdGenerator } from '../ids.js';
import type {
  JsonObject,
  MembershipRecord,
  OrganizationInvitationRecord,
  OrganizationRecord,
  UserRecord,
} from '../types.js';
import { ORG_ROLES, ticketUrl } from './instance.js';
import { publicIdentifier } from './user.js';

/** Input for newOrganization. */
export interface NewOrganizationInput {
  name: string;
  slug: string;
  createdAt: number;
  createdBy?: string | null;
  maxAllowedMemberships?: number;
  publicMetadata?: JsonObject;
  privateMetadata?: JsonObject;
  roleSetKey?: string | null;
  adminDeleteEnabled?: boolean;
}

/** Build a Clerk `Organization` (without `members_count`, which is computed when asked for). */
export function newOrganization(ids: IdGenerator, input: NewOrganizationInput): OrganizationRecord {
  const id = ids.next(ID_PREFIX.organization);
  return {
    object: 'organization',
    id,
    name: input.name,
    slug: input.slug,
    image_url: `https://img.clerk.com/sandbox-default-logo?org=${id}`,
    has_image: false,
    max_allowed_memberships: input.maxAllowedMemberships ?? 0,
    admin_delete_enabled: input.adminDeleteEnabled ?? true,
    public_metadata: input.publicMetadata ?? {},
    private_metadata: input.privateMetadata ?? {},
    created_by: input.createdBy ?? '',
    role_set_key: input.roleSetKey ?? null,
    created_at: input.createdAt,
    updated_at: input.createdAt,
  };
}

/** The organization as returned, with `members_count` when requested. */
export function renderOrganization(
  org: OrganizationRecord,
  membersCount?: number,
): OrganizationRecord | (OrganizationRecord & { members_count: number }) {
  return membersCount === undefined ? org : { ...org, members_count: membersCount };
}

/** Build a stored membership. */
export function newMembership(
  ids: IdGenerator,
  orgId: string,
  userId: string,
  role: string,
  at: number,
  publicMetadata: JsonObject = {},
  privateMetadata: JsonObject = {},
): MembershipRecord {
  return {
    id: ids.next(ID_PREFIX.membership),
    organization_id: orgId,
    user_id: userId,
    role,
    public_metadata: publicMetadata,
    private_metadata: privateMetadata,
    created_at: at,
    updated_at: at,
  };
}

/** Clerk's `OrganizationMembership` for a stored membership. */
export function renderMembership(
  m: MembershipRecord,
  org: OrganizationRecord,
  user: UserRecord | undefined,
): Record<string, unknown> {
  const role = ORG_ROLES[m.role];
  return {
    id: m.id,
    object: 'organization_membership',
    role: m.role,
    role_name: role?.name ?? m.role,
    permissions: role ? [...role.permissions] : [],
    public_metadata: m.public_metadata,
    private_metadata: m.private_metadata,
    organization: org,
    public_user_data: user
      ? {
          user_id: user.id,
          first_name: user.first_name,
          last_name: user.last_name,
          profile_image_url: user.image_url,
          image_url: user.image_url,
          has_image: user.has_image,
          identifier: publicIdentifier(user),
          username: user.username,
          banned: user.banned,
        }
      : {
          user_id: m.user_id,
          first_name: null,
          last_name: null,
          profile_image_url: null,
          image_url: '',
          has_image: false,
          identifier: null,
        },
    created_at: m.created_at,
    updated_at: m.updated_at,
  };
}

/** Input for newOrganizationInvitation. */
export interface NewOrgInvitationInput {
  orgId: string;
  email: string;
  role: string;
  inviter?: UserRecord;
  createdAt: number;
  expiresInDays?: number;
  status?: OrganizationInvitationRecord['status'];
  publicMetadata?: JsonObject;
  privateMetadata?: JsonObject;
}

const DAY = 86_400_000;

/** Build a Clerk `OrganizationInvitation`. */
export function newOrganizationInvitation(
  ids: IdGenerator,
  input: NewOrgInvitationInput,
): OrganizationInvitationRecord {
  const id = ids.next(ID_PREFIX.organizationInvitation);
  const status = input.status ?? 'pending';
  const inviter = input.inviter;
  return {
    object: 'organization_invitation',
    id,
    email_address: input.email,
    role: input.role,
    role_name: ORG_ROLES[input.role]?.name ?? input.role,
    organization_id: input.orgId,
    inviter_id: inviter?.id ?? null,
    public_inviter_data: inviter
      ? {
          user_id: inviter.id,
          first_name: inviter.first_name,
          last_name: inviter.last_name,
          image_url: inviter.image_url,
          has_image: inviter.has_image,
          identifier: publicIdentifier(inviter),
        }
      : null,
    status,
    public_metadata: input.publicMetadata ?? {},
    private_metadata: input.privateMetadata ?? {},
    url: status === 'pending' ? ticketUrl(id, 'org') : null,
    expires_at: input.createdAt + (input.expiresInDays ?? 30) * DAY,
    created_at: input.createdAt,
    updated_at: input.createdAt,
  };
}
