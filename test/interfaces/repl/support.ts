/**
 * Builders for REPL tests: the real agent over the in-process sandbox (`realApp`, for everything that involves
 * approvals), a scripted fake Agent (for commands and transcripts, where the gate is not under test), captured
 * output, scripted prompts and line sources. No network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import { createRegistry } from '../../../src/actions/registry.js';
import { createAuditLog, type AuditLog } from '../../../src/agent/audit.js';
import { buildSummary } from '../../../src/agent/summary.js';
import type {
  Agent,
  AgentEvent,
  Decision,
  MutationOutcome,
  PendingCall,
  ResumeOptions,
  RunOptions,
  RunOutcome,
  RunState,
} from '../../../src/agent/types.js';
import { loadConfig } from '../../../src/config.js';
import { createColors } from '../../../src/interfaces/repl/colors.js';
import { createStreamLineSource, type LineSource } from '../../../src/interfaces/repl/input.js';
import { createOutput, type Output } from '../../../src/interfaces/repl/output.js';
import type { Prompter } from '../../../src/interfaces/repl/prompt.js';
import { createRepl, type InterruptSource, type Repl } from '../../../src/interfaces/repl/repl.js';
import { createSpinner } from '../../../src/interfaces/repl/spinner.js';
import type { ReplApp } from '../../../src/interfaces/repl/types.js';
import type { ScriptedTurn } from '../../../src/llm/scripted.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { createHarness, type Harness } from '../../support/agent-harness.js';

const created: string[] = [];
// Every test file that uses these builders removes its temp folders when it is done.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'clerk-repl-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Output captured in memory. */
export function captureOutput(options: { colors?: boolean; width?: number } = {}): { out: Output; text(): string } {
  let buffer = '';
  const stream = { write: (t: string) => ((buffer += t), true), columns: options.width ?? 120 };
  const colors = createColors(options.colors ?? false);
  const out = createOutput(stream, createSpinner(stream, { enabled: false, colors }), colors);
  return { out, text: () => buffer };
}

/** One scripted answer: text, null (EOF) or a function of the signal (to simulate Ctrl-C). */
export type ScriptedAnswer = string | null | ((signal?: AbortSignal) => string | null);

/** A prompter that replays answers and records the questions; null once the script runs out (like EOF). */
export function scriptedPrompter(answers: ScriptedAnswer[]): Prompter & { questions: string[] } {
  const questions: string[] = [];
  return {
    questions,
    async ask(question, signal) {
      questions.push(question);
      const next = answers.shift();
      const answer = typeof next === 'function' ? next(signal) : (next ?? null);
      return signal?.aborted ? null : answer;
    },
  };
}

/** Lines from an in-memory "pipe" (the real stream line source over a Readable). */
export function pipedLines(lines: string[], output: { write(t: string): unknown } = { write: () => true }): LineSource {
  return createStreamLineSource(Readable.from([lines.map((l) => l + '\n').join('')]), output, { echo: true });
}

/** An interrupt source whose `fire()` plays Ctrl-C. */
export function fakeInterrupts(): InterruptSource & { fire(): void; count(): number } {
  const handlers = new Set<() => void>();
  return {
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    fire: () => handlers.forEach((h) => h()),
    count: () => handlers.size,
  };
}

/**
 * A REPL over `app` with nothing piped in, a prompter replaying `answers`, captured output and fake interrupts:
 * the setup most approval tests share (they drive it with `repl.handleLine` / `repl.runOnce`).
 */
export function scriptedRepl(app: ReplApp, answers: ScriptedAnswer[] = []) {
  const { out, text } = captureOutput();
  const prompter = scriptedPrompter(answers);
  const interrupts = fakeInterrupts();
  const repl: Repl = createRepl({ app, input: pipedLines([]), prompter, out, interrupts });
  return { repl, text, prompter, interrupts };
}

/** Records of what the fake agent was asked to do. */
export interface FakeAgentLog {
  runs: Array<{ input: string; options?: RunOptions }>;
  resumes: Array<{ decisions: Decision[] }>;
  cancels: Array<{ reason: string }>;
}

const pendingCall = (i: number, live: boolean): PendingCall => ({
  approvalId: `appr_${i}`,
  callId: `call_${i}`,
  action: i === 0 ? 'clerk_user_ban' : 'clerk_user_delete',
  args: { user_id: `user_${i}` },
  argsDigest: `digest_${i}`,
  risk: i === 0 ? 'write' : 'destructive',
  preview: {
    text: i === 0 ? 'Ban Jane Doe <jane@example.com> (user_0)' : `Delete user user_${i}`,
    method: i === 0 ? 'POST' : 'DELETE',
    path: i === 0 ? '/users/user_0/ban' : `/users/user_${i}`,
    ...(i === 0
      ? { diff: [{ field: 'banned', before: false, after: true }] }
      : { consequences: ['the user is gone for good'] }),
  },
  live,
});

/** Options for the fake agent. */
export interface FakeAgentOptions {
  /** Pending calls per turn (0 = a read-only turn). */
  pending?: number;
  live?: boolean;
  /** Make `run` end in an error outcome with this message. */
  error?: string;
  /** Called inside run() before it returns (e.g. to fire Ctrl-C mid-turn). */
  duringRun?: (options?: RunOptions) => void;
}

/** A scripted Agent: each run reads one user, then pauses with `pending` calls (a ban first). */
export function createFakeAgent(options: FakeAgentOptions = {}): Agent & { log: FakeAgentLog } {
  const log: FakeAgentLog = { runs: [], resumes: [], cancels: [] };
  const count = options.pending ?? 1;
  const state = (pending: PendingCall[], prior?: RunState): RunState => ({
    version: 1,
    runId: prior?.runId ?? `run_${log.runs.length}`,
    requester: 'local:test',
    messages: [...(prior?.messages ?? []), { role: 'user', content: 'x' }],
    pending,
    outcomes: [],
    stepsThisTurn: 0,
    usage: { inputTokens: 0, outputTokens: 0 },
    modelCalls: 0,
  });
  const finish = (
    s: RunState,
    outcomes: MutationOutcome[],
    emit: (e: AgentEvent) => void,
    text: string,
  ): RunOutcome => {
    const summary = buildSummary(outcomes, text);
    emit({ type: 'assistant_text', text });
    emit({ type: 'summary', summary });
    emit({ type: 'turn_end', status: 'done' });
    return { status: 'done', state: { ...s, pending: [] }, summary };
  };
  const deniedAll = (s: RunState, reason: string): MutationOutcome[] =>
    s.pending.map((call) => ({
      callId: call.callId,
      action: call.action,
      args: call.args,
      previewText: call.preview.text,
      status: 'denied',
      reason,
    }));
  return {
    log,
    async run(input, runOptions) {
      log.runs.push({ input, ...(runOptions ? { options: runOptions } : {}) });
      const emit = runOptions?.onEvent ?? (() => {});
      const s0 = state([], runOptions?.state);
      emit({ type: 'turn_start', runId: s0.runId, input });
      emit({ type: 'model_start', step: 1 });
      emit({ type: 'model_end', step: 1, finishReason: 'tool_calls' });
      options.duringRun?.(runOptions);
      if (options.error) {
        emit({ type: 'error', message: options.error });
        emit({ type: 'turn_end', status: 'error' });
        return { status: 'error', state: s0, error: options.error };
      }
      emit({
        type: 'tool_start',
        callId: 'r1',
        action: 'clerk_users_list',
        args: { email_address: ['jane@example.com'] },
        risk: 'read',
      });
      emit({
        type: 'tool_end',
        callId: 'r1',
        action: 'clerk_users_list',
        ok: true,
        durationMs: 1,
        result: {
          returned: 1,
          offset: 0,
          data: [{ id: 'user_0', name: 'Jane Doe', email: 'jane@example.com', banned: false }],
        },
      });
      if (count === 0) return finish(s0, [], emit, 'Jane Doe is active.');
      const pending = Array.from({ length: count }, (_, i) => pendingCall(i, options.live ?? false));
      emit({ type: 'assistant_text', text: 'I will ban Jane Doe.' });
      emit({ type: 'approval_needed', pending });
      emit({ type: 'turn_end', status: 'paused' });
      return { status: 'paused', state: state(pending, runOptions?.state), pending };
    },
    // The gate is not re-implemented here: approvals are tested against the real agent (realApp). This fake only
    // records the decisions it was given and ends the turn with nothing executed.
    async resume(s, decisions, resumeOptions?: ResumeOptions) {
      log.resumes.push({ decisions });
      const emit = resumeOptions?.onEvent ?? (() => {});
      return finish(s, deniedAll(s, 'fake agent: executes nothing'), emit, 'The fake agent executes nothing.');
    },
    async cancel(s, reason, resumeOptions) {
      log.cancels.push({ reason });
      const emit = resumeOptions?.onEvent ?? (() => {});
      const outcomes = deniedAll(s, reason);
      for (const o of outcomes)
        emit({ type: 'decision', callId: o.callId, action: o.action, approved: false, approver: 'local:test', reason });
      return finish(s, outcomes, emit, 'Cancelled; nothing was changed.');
    },
  };
}

/** A fake app around `agent` (real registry and a memory audit log). */
export function fakeApp(agent: Agent, extra: Partial<ReplApp> & { audit?: AuditLog } = {}): ReplApp {
  const dataDir = tempDir();
  return {
    agent,
    config: { ...loadConfig({}, { dataDir }), requester: 'local:tester' },
    registry: createRegistry(),
    audit: createAuditLog(),
    modelName: 'scripted',
    backendLabel: 'fake backend',
    live: false,
    dataDir,
    ...extra,
  };
}

/** A REPL app over the real agent: scripted model, real registry and gate, in-process demo sandbox, memory audit. */
export function realApp(turns: ScriptedTurn[], options: { sandbox?: Sandbox } = {}): ReplApp & { harness: Harness } {
  const harness = createHarness(turns, options.sandbox ? { sandbox: options.sandbox } : {});
  const dataDir = tempDir();
  return {
    harness,
    agent: harness.agent,
    config: { ...loadConfig({}, { dataDir }), requester: 'local:tester' },
    registry: createRegistry(),
    audit: harness.audit,
    modelName: 'scripted',
    backendLabel: 'in-process sandbox',
    live: false,
    dataDir,
  };
}
