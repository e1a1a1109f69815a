/**
 * OAuth application routes (`/oauth_applications`): list (`{data,total_count}`, default `+created_at`), get,
 * create (the only response that carries `client_secret`, which is never stored), update, delete.
 */
import { clerkError, ClerkHttpError, paramFormatInvalid, paramValueInvalid, type ClerkErrorEntry } from '../errors.js';
import { isUrl } from '../formats.js';
import { newOAuthApplication } from '../objects/instance-resources.js';
import { orderBy, page, paginated, pagination, queryString, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { Store } from '../store.js';
import type { OAuthApplicationRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { removeRecord } from './remove-record.js';

const FIELDS: BodySpec = {
  name: { type: 'string', nullable: true, maxLength: 256 },
  redirect_uris: { type: 'string[]', nullable: true },
  callback_url: { type: 'string', nullable: true, maxLength: 1024 },
  scopes: { type: 'string', nullable: true, maxLength: 1024 },
  consent_screen_enabled: { type: 'boolean', nullable: true },
  pkce_required: { type: 'boolean', nullable: true },
  public: { type: 'boolean', nullable: true },
};

const CREATE: BodySpec = { ...FIELDS, name: { type: 'string', required: true, maxLength: 256 } };

const SCOPES = ['profile', 'email', 'public_metadata', 'private_metadata', 'openid', 'offline_access'];

function requireApp(store: Store, id: string): OAuthApplicationRecord {
  const app = store.state.oauthApplications.find((a) => a.id === id);
  if (!app) throw clerkError(404, 'resource_not_found', 'not found', `No OAuth application was found with id ${id}.`);
  return app;
}

/** Redirect URIs from `redirect_uris` or the deprecated `callback_url`. */
function redirectUris(b: Record<string, unknown>): string[] | undefined {
  if (Array.isArray(b.redirect_uris)) return b.redirect_uris as string[];
  if (typeof b.callback_url === 'string' && b.callback_url !== '') return [b.callback_url];
  if (b.redirect_uris === null) return [];
  return undefined;
}

function checkFields(b: Record<string, unknown>): void {
  const errors: ClerkErrorEntry[] = [];
  if (typeof b.name === 'string' && b.name.trim() === '')
    errors.push(paramValueInvalid('name', 'name is invalid. Must be not empty'));
  const uris = redirectUris(b) ?? [];
  const bad = uris.find((u) => !isUrl(u));
  if (bad !== undefined)
    errors.push(paramFormatInvalid('redirect_uris', `redirect_uris must contain valid URLs (got "${bad}").`));
  if (typeof b.scopes === 'string') {
    const unknown = b.scopes.split(/\s+/).filter((s) => s !== '' && !SCOPES.includes(s));
    if (unknown.length > 0)
      errors.push(
        paramValueInvalid(
          'scopes',
          `${unknown.join(' ')} does not match one of the allowed values for parameter scopes (allowed: ${SCOPES.join(', ')}, space-separated).`,
        ),
      );
  }
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
  if (new Set(uris).size !== uris.length)
    throw clerkError(400, 'duplicate_record', 'duplicate redirect URI', 'the redirect URI already exists');
}

function list(ctx: RouteContext): unknown {
  const { store, query } = ctx;
  const p = pagination(query);
  const order = orderBy(query, ['created_at', 'name'], '+created_at')!;
  const q = queryString(query, 'name_query')?.trim().toLowerCase();
  const matched = store.state.oauthApplications.filter(
    (a) => !q || a.name.toLowerCase().includes(q) || a.client_id.toLowerCase() === q,
  );
  const ordered = sortBy(
    matched,
    order.field === 'name' ? (a) => a.name.toLowerCase() : (a) => a.created_at,
    order.desc,
  );
  return paginated(page(ordered, p), ordered.length);
}

function create(ctx: RouteContext): unknown {
  const { store } = ctx;
  const b = validateBody(ctx.json(), CREATE);
  checkFields(b);
  const uris = redirectUris(b);
  const { app, clientSecret } = newOAuthApplication(
    store.ids,
    {
      name: (b.name as string).trim(),
      ...(uris ? { redirectUris: uris } : {}),
      scopes: (b.scopes as string | null | undefined) ?? 'profile email',
      consentScreenEnabled: (b.consent_screen_enabled as boolean | null | undefined) ?? true,
      pkceRequired: (b.pkce_required as boolean | null | undefined) ?? false,
      isPublic: (b.public as boolean | null | undefined) ?? false,
    },
    store.now(),
  );
  store.state.oauthApplications.push(app);
  return { ...app, client_secret: clientSecret };
}

function update(ctx: RouteContext): OAuthApplicationRecord {
  const { store } = ctx;
  const app = requireApp(store, ctx.params.oauth_application_id!);
  const b = validateBody(ctx.json(), FIELDS);
  checkFields(b);
  const uris = redirectUris(b);
  if (typeof b.name === 'string') app.name = b.name.trim();
  if (uris) {
    app.redirect_uris = uris;
    app.callback_url = uris[0] ?? '';
  }
  if (typeof b.scopes === 'string') app.scopes = b.scopes;
  if (typeof b.consent_screen_enabled === 'boolean') app.consent_screen_enabled = b.consent_screen_enabled;
  if (typeof b.pkce_required === 'boolean') app.pkce_required = b.pkce_required;
  if (typeof b.public === 'boolean') app.public = b.public;
  app.updated_at = store.now();
  return app;
}

function remove(ctx: RouteContext): unknown {
  const list = ctx.store.state.oauthApplications;
  const app = requireApp(ctx.store, ctx.params.oauth_application_id!);
  return removeRecord(list, app);
}

/** OAuth application routes. */
export const oauthApplicationRoutes: Route[] = [
  { method: 'GET', pattern: '/oauth_applications', handle: list },
  { method: 'POST', pattern: '/oauth_applications', handle: create },
  {
    method: 'GET',
    pattern: '/oauth_applications/{oauth_application_id}',
    handle: (ctx) => requireApp(ctx.store, ctx.params.oauth_application_id!),
  },
  { method: 'PATCH', pattern: '/oauth_applications/{oauth_application_id}', handle: update },
  { method: 'DELETE', pattern: '/oauth_applications/{oauth_application_id}', handle: remove },
];
