/**
 * Organizations: /organizations. Left out: include_missing_member_with_elevated_permissions (list, get), list
 * organization_id[] (use clerk_organization_get),
 * created_at and role_set_key (create, update).
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, list, metadata, offset, orderBy, text } from './params.js';
import { fields, named, show, suffix } from './preview-text.js';

const ORG_METADATA = ['public_metadata', 'private_metadata'] as const;

const organizationsList = defineAction({
  name: 'clerk_organizations_list',
  resource: 'organizations',
  description: 'Find organizations (newest first). query: partial name/slug or exact id.',
  method: 'GET',
  path: '/organizations',
  risk: 'read',
  params: z
    .object({
      query: z.string().optional(),
      user_id: list().describe('orgs these users belong to'),
      include_members_count: z.boolean().optional(),
      order_by: orderBy('name, created_at, members_count'),
      limit: limit(),
      offset: offset(),
    })
    .strict(),
  preview: (args) => `List organizations${suffix('where', fields(args, Object.keys(args)))}`,
});

const organizationGet = defineAction({
  name: 'clerk_organization_get',
  resource: 'organizations',
  description: 'Get an organization by id or slug.',
  method: 'GET',
  path: '/organizations/{organization_id}',
  risk: 'read',
  params: z.object({ organization_id: id(), include_members_count: z.boolean().optional() }).strict(),
  preview: (args, ctx) => `Show ${named(ctx, args.organization_id, 'organization')}`,
});

const organizationCreate = defineAction({
  name: 'clerk_organization_create',
  resource: 'organizations',
  description: 'Create an organization.',
  method: 'POST',
  path: '/organizations',
  risk: 'write',
  params: z
    .object({
      name: text(),
      slug: z.string().optional(),
      created_by: z.string().optional().describe('user_id of its first admin'),
      max_allowed_memberships: z.number().int().min(0).optional(),
      public_metadata: metadata(),
      private_metadata: metadata(),
    })
    .strict(),
  preview: (args, ctx) => {
    const rest = fields(
      args,
      Object.keys(args).filter((k) => k !== 'name' && k !== 'created_by'),
    );
    const admin = args.created_by ? ` with ${named(ctx, args.created_by, 'user')} as admin` : '';
    return `Create organization ${show(args.name)}${admin}${suffix('with', rest)}`;
  },
});

const organizationUpdate = defineAction({
  name: 'clerk_organization_update',
  resource: 'organizations',
  description: 'Update an organization. Metadata is deep-merged (a null value deletes the key).',
  method: 'PATCH',
  path: '/organizations/{organization_id}',
  risk: 'write',
  execution: { kind: 'split_metadata', metadataFields: ORG_METADATA },
  params: z
    .object({
      organization_id: id(),
      name: z.string().optional(),
      slug: z.string().optional(),
      max_allowed_memberships: z.number().int().min(0).optional(),
      admin_delete_enabled: z.boolean().optional(),
      public_metadata: metadata(),
      private_metadata: metadata(),
    })
    .strict(),
  preview: (args, ctx) => {
    const plain = fields(
      args,
      Object.keys(args).filter((k) => k !== 'organization_id' && !(ORG_METADATA as readonly string[]).includes(k)),
    );
    const merges = ORG_METADATA.filter((k) => args[k] !== undefined).map((k) => `merge ${show(args[k])} into ${k}`);
    const changes = [plain ? `set ${plain}` : '', ...merges].filter(Boolean).join('; ');
    return `Update ${named(ctx, args.organization_id, 'organization')}: ${changes || 'no changes'}`;
  },
});

const organizationDelete = defineAction({
  name: 'clerk_organization_delete',
  resource: 'organizations',
  description: 'Permanently delete an organization with its memberships and invitations.',
  method: 'DELETE',
  path: '/organizations/{organization_id}',
  risk: 'destructive',
  params: z.object({ organization_id: id() }).strict(),
  preview: (args, ctx) =>
    `Permanently delete ${named(ctx, args.organization_id, 'organization')} and all its memberships and invitations`,
});

/** The 5 organization actions, in DESIGN order. */
export const organizationActions = [
  organizationsList,
  organizationGet,
  organizationCreate,
  organizationUpdate,
  organizationDelete,
] as const;
