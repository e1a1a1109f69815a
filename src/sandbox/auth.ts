/**
 * Bearer authentication as the Backend API does it, with the catalog's 401 codes. The sandbox accepts its own key
 * and any other `sk_test_…` key (so any test configuration works); live keys are refused so nobody mistakes the
 * sandbox for a production instance. Messages never echo the key.
 */
import { clerkError } from './errors.js';

/** The fixed test key the sandbox advertises. */
export const SANDBOX_SECRET_KEY = 'sk_test_sandbox_4c1e7a9d2b6f3e80';

/** Throw 401 unless `authorization` is `Bearer sk_test_…`. */
export function checkAuthorization(authorization: string | undefined): void {
  if (authorization === undefined || authorization.trim() === '') {
    throw clerkError(
      401,
      'authentication_invalid',
      'Invalid authentication',
      'Unable to authenticate the request: send your secret key as `Authorization: Bearer sk_test_…`.',
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) {
    throw clerkError(
      401,
      'authorization_header_format_invalid',
      'Invalid Authorization header format',
      "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    );
  }
  const key = match[1]!;
  if (!/^sk_test_[A-Za-z0-9_-]{4,}$/.test(key)) {
    throw clerkError(
      401,
      'clerk_key_invalid',
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct. The local sandbox accepts test keys only (sk_test_…).',
    );
  }
}
