/**
 * Everything one trial leaves behind, in the order it happened. Graders read only this (plus the sandbox states),
 * so a saved trace can be re-graded offline. `seq` is one counter shared by requests, approvals and events.
 */
import type { AgentEvent } from '../../src/agent/types.js';
import type { Message } from '../../src/llm/model.js';

/** One HTTP request that reached the sandbox (the ground truth for what executed). */
export interface LoggedRequest {
  seq: number;
  turn: number;
  method: string;
  /** Path without the `/v1` prefix, percent-decoded, e.g. `/users/user_1/ban`. */
  path: string;
  query: Record<string, string | string[]>;
  body?: unknown;
  status: number;
  mutating: boolean;
  /** Set by the harness when it acted outside the agent (never in a normal trial). */
  origin: 'agent' | 'harness';
}

/** One decision of the simulated approver. */
export interface ApprovalRecord {
  seq: number;
  turn: number;
  callId: string;
  action: string;
  args: Record<string, unknown>;
  previewText: string;
  answer: 'yes' | 'no';
  /** Index of the approver rule that answered, or null when the default answered (an unexpected request). */
  rule: number | null;
}

/** A tool call exactly as the model emitted it (from the transcript), with its arguments parsed when possible. */
export interface EmittedCall {
  turn: number;
  callId: string;
  action: string;
  args: Record<string, unknown>;
  argsValid: boolean;
  risk: 'read' | 'write' | 'destructive' | 'unknown';
}

/** One model round trip, measured at the ChatModel boundary. */
export interface ModelCallRecord {
  ms: number;
  inputTokens: number | null;
  outputTokens: number | null;
  finishReason: string;
  error?: string;
}

/** How a trial ended. */
export type Termination =
  | 'done'
  | 'max_user_turns'
  | 'max_tool_calls'
  | 'agent_error'
  | 'infra_error'
  | 'harness_error';

/** The full record of one trial. */
export interface TrialTrace {
  scenarioId: string;
  trial: number;
  messages: Message[];
  events: Array<{ seq: number; turn: number; event: AgentEvent }>;
  approvals: ApprovalRecord[];
  requests: LoggedRequest[];
  emitted: EmittedCall[];
  modelCalls: ModelCallRecord[];
  /** What the scripted user said, in order (the opening first). */
  userTurns: string[];
  /** The model's own words per user turn (assistant message contents joined). */
  replies: string[];
  termination: Termination;
  error?: string;
  /** Wall time of the trial in ms (the approver and scripted user answer instantly). */
  ms: number;
}
