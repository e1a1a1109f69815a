/**
 * Checks shared by user create and update: identifier formats and uniqueness (`form_identifier_exists`), username
 * rules, password length, dates and locale. Each returns error entries; the caller throws them together.
 */
import { identifierExists, paramFormatInvalid, type ClerkErrorEntry } from '../errors.js';
import { checkLocale, emailInvalid, isEmail, isPhone, isWeb3Wallet, parseRfc3339, phoneInvalid } from '../formats.js';
import type { Store } from '../store.js';

/** Password hashers Clerk accepts for `password_digest` (REFERENCE.md §3). */
export const PASSWORD_HASHERS = [
  'bcrypt',
  'bcrypt_sha256_django',
  'md5',
  'pbkdf2_sha1',
  'pbkdf2_sha256',
  'pbkdf2_sha256_django',
  'pbkdf2_sha512',
  'phpass',
  'md5_phpass',
  'scrypt_firebase',
  'scrypt_werkzeug',
  'sha256',
  'ldap_ssha',
  'argon2i',
  'argon2id',
  'sha512_symfony',
  'pbkdf2_sha512_hex',
] as const;

function duplicate(name: string, value: string): ClerkErrorEntry {
  return {
    code: 'form_param_duplicate',
    message: 'duplicate values',
    long_message: `${value} is included more than once in ${name}.`,
    meta: { param_name: name },
  };
}

/** Email addresses: format, duplicates within the request, taken by another user. */
export function checkEmails(store: Store, emails: string[], ownerId?: string): ClerkErrorEntry[] {
  const errors: ClerkErrorEntry[] = [];
  const seen = new Set<string>();
  for (const email of emails) {
    const key = email.toLowerCase();
    if (!isEmail(email)) errors.push(emailInvalid('email_address'));
    else if (seen.has(key)) errors.push(duplicate('email_address', email));
    else {
      const owner = store.userIdByEmail(email);
      if (owner !== undefined && owner !== ownerId)
        errors.push(identifierExists('email_address', 'That email address is taken. Please try another.'));
    }
    seen.add(key);
  }
  return errors;
}

/** Phone numbers: E.164, duplicates, taken. */
export function checkPhones(store: Store, phones: string[]): ClerkErrorEntry[] {
  const errors: ClerkErrorEntry[] = [];
  const seen = new Set<string>();
  for (const phone of phones) {
    if (!isPhone(phone)) errors.push(phoneInvalid('phone_number'));
    else if (seen.has(phone)) errors.push(duplicate('phone_number', phone));
    else if (store.userIdByPhone(phone) !== undefined)
      errors.push(identifierExists('phone_number', 'That phone number is taken. Please try another.'));
    seen.add(phone);
  }
  return errors;
}

/** Web3 wallets: format, duplicates, taken. */
export function checkWallets(store: Store, wallets: string[]): ClerkErrorEntry[] {
  const errors: ClerkErrorEntry[] = [];
  const seen = new Set<string>();
  for (const wallet of wallets) {
    const key = wallet.toLowerCase();
    if (!isWeb3Wallet(wallet))
      errors.push(
        paramFormatInvalid(
          'web3_wallet',
          'web3_wallet must be a valid Ethereum address (0x followed by 40 hex digits).',
        ),
      );
    else if (seen.has(key)) errors.push(duplicate('web3_wallet', wallet));
    else if (store.userIdByWeb3(wallet) !== undefined)
      errors.push(identifierExists('web3_wallet', 'That web3 wallet is taken. Please try another.'));
    seen.add(key);
  }
  return errors;
}

/** Username rules (4–64 characters; letters, digits, `_`, `-`, `.`; not all digits) and uniqueness. */
export function checkUsername(store: Store, username: string, ownerId?: string): ClerkErrorEntry[] {
  const meta = { param_name: 'username' };
  if (username.length < 4 || username.length > 64) {
    return [
      {
        code: 'form_username_invalid_length',
        message: 'length invalid',
        long_message: 'Username must be between 4 and 64 characters long.',
        meta,
      },
    ];
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(username)) {
    return [
      {
        code: 'form_username_invalid_character',
        message: 'invalid character',
        long_message: 'Username can only contain letters, numbers and the special characters _ - and .',
        meta,
      },
    ];
  }
  if (/^\d+$/.test(username)) {
    return [
      {
        code: 'form_username_needs_non_number_char',
        message: 'needs a non-number character',
        long_message: 'Username must contain at least one non-number character.',
        meta,
      },
    ];
  }
  const owner = store.userIdByUsername(username);
  if (owner !== undefined && owner !== ownerId)
    return [identifierExists('username', 'That username is taken. Please try another.')];
  return [];
}

/** external_id uniqueness. */
export function checkExternalId(store: Store, externalId: string, ownerId?: string): ClerkErrorEntry[] {
  const owner = store.userIdByExternalId(externalId);
  return owner !== undefined && owner !== ownerId
    ? [identifierExists('external_id', 'That external ID is taken by another user.')]
    : [];
}

/** Password policy: 8 characters minimum, 72 bytes maximum (bcrypt), unless checks are skipped. */
export function checkPassword(password: string, skipChecks: boolean): ClerkErrorEntry[] {
  const meta = { param_name: 'password' };
  if (Buffer.byteLength(password, 'utf8') > 72) {
    return [
      {
        code: 'form_password_size_in_bytes_exceeded',
        message: 'too long',
        long_message: 'Passwords must be at most 72 bytes long.',
        meta,
      },
    ];
  }
  if (!skipChecks && password.length < 8) {
    return [
      {
        code: 'form_password_length_too_short',
        message: 'Passwords must be 8 characters or more.',
        long_message: 'Passwords must be 8 characters or more.',
        meta,
      },
    ];
  }
  return [];
}

/** Parse an optional RFC3339 body date; pushes an error entry and returns undefined when invalid. */
export function dateField(name: string, value: unknown, errors: ClerkErrorEntry[]): number | null | undefined {
  if (value === undefined || value === null) return value as null | undefined;
  const parsed = parseRfc3339(name, value as string);
  if (typeof parsed === 'number') return parsed;
  errors.push(parsed);
  return undefined;
}

/** Locale check that tolerates absent/null values. */
export function localeField(value: unknown, errors: ClerkErrorEntry[]): void {
  if (typeof value !== 'string') return;
  const problem = checkLocale('locale', value);
  if (problem) errors.push(problem);
}
