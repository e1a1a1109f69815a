/**
 * One model step's tool calls: look up, validate, then run reads at once and turn each mutating call into a
 * PendingCall with its preview, unless the call would change nothing (then the model is told so, and nothing is
 * asked or sent). Every call gets a tool result or a pending slot; nothing here can execute a
 * mutation (the context has only a read-only view).
 */
import type { Action } from '../actions/define-action.js';
import { parseToolArguments } from '../actions/parse-args.js';
import type { ToolCall, ToolMessage } from '../llm/model.js';
import { createPendingCall } from './approval.js';
import { compact, type CompactOptions } from './compact.js';
import type { AgentContext, Emit } from './context.js';
import { buildPreview, type CallPreview } from './preview.js';
import { redact, redactDeep } from '../util/secrets.js';
import {
  describeFailure,
  errorResult,
  failedResult,
  noopResult,
  okResult,
  skippedResult,
  toToolMessage,
  type ToolResult,
} from './tool-result.js';
import type { MutationOutcome, PendingCall, RunState } from './types.js';

/** A tool message, a call waiting for a yes, or a no-op (a tool message plus its outcome for the summary). */
type Slot = { message: ToolMessage; noop?: MutationOutcome } | { pending: PendingCall };

/** Handles every call of one step; appends immediate results to the state and returns the calls needing a yes. */
export async function actOnToolCalls(
  ctx: AgentContext,
  state: RunState,
  calls: readonly ToolCall[],
  emit: Emit,
  signal?: AbortSignal,
): Promise<{ pending: PendingCall[]; dropped: MutationOutcome[] }> {
  const slots = await Promise.all(calls.map((call, index) => handleCall(ctx, call, index, calls.length, emit, signal)));
  const pending: PendingCall[] = [];
  const dropped: MutationOutcome[] = [];
  for (const slot of slots) {
    if ('message' in slot) {
      state.messages.push(slot.message);
      // A no-op is not audited (nothing was decided or sent); the turn's summary still says it was already so.
      if (slot.noop) {
        state.outcomes.push(slot.noop);
        dropped.push(slot.noop);
      }
    } else pending.push(slot.pending);
  }
  return { pending, dropped };
}

async function handleCall(
  ctx: AgentContext,
  call: ToolCall,
  index: number,
  total: number,
  emit: Emit,
  signal?: AbortSignal,
): Promise<Slot> {
  const reject = (result: ToolResult): Slot => finish(call, undefined, result, 0, emit);
  if (index >= ctx.maxToolCallsPerStep) {
    return reject(
      skippedResult(
        `Not run: this step made ${total} tool calls and at most ${ctx.maxToolCallsPerStep} run per step. Call again with the rest.`,
      ),
    );
  }
  if (signal?.aborted) return reject(skippedResult('Not run: the request was cancelled.'));
  const action = ctx.registry.get(call.name);
  if (!action) {
    return reject(
      errorResult(
        'unknown_action',
        `Unknown tool "${clip(call.name)}". Call only the tools you were given (names start with clerk_).`,
      ),
    );
  }
  const parsed = parseToolArguments(action, call.arguments);
  if (!parsed.ok) return reject(errorResult('invalid_args', parsed.message));
  if (action.risk === 'read') return runRead(ctx, call, action, parsed.args, emit, signal);
  return prepareMutation(ctx, call, action, parsed.args, emit, signal);
}

async function runRead(
  ctx: AgentContext,
  call: ToolCall,
  action: Action,
  args: Record<string, unknown>,
  emit: Emit,
  signal?: AbortSignal,
): Promise<Slot> {
  emit({ type: 'tool_start', callId: call.id, action: action.name, args, risk: action.risk });
  const started = performance.now();
  let result: ToolResult;
  try {
    const value = await ctx.reader.read(action, args, signal);
    result = okResult(compact(value, compactOptions(ctx, args)));
  } catch (error) {
    result = signal?.aborted ? skippedResult('Not run: the request was cancelled.') : failedResult(error);
  }
  return finish(call, action, result, performance.now() - started, emit);
}

async function prepareMutation(
  ctx: AgentContext,
  call: ToolCall,
  action: Action,
  args: Record<string, unknown>,
  emit: Emit,
  signal?: AbortSignal,
): Promise<Slot> {
  let built: CallPreview;
  try {
    built = await buildPreview(action, args, { registry: ctx.registry, reader: ctx.reader }, signal);
  } catch (error) {
    // No request can be built from these args (a bad id, nothing to change): nothing to ask a human about.
    return finish(call, action, failedResult(error), 0, emit);
  }
  // The preview quotes Clerk data (diff "before" values, labels) and is rendered by front ends straight from the
  // pending call, not from the scrubbed event, so it is scrubbed here. It is not part of the digest; args stay exact.
  const preview = redactDeep(built.preview);
  if (built.noop) {
    const reason = redact(built.noop);
    emit({ type: 'tool_end', callId: call.id, action: action.name, ok: true, result: reason, durationMs: 0 });
    const slot = { message: toToolMessage(call.id, noopResult(reason)) };
    const noop: MutationOutcome = {
      callId: call.id,
      action: action.name,
      args,
      previewText: preview.text,
      status: 'noop',
      reason,
    };
    return { ...slot, noop };
  }
  return {
    pending: createPendingCall({
      approvalId: ctx.newId(),
      callId: call.id,
      action,
      args,
      preview,
      live: ctx.reader.live,
    }),
  };
}

/** Emits tool_end and wraps the result as the tool message. */
function finish(
  call: ToolCall,
  action: Action | undefined,
  result: ToolResult,
  durationMs: number,
  emit: Emit,
): { message: ToolMessage } {
  const error = describeFailure(result);
  emit({
    type: 'tool_end',
    callId: call.id,
    action: action?.name ?? clip(call.name),
    ok: result.ok,
    ...(result.ok && 'result' in result ? { result: result.result } : {}),
    ...(error !== undefined ? { error } : {}),
    durationMs: Math.round(durationMs * 100) / 100,
  });
  return { message: toToolMessage(call.id, result) };
}

/** Compaction settings for a read's result: privacy, and the page position the call asked for. */
function compactOptions(ctx: AgentContext, args: Record<string, unknown>): CompactOptions {
  const options: CompactOptions = { exposePrivateMetadata: ctx.exposePrivateMetadata };
  if (typeof args.offset === 'number') options.offset = args.offset;
  if (typeof args.limit === 'number') options.limit = args.limit;
  return options;
}

const clip = (text: string) => (text.length > 64 ? `${text.slice(0, 63)}…` : text);
