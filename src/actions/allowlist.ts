/**
 * Allowlist: /allowlist_identifiers (who may sign up when the allowlist is on). Left out: list `paginated`.
 * Every change is destructive-tier: it changes who can sign up instance-wide.
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, offset, text } from './params.js';
import { fields, named, suffix } from './preview-text.js';

const allowlistsList = defineAction({
  name: 'clerk_allowlists_list',
  resource: 'allowlist',
  description: 'List allowlisted identifiers (who may sign up).',
  method: 'GET',
  path: '/allowlist_identifiers',
  risk: 'read',
  params: z.object({ limit: limit(), offset: offset() }).strict(),
  preview: (args) => `List allowlist identifiers${suffix('where', fields(args, Object.keys(args)))}`,
});

const allowlistCreate = defineAction({
  name: 'clerk_allowlist_create',
  resource: 'allowlist',
  description: 'Allow an identifier to sign up.',
  method: 'POST',
  path: '/allowlist_identifiers',
  risk: 'destructive',
  params: z
    .object({
      identifier: text().describe('email, phone or *@domain'),
      notify: z.boolean().optional().describe('send an invitation'),
    })
    .strict(),
  preview: (args) => `Add ${args.identifier} to the allowlist${args.notify ? ' and notify them' : ''}`,
});

const allowlistDelete = defineAction({
  name: 'clerk_allowlist_delete',
  resource: 'allowlist',
  description: 'Remove an allowlist identifier by id (alid_…).',
  method: 'DELETE',
  path: '/allowlist_identifiers/{identifier_id}',
  risk: 'destructive',
  params: z.object({ identifier_id: id() }).strict(),
  preview: (args, ctx) => `Remove ${named(ctx, args.identifier_id, 'identifier')} from the allowlist`,
});

/** The 3 allowlist actions, in DESIGN order. */
export const allowlistActions = [allowlistsList, allowlistCreate, allowlistDelete] as const;
