/**
 * Application invitations (sign-up invitations): /invitations. Left out: list `paginated` (response-shape switch);
 * create template_slug.
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, metadata, offset, orderBy, text } from './params.js';
import { fields, named, suffix } from './preview-text.js';

const invitationsList = defineAction({
  name: 'clerk_invitations_list',
  resource: 'invitations',
  description: 'List sign-up invitations. query: email or id.',
  method: 'GET',
  path: '/invitations',
  risk: 'read',
  params: z
    .object({
      status: z.enum(['pending', 'accepted', 'revoked', 'expired']).optional(),
      query: z.string().optional(),
      order_by: orderBy('e.g. -created_at, expires_at'),
      limit: limit(),
      offset: offset(),
    })
    .strict(),
  preview: (args) => `List invitations${suffix('where', fields(args, Object.keys(args)))}`,
});

const invitationCreate = defineAction({
  name: 'clerk_invitation_create',
  resource: 'invitations',
  description: 'Invite an email to sign up (emails them unless notify=false).',
  method: 'POST',
  path: '/invitations',
  risk: 'write',
  params: z
    .object({
      email_address: text(),
      redirect_url: z.string().optional(),
      notify: z.boolean().optional(),
      ignore_existing: z.boolean().optional().describe('even if one exists'),
      expires_in_days: z.number().int().min(1).max(365).optional(),
      public_metadata: metadata(),
    })
    .strict(),
  preview: (args) =>
    `Invite ${args.email_address} to sign up${suffix(
      'with',
      fields(
        args,
        Object.keys(args).filter((k) => k !== 'email_address'),
      ),
    )}`,
});

const invitationRevoke = defineAction({
  name: 'clerk_invitation_revoke',
  resource: 'invitations',
  description: 'Revoke a pending sign-up invitation.',
  method: 'POST',
  path: '/invitations/{invitation_id}/revoke',
  risk: 'destructive',
  params: z.object({ invitation_id: id() }).strict(),
  preview: (args, ctx) => `Revoke the sign-up invitation ${named(ctx, args.invitation_id, '')}`,
});

/** The 3 invitation actions, in DESIGN order. */
export const invitationActions = [invitationsList, invitationCreate, invitationRevoke] as const;
