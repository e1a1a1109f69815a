/**
 * User routes: get, update, delete, ban/unban, lock/unlock (create is in user-create.ts). Side effects a real admin
 * relies on: banning revokes the user's active sessions; deleting removes the user's memberships and sessions.
 */
import { ClerkHttpError, notFound, paramMissing, type ClerkErrorEntry } from '../errors.js';
import { assertMetadataSizes } from '../metadata.js';
import type { Route, RouteContext } from '../router.js';
import type { Store } from '../store.js';
import type { JsonObject, UserRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { isLegacyVersion } from '../versions.js';
import { revokeActiveSessions } from './sessions.js';
import {
  checkExternalId,
  checkPassword,
  checkUsername,
  dateField,
  localeField,
  PASSWORD_HASHERS,
} from './user-checks.js';

const nullableString = { type: 'string', nullable: true } as const;
const nullableBool = { type: 'boolean', nullable: true } as const;

const UPDATE_USER: BodySpec = {
  external_id: nullableString,
  first_name: { ...nullableString, maxLength: 256 },
  last_name: { ...nullableString, maxLength: 256 },
  locale: nullableString,
  primary_email_address_id: nullableString,
  notify_primary_email_address_changed: nullableBool,
  primary_phone_number_id: nullableString,
  primary_web3_wallet_id: nullableString,
  username: nullableString,
  profile_image_id: nullableString,
  password: nullableString,
  password_digest: { type: 'string' },
  password_hasher: { type: 'string', enum: PASSWORD_HASHERS },
  skip_password_checks: nullableBool,
  sign_out_of_other_sessions: nullableBool,
  totp_secret: nullableString,
  backup_codes: { type: 'string[]' },
  delete_self_enabled: nullableBool,
  create_organization_enabled: nullableBool,
  legal_accepted_at: nullableString,
  skip_legal_checks: nullableBool,
  create_organizations_limit: { type: 'integer', nullable: true, min: 0 },
  created_at: nullableString,
  bypass_client_trust: nullableBool,
};

/** Metadata fields accepted by PATCH /users/{id} before API version 2026-05-12 (replace semantics). */
const LEGACY_USER_METADATA: BodySpec = {
  public_metadata: { type: 'object', nullable: true },
  private_metadata: { type: 'object', nullable: true },
  unsafe_metadata: { type: 'object', nullable: true },
};

const METADATA_HINT =
  'As of API version 2026-05-12, metadata is updated with PATCH /v1/users/{user_id}/metadata (deep merge) or PUT /v1/users/{user_id}/metadata (replace).';

/** The user for `user_id`, or a 404. */
export function requireUser(store: Store, id: string): UserRecord {
  const user = store.getUser(id);
  if (!user) throw notFound('user', id);
  return user;
}

/** Throw a 422 carrying every entry, if there are any. */
export function fail(errors: ClerkErrorEntry[]): void {
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
}

function checkPrimary(
  user: UserRecord,
  name: string,
  id: unknown,
  list: Array<{ id: string }>,
  errors: ClerkErrorEntry[],
): void {
  if (typeof id === 'string' && !list.some((x) => x.id === id)) {
    errors.push({
      code: 'form_resource_not_found',
      message: 'not found',
      long_message: `The resource associated with the supplied ${name} was not found: ${id} is not one of ${user.id}'s identifications.`,
      meta: { param_name: name },
    });
  }
}

function updateUser(ctx: RouteContext): UserRecord {
  const { store } = ctx;
  const user = requireUser(store, ctx.params.user_id!);
  const legacy = isLegacyVersion(ctx.apiVersion);
  const spec = legacy ? { ...UPDATE_USER, ...LEGACY_USER_METADATA } : UPDATE_USER;
  const rejected: Record<string, string> = legacy
    ? {}
    : { public_metadata: METADATA_HINT, private_metadata: METADATA_HINT, unsafe_metadata: METADATA_HINT };
  const b = validateBody(ctx.json(), spec, rejected);
  const errors: ClerkErrorEntry[] = [];
  const username = b.username as string | null | undefined;
  if (username) errors.push(...checkUsername(store, username, user.id));
  if (typeof b.external_id === 'string') errors.push(...checkExternalId(store, b.external_id, user.id));
  if (typeof b.password === 'string') errors.push(...checkPassword(b.password, b.skip_password_checks === true));
  if (typeof b.password_digest === 'string' && b.password_hasher === undefined)
    errors.push(paramMissing('password_hasher'));
  checkPrimary(user, 'primary_email_address_id', b.primary_email_address_id, user.email_addresses, errors);
  checkPrimary(user, 'primary_phone_number_id', b.primary_phone_number_id, user.phone_numbers, errors);
  checkPrimary(user, 'primary_web3_wallet_id', b.primary_web3_wallet_id, user.web3_wallets, errors);
  localeField(b.locale, errors);
  const createdAt = dateField('created_at', b.created_at, errors);
  const legalAt = dateField('legal_accepted_at', b.legal_accepted_at, errors);
  fail(errors);
  if (legacy) {
    assertMetadataSizes({
      public_metadata: b.public_metadata as JsonObject,
      private_metadata: b.private_metadata as JsonObject,
      unsafe_metadata: b.unsafe_metadata as JsonObject,
    });
  }

  const now = store.now();
  store.unindexUser(user);
  if (b.first_name !== undefined) user.first_name = b.first_name as string | null;
  if (b.last_name !== undefined) user.last_name = b.last_name as string | null;
  if (b.locale !== undefined) user.locale = b.locale as string | null;
  if (username !== undefined) user.username = username || null;
  if (b.external_id !== undefined) user.external_id = (b.external_id as string | null) || null;
  if (typeof b.primary_email_address_id === 'string') user.primary_email_address_id = b.primary_email_address_id;
  if (typeof b.primary_phone_number_id === 'string') user.primary_phone_number_id = b.primary_phone_number_id;
  if (typeof b.primary_web3_wallet_id === 'string') user.primary_web3_wallet_id = b.primary_web3_wallet_id;
  if (typeof b.password === 'string' || typeof b.password_digest === 'string') {
    user.password_enabled = true;
    user.password_last_updated_at = now;
    if (b.sign_out_of_other_sessions === true) revokeActiveSessions(store, user.id, now);
  }
  if (typeof b.totp_secret === 'string') {
    user.totp_enabled = true;
    user.mfa_enabled_at = now;
  }
  if (Array.isArray(b.backup_codes)) user.backup_code_enabled = b.backup_codes.length > 0;
  user.two_factor_enabled = user.totp_enabled || user.backup_code_enabled;
  if (typeof b.delete_self_enabled === 'boolean') user.delete_self_enabled = b.delete_self_enabled;
  if (typeof b.create_organization_enabled === 'boolean')
    user.create_organization_enabled = b.create_organization_enabled;
  if (b.create_organizations_limit !== undefined)
    user.create_organizations_limit = b.create_organizations_limit as number | null;
  if (typeof b.bypass_client_trust === 'boolean') user.bypass_client_trust = b.bypass_client_trust;
  if (legalAt !== undefined) user.legal_accepted_at = legalAt;
  if (createdAt !== undefined && createdAt !== null && createdAt !== user.created_at) {
    // Keep state.users sorted by created_at: take the user out and put it back at its new place.
    store.removeUser(user.id);
    user.created_at = createdAt;
    store.insertUser(user);
  }
  if (legacy) {
    for (const field of ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const) {
      if (b[field] !== undefined) user[field] = structuredClone((b[field] as JsonObject | null) ?? {});
    }
  }
  user.updated_at = now;
  store.indexUser(user);
  return user;
}

function deleteUser(ctx: RouteContext): unknown {
  const { store } = ctx;
  const user = requireUser(store, ctx.params.user_id!);
  for (const m of [...store.membershipsOfUser(user.id)]) store.removeMembership(m);
  store.state.sessions = store.state.sessions.filter((s) => s.user_id !== user.id);
  store.removeUser(user.id);
  return { object: 'user', id: user.id, deleted: true };
}

function setFlag(ctx: RouteContext, apply: (user: UserRecord, now: number) => void): UserRecord {
  const user = requireUser(ctx.store, ctx.params.user_id!);
  const now = ctx.store.now();
  apply(user, now);
  user.updated_at = now;
  return user;
}

/** Routes for one user. */
export const userRoutes: Route[] = [
  { method: 'GET', pattern: '/users/{user_id}', handle: (ctx) => requireUser(ctx.store, ctx.params.user_id!) },
  { method: 'PATCH', pattern: '/users/{user_id}', handle: updateUser },
  { method: 'DELETE', pattern: '/users/{user_id}', handle: deleteUser },
  {
    method: 'POST',
    pattern: '/users/{user_id}/ban',
    handle: (ctx) =>
      setFlag(ctx, (u, now) => {
        u.banned = true;
        revokeActiveSessions(ctx.store, u.id, now);
      }),
  },
  { method: 'POST', pattern: '/users/{user_id}/unban', handle: (ctx) => setFlag(ctx, (u) => void (u.banned = false)) },
  {
    method: 'POST',
    pattern: '/users/{user_id}/lock',
    handle: (ctx) =>
      setFlag(ctx, (u) => {
        u.locked = true;
        u.lockout_expires_in_seconds = null;
      }),
  },
  {
    method: 'POST',
    pattern: '/users/{user_id}/unlock',
    handle: (ctx) =>
      setFlag(ctx, (u) => {
        u.locked = false;
        u.lockout_expires_in_seconds = null;
        u.verification_attempts_remaining = 100;
      }),
  },
];
