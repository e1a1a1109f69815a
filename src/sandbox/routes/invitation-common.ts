/**
 * What instance invitations (invitations.ts) and organization invitations (org-invitations.ts) share: the
 * `status` filter, the email/redirect checks of a create, the "already pending for this email" test and the
 * revoke transition. Each route keeps only what differs (scopes, error codes, the fields a revoke clears).
 */
import { ClerkHttpError, paramValueInvalid, type ClerkErrorEntry } from '../errors.js';
import { emailInvalid, isEmail, isUrl } from '../formats.js';
import { queryArray } from '../query.js';

const STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
type Status = (typeof STATUSES)[number];

/** Validate a `status` filter (string or repeated) against the invitation statuses. */
export function statusFilter(query: URLSearchParams): Set<string> | undefined {
  const values = queryArray(query, 'status');
  if (values.length === 0) return undefined;
  const bad = values.find((v) => !(STATUSES as readonly string[]).includes(v));
  if (bad !== undefined) {
    throw new ClerkHttpError(422, [
      paramValueInvalid(
        'status',
        `${bad} does not match one of the allowed values for parameter status (allowed: ${STATUSES.join(', ')}).`,
      ),
    ]);
  }
  return new Set(values);
}

/** The trimmed `email_address` of a create body; 422 (every problem at once) for a bad email or redirect_url. */
export function invitationEmail(body: Record<string, unknown>): string {
  const email = (body.email_address as string).trim();
  const errors: ClerkErrorEntry[] = [];
  if (!isEmail(email)) errors.push(emailInvalid('email_address'));
  if (typeof body.redirect_url === 'string' && !isUrl(body.redirect_url))
    errors.push(paramValueInvalid('redirect_url', 'redirect_url must be a valid URL.'));
  if (errors.length > 0) throw new ClerkHttpError(422, errors);
  return email;
}

/** True when one of `invitations` is pending for `email` (compared case-insensitively). */
export function pendingFor(
  invitations: ReadonlyArray<{ status: Status; email_address: string }>,
  email: string,
): boolean {
  const lower = email.toLowerCase();
  return invitations.some((i) => i.status === 'pending' && i.email_address.toLowerCase() === lower);
}

/**
 * Revoke `inv` at `now`: `refuse` names the error for a status that cannot be revoked (checked first, so a refused
 * revoke changes nothing); `clear` resets what the kind of invitation drops on revoke.
 */
export function revoke<T extends { status: Status; updated_at: number }>(
  inv: T,
  now: number,
  refuse: (inv: T) => ClerkHttpError | undefined,
  clear: (inv: T) => void,
): T {
  const refusal = refuse(inv);
  if (refusal) throw refusal;
  inv.status = 'revoked';
  clear(inv);
  inv.updated_at = now;
  return inv;
}
