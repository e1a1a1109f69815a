/** Small defineAction fixtures shaped like the real registry entries, for client tests. */
import { z } from 'zod';
import { defineAction, type ExecutionPlan } from '../../src/actions/define-action.js';
import { orgMembershipActions } from '../../src/actions/org-memberships.js';

/** The plan clerk_org_membership_get ships with (list, filter, pick one), so the client tests exercise the real one. */
function shippedMembershipGetPlan(): ExecutionPlan {
  const plan = orgMembershipActions.find((a) => a.name === 'clerk_org_membership_get')?.execution;
  if (!plan) throw new Error('clerk_org_membership_get has no execution plan any more: update the fixture');
  return plan;
}

export const listUsers = defineAction({
  name: 'fx_users_list',
  resource: 'users',
  description: 'list users',
  method: 'GET',
  path: '/users',
  params: z.object({
    email_address: z.array(z.string()).optional(),
    limit: z.number().optional(),
    banned: z.boolean().optional(),
  }),
  risk: 'read',
  preview: () => 'list users',
});

export const getUser = defineAction({
  name: 'fx_user_get',
  resource: 'users',
  description: 'get user',
  method: 'GET',
  path: '/users/{user_id}',
  params: z.object({ user_id: z.string() }),
  risk: 'read',
  preview: () => 'get user',
});

export const banUser = defineAction({
  name: 'fx_user_ban',
  resource: 'users',
  description: 'ban user',
  method: 'POST',
  path: '/users/{user_id}/ban',
  params: z.object({ user_id: z.string() }),
  risk: 'write',
  preview: () => 'ban user',
});

export const createUser = defineAction({
  name: 'fx_user_create',
  resource: 'users',
  description: 'create user',
  method: 'POST',
  path: '/users',
  params: z.object({ email_address: z.array(z.string()), first_name: z.string().optional() }),
  risk: 'write',
  preview: () => 'create user',
});

export const deleteMembership = defineAction({
  name: 'fx_org_membership_delete',
  resource: 'organization_memberships',
  description: 'remove member',
  method: 'DELETE',
  path: '/organizations/{organization_id}/memberships/{user_id}',
  params: z.object({ organization_id: z.string(), user_id: z.string() }),
  risk: 'destructive',
  preview: () => 'remove member',
});

export const revokeOrgInvitation = defineAction({
  name: 'fx_org_invitation_revoke',
  resource: 'organization_invitations',
  description: 'revoke',
  method: 'POST',
  path: '/organizations/{organization_id}/invitations/{invitation_id}/revoke',
  params: z.object({
    organization_id: z.string(),
    invitation_id: z.string(),
    requesting_user_id: z.string().optional(),
    notify: z.boolean().optional(),
  }),
  queryParams: ['notify'],
  risk: 'destructive',
  preview: () => 'revoke',
});

export const updateUser = defineAction({
  name: 'fx_user_update',
  resource: 'users',
  description: 'update user',
  method: 'PATCH',
  path: '/users/{user_id}',
  params: z.object({
    user_id: z.string(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    public_metadata: z.record(z.string(), z.unknown()).optional(),
    private_metadata: z.record(z.string(), z.unknown()).optional(),
  }),
  risk: 'write',
  execution: { kind: 'split_metadata', metadataFields: ['public_metadata', 'private_metadata', 'unsafe_metadata'] },
  preview: () => 'update user',
});

export const getMembership = defineAction({
  name: 'fx_org_membership_get',
  resource: 'organization_memberships',
  description: 'get membership',
  method: 'GET',
  path: '/organizations/{organization_id}/memberships/{user_id}',
  params: z.object({ organization_id: z.string(), user_id: z.string() }),
  risk: 'read',
  execution: shippedMembershipGetPlan(),
  preview: () => 'get membership',
});

export const getDomain = defineAction({
  name: 'fx_domain_get',
  resource: 'domains',
  description: 'get domain',
  method: 'GET',
  path: '/domains/{domain_id}',
  params: z.object({ domain_id: z.string() }),
  risk: 'read',
  execution: { kind: 'pick_from_list', listPath: '/domains', listQuery: {}, matchField: 'id', argName: 'domain_id' },
  preview: () => 'get domain',
});

export const fixtureActions = [
  listUsers,
  getUser,
  banUser,
  createUser,
  deleteMembership,
  revokeOrgInvitation,
  updateUser,
  getMembership,
  getDomain,
];
