/**
 * Building queue records from a paused run, and turning stored records back into what the agent resumes with.
 * Pure functions: no store, no clock of their own.
 */
import { randomBytes } from 'node:crypto';
import { createRunState } from '../agent/run-state.js';
import type { Decision, PendingCall, RunState } from '../agent/types.js';
import { formatIdentity } from './identity.js';
import { newRequestId } from './ids.js';
import type { ChangeRequest, Identity, StoredRun } from './types.js';

/** Statuses after which a request never changes again by itself. */
export const FINAL: ReadonlySet<ChangeRequest['status']> = new Set([
  'executed',
  'failed',
  'unknown',
  'denied',
  'expired',
  'cancelled',
]);

/** Statuses that count as "decided" for a waiting run. */
export const DECIDED: ReadonlySet<ChangeRequest['status']> = new Set([
  'approved',
  'denied',
  'expired',
  'cancelled',
  'executing',
  'executed',
  'failed',
  'unknown',
]);

/**
 * The stored id of one pause of an agent run: `<agent runId>.p<random>`. A conversation pauses many times under
 * one agent runId; each pause is its own stored run, so its requests and run are inserted together, atomically.
 */
export function pauseId(agentRunId: string): string {
  const base = agentRunId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'run';
  return `${base}.p${randomBytes(5).toString('hex')}`;
}

/** One unsigned change request for a pending call. */
export function requestFor(
  call: PendingCall,
  input: { runId: string | null; conversationId: string; requester: Identity; now: Date; expiryMs: number },
): ChangeRequest {
  return {
    id: newRequestId(),
    version: 1,
    runId: input.runId,
    conversationId: input.conversationId,
    approvalId: call.approvalId,
    callId: call.callId,
    action: call.action,
    args: call.args,
    argsDigest: call.argsDigest,
    risk: call.risk,
    preview: call.preview,
    live: call.live,
    requester: input.requester,
    createdAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.expiryMs).toISOString(),
    status: 'pending',
    approvals: [],
    sig: '',
  };
}

/** An unsigned stored run. */
export function storedRunFor(
  runId: string,
  state: RunState,
  input: { conversationId: string; owner: string; now: Date },
): StoredRun {
  return {
    runId,
    conversationId: input.conversationId,
    version: 1,
    state,
    owner: input.owner,
    ownerSeenAt: input.now.toISOString(),
    status: 'waiting',
    sig: '',
  };
}

/** The pending call a request stands for (its preview is display copy only). */
export function pendingOf(request: ChangeRequest): PendingCall {
  return {
    approvalId: request.approvalId,
    callId: request.callId,
    action: request.action,
    args: request.args,
    argsDigest: request.argsDigest,
    risk: request.risk,
    preview: request.preview,
    live: request.live,
  };
}

/**
 * The paused run a standalone request resumes: the one tool call as if the model had made it, so it passes the
 * agent's run-state checks and the gate like any other call.
 */
export function directState(request: ChangeRequest): RunState {
  const state = createRunState(request.id, formatIdentity(request.requester));
  state.messages.push({ role: 'user', content: `Direct request: ${request.action}` });
  state.messages.push({
    role: 'assistant',
    content: null,
    toolCalls: [{ id: request.callId, name: request.action, arguments: JSON.stringify(request.args) }],
  });
  state.pending = [pendingOf(request)];
  return state;
}

/** Everyone who approved, as the agent's audit records the approver: `slack:U1+slack:U2`. */
export function approverOf(request: ChangeRequest): string {
  const names = request.approvals.map((a) => formatIdentity(a.by));
  return names.length > 0 ? names.join('+') : request.decidedBy ? formatIdentity(request.decidedBy) : 'unknown';
}

/** The agent decision for a request: yes only for one this process has claimed for executing. */
export function decisionFor(request: ChangeRequest, claimed: boolean): Decision {
  const base = {
    approvalId: request.approvalId,
    callId: request.callId,
    action: request.action,
    argsDigest: request.argsDigest,
  };
  if (claimed) return { ...base, approved: true, approver: approverOf(request) };
  const reason =
    request.status === 'expired'
      ? 'expired: nobody decided in time'
      : request.status === 'cancelled'
        ? `cancelled${request.reason ? `: ${request.reason}` : ''}`
        : request.status === 'denied'
          ? request.reason || 'denied'
          : `not run (${request.status})`;
  return {
    ...base,
    approved: false,
    approver: request.decidedBy ? formatIdentity(request.decidedBy) : 'none',
    reason,
  };
}
