/**
 * OAuth applications (Clerk as an OAuth provider): /oauth_applications. The action names say "client" (DESIGN).
 * Left out: callback_url (deprecated in favour of redirect_uris). Every change is destructive-tier: these apps get
 * access to user data.
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, list, offset, orderBy, text } from './params.js';
import { fields, named, show, suffix } from './preview-text.js';

const OPTIONS = ['redirect_uris', 'scopes', 'consent_screen_enabled', 'pkce_required', 'public'] as const;
const options = {
  redirect_uris: list(),
  scopes: z.string().optional().describe('space-separated, e.g. "profile email"'),
  consent_screen_enabled: z.boolean().optional(),
  pkce_required: z.boolean().optional(),
  public: z.boolean().optional().describe('PKCE client without secret'),
};

const clientsList = defineAction({
  name: 'clerk_clients_list',
  resource: 'oauth-applications',
  description: 'List OAuth applications. name_query: partial name or exact client_id.',
  method: 'GET',
  path: '/oauth_applications',
  risk: 'read',
  params: z
    .object({
      name_query: z.string().optional(),
      order_by: orderBy('created_at, name'),
      limit: limit(),
      offset: offset(),
    })
    .strict(),
  preview: (args) => `List OAuth applications${suffix('where', fields(args, Object.keys(args)))}`,
});

const clientGet = defineAction({
  name: 'clerk_client_get',
  resource: 'oauth-applications',
  description: 'Get an OAuth application.',
  method: 'GET',
  path: '/oauth_applications/{oauth_application_id}',
  risk: 'read',
  params: z.object({ oauth_application_id: id() }).strict(),
  preview: (args, ctx) => `Show OAuth application ${named(ctx, args.oauth_application_id, '')}`,
});

const clientCreate = defineAction({
  name: 'clerk_client_create',
  resource: 'oauth-applications',
  description: 'Create an OAuth application. Returns client_secret once.',
  method: 'POST',
  path: '/oauth_applications',
  risk: 'destructive',
  params: z.object({ name: text(), ...options }).strict(),
  preview: (args) => `Create OAuth application ${show(args.name)}${suffix('with', fields(args, OPTIONS))}`,
});

const clientUpdate = defineAction({
  name: 'clerk_client_update',
  resource: 'oauth-applications',
  description: 'Update an OAuth application.',
  method: 'PATCH',
  path: '/oauth_applications/{oauth_application_id}',
  risk: 'destructive',
  params: z.object({ oauth_application_id: id(), name: z.string().optional(), ...options }).strict(),
  preview: (args, ctx) => {
    const changes = fields(args, ['name', ...OPTIONS]);
    return `Update OAuth application ${named(ctx, args.oauth_application_id, '')}: ${changes ? `set ${changes}` : 'no changes'}`;
  },
});

const clientDelete = defineAction({
  name: 'clerk_client_delete',
  resource: 'oauth-applications',
  description: 'Delete an OAuth application.',
  method: 'DELETE',
  path: '/oauth_applications/{oauth_application_id}',
  risk: 'destructive',
  params: z.object({ oauth_application_id: id() }).strict(),
  preview: (args, ctx) => `Permanently delete OAuth application ${named(ctx, args.oauth_application_id, '')}`,
});

/** The 5 OAuth application actions, in DESIGN order. */
export const clientActions = [clientsList, clientGet, clientCreate, clientUpdate, clientDelete] as const;
