/**
 * Small builders for scripted-model tests (pi-style): model turns, tool calls and decisions in one line each.
 */
import type { Decision, PendingCall } from '../../src/agent/types.js';
import type { ModelResponse, ToolCall } from '../../src/llm/model.js';

let nextId = 0;

/** A tool call with JSON-encoded args (id generated unless given). */
export function toolCall(name: string, args: unknown = {}, id?: string): ToolCall {
  return { id: id ?? `call_${++nextId}`, name, arguments: JSON.stringify(args) };
}

/** A tool call whose arguments text is sent as is (malformed JSON, wrong shapes). */
export function rawToolCall(name: string, raw: string, id?: string): ToolCall {
  return { id: id ?? `call_${++nextId}`, name, arguments: raw };
}

/** A model turn that calls tools, with optional plan text. */
export function toolCalls(calls: ToolCall[], text: string | null = null): ModelResponse {
  return {
    message: { role: 'assistant', content: text, toolCalls: calls },
    finishReason: 'tool_calls',
    usage: { inputTokens: 100, outputTokens: 20 },
  };
}

/** A model turn that only talks (ends the turn). */
export function assistantText(text: string): ModelResponse {
  return {
    message: { role: 'assistant', content: text },
    finishReason: 'stop',
    usage: { inputTokens: 100, outputTokens: 10 },
  };
}

/** The exact decision for a pending call. */
export function decide(pending: PendingCall, approved: boolean, extra: Partial<Decision> = {}): Decision {
  return {
    approvalId: pending.approvalId,
    callId: pending.callId,
    action: pending.action,
    argsDigest: pending.argsDigest,
    approved,
    approver: 'test:approver',
    ...extra,
  };
}

/** Yes to every pending call. */
export function approveAll(pending: readonly PendingCall[]): Decision[] {
  return pending.map((p) => decide(p, true));
}

/** The parsed envelope of a tool message's content. */
export function envelope(content: string): Record<string, unknown> {
  return JSON.parse(content) as Record<string, unknown>;
}
