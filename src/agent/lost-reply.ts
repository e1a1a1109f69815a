/**
 * A write whose reply was lost. When a mutation was sent but no definite answer came back (a timeout, a connection
 * that died after sending, a 5xx with no Clerk error body, an unreadable 2xx), Clerk may have acted: the outcome is
 * unknown, never "not done". Writes are never retried; verify.ts reads back what it can instead.
 */
import { ClerkApiError, ClerkNetworkError } from '../clerk/errors.js';

/** How the reply was lost, for the first half of the outcome sentence, or undefined when the answer is definite. */
export function lostReply(error: unknown): string | undefined {
  if (error instanceof ClerkNetworkError) {
    if (error.method === 'GET' || !error.maybeSent) return undefined; // a read, or never reached Clerk: not done
    return error.reason === 'timeout' ? 'The request timed out' : 'The connection to Clerk was lost before it answered';
  }
  if (error instanceof ClerkApiError && error.method !== 'GET') {
    // A clean error (4xx, or a 5xx with Clerk's error body) is a definite "no".
    if (error.status >= 500 && error.errors.length === 0) return `Clerk answered HTTP ${error.status} with no details`;
    if (error.status >= 200 && error.status < 300) return 'Clerk answered with a reply that could not be read';
  }
  return undefined;
}
