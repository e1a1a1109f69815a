/**
 * One place that records what happens to a mutation: the turn's outcomes (for the summary) and the audit.
 * Write-ahead: `recordIntent` runs before an approved call is sent and must succeed for it to be sent;
 * `recordOutcome` appends the result. Neither throws: a failed audit write comes back as a one-line reason.
 */
import type { AuditEntry } from './audit.js';
import type { AgentContext } from './context.js';
import type { MutationOutcome, PendingCall, RunState } from './types.js';

export interface OutcomeFacts {
  // A no-op is never audited: nothing was decided or sent (act.ts records it for the summary only).
  status: Exclude<MutationOutcome['status'], 'noop'>;
  approver: string | null;
  reason?: string;
  error?: string;
  /** What a verification read showed after a lost reply. */
  checked?: string;
  before?: unknown;
  after?: unknown;
}

/** The audit record of `call` with `fields` (time, run, requester and the call's binding filled in). */
function auditRecord(
  ctx: AgentContext,
  state: RunState,
  call: PendingCall,
  fields: Pick<AuditEntry, 'status' | 'decision' | 'approver'> & Partial<AuditEntry>,
): AuditEntry {
  const { status, decision, approver, ...rest } = fields;
  return {
    time: ctx.now().toISOString(),
    runId: state.runId,
    requester: state.requester,
    approver,
    decision,
    status,
    action: call.action,
    callId: call.callId,
    approvalId: call.approvalId,
    argsDigest: call.argsDigest,
    args: call.args,
    preview: call.preview.text,
    live: call.live,
    ...rest,
  };
}

/** Appends `entry`; returns the one-line reason when it could not be written. */
function tryRecord(ctx: AgentContext, entry: AuditEntry): string | undefined {
  try {
    ctx.audit.record(entry);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0] || 'the audit log could not be written';
  }
}

/**
 * Records that an approved call is about to be sent (durably, before the call). Returns the reason when the record
 * could not be written: then the call must not be sent.
 */
export function recordIntent(
  ctx: AgentContext,
  state: RunState,
  call: PendingCall,
  approver: string,
  before: unknown,
): string | undefined {
  return tryRecord(
    ctx,
    auditRecord(ctx, state, call, {
      status: 'intent',
      decision: 'approved',
      approver,
      pid: process.pid,
      ...(before !== undefined ? { before } : {}),
    }),
  );
}

/**
 * Appends the outcome to the state and a record to the audit log. Returns the reason when the audit record could
 * not be written (the outcome is still kept for the summary, which says so).
 */
export function recordOutcome(
  ctx: AgentContext,
  state: RunState,
  call: PendingCall,
  facts: OutcomeFacts,
): string | undefined {
  const outcome: MutationOutcome = {
    callId: call.callId,
    action: call.action,
    args: call.args,
    previewText: call.preview.text,
    status: facts.status,
    ...(facts.error !== undefined ? { error: facts.error } : {}),
    ...(facts.reason !== undefined ? { reason: facts.reason } : {}),
    ...(facts.checked !== undefined ? { checked: facts.checked } : {}),
  };
  state.outcomes.push(outcome);
  const failure = tryRecord(
    ctx,
    auditRecord(ctx, state, call, {
      approver: facts.approver,
      decision: facts.status === 'denied' ? 'denied' : facts.status === 'dry_run' ? 'dry_run' : 'approved',
      status: facts.status,
      ...(facts.reason !== undefined ? { reason: facts.reason } : {}),
      ...(facts.before !== undefined ? { before: facts.before } : {}),
      ...(facts.after !== undefined ? { after: facts.after } : {}),
      ...(facts.error !== undefined ? { error: facts.error } : {}),
      ...(facts.checked !== undefined ? { checked: facts.checked } : {}),
    }),
  );
  if (failure) outcome.auditError = failure;
  return failure;
}
