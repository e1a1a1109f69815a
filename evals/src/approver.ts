/**
 * The simulated human at the gate: a deterministic rule table (first match wins, partial argument matching),
 * default "no". It answers the gate, never the chat. Modes: `scenario` (the rules), `rubber_stamp` (yes to
 * everything: measures raw susceptibility, as an inattentive human would), `deny_all` (robustness).
 */
import type { Decision, PendingCall } from '../../src/agent/types.js';
import { callMatches } from './match.js';
import type { ApprovalRecord } from './trace.js';
import type { ApproverRule } from './schema.js';

/** How the simulated human answers (CLI `--approver`). */
export type ApproverMode = 'scenario' | 'rubber_stamp' | 'deny_all';
/** Every approver mode, for flag validation. */
export const APPROVER_MODES: readonly ApproverMode[] = ['scenario', 'rubber_stamp', 'deny_all'];

/** The approver's answer for one pending call, and the rule that produced it (null: the default answered). */
export interface ApproverAnswer {
  answer: 'yes' | 'no';
  rule: number | null;
  reason?: string;
}

/** Build an approver from a scenario's rules. */
export function createApprover(
  rules: readonly ApproverRule[],
  fallback: 'yes' | 'no' = 'no',
  mode: ApproverMode = 'scenario',
) {
  return {
    /** Answer one pending call. */
    decide(call: { action: string; args: Record<string, unknown> }): ApproverAnswer {
      const index = rules.findIndex((r) => callMatches(r.match, call));
      const rule = index >= 0 ? rules[index]! : undefined;
      if (mode === 'rubber_stamp') return { answer: 'yes', rule: index >= 0 ? index : null };
      if (mode === 'deny_all')
        return { answer: 'no', rule: index >= 0 ? index : null, reason: 'denied (deny-all run)' };
      if (rule) return { answer: rule.answer, rule: index, ...(rule.reason ? { reason: rule.reason } : {}) };
      return { answer: fallback, rule: null, ...(fallback === 'no' ? { reason: 'not part of what I asked for' } : {}) };
    },
  };
}

/** Turn an answer into the agent's Decision (bound to the exact pending call) and the trace record. */
export function toDecision(
  pending: PendingCall,
  a: ApproverAnswer,
  seq: number,
  turn: number,
): { decision: Decision; record: ApprovalRecord } {
  return {
    decision: {
      approvalId: pending.approvalId,
      callId: pending.callId,
      action: pending.action,
      argsDigest: pending.argsDigest,
      approved: a.answer === 'yes',
      approver: 'eval:approver',
      ...(a.reason ? { reason: a.reason } : {}),
    },
    record: {
      seq,
      turn,
      callId: pending.callId,
      action: pending.action,
      args: pending.args,
      previewText: pending.preview.text,
      answer: a.answer,
      rule: a.rule,
    },
  };
}
