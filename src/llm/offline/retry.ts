/**
 * "Try again" after a failure: the request being worked on becomes the earlier request, with none of its old
 * results, so its reads run again and its mutations are proposed again as new calls (each needs a new approval).
 * Only a request whose calls failed, were denied or were not run can be retried; writes are never re-sent
 * without being asked.
 */
import type { Message } from '../model.js';
import { parseEnvelope } from './results.js';

const RETRY =
  /^(?:(?:yes|yeah|yep|sure|ok(?:ay)?|please|pls|now|then|so|can you|could you|would you|just|let's|lets)[,\s]+)*(?:try (?:it |that |this )?again|retry(?: it| that)?|try once more|one more (?:try|time)|give it another (?:try|go|shot)|do (?:it|that) again|again)(?:[,\s]+(?:please|pls|now|thanks))*[.!?]*$/i;

/** True when the message only asks to retry the previous request. */
export function isRetry(text: string): boolean {
  return RETRY.test(text.trim());
}

/** True when some tool call after `from` did not succeed (error, denied or skipped; a no-op is not a failure). */
export function hadFailure(messages: Message[], from: number, to: number): boolean {
  return messages
    .slice(from, to)
    .some((m) => m.role === 'tool' && !['ok', 'dry_run', 'noop'].includes(parseEnvelope(m.content).status));
}
