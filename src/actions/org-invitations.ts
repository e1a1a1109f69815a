/**
 * Organization invitations: /organizations/{organization_id}/invitations. Left out: list order_by; create
 * private_metadata. `status` is a single value (the spec's type; Clerk also accepts it repeated).
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, metadata, offset, role, text } from './params.js';
import { fields, named, suffix } from './preview-text.js';

const orgInvitationsList = defineAction({
  name: 'clerk_org_invitations_list',
  resource: 'org-invitations',
  description: "List an organization's invitations.",
  method: 'GET',
  path: '/organizations/{organization_id}/invitations',
  risk: 'read',
  params: z
    .object({
      organization_id: id(),
      status: z.enum(['pending', 'accepted', 'revoked', 'expired']).optional(),
      email_address: z.string().optional(),
      limit: limit(),
      offset: offset(),
    })
    .strict(),
  preview: (args, ctx) => {
    const rest = fields(
      args,
      Object.keys(args).filter((k) => k !== 'organization_id'),
    );
    return `List invitations of ${named(ctx, args.organization_id, 'organization')}${suffix('where', rest)}`;
  },
});

const orgInvitationCreate = defineAction({
  name: 'clerk_org_invitation_create',
  resource: 'org-invitations',
  description: 'Invite an email to an organization with a role (emails them unless notify=false).',
  method: 'POST',
  path: '/organizations/{organization_id}/invitations',
  risk: 'write',
  params: z
    .object({
      organization_id: id(),
      email_address: text(),
      role: role(),
      inviter_user_id: z.string().optional().describe('an admin of the org'),
      redirect_url: z.string().optional(),
      expires_in_days: z.number().int().min(1).max(365).optional(),
      notify: z.boolean().optional(),
      public_metadata: metadata(),
    })
    .strict(),
  preview: (args, ctx) => {
    const rest = fields(args, ['inviter_user_id', 'redirect_url', 'expires_in_days', 'notify', 'public_metadata']);
    return `Invite ${args.email_address} to ${named(ctx, args.organization_id, 'organization')} as ${String(args.role)}${suffix('with', rest)}`;
  },
});

const orgInvitationRevoke = defineAction({
  name: 'clerk_org_invitation_revoke',
  resource: 'org-invitations',
  description: 'Revoke a pending organization invitation.',
  method: 'POST',
  path: '/organizations/{organization_id}/invitations/{invitation_id}/revoke',
  risk: 'destructive',
  params: z
    .object({
      organization_id: id(),
      invitation_id: id(),
      requesting_user_id: z.string().optional().describe('an admin of the org'),
    })
    .strict(),
  preview: (args, ctx) =>
    `Revoke the invitation ${named(ctx, args.invitation_id, '')} to ${named(ctx, args.organization_id, 'organization')}${args.requesting_user_id ? ` on behalf of ${named(ctx, args.requesting_user_id, 'user')}` : ''}`,
});

/** The 3 organization-invitation actions, in DESIGN order. */
export const orgInvitationActions = [orgInvitationsList, orgInvitationCreate, orgInvitationRevoke] as const;
