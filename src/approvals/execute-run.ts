/**
 * Executing: a run whose requests are all decided is claimed (`waiting → resuming`), each approved request is
 * claimed (`approved → executing`), and the agent resumes with decisions built from the stored, verified requests.
 * The agent's gate rebuilds nothing from stored display text: it checks action, arguments and digest, and the
 * executor runs only what it was handed. Results are written back (`executed | failed | unknown`). A crash between
 * the claim and the result leaves `executing`; nobody re-runs it by itself (see markOrphans).
 */
import type { EventSink, RunOutcome } from '../agent/types.js';
import { loadRequest, loadRun, note, refuse, saveRequest, saveRun, tamperedMessage, type Core } from './core.js';
import { isRequestId } from './ids.js';
import { decisionFor, directState, FINAL, pauseId, requestFor, storedRunFor } from './records.js';
import { sign, verify } from './signing.js';
import { OUTCOME_UNKNOWN } from './status-text.js';
import type { ChangeRequest, StoredRun } from './types.js';

export type ExecuteCode = 'unknown' | 'tampered' | 'not_ready' | 'busy' | 'finished' | 'not_approved' | 'not_allowed';

export type ExecuteResult =
  | {
      ok: true;
      outcome: RunOutcome;
      /** The run's requests after execution. */
      requests: ChangeRequest[];
      /** When the resumed run paused again: its new change requests. */
      next: ChangeRequest[];
    }
  | { ok: false; code: ExecuteCode; message: string };

export interface ExecuteOptions {
  onEvent?: EventSink;
  signal?: AbortSignal;
}

export const fail = (code: ExecuteCode, message: string): ExecuteResult => ({ ok: false, code, message });

/** Executes the run `id` (a run id, or a request id: its run, or the request itself when standalone). */
export async function executeTarget(core: Core, id: string, options: ExecuteOptions = {}): Promise<ExecuteResult> {
  if (isRequestId(id)) {
    const loaded = await loadRequest(core, id);
    if ('missing' in loaded) return fail('unknown', `No change request ${id}.`);
    if ('tampered' in loaded) return fail('tampered', tamperedMessage(`Change request ${id}`));
    if (loaded.request.runId !== null) return executeRun(core, loaded.request.runId, options);
    return executeStandalone(core, loaded.request, options);
  }
  return executeRun(core, id, options);
}

async function executeRun(core: Core, runId: string, options: ExecuteOptions): Promise<ExecuteResult> {
  const loadedRun = await loadRun(core, runId);
  if ('missing' in loadedRun) return fail('unknown', `No paused run ${runId.slice(0, 80)}.`);
  if ('tampered' in loadedRun) return fail('tampered', tamperedMessage(`Run ${runId}`));
  const run = loadedRun.run;
  if (run.status === 'done') return fail('finished', `Run ${runId} has already finished.`);
  if (run.status === 'resuming') return fail('busy', `Run ${runId} is being resumed by ${run.owner}.`);

  const stored = await core.store.list({ runId });
  const bad = stored.find((r) => !verify(core.key, r));
  if (bad) {
    refuse(core, { requestId: bad.id, runId }, 'tampered', tamperedMessage(`change request ${bad.id}`));
    return fail('tampered', tamperedMessage(`Change request ${bad.id}`));
  }
  // The requests must be exactly the run's pending calls: nothing added, dropped or rebound.
  const pending = run.state.pending;
  const byApproval = new Map(stored.map((r) => [r.approvalId, r]));
  const matchesRun =
    stored.length === pending.length &&
    pending.every((p) => {
      const r = byApproval.get(p.approvalId);
      return r && r.callId === p.callId && r.action === p.action && r.argsDigest === p.argsDigest;
    });
  if (!matchesRun) {
    const message = `Run ${runId} does not match its change requests; it is refused and nothing was run.`;
    refuse(core, { runId }, 'tampered', message);
    return fail('tampered', message);
  }
  const requests = await expireDue(core, stored);
  const open = requests.filter((r) => r.status === 'pending');
  if (open.length > 0) return fail('not_ready', `Run ${runId} is waiting for ${open.length} decision(s).`);

  const now = core.now().toISOString();
  const claimedRun: StoredRun = {
    ...run,
    version: run.version + 1,
    status: 'resuming',
    owner: core.executorId,
    ownerSeenAt: now,
  };
  if (!(await saveRun(core, claimedRun))) return fail('busy', `Run ${runId} was claimed by another process.`);
  let current = sign(core.key, claimedRun);

  const claimed = await claimApproved(core, requests);
  const decisions = requests.map((r) => decisionFor(r, claimed.has(r.id)));
  let outcome: RunOutcome | undefined;
  let thrown: unknown;
  try {
    outcome = await core.agent.resume(run.state, decisions, {
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    thrown = error;
  }
  const finals = await recordResults(core, requests, claimed, outcome);

  let next: ChangeRequest[] = [];
  if (outcome?.status === 'paused') {
    const first = requests[0]!;
    next = await insertPause(core, outcome, { conversationId: run.conversationId, requester: first.requester });
  }
  const done: StoredRun = {
    ...current,
    version: current.version + 1,
    status: 'done',
    ...(outcome ? { state: outcome.state } : {}),
    ownerSeenAt: core.now().toISOString(),
  };
  if (await saveRun(core, done)) current = sign(core.key, done);
  if (!outcome) throw thrown;
  return { ok: true, outcome, requests: finals, next };
}

async function executeStandalone(core: Core, request: ChangeRequest, options: ExecuteOptions): Promise<ExecuteResult> {
  const [checked] = await expireDue(core, [request]);
  const r = checked!;
  if (r.status === 'pending') return fail('not_ready', `Change request ${r.id} is waiting for approval.`);
  if (r.status === 'executing') return fail('busy', `Change request ${r.id} is being run by ${r.claimedBy}.`);
  if (FINAL.has(r.status))
    return fail(
      r.status === 'denied' || r.status === 'expired' || r.status === 'cancelled' ? 'not_approved' : 'finished',
      `Change request ${r.id} is ${r.status}.`,
    );
  const claimed = await claimApproved(core, [r]);
  if (!claimed.has(r.id)) return fail('busy', `Change request ${r.id} was claimed by another process.`);
  let outcome: RunOutcome | undefined;
  let thrown: unknown;
  try {
    outcome = await core.agent.resume(directState(r), [decisionFor(r, true)], {
      closeWithoutModel: true,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    thrown = error;
  }
  const finals = await recordResults(core, [r], claimed, outcome);
  if (!outcome) throw thrown;
  return { ok: true, outcome, requests: finals, next: [] };
}

/** Pending requests past their expiry become `expired` (compare-and-set; someone else may have decided first). */
export async function expireDue(core: Core, requests: ChangeRequest[]): Promise<ChangeRequest[]> {
  const now = core.now();
  const out: ChangeRequest[] = [];
  for (const r of requests) {
    if (r.status !== 'pending' || Date.parse(r.expiresAt) > now.getTime()) {
      out.push(r);
      continue;
    }
    const next: ChangeRequest = { ...r, version: r.version + 1, status: 'expired' };
    if (await saveRequest(core, next, ['pending'])) {
      note(core, r, 'expired', { message: `expired at ${r.expiresAt}` });
      out.push(sign(core.key, next));
    } else {
      const fresh = await loadRequest(core, r.id);
      out.push('request' in fresh ? fresh.request : r);
    }
  }
  return out;
}

/** Claims every approved request (`approved → executing`); returns the latest copies of the ones this process won. */
async function claimApproved(core: Core, requests: ChangeRequest[]): Promise<Map<string, ChangeRequest>> {
  const won = new Map<string, ChangeRequest>();
  for (const r of requests) {
    if (r.status !== 'approved') continue;
    const next: ChangeRequest = { ...r, version: r.version + 1, status: 'executing', claimedBy: core.executorId };
    if (await saveRequest(core, next, ['approved'])) {
      const signed = sign(core.key, next);
      won.set(r.id, signed);
      note(core, r, 'claimed', { by: core.executorId });
    }
  }
  return won;
}

/** Writes each claimed request's result from the agent's outcomes (what the audit recorded, not the model's words). */
async function recordResults(
  core: Core,
  requests: ChangeRequest[],
  claimed: Map<string, ChangeRequest>,
  outcome: RunOutcome | undefined,
): Promise<ChangeRequest[]> {
  const finals: ChangeRequest[] = [];
  for (const r of requests) {
    const mine = claimed.get(r.id);
    if (!mine) {
      finals.push(r);
      continue;
    }
    const found = outcome?.state.outcomes.find((o) => o.callId === r.callId);
    const at = core.now().toISOString();
    let result: NonNullable<ChangeRequest['result']>;
    if (!found) result = { status: 'unknown', message: OUTCOME_UNKNOWN, at };
    else if (found.status === 'executed') result = { status: 'executed', message: found.previewText, at };
    // A dry run changed nothing, so it is "not done" (failed) with the reason, never "executed".
    else if (found.status === 'dry_run')
      result = { status: 'failed', message: `dry run: approved but not sent to Clerk (${found.previewText})`, at };
    else if (found.status === 'failed') result = { status: 'failed', message: found.error ?? 'failed', at };
    else result = { status: 'failed', message: `not run: ${found.reason ?? 'denied by the gate'}`, at };
    const next: ChangeRequest = { ...mine, version: mine.version + 1, status: result.status, result };
    if (await saveRequest(core, next, ['executing'])) {
      finals.push(sign(core.key, next));
      note(core, next, result.status, { by: core.executorId, message: result.message });
    } else {
      finals.push(mine);
    }
  }
  return finals;
}

/** Stores the change requests and state of a paused run, in one atomic insert. */
export async function insertPause(
  core: Core,
  outcome: Extract<RunOutcome, { status: 'paused' }>,
  input: { conversationId: string; requester: ChangeRequest['requester'] },
): Promise<ChangeRequest[]> {
  const now = core.now();
  const runId = pauseId(outcome.state.runId);
  const requests = outcome.pending.map((call) =>
    sign(
      core.key,
      requestFor(call, {
        runId,
        conversationId: input.conversationId,
        requester: input.requester,
        now,
        expiryMs: core.policy.expiryMs,
      }),
    ),
  );
  const run = sign(
    core.key,
    storedRunFor(runId, outcome.state, { conversationId: input.conversationId, owner: core.executorId, now }),
  );
  await core.store.insert(requests, run);
  for (const r of requests) note(core, r, 'requested');
  return requests;
}
