/**
 * Builders for the instance-level objects: invitations, sessions, allow/blocklist identifiers, JWT templates,
 * domains and OAuth applications, in Clerk's wire shape.
 */
import { hashString, ID_PREFIX, type IdGenerator } from '../ids.js';
import type {
  AllowlistIdentifierRecord,
  BlocklistIdentifierRecord,
  DomainRecord,
  IdentifierType,
  InvitationRecord,
  JsonObject,
  JwtTemplateRecord,
  OAuthApplicationRecord,
  SessionActivity,
  SessionRecord,
  SessionStatus,
} from '../types.js';
import { FRONTEND_API_URL, INSTANCE_ID, PRIMARY_DOMAIN, ticketUrl } from './instance.js';

const DAY = 86_400_000;

/** Build a Clerk `Invitation`. */
export function newInvitation(
  ids: IdGenerator,
  email: string,
  createdAt: number,
  opts: { expiresInDays?: number; status?: InvitationRecord['status']; publicMetadata?: JsonObject } = {},
): InvitationRecord {
  const id = ids.next(ID_PREFIX.invitation);
  const status = opts.status ?? 'pending';
  return {
    object: 'invitation',
    id,
    email_address: email,
    public_metadata: opts.publicMetadata ?? {},
    revoked: status === 'revoked',
    status,
    url: ticketUrl(id, 'sign-up'),
    expires_at: createdAt + (opts.expiresInDays ?? 30) * DAY,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** Device facts for a session's latest activity. */
export interface DeviceInput {
  device: string;
  mobile: boolean;
  browser: string;
  version: string;
  ip: string;
  city: string;
  country: string;
}

/** Build a Clerk `Session` (sessions are seeded: none of the 48 actions creates one). */
export function newSession(
  ids: IdGenerator,
  input: {
    userId: string;
    status: SessionStatus;
    createdAt: number;
    lastActiveAt: number;
    device?: DeviceInput;
    orgId?: string | null;
  },
): SessionRecord {
  const id = ids.next(ID_PREFIX.session);
  const clientId = ids.next(ID_PREFIX.client);
  const d = input.device;
  const activity: SessionActivity | null = d
    ? {
        object: 'session_activity',
        id: ids.next(ID_PREFIX.sessionActivity),
        device_type: d.device,
        is_mobile: d.mobile,
        browser_name: d.browser,
        browser_version: d.version,
        ip_address: d.ip,
        city: d.city,
        country: d.country,
      }
    : null;
  return {
    object: 'session',
    id,
    user_id: input.userId,
    client_id: clientId,
    actor: null,
    status: input.status,
    last_active_organization_id: input.orgId ?? null,
    last_active_at: input.lastActiveAt,
    latest_activity: activity,
    expire_at: input.lastActiveAt + 7 * DAY,
    abandon_at: input.createdAt + 30 * DAY,
    updated_at: input.lastActiveAt,
    created_at: input.createdAt,
    tasks: null,
  };
}

/** Build a Clerk `AllowlistIdentifier`. */
export function newAllowlistIdentifier(
  ids: IdGenerator,
  identifier: string,
  type: IdentifierType,
  at: number,
): AllowlistIdentifierRecord {
  return {
    object: 'allowlist_identifier',
    id: ids.next(ID_PREFIX.allowlist),
    identifier,
    identifier_type: type,
    instance_id: INSTANCE_ID,
    created_at: at,
    updated_at: at,
  };
}

/** Build a Clerk `BlocklistIdentifier`. */
export function newBlocklistIdentifier(
  ids: IdGenerator,
  identifier: string,
  type: IdentifierType,
  at: number,
): BlocklistIdentifierRecord {
  return {
    object: 'blocklist_identifier',
    id: ids.next(ID_PREFIX.blocklist),
    identifier,
    identifier_type: type,
    instance_id: INSTANCE_ID,
    created_at: at,
    updated_at: at,
  };
}

/** Input for newJwtTemplate (defaults: lifetime 60 s, clock skew 5 s, RS256). */
export interface JwtTemplateInput {
  name: string;
  claims: JsonObject;
  lifetime?: number | null;
  allowedClockSkew?: number | null;
  customSigningKey?: boolean;
  signingAlgorithm?: string | null;
}

/** Build a Clerk `JWTTemplate` (a custom signing key itself is never stored or returned). */
export function newJwtTemplate(ids: IdGenerator, input: JwtTemplateInput, at: number): JwtTemplateRecord {
  return {
    object: 'jwt_template',
    id: ids.next(ID_PREFIX.jwtTemplate),
    name: input.name,
    claims: input.claims,
    lifetime: input.lifetime ?? 60,
    allowed_clock_skew: input.allowedClockSkew ?? 5,
    custom_signing_key: input.customSigningKey ?? false,
    signing_algorithm: input.signingAlgorithm ?? 'RS256',
    created_at: at,
    updated_at: at,
  };
}

/** Build a Clerk `Domain`. */
export function newDomain(
  ids: IdGenerator,
  name: string,
  isSatellite: boolean,
  proxyUrl: string | null = null,
): DomainRecord {
  const host = name.replace(/:\d+$/, '');
  return {
    object: 'domain',
    id: ids.next(ID_PREFIX.domain),
    name,
    is_satellite: isSatellite,
    frontend_api_url: isSatellite ? `https://clerk.${host}` : FRONTEND_API_URL,
    accounts_portal_url: isSatellite ? null : `https://accounts.${PRIMARY_DOMAIN}`,
    proxy_url: proxyUrl,
    development_origin: '',
    cname_targets: [
      { host: `clerk.${host}`, value: 'frontend-api.clerk.services', required: true },
      ...(isSatellite ? [] : [{ host: `accounts.${host}`, value: 'accounts.clerk.services', required: false }]),
      { host: `clkmail.${host}`, value: `mail.${host.replace(/\./g, '-')}.clerk.services`, required: true },
    ],
  };
}

/** Input for newOAuthApplication. */
export interface OAuthApplicationInput {
  name: string;
  redirectUris?: string[];
  scopes?: string;
  consentScreenEnabled?: boolean;
  pkceRequired?: boolean;
  isPublic?: boolean;
}

/** Build a Clerk `OAuthApplication` and its one-time client secret (empty for public clients). */
export function newOAuthApplication(
  ids: IdGenerator,
  input: OAuthApplicationInput,
  at: number,
): { app: OAuthApplicationRecord; clientSecret: string } {
  const id = ids.next(ID_PREFIX.oauthApplication);
  const redirectUris = input.redirectUris ?? [];
  const app: OAuthApplicationRecord = {
    object: 'oauth_application',
    id,
    instance_id: INSTANCE_ID,
    name: input.name,
    client_id: hashString(id, 16, 7),
    client_uri: null,
    client_image_url: null,
    dynamically_registered: false,
    consent_screen_enabled: input.consentScreenEnabled ?? true,
    pkce_required: input.pkceRequired ?? false,
    public: input.isPublic ?? false,
    scopes: input.scopes ?? 'profile email',
    redirect_uris: redirectUris,
    callback_url: redirectUris[0] ?? '',
    authorize_url: `${FRONTEND_API_URL}/oauth/authorize`,
    token_fetch_url: `${FRONTEND_API_URL}/oauth/token`,
    user_info_url: `${FRONTEND_API_URL}/oauth/userinfo`,
    discovery_url: `${FRONTEND_API_URL}/.well-known/openid-configuration`,
    token_introspection_url: `${FRONTEND_API_URL}/oauth/token_info`,
    created_at: at,
    updated_at: at,
  };
  const clientSecret = app.public ? '' : hashString(id, 32, 13);
  return { app, clientSecret };
}
