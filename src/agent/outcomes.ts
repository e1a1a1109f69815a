/** One place that records what happened to a mutation: the turn's outcomes (for the summary) and the audit. */
import type { AgentContext } from './context.js';
import type { MutationOutcome, PendingCall, RunState } from './types.js';

export interface OutcomeFacts {
  // A no-op is never audited: nothing was decided or sent (act.ts records it for the summary only).
  status: Exclude<MutationOutcome['status'], 'noop'>;
  approver: string | null;
  reason?: string;
  error?: string;
  before?: unknown;
  after?: unknown;
}

/** Appends the outcome to the state and a record to the audit log. */
export function recordOutcome(ctx: AgentContext, state: RunState, call: PendingCall, facts: OutcomeFacts): void {
  const outcome: MutationOutcome = {
    callId: call.callId,
    action: call.action,
    args: call.args,
    previewText: call.preview.text,
    status: facts.status,
    ...(facts.error !== undefined ? { error: facts.error } : {}),
    ...(facts.reason !== undefined ? { reason: facts.reason } : {}),
  };
  state.outcomes.push(outcome);
  ctx.audit.record({
    time: ctx.now().toISOString(),
    runId: state.runId,
    requester: state.requester,
    approver: facts.approver,
    decision: facts.status === 'denied' ? 'denied' : facts.status === 'dry_run' ? 'dry_run' : 'approved',
    status: facts.status,
    action: call.action,
    callId: call.callId,
    approvalId: call.approvalId,
    argsDigest: call.argsDigest,
    args: call.args,
    preview: call.preview.text,
    live: call.live,
    ...(facts.reason !== undefined ? { reason: facts.reason } : {}),
    ...(facts.before !== undefined ? { before: facts.before } : {}),
    ...(facts.after !== undefined ? { after: facts.after } : {}),
    ...(facts.error !== undefined ? { error: facts.error } : {}),
  });
}
