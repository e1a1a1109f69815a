/**
 * Deciding a change request: exactly one decision wins (compare-and-set on the record's version). Every refusal
 * (unknown id, tampered record, digest mismatch, expired, already decided, an approver the policy does not name,
 * self-approval under four-eyes) is audited as a refused attempt with a message saying why.
 */
import { loadRequest, note, refuse, saveRequest, type Core } from './core.js';
import { describeIdentity, formatIdentity, sameIdentity } from './identity.js';
import { isSelf, matches, selfApprovalAllowed } from './policy.js';
import { DECIDED } from './records.js';
import { alreadyDecidedText, clockTime } from './status-text.js';
import type { ChangeRequest, Identity } from './types.js';

export type DecideCode =
  | 'unknown'
  | 'already_decided'
  | 'expired'
  | 'not_allowed'
  | 'self_approval'
  | 'digest_mismatch'
  | 'tampered';

export type DecideResult =
  | { ok: true; request: ChangeRequest; ready: boolean }
  | { ok: false; code: DecideCode; message: string };

export interface DecideInput {
  approve: boolean;
  reason?: string;
  /** The digest the decider saw on the card; a different one is refused (the card is stale or forged). */
  argsDigest?: string;
}

/** Compare-and-set attempts before giving up (only other partial approvals can make us retry). */
const MAX_ATTEMPTS = 20;

export async function decideRequest(core: Core, id: string, input: DecideInput, by: Identity): Promise<DecideResult> {
  const who = formatIdentity(by);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const loaded = await loadRequest(core, id);
    if ('missing' in loaded) {
      const message = `No change request ${id.slice(0, 40)}: check the id (clerk-agent approvals lists pending ones).`;
      refuse(core, { requestId: id.slice(0, 64) }, 'unknown', message, who);
      return { ok: false, code: 'unknown', message };
    }
    if ('tampered' in loaded) {
      return {
        ok: false,
        code: 'tampered',
        message: `Change request ${id} is refused: its stored record fails its signature check. Nothing was run.`,
      };
    }
    const request = loaded.request;
    const refused = (code: DecideCode, message: string): DecideResult => {
      refuse(core, { ...about(request) }, code, message, who);
      return { ok: false, code, message };
    };
    if (input.argsDigest !== undefined && input.argsDigest !== request.argsDigest) {
      return refused(
        'digest_mismatch',
        `Refused: this decision is for different arguments than change request ${id} (the card you saw is out of date). Nothing was changed; look at the request again.`,
      );
    }
    const now = core.now();
    if (request.status === 'expired')
      return refused('expired', `Refused: change request ${id} ${alreadyDecidedText(request, now)}.`);
    if (request.status !== 'pending') {
      return refused('already_decided', `Refused: change request ${id} was ${alreadyDecidedText(request, now)}.`);
    }
    if (Date.parse(request.expiresAt) <= now.getTime()) {
      const expired = await saveRequest(core, { ...request, version: request.version + 1, status: 'expired' }, [
        'pending',
      ]);
      if (!expired) continue;
      note(core, request, 'expired', { message: `expired at ${request.expiresAt}` });
      return refused('expired', `Refused: change request ${id} expired at ${clockTime(request.expiresAt, now)}.`);
    }
    if (!(await matches(core.policy, by, core.policy.approve[request.risk], core.groupsOf))) {
      return refused(
        'not_allowed',
        `Refused: ${describeIdentity(by)} may not ${input.approve ? 'approve' : 'deny'} ${request.risk} changes under the policy (${core.policy.source}).`,
      );
    }
    if (
      input.approve &&
      isSelf(request.requester, by) &&
      !selfApprovalAllowed(core.policy, request.risk, request.requester)
    ) {
      return refused(
        'self_approval',
        `Refused: ${describeIdentity(by)} asked for this ${request.risk} change and may not approve it too (four-eyes); someone else must approve it.`,
      );
    }
    if (input.approve && request.approvals.some((a) => sameIdentity(a.by, by))) {
      return refused(
        'already_decided',
        `Refused: ${describeIdentity(by)} already approved change request ${id}; it needs ${core.policy.approvals[request.risk] - request.approvals.length} more approval(s) from someone else.`,
      );
    }

    const at = now.toISOString();
    const reason = input.reason?.trim();
    let next: ChangeRequest;
    if (!input.approve) {
      next = { ...request, version: request.version + 1, status: 'denied', decidedBy: by, decidedAt: at };
      if (reason) next.reason = reason.slice(0, 500);
    } else {
      const approvals = [...request.approvals, { by, at }];
      const done = approvals.length >= core.policy.approvals[request.risk];
      next = { ...request, version: request.version + 1, approvals };
      if (done) Object.assign(next, { status: 'approved', decidedBy: by, decidedAt: at });
    }
    if (!(await saveRequest(core, next, ['pending']))) continue; // someone else wrote first: look again
    note(core, next, input.approve ? (next.status === 'approved' ? 'approved' : 'approval') : 'denied', {
      by: who,
      ...(reason ? { message: reason } : {}),
    });
    return { ok: true, request: next, ready: await isReady(core, next) };
  }
  const message = `Change request ${id} changed too often while deciding; try again.`;
  refuse(core, { requestId: id }, 'already_decided', message, who);
  return { ok: false, code: 'already_decided', message };
}

/** True when the request (standalone) or every request of its run has been decided. */
export async function isReady(core: Core, request: ChangeRequest): Promise<boolean> {
  if (request.runId === null) return DECIDED.has(request.status);
  const siblings = await core.store.list({ runId: request.runId });
  return siblings.every((r) => (r.id === request.id ? DECIDED.has(request.status) : DECIDED.has(r.status)));
}

const about = (r: ChangeRequest) => ({
  requestId: r.id,
  runId: r.runId,
  action: r.action,
  argsDigest: r.argsDigest,
  risk: r.risk,
  requester: r.requester,
});
