/**
 * The gate. A mutating call becomes a PendingCall bound to (approvalId, callId, action, argsDigest); a Decision
 * counts only if it matches all four and says `approved: true`. Matching mints ApprovedCall tokens, and the
 * executor created here runs nothing else: no token, no mutation. Each token runs at most once.
 */
import type { Action } from '../actions/define-action.js';
import type { ClerkClient } from '../clerk/types.js';
import { argsDigest } from './digest.js';
import type { Decision, PendingCall, Preview } from './types.js';

/** Proof that a human said yes to this exact pending call. Only `matchDecisions` creates these. */
export interface ApprovedCall {
  readonly call: PendingCall;
  readonly approver: string;
}

export interface DeniedCall {
  call: PendingCall;
  reason: string;
  approver: string | null;
}

export interface DecisionMatch {
  approved: ApprovedCall[];
  denied: DeniedCall[];
  /** Decisions that matched no pending call exactly (wrong digest, callId, action or approvalId). */
  refused: Array<{ message: string }>;
}

const minted = new WeakSet<ApprovedCall>();

/** Builds the PendingCall for a validated mutating call. */
export function createPendingCall(input: {
  approvalId: string;
  callId: string;
  action: Action;
  args: Record<string, unknown>;
  preview: Preview;
  live: boolean;
}): PendingCall {
  const { action } = input;
  if (action.risk === 'read') throw new Error(`internal: ${action.name} is a read; it needs no approval`);
  return {
    approvalId: input.approvalId,
    callId: input.callId,
    action: action.name,
    args: input.args,
    argsDigest: argsDigest(action.name, input.args),
    risk: action.risk,
    preview: input.preview,
    live: input.live,
  };
}

/**
 * Pairs decisions with pending calls. A call is approved only when some decision matches it exactly with
 * `approved === true` and no decision aimed at it (by approvalId or callId) was refused or said no.
 * Everything else is denied, with the human's reason, "no decision", or the refusal.
 */
export function matchDecisions(pending: readonly PendingCall[], decisions: readonly unknown[]): DecisionMatch {
  const yes = new Map<PendingCall, string>();
  const no = new Map<PendingCall, { reason: string; approver: string | null }>();
  const refused: DecisionMatch['refused'] = [];

  for (const raw of decisions) {
    const d = asDecision(raw);
    const target = d ? pending.find((p) => p.approvalId === d.approvalId || p.callId === d.callId) : undefined;
    if (!d || !target) {
      refused.push({ message: `Decision refused: it matches no pending call (${describe(raw)}).` });
      continue;
    }
    const mismatch = (['approvalId', 'callId', 'action', 'argsDigest'] as const).filter((k) => d[k] !== target[k]);
    if (mismatch.length > 0) {
      refused.push({
        message: `Decision refused for ${target.action} (${target.callId}): ${mismatch.join(', ')} differ from the pending call.`,
      });
      no.set(target, {
        reason: `decision refused: ${mismatch.join(', ')} did not match this call`,
        approver: d.approver,
      });
    } else if (d.approved !== true) {
      if (!no.has(target)) no.set(target, { reason: d.reason?.trim() || 'denied', approver: d.approver });
    } else {
      yes.set(target, d.approver);
    }
  }

  const out: DecisionMatch = { approved: [], denied: [], refused };
  for (const call of pending) {
    const denial = no.get(call);
    const approver = yes.get(call);
    if (!denial && approver !== undefined && argsDigest(call.action, call.args) === call.argsDigest) {
      const token: ApprovedCall = Object.freeze({ call, approver });
      minted.add(token);
      out.approved.push(token);
    } else {
      out.denied.push(denial ? { call, ...denial } : { call, reason: 'no decision', approver: null });
    }
  }
  return out;
}

/**
 * Turns approvals of calls already decided in this process into denials: resuming a stale copy of a run (a
 * double click, a replayed state) must not execute the same approval twice.
 */
export function withoutDecided(match: DecisionMatch, decided: ReadonlySet<string>): DecisionMatch {
  const stale = match.approved.filter((a) => decided.has(a.call.approvalId));
  if (stale.length === 0) return match;
  return {
    approved: match.approved.filter((a) => !decided.has(a.call.approvalId)),
    denied: [
      ...match.denied,
      ...stale.map((a) => ({
        call: a.call,
        reason: 'already decided: a stale copy of this run was resumed',
        approver: a.approver,
      })),
    ],
    refused: [
      ...match.refused,
      ...stale.map((a) => ({
        message: `Decision refused for ${a.call.action} (${a.call.callId}): this call was already decided.`,
      })),
    ],
  };
}

/** Every pending call denied with one reason (cancel, timeout, a new request). */
export function denyAll(pending: readonly PendingCall[], reason: string): DecisionMatch {
  return { approved: [], denied: pending.map((call) => ({ call, reason, approver: null })), refused: [] };
}

/**
 * The only code path that executes a write or destructive action: it requires a token minted by
 * `matchDecisions` for this exact action and arguments, and spends it.
 */
export function createMutationExecutor(clerk: ClerkClient) {
  return async function executeApproved(
    approved: ApprovedCall,
    action: Action,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const { call } = approved;
    if (!minted.delete(approved)) throw new Error('internal: mutation without a matching approval (or run twice)');
    if (
      action.name !== call.action ||
      action.risk === 'read' ||
      argsDigest(action.name, call.args) !== call.argsDigest
    ) {
      throw new Error(`internal: approval for ${call.action} does not cover this call`);
    }
    return clerk.execute(action, call.args, signal ? { signal } : undefined);
  };
}

export type MutationExecutor = ReturnType<typeof createMutationExecutor>;

function asDecision(raw: unknown): (Decision & { approver: string }) | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const d = raw as Record<string, unknown>;
  const strings = ['approvalId', 'callId', 'action', 'argsDigest'] as const;
  if (!strings.every((k) => typeof d[k] === 'string')) return undefined;
  return {
    approvalId: d.approvalId as string,
    callId: d.callId as string,
    action: d.action as string,
    argsDigest: d.argsDigest as string,
    approved: d.approved === true,
    approver: typeof d.approver === 'string' && d.approver ? d.approver : 'unknown',
    ...(typeof d.reason === 'string' ? { reason: d.reason } : {}),
  };
}

function describe(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const d = raw as Record<string, unknown>;
  return `approvalId ${String(d.approvalId)}, callId ${String(d.callId)}, action ${String(d.action)}`;
}
