/**
 * What the service's parts share: dependencies, the clock, signing on every write and verification on every read.
 * A record that fails verification (edited on disk, unsigned, signed with another key) is never acted on.
 */
import type { Registry } from '../actions/registry.js';
import type { ClerkReader } from '../agent/clerk-reader.js';
import type { Agent } from '../agent/types.js';
import { formatIdentity } from './identity.js';
import type { Policy, GroupResolver } from './policy.js';
import type { QueueAudit, QueueAuditEntry } from './queue-audit.js';
import { sign, verify } from './signing.js';
import type { ApprovalStore, ChangeRequest, ChangeStatus, StoredRun } from './types.js';

export interface Core {
  store: ApprovalStore;
  policy: Policy;
  agent: Agent;
  registry: Registry;
  /** Read-only Clerk: the service rebuilds cards with it and can never mutate through it. */
  reader: ClerkReader;
  audit: QueueAudit;
  key: Buffer;
  now(): Date;
  executorId: string;
  groupsOf?: GroupResolver;
  /** A run owner's heartbeat older than this means another process may take the run over. */
  staleOwnerMs: number;
}

/** The request if it exists and its signature holds; `tampered` (audited) if not. */
export async function loadRequest(
  core: Core,
  id: string,
): Promise<{ request: ChangeRequest } | { missing: true } | { tampered: true }> {
  const raw = await core.store.get(id);
  if (!raw) return { missing: true };
  // A validly signed record found under another id is a copy (a replayed file), not this request.
  if (!verify(core.key, raw) || raw.id !== id) {
    refuse(core, { requestId: id }, 'tampered', tamperedMessage(`change request ${id}`));
    return { tampered: true };
  }
  return { request: raw };
}

/** The stored run if it exists and verifies. */
export async function loadRun(
  core: Core,
  runId: string,
): Promise<{ run: StoredRun } | { missing: true } | { tampered: true }> {
  const raw = await core.store.getRun(runId);
  if (!raw) return { missing: true };
  if (!verify(core.key, raw) || raw.runId !== runId) {
    refuse(core, { runId }, 'tampered', tamperedMessage(`run ${runId}`));
    return { tampered: true };
  }
  return { run: raw };
}

export const tamperedMessage = (what: string) =>
  `${what} is refused: its signature does not match (edited on disk, unsigned, or from another key). Nothing was run.`;

/** Signs and writes the next version of a request (compare-and-set). */
export function saveRequest(core: Core, next: ChangeRequest, from: readonly ChangeStatus[]): Promise<boolean> {
  return core.store.update(sign(core.key, next), from);
}

/** Signs and writes the next version of a run (compare-and-set). */
export function saveRun(core: Core, next: StoredRun): Promise<boolean> {
  return core.store.updateRun(sign(core.key, next));
}

/** Audits a refused attempt. */
export function refuse(
  core: Core,
  about: Partial<Pick<ChangeRequest, 'action' | 'argsDigest' | 'risk'>> & {
    requestId?: string;
    runId?: string | null;
    requester?: ChangeRequest['requester'];
  },
  code: string,
  message: string,
  by?: QueueAuditEntry['by'],
): void {
  const { requester, ...rest } = about;
  core.audit.record({
    time: core.now().toISOString(),
    event: 'refused',
    ...rest,
    ...(requester ? { requester: formatIdentity(requester) } : {}),
    ...(by ? { by } : {}),
    code,
    message,
  });
}

/** Audits a normal event for a request. */
export function note(
  core: Core,
  request: ChangeRequest,
  event: QueueAuditEntry['event'],
  extra: Partial<QueueAuditEntry> = {},
): void {
  core.audit.record({
    time: core.now().toISOString(),
    event,
    requestId: request.id,
    runId: request.runId,
    action: request.action,
    argsDigest: request.argsDigest,
    risk: request.risk,
    requester: formatIdentity(request.requester),
    ...extra,
  });
}
