/** Human words for a request's state, shared by every front end ("already approved by Alice at 14:02 UTC"). */
import { describeIdentity } from './identity.js';
import { executorGone } from './ids.js';
import type { ChangeRequest } from './types.js';

export const OUTCOME_UNKNOWN = 'outcome unknown: check Clerk before retrying';

/** `14:02 UTC` (or `2026-12-05 14:02 UTC` when not today). */
export function clockTime(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return 'an unknown time';
  const day = iso.slice(0, 10);
  const time = `${iso.slice(11, 16)} UTC`;
  return day === now.toISOString().slice(0, 10) ? time : `${day} ${time}`;
}

/** Who decided and when: "Alice (slack:U1) at 14:02 UTC". */
export function decidedByText(request: ChangeRequest, now?: Date): string {
  const who = request.decidedBy ?? request.approvals.at(-1)?.by;
  const at = request.decidedAt ?? request.approvals.at(-1)?.at;
  return `${who ? describeIdentity(who) : 'someone'} at ${clockTime(at, now)}`;
}

/** One line describing the request's status. */
export function statusText(request: ChangeRequest, needed: number, now: Date = new Date()): string {
  switch (request.status) {
    case 'pending': {
      const left = Math.max(needed - request.approvals.length, 1);
      return request.approvals.length > 0
        ? `waiting for ${left} more approval${left === 1 ? '' : 's'} (approved so far by ${request.approvals.map((a) => describeIdentity(a.by)).join(', ')})`
        : `waiting for approval (expires ${clockTime(request.expiresAt, now)})`;
    }
    case 'approved':
      return `approved by ${decidedByText(request, now)}; waiting to run`;
    case 'executing':
      return request.claimedBy && executorGone(request.claimedBy)
        ? `${OUTCOME_UNKNOWN} (the process running it is gone)`
        : `running on ${request.claimedBy ?? 'an unknown process'} (if it never finishes: ${OUTCOME_UNKNOWN})`;
    case 'executed':
      return `done: ${request.result?.message ?? 'executed'}`;
    case 'failed':
      return `not done: ${request.result?.message ?? 'failed'}`;
    case 'unknown':
      return OUTCOME_UNKNOWN;
    case 'denied':
      return `denied by ${decidedByText(request, now)}${request.reason ? `: ${request.reason}` : ''}`;
    case 'expired':
      return `expired at ${clockTime(request.expiresAt, now)}: nobody decided in time`;
    case 'cancelled':
      return `cancelled${request.reason ? `: ${request.reason}` : ''}`;
  }
}

/** Why a decision on an already-decided request is refused: "already approved by Alice at 14:02 UTC". */
export function alreadyDecidedText(request: ChangeRequest, now?: Date): string {
  switch (request.status) {
    case 'approved':
    case 'executing':
    case 'executed':
    case 'failed':
    case 'unknown':
      return `already approved by ${decidedByText(request, now)} (now: ${statusText(request, 1, now)})`;
    case 'denied':
      return `already denied by ${decidedByText(request, now)}`;
    case 'cancelled':
      return `already cancelled${request.reason ? ` (${request.reason})` : ''}`;
    case 'expired':
      return `expired at ${clockTime(request.expiresAt, now)}`;
    default:
      return 'still pending';
  }
}
