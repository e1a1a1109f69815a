/**
 * A change proposed directly (an MCP client calling a tool, `approvals` tests) rather than by the model: the same
 * validation and preview as a model's tool call, returned as a paused run with one pending call and no model call,
 * so its execution still goes only through `agent.resume` and the gate.
 */
import { parseToolArguments } from '../actions/parse-args.js';
import { createPendingCall } from './approval.js';
import type { AgentContext, Emit } from './context.js';
import { endWithError } from './loop.js';
import { buildPreview } from './preview.js';
import { redact, redactDeep } from './redact.js';
import { createRunState } from './run-state.js';
import type { RunOutcome } from './types.js';

export async function proposeCall(
  ctx: AgentContext,
  name: string,
  args: Record<string, unknown>,
  requester: string,
  emit: Emit,
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const state = createRunState(ctx.newId(), requester);
  const callId = `call_${ctx.newId()}`;
  const raw = JSON.stringify(args ?? {});
  state.messages.push({ role: 'user', content: redact(`Direct request: ${name}`) });
  state.messages.push({ role: 'assistant', content: null, toolCalls: [{ id: callId, name, arguments: raw }] });
  emit({ type: 'turn_start', runId: state.runId, input: `Direct request: ${name}` });
  const action = ctx.registry.get(name);
  if (!action) return endWithError(state, emit, `Unknown action "${name.slice(0, 64)}".`);
  if (action.risk === 'read') return endWithError(state, emit, `${name} only reads; it needs no approval.`);
  const parsed = parseToolArguments(action, raw);
  if (!parsed.ok) return endWithError(state, emit, parsed.message);
  const preview = redactDeep(
    await buildPreview(action, parsed.args, { registry: ctx.registry, reader: ctx.reader }, signal),
  );
  const pending = [
    createPendingCall({
      approvalId: ctx.newId(),
      callId,
      action,
      args: parsed.args,
      preview,
      live: ctx.reader.live,
    }),
  ];
  state.pending = pending;
  emit({ type: 'approval_needed', pending });
  emit({ type: 'turn_end', status: 'paused' });
  return { status: 'paused', state, pending };
}
