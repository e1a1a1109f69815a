/**
 * Drives the offline model through the real agent loop (createAgent + in-process demo sandbox + real Clerk client +
 * registry + audit) and records what it did: the reads it ran, the mutations it asked approval for, its words.
 */
import { createRegistry } from '../../../src/actions/registry.js';
import { createAuditLog } from '../../../src/agent/audit.js';
import { createAgent } from '../../../src/agent/create-agent.js';
import { loadSystemPrompt } from '../../../src/agent/prompt.js';
import type { Agent, AgentEvent, Decision, PendingCall, RunOutcome, RunState } from '../../../src/agent/types.js';
import { createClerkClient } from '../../../src/clerk/client.js';
import type { ChatModel, ToolCall } from '../../../src/llm/model.js';
import { createOfflineModel } from '../../../src/llm/offline.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';

/** The fixed clock of every offline-model test (the seed's timestamps are relative to it). */
export const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
export const DAY = 86_400_000;

/** A call as the suite compares it. */
export interface SeenCall {
  action: string;
  args: Record<string, unknown>;
}

/** What one user message led to. */
export interface TurnResult {
  status: RunOutcome['status'];
  reads: SeenCall[];
  pending: PendingCall[];
  /** Everything the model said this turn, joined. */
  text: string;
  outcome: RunOutcome;
  events: AgentEvent[];
}

/** The real stack around the offline model. */
export interface Stack {
  agent: Agent;
  sandbox: Sandbox;
  /** Every tool call the model emitted, in order (to validate arguments against the registry). */
  emitted: ToolCall[];
  /** Sends one message (continuing `state` when given). */
  say(input: string, state?: RunState): Promise<TurnResult>;
  /** Approves (or denies) every pending call of a paused turn; an array decides call by call, in order. */
  decide(turn: TurnResult, approved: boolean | boolean[], reason?: string): Promise<TurnResult>;
  /** Cancels a paused turn (everything pending is denied, nothing runs). */
  cancel(turn: TurnResult): Promise<TurnResult>;
}

/** Options for a stack (defaults: a live-like run, not a dry run). */
export interface StackOptions {
  dryRun?: boolean;
}

/** Builds a fresh stack with a demo-seeded sandbox. */
export function createStack(options: StackOptions = {}): Stack {
  const sandbox = createSandbox({ seed: 'demo', now: () => NOW });
  const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  let n = 0;
  const emitted: ToolCall[] = [];
  const offline = createOfflineModel({ now: () => NOW });
  const recording: ChatModel = {
    name: offline.name,
    async complete(request) {
      const response = await offline.complete(request);
      emitted.push(...(response.message.toolCalls ?? []));
      return response;
    },
  };
  const agent = createAgent({
    model: recording,
    registry: createRegistry(),
    clerk,
    audit: createAuditLog({}),
    systemPrompt: loadSystemPrompt(),
    newId: () => `id_${++n}`,
    ...(options.dryRun ? { dryRun: true } : {}),
  });

  const collect = async (run: (onEvent: (e: AgentEvent) => void) => Promise<RunOutcome>): Promise<TurnResult> => {
    const events: AgentEvent[] = [];
    const outcome = await run((e) => events.push(e));
    const reads = events.flatMap((e) =>
      e.type === 'tool_start' && e.risk === 'read'
        ? [{ action: e.action, args: e.args as Record<string, unknown> }]
        : [],
    );
    const text = events.flatMap((e) => (e.type === 'assistant_text' ? [e.text] : [])).join('\n');
    return {
      status: outcome.status,
      reads,
      pending: outcome.status === 'paused' ? outcome.pending : [],
      text,
      outcome,
      events,
    };
  };

  return {
    agent,
    sandbox,
    emitted,
    say: (input, state) => collect((onEvent) => agent.run(input, { ...(state ? { state } : {}), onEvent })),
    decide: (turn, approved, reason) => {
      if (turn.outcome.status !== 'paused') throw new Error(`decide() needs a paused turn, got ${turn.outcome.status}`);
      const decisions: Decision[] = turn.pending.map((p, i) => ({
        approvalId: p.approvalId,
        callId: p.callId,
        action: p.action,
        argsDigest: p.argsDigest,
        approved: Array.isArray(approved) ? approved[i] === true : approved,
        approver: 'test:approver',
        ...(reason ? { reason } : {}),
      }));
      const state = turn.outcome.state;
      return collect((onEvent) => agent.resume(state, decisions, { onEvent }));
    },
    cancel: (turn) => {
      const state = turn.outcome.state;
      return collect((onEvent) => agent.cancel(state, 'test: cancelled after recording the plan', { onEvent }));
    },
  };
}
