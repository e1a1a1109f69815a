/** `POST /users`: every identifier is checked (format, duplicates, taken) before anything is created. */
import { clerkError, paramMissing, type ClerkErrorEntry } from '../errors.js';
import { assertMetadataSizes } from '../metadata.js';
import { newUser } from '../objects/user.js';
import type { Route, RouteContext } from '../router.js';
import type { JsonObject, UserRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import {
  checkEmails,
  checkExternalId,
  checkPassword,
  checkPhones,
  checkUsername,
  checkWallets,
  dateField,
  localeField,
  PASSWORD_HASHERS,
} from './user-checks.js';
import { fail } from './users.js';

const nullableString = { type: 'string', nullable: true } as const;
const nullableBool = { type: 'boolean', nullable: true } as const;
const statusList = { type: 'string[]', enum: ['verified', 'reserved'] } as const;

const CREATE_USER: BodySpec = {
  external_id: nullableString,
  first_name: { ...nullableString, maxLength: 256 },
  last_name: { ...nullableString, maxLength: 256 },
  locale: nullableString,
  email_address: { type: 'string[]' },
  email_address_identification_status: statusList,
  phone_number: { type: 'string[]' },
  phone_number_identification_status: statusList,
  web3_wallet: { type: 'string[]' },
  username: nullableString,
  password: nullableString,
  password_digest: nullableString,
  password_hasher: { type: 'string', enum: PASSWORD_HASHERS },
  skip_password_checks: nullableBool,
  skip_password_requirement: nullableBool,
  totp_secret: nullableString,
  backup_codes: { type: 'string[]' },
  public_metadata: { type: 'object' },
  private_metadata: { type: 'object' },
  unsafe_metadata: { type: 'object' },
  delete_self_enabled: nullableBool,
  legal_accepted_at: nullableString,
  skip_legal_checks: nullableBool,
  skip_user_requirement: nullableBool,
  create_organization_enabled: nullableBool,
  create_organizations_limit: { type: 'integer', nullable: true, min: 0 },
  created_at: nullableString,
  bypass_client_trust: nullableBool,
  banned: nullableBool,
  locked: nullableBool,
};

function checkStatuses(name: string, statuses: string[] | undefined, count: number, errors: ClerkErrorEntry[]): void {
  if (statuses && statuses.length > 0 && statuses.length !== count) {
    errors.push({
      code: 'form_param_value_invalid',
      message: 'is invalid',
      long_message: `${name} must contain exactly one item per ${name.replace('_identification_status', '')} (got ${statuses.length} for ${count}).`,
      meta: { param_name: name },
    });
  }
}

function createUser(ctx: RouteContext): UserRecord {
  const { store } = ctx;
  const b = validateBody(ctx.json(), CREATE_USER);
  const emails = (b.email_address as string[] | undefined) ?? [];
  const phones = (b.phone_number as string[] | undefined) ?? [];
  const wallets = (b.web3_wallet as string[] | undefined) ?? [];
  const username = b.username as string | null | undefined;
  const errors: ClerkErrorEntry[] = [
    ...checkEmails(store, emails),
    ...checkPhones(store, phones),
    ...checkWallets(store, wallets),
    ...(username ? checkUsername(store, username) : []),
    ...(typeof b.external_id === 'string' ? checkExternalId(store, b.external_id) : []),
    ...(typeof b.password === 'string' ? checkPassword(b.password, b.skip_password_checks === true) : []),
  ];
  checkStatuses(
    'email_address_identification_status',
    b.email_address_identification_status as string[] | undefined,
    emails.length,
    errors,
  );
  checkStatuses(
    'phone_number_identification_status',
    b.phone_number_identification_status as string[] | undefined,
    phones.length,
    errors,
  );
  if (typeof b.password_digest === 'string' && b.password_hasher === undefined)
    errors.push(paramMissing('password_hasher'));
  if (b.password_hasher !== undefined && typeof b.password_digest !== 'string')
    errors.push(paramMissing('password_digest'));
  localeField(b.locale, errors);
  const createdAt = dateField('created_at', b.created_at, errors);
  const legalAt = dateField('legal_accepted_at', b.legal_accepted_at, errors);
  fail(errors);
  if (emails.length + phones.length + wallets.length === 0 && !username && b.skip_user_requirement !== true) {
    throw clerkError(
      422,
      'form_data_missing',
      'missing data',
      "identification data doesn't match user requirements set for this instance: provide at least one of email_address, phone_number, web3_wallet or username (or set skip_user_requirement).",
      { param_name: 'email_address' },
    );
  }
  assertMetadataSizes({
    public_metadata: b.public_metadata as JsonObject,
    private_metadata: b.private_metadata as JsonObject,
    unsafe_metadata: b.unsafe_metadata as JsonObject,
  });

  const now = store.now();
  const user = newUser(store.ids, {
    createdAt: createdAt ?? now,
    emails,
    phones,
    wallets,
    username: username || null,
    firstName: (b.first_name as string | null | undefined) ?? null,
    lastName: (b.last_name as string | null | undefined) ?? null,
    externalId: (b.external_id as string | null | undefined) ?? null,
    locale: (b.locale as string | null | undefined) ?? null,
    passwordEnabled: typeof b.password === 'string' || typeof b.password_digest === 'string',
    publicMetadata: structuredClone((b.public_metadata as JsonObject | undefined) ?? {}),
    privateMetadata: structuredClone((b.private_metadata as JsonObject | undefined) ?? {}),
    unsafeMetadata: structuredClone((b.unsafe_metadata as JsonObject | undefined) ?? {}),
    banned: b.banned === true,
    locked: b.locked === true,
    legalAcceptedAt: legalAt ?? null,
    deleteSelfEnabled: (b.delete_self_enabled as boolean | null | undefined) ?? true,
    createOrganizationEnabled: (b.create_organization_enabled as boolean | null | undefined) ?? true,
    createOrganizationsLimit: (b.create_organizations_limit as number | null | undefined) ?? null,
    bypassClientTrust: b.bypass_client_trust === true,
    totpEnabled: typeof b.totp_secret === 'string',
    backupCodeEnabled: Array.isArray(b.backup_codes) && b.backup_codes.length > 0,
  });
  if (createdAt !== undefined && createdAt !== null) user.updated_at = now;
  markReserved(user.email_addresses, b.email_address_identification_status as string[] | undefined);
  markReserved(user.phone_numbers, b.phone_number_identification_status as string[] | undefined);
  store.insertUser(user);
  return user;
}

function markReserved(
  items: Array<{ reserved: boolean; verification: unknown }>,
  statuses: string[] | undefined,
): void {
  statuses?.forEach((s, i) => {
    const item = items[i];
    if (item && s === 'reserved') {
      item.reserved = true;
      item.verification = null;
    }
  });
}

/** The create route. */
export const userCreateRoutes: Route[] = [{ method: 'POST', pattern: '/users', handle: createUser }];
