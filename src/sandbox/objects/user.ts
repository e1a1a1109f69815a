/** Builders for the Clerk `User` object and its identifications, shared by the routes and the seed. */
import { ID_PREFIX, type IdGenerator } from '../ids.js';
import type {
  AdminVerification,
  EmailAddressRecord,
  JsonObject,
  PhoneNumberRecord,
  UserRecord,
  Web3WalletRecord,
} from '../types.js';

/** The verification Clerk attaches to identifications created through the Backend API. */
export function adminVerification(): AdminVerification {
  return { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null };
}

/** A verified email address identification. */
export function newEmailAddress(ids: IdGenerator, email: string, at: number): EmailAddressRecord {
  return {
    id: ids.next(ID_PREFIX.identification),
    object: 'email_address',
    email_address: email,
    reserved: false,
    verification: adminVerification(),
    linked_to: [],
    matches_sso_connection: false,
    created_at: at,
    updated_at: at,
  };
}

/** A verified phone number identification. */
export function newPhoneNumber(ids: IdGenerator, phone: string, at: number): PhoneNumberRecord {
  return {
    id: ids.next(ID_PREFIX.identification),
    object: 'phone_number',
    phone_number: phone,
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: false,
    verification: adminVerification(),
    linked_to: [],
    backup_codes: null,
    created_at: at,
    updated_at: at,
  };
}

/** A verified web3 wallet identification. */
export function newWeb3Wallet(ids: IdGenerator, wallet: string, at: number): Web3WalletRecord {
  return {
    id: ids.next(ID_PREFIX.identification),
    object: 'web3_wallet',
    web3_wallet: wallet,
    verification: adminVerification(),
    created_at: at,
    updated_at: at,
  };
}

/** Everything needed to build a user; omitted fields take Clerk's defaults. */
export interface NewUserInput {
  createdAt: number;
  emails?: string[];
  phones?: string[];
  wallets?: string[];
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  externalId?: string | null;
  locale?: string | null;
  passwordEnabled?: boolean;
  publicMetadata?: JsonObject;
  privateMetadata?: JsonObject;
  unsafeMetadata?: JsonObject;
  banned?: boolean;
  locked?: boolean;
  lastSignInAt?: number | null;
  lastActiveAt?: number | null;
  legalAcceptedAt?: number | null;
  deleteSelfEnabled?: boolean;
  createOrganizationEnabled?: boolean;
  createOrganizationsLimit?: number | null;
  bypassClientTrust?: boolean;
  totpEnabled?: boolean;
  backupCodeEnabled?: boolean;
}

/** Build a complete Clerk `User`. The first email/phone/wallet becomes the primary one. */
export function newUser(ids: IdGenerator, input: NewUserInput): UserRecord {
  const at = input.createdAt;
  const id = ids.next(ID_PREFIX.user);
  const emails = (input.emails ?? []).map((e) => newEmailAddress(ids, e, at));
  const phones = (input.phones ?? []).map((p) => newPhoneNumber(ids, p, at));
  const wallets = (input.wallets ?? []).map((w) => newWeb3Wallet(ids, w, at));
  const image = `https://img.clerk.com/sandbox-default-avatar?user=${id}`;
  const totp = input.totpEnabled ?? false;
  const backup = input.backupCodeEnabled ?? false;
  return {
    id,
    object: 'user',
    external_id: input.externalId ?? null,
    primary_email_address_id: emails[0]?.id ?? null,
    primary_phone_number_id: phones[0]?.id ?? null,
    primary_web3_wallet_id: wallets[0]?.id ?? null,
    username: input.username ?? null,
    first_name: input.firstName ?? null,
    last_name: input.lastName ?? null,
    locale: input.locale ?? null,
    profile_image_url: image,
    image_url: image,
    has_image: false,
    public_metadata: input.publicMetadata ?? {},
    private_metadata: input.privateMetadata ?? {},
    unsafe_metadata: input.unsafeMetadata ?? {},
    email_addresses: emails,
    phone_numbers: phones,
    web3_wallets: wallets,
    passkeys: [],
    password_enabled: input.passwordEnabled ?? false,
    two_factor_enabled: totp || backup,
    totp_enabled: totp,
    backup_code_enabled: backup,
    mfa_enabled_at: totp ? at : null,
    mfa_disabled_at: null,
    password_last_updated_at: input.passwordEnabled ? at : null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: input.lastSignInAt ?? null,
    banned: input.banned ?? false,
    locked: input.locked ?? false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    updated_at: at,
    created_at: at,
    delete_self_enabled: input.deleteSelfEnabled ?? true,
    create_organization_enabled: input.createOrganizationEnabled ?? true,
    create_organizations_limit: input.createOrganizationsLimit ?? null,
    last_active_at: input.lastActiveAt ?? null,
    legal_accepted_at: input.legalAcceptedAt ?? null,
    bypass_client_trust: input.bypassClientTrust ?? false,
  };
}

/** The user's primary email address, or null. */
export function primaryEmail(user: UserRecord): string | null {
  const primary = user.email_addresses.find((e) => e.id === user.primary_email_address_id) ?? user.email_addresses[0];
  return primary?.email_address ?? null;
}

/** The identifier Clerk shows for a user in public data: primary email, else phone, else username. */
export function publicIdentifier(user: UserRecord): string {
  return (
    primaryEmail(user) ??
    user.phone_numbers[0]?.phone_number ??
    user.username ??
    user.web3_wallets[0]?.web3_wallet ??
    ''
  );
}
