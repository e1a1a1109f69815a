/**
 * What the allowlist and the blocklist share: identifier validation (email, `*@domain` wildcard, E.164 phone,
 * web3 wallet; the blocklist also takes a bare email domain), the duplicate check, and delete by id.
 */
import { clerkError, ClerkHttpError, notFound, paramFormatInvalid } from '../errors.js';
import { identifierType, isDomainName } from '../formats.js';
import type { IdentifierType } from '../types.js';
import { removeRecord, type DeletedObject } from './remove-record.js';

/** Classify an identifier or throw 422 form_param_format_invalid. */
export function classifyIdentifier(identifier: string, allowDomain: boolean): IdentifierType {
  const type =
    identifierType(identifier) ?? (allowDomain && isDomainName(identifier.toLowerCase()) ? 'email_address' : undefined);
  if (type === undefined) {
    throw new ClerkHttpError(422, [
      paramFormatInvalid(
        'identifier',
        'identifier must be either a valid email address, a valid phone number according to E.164 international standard or a valid web3 wallet.',
      ),
    ]);
  }
  return type;
}

/** 400 duplicate_record when the list already has this identifier (case-insensitive). */
export function assertNotListed(
  list: ReadonlyArray<{ identifier: string }>,
  identifier: string,
  which: 'allowlist' | 'blocklist',
): void {
  const lower = identifier.toLowerCase();
  if (list.some((x) => x.identifier.toLowerCase() === lower)) {
    throw clerkError(
      400,
      'duplicate_record',
      `duplicate ${which} identifier`,
      `the identifier ${identifier} already exists`,
    );
  }
}

/** Remove the entry with `id` from `list` in place, or throw 404; returns Clerk's DeletedObject. */
export function deleteIdentifier<T extends { id: string; object: string }>(list: T[], id: string): DeletedObject {
  const entry = list.find((x) => x.id === id);
  if (!entry) throw notFound('identifier', id);
  return removeRecord(list, entry);
}
