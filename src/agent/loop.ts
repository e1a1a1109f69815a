/**
 * The plan → act → summarize loop. Each step sends the system prompt, the history trimmed to the budget and
 * the tool list; tool calls are handled by act.ts; a step with mutating calls pauses the run. The turn ends with
 * the model's answer, a pause, or a truthful error (model failure, cancel, step limit), always with the summary
 * of what actually changed.
 */
import type { AssistantMessage, Message, ModelResponse, ToolCall } from '../llm/model.js';
import { actOnToolCalls } from './act.js';
import { fitHistory } from './budget.js';
import type { AgentContext, Emit } from './context.js';
import { CancelledError, MaxTurnsError } from './errors.js';
import { redact, redactDeep } from '../util/secrets.js';
import { buildSummary } from './summary.js';
import type { RunOutcome, RunState } from './types.js';

/** Runs model steps until the turn is done, paused or failed. Never throws for model or tool failures. */
export async function runTurn(
  ctx: AgentContext,
  state: RunState,
  emit: Emit,
  signal?: AbortSignal,
): Promise<RunOutcome> {
  for (;;) {
    if (signal?.aborted) return endWithError(state, emit, new CancelledError().message);
    if (state.stepsThisTurn >= ctx.maxStepsPerTurn)
      return endWithError(state, emit, new MaxTurnsError(ctx.maxStepsPerTurn).message);
    const step = ++state.stepsThisTurn;
    state.modelCalls++;
    emit({ type: 'model_start', step });

    let response: ModelResponse;
    try {
      const history = fitHistory(state.messages, ctx.historyBudget);
      const messages: Message[] = [{ role: 'system', content: ctx.systemPrompt }, ...history.messages];
      response = await ctx.model.complete({ messages, tools: ctx.tools, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (signal?.aborted) return endWithError(state, emit, new CancelledError().message);
      return endWithError(
        state,
        emit,
        `The model call failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (response.usage) {
      state.usage.inputTokens += response.usage.inputTokens;
      state.usage.outputTokens += response.usage.outputTokens;
    }
    emit({
      type: 'model_end',
      step,
      ...(response.usage ? { usage: response.usage } : {}),
      finishReason: response.finishReason,
    });
    if (response.finishReason === 'error') {
      return endWithError(state, emit, `The model returned an error: ${response.errorMessage ?? 'no details given'}`);
    }

    const assistant = normalizeAssistant(response.message);
    state.messages.push(assistant);
    if (assistant.content) emit({ type: 'assistant_text', text: assistant.content });
    const calls = assistant.toolCalls ?? [];
    if (calls.length === 0) return endDone(state, emit, finalText(assistant.content, response.finishReason));

    const { pending, dropped } = await actOnToolCalls(ctx, state, calls, emit, signal);
    if (pending.length > 0) {
      state.pending = pending;
      emit({ type: 'approval_needed', pending, ...(dropped.length > 0 ? { dropped } : {}) });
      emit({ type: 'turn_end', status: 'paused' });
      return { status: 'paused', state, pending };
    }
  }
}

/** Ends the turn normally: the summary from the outcomes, next to the model's words. */
export function endDone(state: RunState, emit: Emit, modelText: string): RunOutcome {
  const summary = redactDeep(buildSummary(state.outcomes, modelText));
  emit({ type: 'summary', summary });
  emit({ type: 'turn_end', status: 'done' });
  return { status: 'done', state, summary };
}

/** Ends the turn with an error that also says what did and did not change. */
export function endWithError(state: RunState, emit: Emit, message: string): RunOutcome {
  const summary = redactDeep(buildSummary(state.outcomes, lastAssistantText(state)));
  const error = redact(`${message} ${summary.line}`);
  emit({ type: 'error', message: error });
  emit({ type: 'summary', summary });
  emit({ type: 'turn_end', status: 'error' });
  return { status: 'error', state, error };
}

/**
 * A clean copy of what the model sent: tool-call ids made unique and non-empty (a provider needs one result per
 * id, and a decision must point at exactly one call).
 */
function normalizeAssistant(message: AssistantMessage): AssistantMessage {
  const seen = new Set<string>();
  const calls: ToolCall[] = (message.toolCalls ?? []).map((call, i) => {
    let id = typeof call.id === 'string' && call.id.trim() !== '' ? call.id : `call_${i}`;
    while (seen.has(id)) id = `${id}_dup`;
    seen.add(id);
    return {
      id,
      name: String(call.name),
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
    };
  });
  const content = typeof message.content === 'string' && message.content !== '' ? redact(message.content) : null;
  return calls.length > 0 ? { role: 'assistant', content, toolCalls: calls } : { role: 'assistant', content };
}

function finalText(content: string | null, finishReason: ModelResponse['finishReason']): string {
  const text = content ?? '';
  if (finishReason === 'length') return `${text}\n[The answer was cut off: the model hit its output limit.]`.trim();
  if (finishReason === 'content_filter') return `${text}\n[The provider's content filter stopped the answer.]`.trim();
  return text;
}

function lastAssistantText(state: RunState): string {
  for (let i = state.messages.length - 1; i >= 0; i--) {
    const m = state.messages[i]!;
    if (m.role === 'user') return '';
    if (m.role === 'assistant' && m.content) return m.content;
  }
  return '';
}
