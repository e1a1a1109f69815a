/**
 * Blocklist: /blocklist_identifiers (who may not sign up or sign in). The list endpoint has no params.
 * Every change is destructive-tier: it changes who can access the instance.
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, text } from './params.js';
import { named } from './preview-text.js';

const blocklistsList = defineAction({
  name: 'clerk_blocklists_list',
  resource: 'blocklist',
  description: 'List blocklisted identifiers.',
  method: 'GET',
  path: '/blocklist_identifiers',
  risk: 'read',
  params: z.object({}).strict(),
  preview: () => 'List blocklist identifiers',
});

const blocklistCreate = defineAction({
  name: 'clerk_blocklist_create',
  resource: 'blocklist',
  description: 'Block an identifier (email, phone) from signing up/in.',
  method: 'POST',
  path: '/blocklist_identifiers',
  risk: 'destructive',
  params: z.object({ identifier: text() }).strict(),
  preview: (args) => `Add ${args.identifier} to the blocklist`,
});

const blocklistDelete = defineAction({
  name: 'clerk_blocklist_delete',
  resource: 'blocklist',
  description: 'Remove a blocklist identifier by id (blid_…).',
  method: 'DELETE',
  path: '/blocklist_identifiers/{identifier_id}',
  risk: 'destructive',
  params: z.object({ identifier_id: id() }).strict(),
  preview: (args, ctx) => `Remove ${named(ctx, args.identifier_id, 'identifier')} from the blocklist`,
});

/** The 3 blocklist actions, in DESIGN order. */
export const blocklistActions = [blocklistsList, blocklistCreate, blocklistDelete] as const;
