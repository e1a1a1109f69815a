/**
 * The agent: run a turn, resume it with human decisions, or cancel it. This is where the Clerk client is split
 * in two: the loop gets a read-only view, and only `resume` holds the executor that runs approved mutations.
 */
import { randomUUID } from 'node:crypto';
import { toolSpecs } from '../actions/json-schema.js';
import type { Registry } from '../actions/registry.js';
import type { ClerkClient } from '../clerk/types.js';
import type { ChatModel } from '../llm/model.js';
import { createMutationExecutor, denyAll, matchDecisions, withoutDecided } from './approval.js';
import type { AuditLog } from './audit.js';
import { createHistoryBudget } from './budget.js';
import { createClerkReader } from './clerk-reader.js';
import { createEmit, type AgentContext } from './context.js';
import { applyDecisions } from './decide.js';
import { endDone, endWithError, runTurn } from './loop.js';
import { proposeCall } from './propose.js';
import { redact } from './redact.js';
import { createRunState, parseRunState } from './run-state.js';
import type { Agent } from './types.js';

export interface AgentDeps {
  model: ChatModel;
  registry: Registry;
  clerk: ClerkClient;
  audit: AuditLog;
  systemPrompt: string;
  /** Model steps per user turn before the turn is ended (default 12). */
  maxStepsPerTurn?: number;
  /** Tool calls executed per model step; extras get a "not run" result (default 20). */
  maxToolCallsPerStep?: number;
  /** Preview and ask as usual, but never execute: approved calls end as `dry_run`. */
  dryRun?: boolean;
  exposePrivateMetadata?: boolean;
  /** The model's context window in tokens (default 100 000). */
  contextTokens?: number;
  /** Ids for runs and approvals (default: random UUIDs). */
  newId?: () => string;
  /** Clock for audit records (tests). */
  now?: () => Date;
}

const DEFAULT_CONTEXT_TOKENS = 100_000;

/** Builds an Agent from its dependencies. */
export function createAgent(deps: AgentDeps): Agent {
  const ctx = createContext(deps);
  const execute = createMutationExecutor(deps.clerk);
  /** Approval ids this agent has already decided (or denied by cancel): a stale copy of a paused run cannot run them. */
  const decided = new Set<string>();
  /**
   * `decided` plus the approval ids of `pending` that the audit already holds: after a restart the in-memory set is
   * empty, and a stale stored copy of a run (a second click, a replayed state) must still not run a call again.
   */
  const decidedBefore = (pending: readonly { approvalId: string }[]): ReadonlySet<string> => {
    const wanted = new Set(pending.map((p) => p.approvalId).filter((id) => !decided.has(id)));
    if (wanted.size === 0) return decided;
    const ids = new Set(decided);
    for (const entry of deps.audit.entries()) if (wanted.has(entry.approvalId)) ids.add(entry.approvalId);
    return ids;
  };

  return {
    async run(input, options = {}) {
      const emit = createEmit(options.onEvent);
      const state = options.state
        ? parseRunState(options.state)
        : createRunState(ctx.newId(), options.requester ?? 'local');
      if (options.requester) state.requester = options.requester;
      emit({ type: 'turn_start', runId: state.runId, input });
      if (state.pending.length > 0) {
        // A new request while calls wait: they were never approved, so they are denied (rule 3).
        for (const call of state.pending) decided.add(call.approvalId);
        await applyDecisions(
          ctx,
          state,
          denyAll(state.pending, 'no decision: a new request was sent instead'),
          undefined,
          emit,
        );
      }
      state.outcomes = [];
      state.stepsThisTurn = 0;
      // Keys pasted into a request are not sent on to the model provider (rule 10).
      state.messages.push({ role: 'user', content: redact(input) });
      return runTurn(ctx, state, emit, options.signal);
    },

    async resume(saved, decisions, options = {}) {
      const emit = createEmit(options.onEvent);
      const state = parseRunState(saved);
      if (state.pending.length === 0)
        return endWithError(state, emit, 'Nothing to resume: this run has no calls waiting for a decision.');
      const match = withoutDecided(
        matchDecisions(state.pending, Array.isArray(decisions) ? decisions : []),
        decidedBefore(state.pending),
      );
      for (const call of state.pending) decided.add(call.approvalId);
      // Dry run: approved calls are recorded, never executed, so the executor is not even handed over.
      await applyDecisions(ctx, state, match, ctx.dryRun ? undefined : execute, emit, options.signal);
      if (options.closeWithoutModel) return endDone(state, emit, '');
      return runTurn(ctx, state, emit, options.signal);
    },

    async cancel(saved, reason, options = {}) {
      const emit = createEmit(options.onEvent);
      const state = parseRunState(saved);
      for (const call of state.pending) decided.add(call.approvalId);
      await applyDecisions(ctx, state, denyAll(state.pending, reason.trim() || 'cancelled'), undefined, emit);
      return endDone(state, emit, '');
    },

    async propose(action, args, requester, options = {}) {
      return proposeCall(ctx, action, args, requester, createEmit(options.onEvent), options.signal);
    },
  };
}

function createContext(deps: AgentDeps): AgentContext {
  const tools = toolSpecs(deps.registry.list());
  return {
    model: deps.model,
    registry: deps.registry,
    reader: createClerkReader(deps.clerk),
    audit: deps.audit,
    systemPrompt: deps.systemPrompt,
    tools,
    maxStepsPerTurn: deps.maxStepsPerTurn ?? 12,
    maxToolCallsPerStep: deps.maxToolCallsPerStep ?? 20,
    dryRun: deps.dryRun ?? false,
    exposePrivateMetadata: deps.exposePrivateMetadata ?? false,
    historyBudget: createHistoryBudget(deps.contextTokens ?? DEFAULT_CONTEXT_TOKENS, [
      deps.systemPrompt,
      JSON.stringify(tools),
    ]),
    newId: deps.newId ?? randomUUID,
    now: deps.now ?? (() => new Date()),
  };
}
