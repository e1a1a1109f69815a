/**
 * Cancelling: everything of a run (or a standalone request) that has not started running becomes `cancelled`, and
 * the agent finishes the turn with `agent.cancel` (every pending call denied, no model call), like Ctrl-C in the
 * terminal. Only the requester, an approver of every risk tier involved, or the system may cancel.
 */
import { loadRequest, loadRun, note, refuse, saveRequest, saveRun, tamperedMessage, type Core } from './core.js';
import { type ExecuteOptions, type ExecuteResult, fail } from './execute-run.js';
import { isRequestId } from './ids.js';
import { matches } from './policy.js';
import { directState } from './records.js';
import { sign, verify } from './signing.js';
import type { ChangeRequest, StoredRun } from './types.js';

/** Cancels the run `id` (a run id, or a request id: its run, or the request itself when standalone). */
export async function cancelTarget(
  core: Core,
  id: string,
  reason: string,
  by: ChangeRequest['requester'],
  options: ExecuteOptions = {},
): Promise<ExecuteResult> {
  let runId = id;
  let standalone: ChangeRequest | undefined;
  if (isRequestId(id)) {
    const loaded = await loadRequest(core, id);
    if ('missing' in loaded) return fail('unknown', `No change request ${id}.`);
    if ('tampered' in loaded) return fail('tampered', tamperedMessage(`Change request ${id}`));
    if (loaded.request.runId === null) standalone = loaded.request;
    else runId = loaded.request.runId;
  }
  const stamp = () => ({ decidedBy: by, decidedAt: core.now().toISOString(), reason: reason.slice(0, 500) });
  const cancelOne = async (r: ChangeRequest): Promise<ChangeRequest> => {
    if (r.status !== 'pending' && r.status !== 'approved') return r;
    const next: ChangeRequest = { ...r, version: r.version + 1, status: 'cancelled', ...stamp() };
    if (!(await saveRequest(core, next, ['pending', 'approved']))) return r;
    note(core, next, 'cancelled', { by: `${by.via}:${by.id}`, message: reason });
    return sign(core.key, next);
  };
  const denied = async (requests: ChangeRequest[]): Promise<ExecuteResult | undefined> => {
    if (await mayCancel(core, by, requests)) return undefined;
    const message = `Refused: ${by.name || by.id} (${by.via}:${by.id}) may not cancel this: only the requester or an approver of its risk tier may.`;
    refuse(
      core,
      { requestId: requests[0]?.id ?? id, runId: requests[0]?.runId ?? null },
      'not_allowed',
      message,
      `${by.via}:${by.id}`,
    );
    return fail('not_allowed', message);
  };
  if (standalone) {
    const refusal = await denied([standalone]);
    if (refusal) return refusal;
    const after = await cancelOne(standalone);
    if (after.status !== 'cancelled') return fail('finished', `Change request ${id} is already ${after.status}.`);
    const outcome = await core.agent.cancel(
      directState(after),
      reason,
      options.onEvent ? { onEvent: options.onEvent } : {},
    );
    return { ok: true, outcome, requests: [after], next: [] };
  }
  const loadedRun = await loadRun(core, runId);
  if ('missing' in loadedRun) return fail('unknown', `No paused run ${runId.slice(0, 80)}.`);
  if ('tampered' in loadedRun) return fail('tampered', tamperedMessage(`Run ${runId}`));
  const run = loadedRun.run;
  if (run.status !== 'waiting')
    return fail(run.status === 'done' ? 'finished' : 'busy', `Run ${runId} is ${run.status}.`);
  const refusal = await denied((await core.store.list({ runId })).filter((r) => verify(core.key, r)));
  if (refusal) return refusal;
  const claimedRun: StoredRun = {
    ...run,
    version: run.version + 1,
    status: 'resuming',
    owner: core.executorId,
    ownerSeenAt: core.now().toISOString(),
  };
  if (!(await saveRun(core, claimedRun))) return fail('busy', `Run ${runId} was claimed by another process.`);
  const requests: ChangeRequest[] = [];
  for (const r of await core.store.list({ runId })) requests.push(verify(core.key, r) ? await cancelOne(r) : r);
  const outcome = await core.agent.cancel(run.state, reason, options.onEvent ? { onEvent: options.onEvent } : {});
  const signedClaim = sign(core.key, claimedRun);
  await saveRun(core, { ...signedClaim, version: signedClaim.version + 1, status: 'done', state: outcome.state });
  return { ok: true, outcome, requests, next: [] };
}

/** The requester, an approver of every tier involved, or the system itself may cancel. */
async function mayCancel(core: Core, by: ChangeRequest['requester'], requests: ChangeRequest[]): Promise<boolean> {
  if (by.via === 'system') return true;
  if (requests.length > 0 && requests.every((r) => r.requester.via === by.via && r.requester.id === by.id)) return true;
  for (const tier of new Set(requests.map((r) => r.risk)))
    if (!(await matches(core.policy, by, core.policy.approve[tier], core.groupsOf))) return false;
  return true;
}
