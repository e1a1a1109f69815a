/**
 * What one poll pass does besides listing: mark executions whose process died as `unknown` (never re-run them),
 * keep this process's runs alive (heartbeat), and pick the decided runs this process should execute.
 */
import { type Core, loadRun, note, saveRequest, saveRun } from './core.js';
import { executorGone } from './ids.js';
import { OUTCOME_UNKNOWN } from './status-text.js';
import type { ChangeRequest } from './types.js';

/** Executing requests whose claiming process is certainly gone become `unknown`; never re-run. */
export async function markOrphans(core: Core, requests: ChangeRequest[]): Promise<string[]> {
  const out: string[] = [];
  for (const r of requests) {
    if (r.status !== 'executing' || !r.claimedBy || r.claimedBy === core.executorId) continue;
    if (executorGone(r.claimedBy) !== true) continue;
    const result = { status: 'unknown' as const, message: OUTCOME_UNKNOWN, at: core.now().toISOString() };
    const next: ChangeRequest = { ...r, version: r.version + 1, status: 'unknown', result };
    if (await saveRequest(core, next, ['executing'])) {
      note(core, next, 'unknown', { message: `${OUTCOME_UNKNOWN} (process ${r.claimedBy} is gone)` });
      out.push(r.id);
      if (r.runId) await closeOrphanRun(core, r.runId);
    }
  }
  return out;
}

/** A run stuck in `resuming` by a dead process is closed: it cannot continue, and must not run again. */
async function closeOrphanRun(core: Core, runId: string): Promise<void> {
  const loaded = await loadRun(core, runId);
  if (!('run' in loaded) || loaded.run.status !== 'resuming') return;
  if (executorGone(loaded.run.owner) !== true) return;
  await saveRun(core, { ...loaded.run, version: loaded.run.version + 1, status: 'done' });
}

/**
 * Heartbeats this process's waiting runs and returns what it should execute now: decided runs it owns or whose
 * owner is gone (dead pid on this host, or a stale heartbeat), and approved standalone requests it submitted (or
 * that nobody has run for `staleOwnerMs`).
 */
export async function findReady(
  core: Core,
  requests: ChangeRequest[],
  memory: { ownStandalone: ReadonlySet<string>; finishedRuns: Set<string> },
): Promise<string[]> {
  const { ownStandalone, finishedRuns } = memory;
  const byRun = new Map<string, ChangeRequest[]>();
  for (const r of requests) if (r.runId) byRun.set(r.runId, [...(byRun.get(r.runId) ?? []), r]);
  const ready: string[] = [];
  const now = core.now();
  for (const [runId, rs] of byRun) {
    const anyOpen = rs.some((r) => r.status === 'pending');
    const anyToRun = rs.some(
      (r) => r.status !== 'pending' && !['executing', 'executed', 'failed', 'unknown'].includes(r.status),
    );
    if ((!anyOpen && !anyToRun) || finishedRuns.has(runId)) continue;
    const loaded = await loadRun(core, runId);
    if (!('run' in loaded) || loaded.run.status !== 'waiting') {
      // A finished run never waits again: remember it so polls stay cheap as history grows.
      if ('run' in loaded && loaded.run.status === 'done') finishedRuns.add(runId);
      continue;
    }
    const run = loaded.run;
    const mine = run.owner === core.executorId;
    if (mine && anyOpen && now.getTime() - Date.parse(run.ownerSeenAt) > core.staleOwnerMs / 3) {
      await saveRun(core, { ...run, version: run.version + 1, ownerSeenAt: now.toISOString() });
    }
    if (anyOpen) continue;
    const stale = now.getTime() - Date.parse(run.ownerSeenAt) > core.staleOwnerMs;
    if (mine || stale || executorGone(run.owner) === true) ready.push(runId);
  }
  for (const r of requests) {
    if (r.runId !== null || r.status !== 'approved') continue;
    const decidedAgo = now.getTime() - Date.parse(r.decidedAt ?? r.createdAt);
    if (ownStandalone.has(r.id) || decidedAgo > core.staleOwnerMs) ready.push(r.id);
  }
  return ready;
}
