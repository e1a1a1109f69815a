/**
 * The approval service: what every front end (REPL, `approvals` command, Slack, MCP, web) calls. It turns paused
 * agent runs and direct calls into signed change requests in the store, decides them under the policy, executes
 * decided runs through `agent.resume` (the only path to a mutation), and polls the store so a process learns of
 * decisions made elsewhere.
 */
import type { Registry } from '../actions/registry.js';
import { createClerkReader } from '../agent/clerk-reader.js';
import { buildPreview } from '../agent/preview.js';
import { redactDeep } from '../util/secrets.js';
import type { Agent, PendingCall, RunOutcome } from '../agent/types.js';
import type { ClerkClient } from '../clerk/types.js';
import { type Core, loadRequest, loadRun, note, refuse, saveRun } from './core.js';
import { type DecideInput, type DecideResult, decideRequest } from './decide-request.js';
import { cancelTarget } from './cancel-run.js';
import { findReady, markOrphans } from './poll.js';
import { type ExecuteOptions, type ExecuteResult, executeTarget, expireDue, insertPause } from './execute-run.js';
import { describeIdentity, formatIdentity } from './identity.js';
import { executorGone, isRequestId, newExecutorId } from './ids.js';
import { type GroupResolver, matches, type Policy } from './policy.js';
import type { QueueAudit } from './queue-audit.js';
import { pendingOf, requestFor } from './records.js';
import { sign, verify } from './signing.js';
import { statusText } from './status-text.js';
import type { ApprovalStore, ChangeFilter, ChangeRequest, Identity } from './types.js';

export type { DecideInput, DecideResult } from './decide-request.js';
export type { ExecuteOptions, ExecuteResult } from './execute-run.js';

/** A refusal when asking for a change (requester not allowed, nothing to submit). */
export class ApprovalError extends Error {
  constructor(
    readonly code: 'not_allowed' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ApprovalError';
  }
}

export interface ApprovalServiceDeps {
  store: ApprovalStore;
  policy: Policy;
  agent: Agent;
  registry: Registry;
  /** Used read-only (cards); the service never holds a way to mutate Clerk other than agent.resume. */
  clerk: ClerkClient;
  audit: QueueAudit;
  key: Buffer;
  clock?: () => Date;
  executorId?: string;
  /** Slack user groups of an identity (given by the Slack front end). */
  groupsOf?: GroupResolver;
  /** How often poll() runs once startPolling() is called (default 1000 ms). */
  pollIntervalMs?: number;
  /** A waiting run whose owner has not been seen for this long may be executed by another process (default 30 s). */
  staleOwnerMs?: number;
}

/** A card rebuilt from the registry and the stored action + arguments (never from stored display text). */
export interface ApprovalCard {
  request: ChangeRequest;
  /** The pending call with a freshly built preview: what front ends render. */
  call: PendingCall;
  status: string;
  approvalsNeeded: number;
}

/** What one poll pass did. */
export interface PollReport {
  expired: number;
  executed: string[];
  /** The outcome of each run (or standalone request) this pass executed. */
  outcomes: Array<{ id: string; outcome: RunOutcome }>;
  unknown: string[];
  changed: ChangeRequest[];
}

export interface ApprovalService {
  readonly executorId: string;
  readonly policy: Policy;
  readonly store: ApprovalStore;
  /** Stores a paused run's change requests and its (signed) RunState. Throws ApprovalError when not allowed. */
  submitRun(outcome: RunOutcome, input: { requester: Identity; conversationId: string }): Promise<ChangeRequest[]>;
  /** A standalone change (an MCP tool call): validated and previewed like the agent's, no model involved. */
  submitCall(input: {
    action: string;
    args: Record<string, unknown>;
    requester: Identity;
    conversationId: string;
  }): Promise<ChangeRequest>;
  decide(id: string, input: DecideInput, by: Identity): Promise<DecideResult>;
  /** Executes a decided run (run id or any of its request ids) or a standalone request. */
  execute(id: string, options?: ExecuteOptions): Promise<ExecuteResult>;
  /** Cancels what is still pending in a run (or a standalone request) and finishes the run truthfully. */
  cancel(id: string, reason: string, by: Identity, options?: ExecuteOptions): Promise<ExecuteResult>;
  card(id: string): Promise<ApprovalCard | undefined>;
  /** A verified request (undefined when missing or tampered). */
  get(id: string): Promise<ChangeRequest | undefined>;
  /** Verified requests only; tampered ones are left out (and audited). */
  list(filter?: ChangeFilter): Promise<ChangeRequest[]>;
  statusText(request: ChangeRequest): string;
  expireStale(): Promise<number>;
  /** One pass: expire, heartbeat own runs, mark orphaned executions unknown, execute ready runs this process may run. */
  poll(options?: ExecuteOptions): Promise<PollReport>;
  /**
   * Called by poll() for every request whose version it has not seen yet (on the first poll: every request once),
   * e.g. so a Slack front end edits its message when someone decided elsewhere. Returns the unsubscribe function.
   */
  onChange(listener: (request: ChangeRequest) => void): () => void;
  /** Refreshes this process's heartbeat on a run it owns (throttled), so others do not take it over. */
  heartbeat(runId: string): Promise<void>;
  /**
   * Executes a decided run only if its owner is gone (dead process on this host, or a stale heartbeat), or a
   * standalone request at once (its claim is atomic, whoever runs it). For `approvals approve` and late processes.
   */
  executeIfOrphaned(id: string, options?: ExecuteOptions): Promise<ExecuteResult>;
  /** Polls every pollIntervalMs until the returned stop function is called (or close()). */
  startPolling(options?: ExecuteOptions): () => void;
  close(): Promise<void>;
}

export function createApprovalService(deps: ApprovalServiceDeps): ApprovalService {
  const core: Core = {
    store: deps.store,
    policy: deps.policy,
    agent: deps.agent,
    registry: deps.registry,
    reader: createClerkReader(deps.clerk),
    audit: deps.audit,
    key: deps.key,
    now: deps.clock ?? (() => new Date()),
    executorId: deps.executorId ?? newExecutorId(),
    ...(deps.groupsOf ? { groupsOf: deps.groupsOf } : {}),
    staleOwnerMs: deps.staleOwnerMs ?? 30_000,
  };
  const listeners = new Set<(request: ChangeRequest) => void>();
  const seen = new Map<string, number>();
  /** Standalone requests this process submitted: it executes them once approved. */
  const ownStandalone = new Set<string>();
  /** Requests already reported as tampered (audit once per version, not on every poll). */
  const reportedTampered = new Set<string>();
  const timers = new Set<() => void>();
  const finishedRuns = new Set<string>();
  let polling: Promise<PollReport> | undefined;

  const mayRequest = async (requester: Identity) => {
    if (await matches(core.policy, requester, core.policy.request, core.groupsOf)) return;
    const message = `Refused: ${describeIdentity(requester)} may not ask for changes under the policy (${core.policy.source}).`;
    refuse(core, { requester }, 'not_allowed', message, formatIdentity(requester));
    throw new ApprovalError('not_allowed', message);
  };

  const list = async (filter?: ChangeFilter) => {
    const raw = await core.store.list(filter);
    return raw.filter((r) => {
      if (verify(core.key, r)) return true;
      const tag = `${r.id}@${r.version}`;
      if (!reportedTampered.has(tag)) {
        reportedTampered.add(tag);
        refuse(
          core,
          { requestId: r.id, runId: r.runId },
          'tampered',
          `change request ${r.id} fails its signature check; ignored`,
        );
      }
      return false;
    });
  };

  /** Expires the overdue pending ones among `requests` (the rest pass through); their latest copies, in order. */
  const expireAmong = async (requests: ChangeRequest[]) => {
    const after = await expireDue(core, requests);
    const expired = after.filter((r, i) => r.status === 'expired' && requests[i]!.status === 'pending').length;
    return { requests: after, expired };
  };

  const emitChange = (r: ChangeRequest) => {
    seen.set(r.id, r.version);
    for (const listener of listeners) {
      try {
        listener(r);
      } catch {
        // A listener's failure must not stop the poller.
      }
    }
  };

  const service: ApprovalService = {
    executorId: core.executorId,
    policy: core.policy,
    store: core.store,

    async submitRun(outcome, input) {
      if (outcome.status !== 'paused' || outcome.pending.length === 0)
        throw new ApprovalError('invalid', 'Nothing to submit: the run is not waiting for any decision.');
      await mayRequest(input.requester);
      return insertPause(core, outcome, input);
    },

    async submitCall(input) {
      await mayRequest(input.requester);
      if (!core.agent.propose) throw new ApprovalError('invalid', 'This agent cannot propose direct changes.');
      const outcome = await core.agent.propose(input.action, input.args ?? {}, formatIdentity(input.requester));
      if (outcome.status !== 'paused') {
        const message = outcome.status === 'error' ? outcome.error : 'nothing to approve';
        throw new ApprovalError('invalid', message);
      }
      const call = outcome.pending[0]!;
      const request = sign(
        core.key,
        requestFor(call, {
          runId: null,
          conversationId: input.conversationId,
          requester: input.requester,
          now: core.now(),
          expiryMs: core.policy.expiryMs,
        }),
      );
      await core.store.insert([request]);
      ownStandalone.add(request.id);
      note(core, request, 'requested');
      return request;
    },

    decide: (id, input, by) => decideRequest(core, id, input, by),

    execute: (id, options) => executeTarget(core, id, options),

    cancel: (id, reason, by, options) => cancelTarget(core, id, reason, by, options),

    async card(id) {
      const request = await service.get(id);
      if (!request) return undefined;
      const action = core.registry.get(request.action);
      const call = pendingOf(request);
      if (action && action.risk !== 'read') {
        // Rebuilt from the registry and the stored action + args; when a live read fails, the stored copy (signed)
        // is shown rather than nothing.
        const built = await buildPreview(action, request.args, { registry: core.registry, reader: core.reader }).catch(
          () => undefined,
        );
        call.preview = redactDeep(built?.preview ?? request.preview);
      } else {
        call.preview = { text: `${request.action} (unknown action: it cannot run)`, method: '?', path: '?' };
      }
      return {
        request,
        call,
        status: service.statusText(request),
        approvalsNeeded: core.policy.approvals[request.risk],
      };
    },

    async get(id) {
      if (!isRequestId(id)) return undefined;
      const loaded = await loadRequest(core, id);
      return 'request' in loaded ? loaded.request : undefined;
    },

    list,

    statusText: (request) => statusText(request, core.policy.approvals[request.risk], core.now()),

    async expireStale() {
      return (await expireAmong(await list({ status: ['pending'] }))).expired;
    },

    poll(options) {
      // One pass at a time per process: a slow execution must not start a second copy of itself.
      polling ??= (async () => {
        try {
          // One listing serves the pass: expiry passes what is not overdue through and returns fresh copies.
          const listed = await expireAmong(await list());
          const expired = listed.expired;
          let requests = listed.requests;
          const unknown = await markOrphans(core, requests);
          const ready = await findReady(core, requests, { ownStandalone, finishedRuns });
          const executed: string[] = [];
          const outcomes: PollReport['outcomes'] = [];
          for (const id of ready) {
            const result = await executeTarget(core, id, options).catch(() => undefined);
            if (result?.ok) {
              executed.push(id);
              outcomes.push({ id, outcome: result.outcome });
            }
          }
          if (unknown.length + executed.length + expired > 0) requests = await list();
          const changed = requests.filter((r) => seen.get(r.id) !== r.version);
          for (const r of changed) emitChange(r);
          return { expired, executed, outcomes, unknown, changed };
        } finally {
          polling = undefined;
        }
      })();
      return polling;
    },

    async heartbeat(runId) {
      const loaded = await loadRun(core, runId);
      if (!('run' in loaded) || loaded.run.owner !== core.executorId || loaded.run.status !== 'waiting') return;
      const now = core.now();
      if (now.getTime() - Date.parse(loaded.run.ownerSeenAt) < core.staleOwnerMs / 3) return;
      await saveRun(core, { ...loaded.run, version: loaded.run.version + 1, ownerSeenAt: now.toISOString() });
    },

    async executeIfOrphaned(id, options) {
      const request = isRequestId(id) ? await service.get(id) : undefined;
      const runId = request ? request.runId : id;
      if (runId !== null) {
        const loaded = await loadRun(core, runId);
        if ('run' in loaded && loaded.run.status === 'waiting' && loaded.run.owner !== core.executorId) {
          const stale = core.now().getTime() - Date.parse(loaded.run.ownerSeenAt) > core.staleOwnerMs;
          if (!stale && executorGone(loaded.run.owner) !== true) {
            return {
              ok: false,
              code: 'busy',
              message: `The process that asked for it (${loaded.run.owner}) is still running and will carry it out.`,
            };
          }
        }
      }
      return executeTarget(core, id, options);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    startPolling(options) {
      const interval = deps.pollIntervalMs ?? 1000;
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      const tick = async () => {
        if (stopped) return;
        await service.poll(options).catch(() => undefined);
        if (!stopped) timer = setTimeout(tick, interval);
      };
      timer = setTimeout(tick, 0);
      const stop = () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        timers.delete(stop);
      };
      timers.add(stop);
      return stop;
    },

    async close() {
      for (const stop of [...timers]) stop();
      await polling?.catch(() => undefined);
      await core.store.close();
    },
  };
  return service;
}
