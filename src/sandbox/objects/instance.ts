/**
 * Facts about the emulated Clerk instance: its id, its URLs (primary domain example.com) and the organization roles
 * it defines. Clerk ships `org:admin` and `org:member`; the sandbox adds two custom roles so role changes and role
 * filters have something to work with.
 */
import { hashString, ID_PREFIX, idBody } from '../ids.js';

/** The instance id every allow/blocklist entry and OAuth application carries (counter 0 is never handed out). */
export const INSTANCE_ID = ID_PREFIX.instance + idBody(0);

/** The primary domain of the emulated instance. */
export const PRIMARY_DOMAIN = 'example.com';
export const FRONTEND_API_URL = `https://clerk.${PRIMARY_DOMAIN}`;
export const ACCOUNTS_PORTAL_URL = `https://accounts.${PRIMARY_DOMAIN}`;

/** A role the instance defines. */
export interface OrgRole {
  name: string;
  permissions: readonly string[];
}

const MEMBER_PERMISSIONS = ['org:sys_memberships:read'] as const;

/** Organization roles of the instance, keyed by role key. */
export const ORG_ROLES: Readonly<Record<string, OrgRole>> = {
  'org:admin': {
    name: 'Admin',
    permissions: [
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ],
  },
  'org:member': { name: 'Member', permissions: MEMBER_PERMISSIONS },
  'org:billing': {
    name: 'Billing manager',
    permissions: [...MEMBER_PERMISSIONS, 'org:sys_billing:read', 'org:sys_billing:manage'],
  },
  'org:viewer': { name: 'Viewer', permissions: MEMBER_PERMISSIONS },
};

/** The role that carries the minimum permissions an organization must keep at least one member with. */
export const ADMIN_ROLE = 'org:admin';

/** True when `role` is defined on the instance. */
export function isRole(role: string): boolean {
  return Object.hasOwn(ORG_ROLES, role);
}

/** A ticket URL such as Clerk puts in invitation emails (deterministic per invitation id). */
export function ticketUrl(invitationId: string, kind: 'sign-up' | 'org'): string {
  const ticket = hashString(invitationId, 32, 3);
  return kind === 'org'
    ? `${ACCOUNTS_PORTAL_URL}/sign-up?__clerk_ticket=${ticket}&__clerk_status=sign_up`
    : `${ACCOUNTS_PORTAL_URL}/sign-up?__clerk_ticket=${ticket}`;
}
