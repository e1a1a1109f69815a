/**
 * The serializable run: what a front end stores while a human decides (a Slack click can come minutes later,
 * after a restart). `parseRunState` is the gate on the way back in: wrong version, wrong shape, or pending calls
 * whose arguments no longer match their digest are rejected with a RunStateError.
 */
import { z } from 'zod';
import type { Message } from '../llm/model.js';
import { argsDigest } from './digest.js';
import { RunStateError } from './errors.js';
import type { RunState } from './types.js';

const toolCall = z.object({ id: z.string(), name: z.string(), arguments: z.string() });
const message = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({ role: z.literal('assistant'), content: z.string().nullable(), toolCalls: z.array(toolCall).optional() }),
  z.object({ role: z.literal('tool'), toolCallId: z.string(), content: z.string() }),
]);
const preview = z.object({
  text: z.string(),
  method: z.string(),
  path: z.string(),
  diff: z
    .array(
      z.object({
        field: z.string(),
        // A key the change adds has no "before" (and JSON drops an undefined value): both sides may be absent.
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        added: z.array(z.unknown()).optional(),
        removed: z.array(z.unknown()).optional(),
      }),
    )
    .optional(),
  consequences: z.array(z.string()).optional(),
  requests: z
    .array(z.object({ method: z.string(), path: z.string(), body: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
  labels: z.record(z.string(), z.string()).optional(),
});
const pendingCall = z.object({
  approvalId: z.string().min(1),
  callId: z.string().min(1),
  action: z.string().min(1),
  args: z.record(z.string(), z.unknown()),
  argsDigest: z.string().regex(/^[0-9a-f]{64}$/),
  risk: z.enum(['write', 'destructive']),
  preview,
  live: z.boolean(),
});
const outcome = z.object({
  callId: z.string(),
  action: z.string(),
  args: z.record(z.string(), z.unknown()),
  previewText: z.string(),
  status: z.enum(['executed', 'denied', 'failed', 'dry_run', 'noop', 'unknown']),
  error: z.string().optional(),
  reason: z.string().optional(),
  checked: z.string().optional(),
  auditError: z.string().optional(),
});
const runStateSchema = z.object({
  version: z.literal(1),
  runId: z.string().min(1),
  requester: z.string(),
  messages: z.array(message),
  pending: z.array(pendingCall),
  outcomes: z.array(outcome),
  stepsThisTurn: z.number().int().min(0),
  usage: z.object({ inputTokens: z.number().min(0), outputTokens: z.number().min(0) }),
  modelCalls: z.number().int().min(0),
});

/** A fresh, empty conversation. */
export function createRunState(runId: string, requester: string): RunState {
  return {
    version: 1,
    runId,
    requester,
    messages: [],
    pending: [],
    outcomes: [],
    stepsThisTurn: 0,
    usage: { inputTokens: 0, outputTokens: 0 },
    modelCalls: 0,
  };
}

/** JSON text of a state (what front ends store). */
export function serializeRunState(state: RunState): string {
  return JSON.stringify(state);
}

/**
 * Validates a stored state (JSON text or an already-parsed value) and returns a fresh RunState.
 * Throws RunStateError naming what is wrong.
 */
export function parseRunState(input: unknown): RunState {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new RunStateError('Saved run state is not valid JSON; it cannot be resumed. Start a new request.');
    }
  }
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (version !== 1) {
    throw new RunStateError(
      `Saved run state has version ${JSON.stringify(version)}; this build reads version 1 only. Start a new request.`,
    );
  }
  const parsed = runStateSchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new RunStateError(`Saved run state is malformed (${where.join('; ')}); it cannot be resumed.`);
  }
  const state = parsed.data as RunState;
  checkPending(state);
  return state;
}

/** Pending calls must still match their digest and the tool calls the model actually made. */
function checkPending(state: RunState): void {
  if (state.pending.length === 0) return;
  const lastAssistant = [...state.messages]
    .reverse()
    .find((m): m is Extract<Message, { role: 'assistant' }> => m.role === 'assistant');
  const calls = new Map((lastAssistant?.toolCalls ?? []).map((c) => [c.id, c.name]));
  const approvalIds = new Set<string>();
  const callIds = new Set<string>();
  for (const p of state.pending) {
    if (argsDigest(p.action, p.args) !== p.argsDigest) {
      throw new RunStateError(
        `Saved run state was modified: pending call ${p.callId} (${p.action}) no longer matches its argsDigest.`,
      );
    }
    if (calls.get(p.callId) !== p.action) {
      throw new RunStateError(
        `Saved run state was modified: pending call ${p.callId} (${p.action}) is not a call the model made.`,
      );
    }
    if (approvalIds.has(p.approvalId) || callIds.has(p.callId)) {
      throw new RunStateError(`Saved run state was modified: pending call ${p.callId} appears twice.`);
    }
    approvalIds.add(p.approvalId);
    callIds.add(p.callId);
  }
}
