/**
 * One trial: a fresh sandbox from the fixture (fixed clock, scenario faults), the REAL agent loop (createAgent)
 * with a Clerk client whose fetch goes to the in-process sandbox through the request logger, the simulated approver
 * at the gate, and the scripted user in the chat. Returns the trace and the final sandbox for grading.
 */
import { createAgent, type AgentDeps } from '../../src/agent/create-agent.js';
import { createAuditLog } from '../../src/agent/audit.js';
import type { Agent, AgentEvent, RunOutcome, RunState } from '../../src/agent/types.js';
import { parseRunState, serializeRunState } from '../../src/agent/run-state.js';
import { parseToolArguments } from '../../src/actions/parse-args.js';
import type { Registry } from '../../src/actions/registry.js';
import { createClerkClient } from '../../src/clerk/client.js';
import type { Message } from '../../src/llm/model.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { createApprover, toDecision, type ApproverMode } from './approver.js';
import { createTrialModel, instrumentModel, type ModelChoice } from './models.js';
import { FIXED_NOW, freshSandbox, type PreparedScenario } from './prepare.js';
import { createLoggingFetch, createTrialClock } from './request-log.js';
import { createScriptedUser } from './scripted-user.js';
import type { EmittedCall, TrialTrace } from './trace.js';

/** What a trial runs with (the real registry, prompt and model; the approver mode). */
export interface TrialOptions {
  registry: Registry;
  systemPrompt: string;
  model: ModelChoice;
  approverMode?: ApproverMode;
  /** Replace createAgent (self-checks model broken agents with it; real runs never set it). */
  agentFactory?: (deps: AgentDeps) => Agent;
}

/** Run one trial. The caller grades the trace and closes the sandbox. */
export async function runTrial(
  p: PreparedScenario,
  trial: number,
  opts: TrialOptions,
): Promise<{ trace: TrialTrace; sandbox: Sandbox }> {
  const s = p.scenario;
  const started = performance.now();
  const clock = createTrialClock();
  const sandbox = freshSandbox(p.fixture);
  addFaults(sandbox, s.faults);
  const trace = emptyTrace(s.id, trial);
  const clerk = createClerkClient({
    secretKey: sandbox.secretKey,
    baseUrl: sandbox.baseUrl,
    fetch: createLoggingFetch(sandbox.fetch.bind(sandbox), trace.requests, clock),
    // The sandbox clock is frozen: waiting for Retry-After would only slow the suite down.
    sleep: async () => {},
  });
  const trialModel = createTrialModel(opts.model, p, trial);
  let ids = 0;
  const agent = (opts.agentFactory ?? createAgent)({
    model: instrumentModel(trialModel.model, trace.modelCalls),
    registry: opts.registry,
    clerk,
    audit: createAuditLog({}),
    systemPrompt: opts.systemPrompt,
    maxStepsPerTurn: s.limits.max_steps,
    newId: () => `eval-${s.id}-t${trial}-${++ids}`,
    now: () => new Date(FIXED_NOW),
  });
  const chat: Chat = {
    agent,
    approver: createApprover(p.approverRules, s.approver.default, opts.approverMode ?? 'scenario'),
    user: createScriptedUser(s.user),
    maxUserTurns: s.user.max_turns,
    abort: new AbortController(),
    trace,
    clock,
  };
  const state = await converse(chat, recordEvents(chat, s.limits.max_tool_calls));
  const cassetteProblem = trialModel.harnessError();
  if (cassetteProblem) {
    trace.termination = 'harness_error';
    trace.error = cassetteProblem;
  }
  trialModel.finish();
  sandbox.faults.clear();

  trace.messages = state?.messages ?? [];
  trace.replies = trace.userTurns.map((_, i) => turnText(trace.messages, i));
  trace.emitted = emittedCalls(trace.messages, opts.registry);
  trace.ms = performance.now() - started;
  return { trace, sandbox };
}

function addFaults(sandbox: Sandbox, faults: PreparedScenario['scenario']['faults']): void {
  for (const f of faults) {
    sandbox.faults.add({
      method: f.method,
      path: f.path,
      times: f.times,
      ...(f.status !== undefined ? { status: f.status } : {}),
      ...(f.retry_after_seconds !== undefined ? { retryAfterSeconds: f.retry_after_seconds } : {}),
      ...(f.latency_ms !== undefined ? { latencyMs: f.latency_ms } : {}),
    });
  }
}

function emptyTrace(scenarioId: string, trial: number): TrialTrace {
  return {
    scenarioId,
    trial,
    messages: [],
    events: [],
    approvals: [],
    requests: [],
    emitted: [],
    modelCalls: [],
    userTurns: [],
    replies: [],
    termination: 'done',
    ms: 0,
  };
}

/** The parties of one conversation and where it is recorded. */
interface Chat {
  agent: Agent;
  approver: ReturnType<typeof createApprover>;
  user: ReturnType<typeof createScriptedUser>;
  maxUserTurns: number;
  /** Aborted when the agent exceeds the scenario's tool-call limit. */
  abort: AbortController;
  trace: TrialTrace;
  clock: ReturnType<typeof createTrialClock>;
}

/** The event sink: records every event and aborts the run once more than `maxToolCalls` distinct calls appeared. */
function recordEvents({ trace, clock, abort }: Chat, maxToolCalls: number): (event: AgentEvent) => void {
  const callIds = new Set<string>();
  return (event) => {
    trace.events.push({ seq: clock.seq(), turn: clock.turn, event });
    if (event.type === 'tool_start' || event.type === 'tool_end') callIds.add(event.callId);
    if (event.type === 'approval_needed') event.pending.forEach((c) => callIds.add(c.callId));
    if (callIds.size > maxToolCalls && !abort.signal.aborted) abort.abort();
  };
}

/** User turns, each run to completion with the approver deciding every pause; returns the last run state. */
async function converse(chat: Chat, onEvent: (event: AgentEvent) => void): Promise<RunState | undefined> {
  const { agent, user, trace, clock, abort } = chat;
  const signal = abort.signal;
  let state: RunState | undefined;
  try {
    trace.userTurns.push(user.opening);
    let outcome: RunOutcome = await agent.run(user.opening, { onEvent, signal, requester: 'eval:user' });
    for (;;) {
      state = outcome.state;
      // The state is kept after every resume, so a run that throws mid-approval still leaves its transcript.
      outcome = await approveUntilSettled(chat, outcome, onEvent, (settled) => {
        state = settled;
      });
      if (outcome.status === 'error') {
        trace.termination = errorTermination(chat);
        trace.error = outcome.error;
        break;
      }
      const next = user.reply(turnText(outcome.state.messages, trace.userTurns.length - 1));
      if (next === undefined) break;
      if (trace.userTurns.length >= chat.maxUserTurns) {
        trace.termination = 'max_user_turns';
        break;
      }
      clock.turn++;
      trace.userTurns.push(next);
      outcome = await agent.run(next, { state: outcome.state, onEvent, signal, requester: 'eval:user' });
    }
  } catch (err) {
    trace.termination = signal.aborted ? 'max_tool_calls' : 'harness_error';
    trace.error = (err as Error).message;
  }
  return state;
}

/** Resume a paused run with the simulated approver's decisions until it is no longer paused. */
async function approveUntilSettled(
  { agent, approver, trace, clock, abort }: Chat,
  first: RunOutcome,
  onEvent: (event: AgentEvent) => void,
  keep: (state: RunState) => void,
): Promise<RunOutcome> {
  let outcome = first;
  while (outcome.status === 'paused') {
    const decisions = outcome.pending.map((pending) => {
      const { decision, record } = toDecision(pending, approver.decide(pending), clock.seq(), clock.turn);
      trace.approvals.push(record);
      return decision;
    });
    // Every front end stores the paused run and reads it back before resuming (a click can come after a restart):
    // so does the harness, so a state that does not survive serialization fails the trial as it would in use.
    const stored = parseRunState(serializeRunState(outcome.state));
    outcome = await agent.resume(stored, decisions, { onEvent, signal: abort.signal });
    keep(outcome.state);
  }
  return outcome;
}

/** Why a run ended in error: our tool-call limit, the model endpoint, or the agent itself. */
function errorTermination({ trace, abort }: Chat): TrialTrace['termination'] {
  if (abort.signal.aborted) return 'max_tool_calls';
  return trace.modelCalls.at(-1)?.finishReason === 'error' ? 'infra_error' : 'agent_error';
}

/** The model's own words in user turn `turn` (0-based): assistant contents between that user message and the next. */
function turnText(messages: Message[], turn: number): string {
  let seen = -1;
  const parts: string[] = [];
  for (const m of messages) {
    if (m.role === 'user') seen++;
    else if (seen === turn && m.role === 'assistant' && m.content) parts.push(m.content);
    if (seen > turn) break;
  }
  return parts.join('\n');
}

/** Every tool call in the transcript, with arguments parsed as the agent would (invalid ones kept, args empty). */
function emittedCalls(messages: Message[], registry: Registry): EmittedCall[] {
  const out: EmittedCall[] = [];
  let turn = -1;
  for (const m of messages) {
    if (m.role === 'user') turn++;
    if (m.role !== 'assistant' || !m.toolCalls) continue;
    for (const c of m.toolCalls) {
      const action = registry.get(c.name);
      let args: Record<string, unknown> = {};
      let argsValid = false;
      if (action) {
        const parsed = parseToolArguments(action, c.arguments);
        if (parsed.ok) {
          args = parsed.args;
          argsValid = true;
        }
      }
      if (!argsValid) {
        try {
          const raw: unknown = JSON.parse(c.arguments);
          if (raw && typeof raw === 'object' && !Array.isArray(raw)) args = raw as Record<string, unknown>;
        } catch {
          // malformed JSON: keep empty args
        }
      }
      out.push({
        turn: Math.max(0, turn),
        callId: c.id,
        action: c.name,
        args,
        argsValid,
        risk: action?.risk ?? 'unknown',
      });
    }
  }
  return out;
}
