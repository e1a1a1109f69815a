/**
 * Applies the humans' decisions to a paused run: approved calls run exactly once through the gate's executor (in
 * dry-run mode they are recorded as `dry_run` and never run), everything else becomes a denied tool result with
 * its reason; each gets an outcome and an audit record.
 * Calls that no longer validate against the registry (a doctored state) are denied, never run.
 */
import type { Action } from '../actions/define-action.js';
import type { ApprovedCall, DecisionMatch, MutationExecutor } from './approval.js';
import { compact } from './compact.js';
import type { AgentContext, Emit } from './context.js';
import { fetchCurrent } from './current-object.js';
import { lostReply } from './lost-reply.js';
import { recordIntent, recordOutcome } from './outcomes.js';
import {
  deniedResult,
  describeFailure,
  dryRunResult,
  errorResult,
  failedResult,
  okResult,
  toToolMessage,
} from './tool-result.js';
import type { PendingCall, RunState } from './types.js';
import { verifyOutcome } from './verify.js';

/**
 * Resolves every pending call of `state` per `match`, appending tool results; leaves `state.pending` empty.
 * `execute` is absent when nothing may run (cancel, a new request while paused).
 */
export async function applyDecisions(
  ctx: AgentContext,
  state: RunState,
  match: DecisionMatch,
  execute: MutationExecutor | undefined,
  emit: Emit,
  signal?: AbortSignal,
): Promise<void> {
  for (const refusal of match.refused) emit({ type: 'error', message: refusal.message });
  const approved = new Map(match.approved.map((a) => [a.call, a]));
  const denied = new Map(match.denied.map((d) => [d.call, d]));

  for (const call of state.pending) {
    const yes = approved.get(call);
    const action = yes ? trustedAction(ctx, call) : undefined;
    if (yes && action && ctx.dryRun) {
      skipForDryRun(ctx, state, yes, action, emit);
      continue;
    }
    if (yes && action && execute && !signal?.aborted) {
      await runApproved(ctx, state, yes, action, execute, emit, signal);
      continue;
    }
    const reason = !yes
      ? (denied.get(call)?.reason ?? 'no decision')
      : !action
        ? 'the pending call no longer matches a known action and valid arguments'
        : 'cancelled before it ran';
    deny(ctx, state, call, reason, yes?.approver ?? denied.get(call)?.approver ?? null, emit);
  }
  state.pending = [];
}

async function runApproved(
  ctx: AgentContext,
  state: RunState,
  approved: ApprovedCall,
  action: Action,
  execute: MutationExecutor,
  emit: Emit,
  signal?: AbortSignal,
): Promise<void> {
  const { call, approver } = approved;
  emit({ type: 'decision', callId: call.callId, action: call.action, approved: true, approver });
  const options = { exposePrivateMetadata: ctx.exposePrivateMetadata };
  const current = await fetchCurrent(ctx.registry, ctx.reader, action, call.args, signal);
  const before = current ? compact(current, options) : undefined;
  emit({ type: 'tool_start', callId: call.callId, action: call.action, args: call.args, risk: action.risk });
  const started = performance.now();
  const end = (ok: boolean, detail: { result?: unknown; error?: string }) =>
    emit({ type: 'tool_end', callId: call.callId, action: call.action, ok, ...detail, durationMs: elapsed(started) });

  // Write-ahead: no durable record of the intent, no call (a crash after the call must leave a trace).
  const intentFailure = recordIntent(ctx, state, call, approver, before);
  if (intentFailure) {
    const message = `not done: ${intentFailure}`;
    state.messages.push(toToolMessage(call.callId, errorResult('internal', message)));
    // Nothing can be audited now either; the outcome still reaches the summary.
    recordOutcome(ctx, state, call, { status: 'failed', approver, error: intentFailure });
    end(false, { error: message });
    return;
  }

  let value: unknown;
  try {
    value = await execute(approved, action, signal);
  } catch (error) {
    const lost = lostReply(error);
    if (lost) {
      await settleLostReply(ctx, state, approved, action, { lost, before, current }, emit, end, signal);
      return;
    }
    const result = failedResult(error);
    const message = describeFailure(result) ?? 'failed';
    state.messages.push(toToolMessage(call.callId, result));
    const auditFailure = recordOutcome(ctx, state, call, {
      status: 'failed',
      approver,
      error: message,
      ...(before ? { before } : {}),
    });
    if (auditFailure) emit({ type: 'error', message: `Not done, and ${auditFailure}.` });
    end(false, { error: message });
    return;
  }
  const after = compact(value, options);
  state.messages.push(toToolMessage(call.callId, okResult(after)));
  // An audit failure here is reported by the summary ("the change was made, but the audit log …"): the outcome
  // carries it, and nothing is printed twice.
  recordOutcome(ctx, state, call, { status: 'executed', approver, ...(before ? { before } : {}), after });
  end(true, { result: after });
}

/**
 * A write was sent and its reply lost: never "not done" on that basis. One verification read, where the action
 * allows it, says what happened; otherwise the outcome is unknown and the user is told to check before retrying.
 */
async function settleLostReply(
  ctx: AgentContext,
  state: RunState,
  approved: ApprovedCall,
  action: Action,
  facts: { lost: string; before: unknown; current: Record<string, unknown> | undefined },
  emit: Emit,
  end: (ok: boolean, detail: { result?: unknown; error?: string }) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { call, approver } = approved;
  const options = { exposePrivateMetadata: ctx.exposePrivateMetadata };
  const check = signal?.aborted
    ? undefined
    : await verifyOutcome({
        registry: ctx.registry,
        reader: ctx.reader,
        action,
        args: call.args,
        before: facts.current,
        ...(signal ? { signal } : {}),
      }).catch(() => undefined);
  const before = facts.before !== undefined ? { before: facts.before } : {};
  let auditFailure: string | undefined;
  if (check?.done) {
    const checked = `${facts.lost}; ${check.what}`;
    const after = check.object === undefined ? undefined : compact(check.object, options);
    state.messages.push(
      toToolMessage(call.callId, okResult({ checked, ...(after !== undefined ? { now: after } : {}) })),
    );
    auditFailure = recordOutcome(ctx, state, call, {
      status: 'executed',
      approver,
      checked,
      ...before,
      ...(after !== undefined ? { after } : {}),
    });
    end(true, { result: { checked } });
  } else if (check) {
    const error = `${facts.lost}; ${check.what} — not done`;
    state.messages.push(toToolMessage(call.callId, errorResult('network', error)));
    auditFailure = recordOutcome(ctx, state, call, {
      status: 'failed',
      approver,
      error,
      checked: check.what,
      ...before,
    });
    end(false, { error });
  } else {
    const error = `${facts.lost}; outcome unknown: check Clerk before retrying`;
    const forModel = `${error}. The change may or may not have been made. Do not retry it; tell the user to check.`;
    state.messages.push(toToolMessage(call.callId, errorResult('outcome_unknown', forModel)));
    auditFailure = recordOutcome(ctx, state, call, { status: 'unknown', approver, error, ...before });
    end(false, { error });
  }
  // A done outcome shows its audit failure in the summary; the others say it here.
  if (auditFailure && !check?.done) emit({ type: 'error', message: `${call.preview.text}: ${auditFailure}.` });
}

function skipForDryRun(ctx: AgentContext, state: RunState, approved: ApprovedCall, action: Action, emit: Emit): void {
  const { call, approver } = approved;
  emit({ type: 'decision', callId: call.callId, action: call.action, approved: true, approver });
  emit({ type: 'tool_start', callId: call.callId, action: call.action, args: call.args, risk: action.risk });
  state.messages.push(toToolMessage(call.callId, dryRunResult()));
  const auditFailure = recordOutcome(ctx, state, call, { status: 'dry_run', approver });
  if (auditFailure) emit({ type: 'error', message: `Dry run (nothing executed), but ${auditFailure}.` });
  emit({
    type: 'tool_end',
    callId: call.callId,
    action: call.action,
    ok: true,
    result: { dry_run: true, preview: call.preview },
    durationMs: 0,
  });
}

function deny(
  ctx: AgentContext,
  state: RunState,
  call: PendingCall,
  reason: string,
  approver: string | null,
  emit: Emit,
): void {
  emit({
    type: 'decision',
    callId: call.callId,
    action: call.action,
    approved: false,
    approver: approver ?? 'none',
    reason,
  });
  state.messages.push(toToolMessage(call.callId, deniedResult(reason)));
  const auditFailure = recordOutcome(ctx, state, call, { status: 'denied', approver, reason });
  if (auditFailure) emit({ type: 'error', message: `Denied (nothing executed), but ${auditFailure}.` });
}

/** The registry's action for a pending call, if the call still validates as a mutation of that action. */
function trustedAction(ctx: AgentContext, call: PendingCall): Action | undefined {
  const action = ctx.registry.get(call.action);
  if (!action || action.risk === 'read' || action.risk !== call.risk) return undefined;
  return action.params.safeParse(call.args).success ? action : undefined;
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;
