/**
 * Organization memberships: /organizations/{organization_id}/memberships. Left out: list filters phone_number,
 * username, web3_wallet, the *_query filters (`query` covers them), last_active_at_*; create: public_metadata and
 * private_metadata of the membership.
 *
 * There is no GET-one endpoint: clerk_org_membership_get lists the organization's memberships filtered by
 * `?user_id=` and picks the item whose `public_user_data.user_id` equals the user_id arg (a Clerk-style 404 when none).
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, list, offset, orderBy, role, unixMs } from './params.js';
import { fields, named, suffix } from './preview-text.js';

const orgAndUser = z.object({ organization_id: id(), user_id: id() }).strict();

const orgMembershipsList = defineAction({
  name: 'clerk_org_memberships_list',
  resource: 'org-memberships',
  description: "List an organization's members and roles. query: partial email/name/username. created_at_* in Unix ms.",
  method: 'GET',
  path: '/organizations/{organization_id}/memberships',
  risk: 'read',
  params: z
    .object({
      organization_id: id(),
      query: z.string().optional(),
      user_id: list(),
      email_address: list(),
      role: list(),
      created_at_after: unixMs(),
      created_at_before: unixMs(),
      order_by: orderBy('e.g. -created_at, email_address'),
      limit: limit(),
      offset: offset(),
    })
    .strict(),
  preview: (args, ctx) => {
    const rest = fields(
      args,
      Object.keys(args).filter((k) => k !== 'organization_id'),
    );
    return `List members of ${named(ctx, args.organization_id, 'organization')}${suffix('where', rest)}`;
  },
});

const orgMembershipGet = defineAction({
  name: 'clerk_org_membership_get',
  resource: 'org-memberships',
  description: "Get a user's membership (role) in an organization; 404 if not a member.",
  method: 'GET',
  // The real list endpoint; `execution` filters it to one item.
  path: '/organizations/{organization_id}/memberships',
  risk: 'read',
  params: orgAndUser,
  execution: {
    kind: 'pick_from_list',
    listPath: '/organizations/{organization_id}/memberships',
    // query key → arg name
    listQuery: { user_id: 'user_id' },
    // dotted path into each list item, compared with args[argName]
    matchField: 'public_user_data.user_id',
    argName: 'user_id',
  },
  preview: (args, ctx) =>
    `Show the membership of ${named(ctx, args.user_id, 'user')} in ${named(ctx, args.organization_id, 'organization')}`,
});

const orgMembershipCreate = defineAction({
  name: 'clerk_org_membership_create',
  resource: 'org-memberships',
  description: 'Add a user to an organization with a role.',
  method: 'POST',
  path: '/organizations/{organization_id}/memberships',
  risk: 'write',
  params: z.object({ organization_id: id(), user_id: id(), role: role() }).strict(),
  preview: (args, ctx) =>
    `Add ${named(ctx, args.user_id, 'user')} to ${named(ctx, args.organization_id, 'organization')} as ${String(args.role)}`,
});

const orgMembershipUpdate = defineAction({
  name: 'clerk_org_membership_update',
  resource: 'org-memberships',
  description: "Change a member's role.",
  method: 'PATCH',
  path: '/organizations/{organization_id}/memberships/{user_id}',
  risk: 'write',
  params: z.object({ organization_id: id(), user_id: id(), role: role() }).strict(),
  preview: (args, ctx) =>
    `Change the role of ${named(ctx, args.user_id, 'user')} in ${named(ctx, args.organization_id, 'organization')} to ${String(args.role)}`,
});

const orgMembershipDelete = defineAction({
  name: 'clerk_org_membership_delete',
  resource: 'org-memberships',
  description: 'Remove a member from an organization.',
  method: 'DELETE',
  path: '/organizations/{organization_id}/memberships/{user_id}',
  risk: 'destructive',
  params: orgAndUser,
  preview: (args, ctx) =>
    `Remove ${named(ctx, args.user_id, 'user')} from ${named(ctx, args.organization_id, 'organization')}`,
});

/** The 5 membership actions, in DESIGN order. */
export const orgMembershipActions = [
  orgMembershipsList,
  orgMembershipGet,
  orgMembershipCreate,
  orgMembershipUpdate,
  orgMembershipDelete,
] as const;
