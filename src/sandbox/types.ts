/**
 * Shapes of the sandbox state. Most records are stored exactly as Clerk returns them on the wire (snake_case,
 * `object` discriminator, Unix-ms timestamps), so a response is the stored object serialised as-is. Memberships
 * are the exception: they embed the organization and the user's public data, which change, so they are stored
 * flat and rendered on the way out.
 */

/** A JSON object as stored in metadata fields. */
export type JsonObject = Record<string, unknown>;

/** Clerk's admin verification, used for identifications created through the Backend API. */
export interface AdminVerification {
  object: 'verification_admin';
  status: 'verified';
  strategy: 'admin';
  attempts: null;
  expire_at: null;
}

export interface EmailAddressRecord {
  id: string;
  object: 'email_address';
  email_address: string;
  reserved: boolean;
  verification: AdminVerification | null;
  linked_to: Array<{ type: string; id: string }>;
  matches_sso_connection: boolean;
  created_at: number;
  updated_at: number;
}

export interface PhoneNumberRecord {
  id: string;
  object: 'phone_number';
  phone_number: string;
  reserved_for_second_factor: boolean;
  default_second_factor: boolean;
  reserved: boolean;
  verification: AdminVerification | null;
  linked_to: Array<{ type: string; id: string }>;
  backup_codes: null;
  created_at: number;
  updated_at: number;
}

export interface Web3WalletRecord {
  id: string;
  object: 'web3_wallet';
  web3_wallet: string;
  verification: AdminVerification | null;
  created_at: number;
  updated_at: number;
}

/** The Clerk `User` object (2026-05-12 schema). */
export interface UserRecord {
  id: string;
  object: 'user';
  external_id: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  profile_image_url: string;
  image_url: string;
  has_image: boolean;
  public_metadata: JsonObject;
  private_metadata: JsonObject;
  unsafe_metadata: JsonObject;
  email_addresses: EmailAddressRecord[];
  phone_numbers: PhoneNumberRecord[];
  web3_wallets: Web3WalletRecord[];
  passkeys: unknown[];
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  mfa_enabled_at: number | null;
  mfa_disabled_at: number | null;
  password_last_updated_at: number | null;
  external_accounts: unknown[];
  saml_accounts: unknown[];
  enterprise_accounts: unknown[];
  last_sign_in_at: number | null;
  banned: boolean;
  locked: boolean;
  lockout_expires_in_seconds: number | null;
  verification_attempts_remaining: number | null;
  updated_at: number;
  created_at: number;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  last_active_at: number | null;
  legal_accepted_at: number | null;
  bypass_client_trust: boolean;
}

/** The Clerk `Organization` object, without `members_count` (computed on request). */
export interface OrganizationRecord {
  object: 'organization';
  id: string;
  name: string;
  slug: string;
  image_url: string;
  has_image: boolean;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: JsonObject;
  private_metadata: JsonObject;
  created_by: string;
  role_set_key: string | null;
  created_at: number;
  updated_at: number;
}

/** A membership as stored; rendered into Clerk's `OrganizationMembership` by routes/memberships-render.ts. */
export interface MembershipRecord {
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  public_metadata: JsonObject;
  private_metadata: JsonObject;
  created_at: number;
  updated_at: number;
}

export interface OrganizationInvitationRecord {
  object: 'organization_invitation';
  id: string;
  email_address: string;
  role: string;
  role_name: string;
  organization_id: string;
  inviter_id: string | null;
  public_inviter_data: {
    user_id: string;
    first_name: string | null;
    last_name: string | null;
    image_url: string;
    has_image: boolean;
    identifier: string;
  } | null;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  public_metadata: JsonObject;
  private_metadata: JsonObject;
  url: string | null;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface InvitationRecord {
  object: 'invitation';
  id: string;
  email_address: string;
  public_metadata: JsonObject;
  revoked: boolean;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  url: string;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionActivity {
  object: 'session_activity';
  id: string;
  device_type: string;
  is_mobile: boolean;
  browser_name: string;
  browser_version: string;
  ip_address: string;
  city: string;
  country: string;
}

export type SessionStatus =
  | 'active'
  | 'revoked'
  | 'ended'
  | 'expired'
  | 'removed'
  | 'abandoned'
  | 'replaced'
  | 'pending';

export interface SessionRecord {
  object: 'session';
  id: string;
  user_id: string;
  client_id: string;
  actor: null;
  status: SessionStatus;
  last_active_organization_id: string | null;
  last_active_at: number;
  latest_activity: SessionActivity | null;
  expire_at: number;
  abandon_at: number;
  updated_at: number;
  created_at: number;
  tasks: null;
}

export type IdentifierType = 'email_address' | 'phone_number' | 'web3_wallet';

export interface AllowlistIdentifierRecord {
  object: 'allowlist_identifier';
  id: string;
  invitation_id?: string;
  identifier: string;
  identifier_type: IdentifierType;
  instance_id: string;
  created_at: number;
  updated_at: number;
}

export interface BlocklistIdentifierRecord {
  object: 'blocklist_identifier';
  id: string;
  identifier: string;
  identifier_type: IdentifierType;
  instance_id: string;
  created_at: number;
  updated_at: number;
}

export interface JwtTemplateRecord {
  object: 'jwt_template';
  id: string;
  name: string;
  claims: JsonObject;
  lifetime: number;
  allowed_clock_skew: number;
  custom_signing_key: boolean;
  signing_algorithm: string;
  created_at: number;
  updated_at: number;
}

export interface DomainRecord {
  object: 'domain';
  id: string;
  name: string;
  is_satellite: boolean;
  frontend_api_url: string;
  accounts_portal_url: string | null;
  proxy_url: string | null;
  development_origin: string;
  cname_targets: Array<{ host: string; value: string; required: boolean }> | null;
}

export interface OAuthApplicationRecord {
  object: 'oauth_application';
  id: string;
  instance_id: string;
  name: string;
  client_id: string;
  client_uri: string | null;
  client_image_url: string | null;
  dynamically_registered: boolean;
  consent_screen_enabled: boolean;
  pkce_required: boolean;
  public: boolean;
  scopes: string;
  redirect_uris: string[];
  callback_url: string;
  authorize_url: string;
  token_fetch_url: string;
  user_info_url: string;
  discovery_url: string;
  token_introspection_url: string;
  created_at: number;
  updated_at: number;
}

/** The whole sandbox: plain JSON, persisted in `<dataDir>` as a snapshot plus a journal (persistence.ts). Users are kept in ascending created_at order. */
export interface SandboxState {
  version: 1;
  /** Next value of the deterministic id counter (ids.ts). */
  nextId: number;
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  organizationInvitations: OrganizationInvitationRecord[];
  invitations: InvitationRecord[];
  sessions: SessionRecord[];
  allowlistIdentifiers: AllowlistIdentifierRecord[];
  blocklistIdentifiers: BlocklistIdentifierRecord[];
  jwtTemplates: JwtTemplateRecord[];
  domains: DomainRecord[];
  oauthApplications: OAuthApplicationRecord[];
}

/** Which seed a sandbox starts from. */
export type SandboxSeed = 'demo' | 'empty' | SandboxState;

/** A fault to inject: matched per request by method and path (relative to /v1; `{param}` matches one segment). */
export interface SandboxFault {
  /** HTTP method, or `*` for any. */
  method: string;
  /** e.g. `/users/{user_id}/ban` or an exact path such as `/users`. A leading `/v1` is ignored. */
  path: string;
  /** Respond with this status instead of running the route (429 gets `Retry-After`; 5xx a Clerk error body). */
  status?: number;
  /** For 429: the `Retry-After` header value in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Delay before responding (alone: the request then runs normally). */
  latencyMs?: number;
  /** How many matching requests this fault applies to. */
  times: number;
}

/** One request the sandbox answered. */
export interface SandboxRequestLogEntry {
  method: string;
  /** Path relative to `/v1`, e.g. `/users/user_2x…/ban` (the full path when it did not start with /v1). */
  path: string;
  status: number;
  /** True when the request changed state (a non-GET that succeeded). */
  mutating: boolean;
  /** Raw query string without `?` (empty when none). Added beyond owners.md. */
  query?: string;
  /** The matched route pattern, e.g. `/users/{user_id}/ban`. Added beyond owners.md. */
  route?: string;
}

export interface CreateSandboxOptions {
  seed?: SandboxSeed;
  /** Persist to `<dataDir>` (snapshot + journal, owner.lock); load it when present (else the seed is used). */
  dataDir?: string;
  now?: () => number;
  /** Ignore any state on disk and start from the seed (what `--reset` does). Added beyond owners.md. */
  reset?: boolean;
  /** How the owner is named in `<dataDir>/owner.lock` (e.g. `clerk-agent chat`); default: the process's argv. */
  owner?: string;
}

/** The sandbox API (owners.md). */
export interface Sandbox {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  readonly baseUrl: string;
  readonly secretKey: string;
  snapshot(): SandboxState;
  faults: { add(f: SandboxFault): void; clear(): void };
  requests: SandboxRequestLogEntry[];
  reset(seed?: SandboxSeed): void;
  close(): Promise<void>;
}
