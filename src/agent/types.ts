/**
 * The agent's public contract: what front ends (REPL, evals, later Slack) call and what they receive.
 * The agent prints nothing; it emits AgentEvents and returns RunOutcomes.
 */
import type { Risk } from '../actions/define-action.js';
import type { Message, Usage } from '../llm/model.js';

/** One field that an update would change, for the approval card. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What the human sees before deciding. */
export interface Preview {
  /** e.g. "Ban Jane Doe <jane@example.com> (user_2x…)". */
  text: string;
  method: string;
  /** Resolved path with ids filled in, e.g. `/users/user_2x…/ban`. */
  path: string;
  /** For updates: field-by-field diff against the current object (fetched with a read). */
  diff?: FieldChange[];
  /** Knock-on effects, e.g. "the organization's 12 memberships are removed too". */
  consequences?: string[];
}

/** A mutating call waiting for a human decision. Bound to (callId, action, argsDigest). */
export interface PendingCall {
  approvalId: string;
  callId: string;
  action: string;
  /** Validated arguments (nulls stripped). */
  args: Record<string, unknown>;
  /** sha256 of the canonical JSON of `action` + `args`. */
  argsDigest: string;
  risk: Exclude<Risk, 'read'>;
  preview: Preview;
  /** True when the backend is a live Clerk instance (`sk_live_`): front ends show a LIVE warning. */
  live: boolean;
}

/** A human's answer for one pending call. Anything but `approved: true` for the exact binding is a no. */
export interface Decision {
  approvalId: string;
  callId: string;
  action: string;
  argsDigest: string;
  approved: boolean;
  /** Who decided (e.g. `local:alice`, `eval:approver`). */
  approver: string;
  reason?: string;
}

/** What actually happened to one mutation, from the audit (never from the model's words). */
export interface MutationOutcome {
  callId: string;
  action: string;
  args: Record<string, unknown>;
  previewText: string;
  status: 'executed' | 'denied' | 'failed' | 'dry_run';
  error?: string;
  reason?: string;
}

/** The closing summary: built from the audit, shown together with the model's own words. */
export interface RunSummary {
  modelText: string;
  executed: MutationOutcome[];
  denied: MutationOutcome[];
  failed: MutationOutcome[];
  dryRun: MutationOutcome[];
  /** One honest line, e.g. "Done: 1 change (Ban Jane Doe …); not done: 1 (denied: …)". */
  line: string;
}

/** Serializable state of a conversation, paused or finished. JSON round-trips exactly. */
export interface RunState {
  version: 1;
  runId: string;
  requester: string;
  messages: Message[];
  /** Calls waiting for decisions (empty unless the run is paused). */
  pending: PendingCall[];
  /** Mutations decided in the current turn so far (for the closing summary). */
  outcomes: MutationOutcome[];
  stepsThisTurn: number;
  usage: Usage;
  /** Model round trips in this conversation. */
  modelCalls: number;
}

export type RunOutcome =
  | { status: 'paused'; state: RunState; pending: PendingCall[] }
  | { status: 'done'; state: RunState; summary: RunSummary }
  | { status: 'error'; state: RunState; error: string };

export type AgentEvent =
  | { type: 'turn_start'; runId: string; input: string }
  | { type: 'model_start'; step: number }
  | { type: 'model_end'; step: number; usage?: Usage; finishReason: string }
  /** Text the model said before or between tool calls (its plan, a question, an explanation). */
  | { type: 'assistant_text'; text: string }
  | { type: 'tool_start'; callId: string; action: string; args: unknown; risk: Risk }
  | {
      type: 'tool_end';
      callId: string;
      action: string;
      ok: boolean;
      result?: unknown;
      error?: string;
      durationMs: number;
    }
  | { type: 'approval_needed'; pending: PendingCall[] }
  | { type: 'decision'; callId: string; action: string; approved: boolean; approver: string; reason?: string }
  | { type: 'error'; message: string }
  | { type: 'summary'; summary: RunSummary }
  | { type: 'turn_end'; status: RunOutcome['status'] };

/** Contract: must not throw; front ends render, evals record. */
export type EventSink = (event: AgentEvent) => void;

export interface RunOptions {
  /** Continue this conversation (history kept); omit for a new one. */
  state?: RunState;
  requester?: string;
  signal?: AbortSignal;
  onEvent?: EventSink;
}

export interface ResumeOptions {
  signal?: AbortSignal;
  onEvent?: EventSink;
  /** End the turn after the decisions without asking the model again (a directly proposed call has no model turn). */
  closeWithoutModel?: boolean;
}

export interface Agent {
  /** Start a turn with the user's text. Returns paused (decisions needed), done, or error. */
  run(input: string, options?: RunOptions): Promise<RunOutcome>;
  /**
   * Resume a paused run with decisions. Every pending call without a matching decision is denied.
   * A decision whose (approvalId, callId, action, argsDigest) matches no pending call is rejected (error event).
   */
  resume(state: RunState, decisions: Decision[], options?: ResumeOptions): Promise<RunOutcome>;
  /** Deny everything pending (Ctrl-C, timeout) and finish the turn truthfully. */
  cancel(state: RunState, reason: string, options?: ResumeOptions): Promise<RunOutcome>;
  /**
   * A change asked for directly (no model): validates `args` and builds the card like a model's tool call, and
   * returns a paused run with that one pending call (or an error outcome). Optional so test doubles need not have it.
   */
  propose?(action: string, args: Record<string, unknown>, requester: string, options?: RunOptions): Promise<RunOutcome>;
}
