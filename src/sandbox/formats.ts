/** Format checks Clerk applies to identifiers and other strings, with the catalog's wording for failures. */
import { paramFormatInvalid, type ClerkErrorEntry } from './errors.js';

const EMAIL =
  /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const WEB3 = /^0x[0-9a-fA-F]{40}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const DOMAIN_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?$|^localhost(?::\d{1,5})?$/;

/** True for a syntactically valid email address. */
export function isEmail(v: string): boolean {
  return EMAIL.test(v);
}

/** True for an E.164 phone number. */
export function isPhone(v: string): boolean {
  return PHONE.test(v);
}

/** True for an Ethereum-style wallet address. */
export function isWeb3Wallet(v: string): boolean {
  return WEB3.test(v);
}

/** True for an organization slug (lowercase letters, digits, single dashes). */
export function isSlug(v: string): boolean {
  return SLUG.test(v);
}

/** True for a host name, optionally with a port (development instances). */
export function isDomainName(v: string): boolean {
  return DOMAIN_NAME.test(v);
}

/** True for a URL with a scheme (any scheme: OAuth redirect URIs may be `myapp://…`). */
export function isUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol.length > 1;
  } catch {
    return false;
  }
}

/** Error entry for a bad email. */
export function emailInvalid(name: string): ClerkErrorEntry {
  return paramFormatInvalid(name, `${name} must be a valid email address.`);
}

/** Error entry for a bad phone number. */
export function phoneInvalid(name: string): ClerkErrorEntry {
  return paramFormatInvalid(name, `${name} must be a valid phone number according to E.164 international standard.`);
}

/** Parse an RFC3339 timestamp to Unix ms, or return an error entry. */
export function parseRfc3339(name: string, v: string): number | ClerkErrorEntry {
  const ms = RFC3339.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms))
    return paramFormatInvalid(
      name,
      `${name} must be a date in RFC3339 format, e.g. 2012-10-20T07:15:20.902Z (got "${v}").`,
    );
  return ms;
}

/** Error entry for an invalid BCP-47 locale, or undefined. */
export function checkLocale(name: string, v: string): ClerkErrorEntry | undefined {
  return LOCALE.test(v) ? undefined : paramFormatInvalid(name, `${name} must be a valid BCP-47 language tag.`);
}

/** Lower-case slug made from a name ("Acme Inc." → "acme-inc"). */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'org' : s.slice(0, 60).replace(/-+$/, '');
}

/** Which kind of identifier an allow/blocklist value is, or undefined when it is none of them. */
export function identifierType(v: string): 'email_address' | 'phone_number' | 'web3_wallet' | undefined {
  if (isEmail(v) || (/^\*@/.test(v) && isEmail('x' + v.slice(1)))) return 'email_address';
  if (isPhone(v)) return 'phone_number';
  if (isWeb3Wallet(v)) return 'web3_wallet';
  return undefined;
}
