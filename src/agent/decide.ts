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
import { recordOutcome } from './outcomes.js';
import { deniedResult, describeFailure, dryRunResult, failedResult, okResult, toToolMessage } from './tool-result.js';
import type { PendingCall, RunState } from './types.js';

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
  const before = await fetchCurrent(ctx.registry, ctx.reader, action, call.args, signal);
  emit({ type: 'tool_start', callId: call.callId, action: call.action, args: call.args, risk: action.risk });
  const started = performance.now();
  try {
    const value = await execute(approved, action, signal);
    const after = compact(value, options);
    state.messages.push(toToolMessage(call.callId, okResult(after)));
    recordOutcome(ctx, state, call, {
      status: 'executed',
      approver,
      ...(before ? { before: compact(before, options) } : {}),
      after,
    });
    emit({
      type: 'tool_end',
      callId: call.callId,
      action: call.action,
      ok: true,
      result: after,
      durationMs: elapsed(started),
    });
  } catch (error) {
    const result = failedResult(error);
    const message = describeFailure(result) ?? 'failed';
    state.messages.push(toToolMessage(call.callId, result));
    recordOutcome(ctx, state, call, {
      status: 'failed',
      approver,
      error: message,
      ...(before ? { before: compact(before, options) } : {}),
    });
    emit({
      type: 'tool_end',
      callId: call.callId,
      action: call.action,
      ok: false,
      error: message,
      durationMs: elapsed(started),
    });
  }
}

function skipForDryRun(ctx: AgentContext, state: RunState, approved: ApprovedCall, action: Action, emit: Emit): void {
  const { call, approver } = approved;
  emit({ type: 'decision', callId: call.callId, action: call.action, approved: true, approver });
  emit({ type: 'tool_start', callId: call.callId, action: call.action, args: call.args, risk: action.risk });
  state.messages.push(toToolMessage(call.callId, dryRunResult()));
  recordOutcome(ctx, state, call, { status: 'dry_run', approver });
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
  recordOutcome(ctx, state, call, { status: 'denied', approver, reason });
}

/** The registry's action for a pending call, if the call still validates as a mutation of that action. */
function trustedAction(ctx: AgentContext, call: PendingCall): Action | undefined {
  const action = ctx.registry.get(call.action);
  if (!action || action.risk === 'read' || action.risk !== call.risk) return undefined;
  return action.params.safeParse(call.args).success ? action : undefined;
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;
