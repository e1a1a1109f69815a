/**
 * The approval queue's contract, shared by every front end (REPL, `approvals` command, Slack, MCP, web) and by both
 * stores (embedded files, Postgres). Stores are dumb durable storage with compare-and-set; the service signs,
 * verifies, applies the policy and executes.
 */
import type { Preview, RunState } from '../agent/types.js';

export type Via = 'terminal' | 'slack' | 'mcp' | 'web' | 'eval' | 'system';

/** Who asked or decided. Formatted as `${via}:${id}` in the audit. */
export interface Identity {
  via: Via;
  id: string;
  name: string;
}

export type ChangeStatus =
  | 'pending'
  | 'approved'
  | 'executing'
  | 'executed'
  | 'failed'
  | 'unknown'
  | 'denied'
  | 'expired'
  | 'cancelled';

export interface ChangeRequest {
  /** 'cr_' + 20 random base32 chars. */
  id: string;
  /** 1 on insert, +1 on every update (compare-and-set). */
  version: number;
  /** The paused agent run it belongs to; null = standalone (an MCP tool call). */
  runId: string | null;
  conversationId: string;
  approvalId: string;
  callId: string;
  action: string;
  args: Record<string, unknown>;
  argsDigest: string;
  risk: 'write' | 'destructive';
  /** Display copy only; never trusted: cards are rebuilt from action+args. */
  preview: Preview;
  live: boolean;
  requester: Identity;
  /** ISO timestamps. */
  createdAt: string;
  expiresAt: string;
  status: ChangeStatus;
  /** Several when the policy needs N approvals. */
  approvals: Array<{ by: Identity; at: string }>;
  decidedBy?: Identity;
  decidedAt?: string;
  reason?: string;
  /** Executor id (host:pid:random) that claimed it for executing. */
  claimedBy?: string;
  result?: { status: 'executed' | 'failed' | 'unknown'; message: string; at: string };
  /** HMAC-SHA256 (hex) over the canonical JSON of every other field; set by the service. */
  sig: string;
}

/** A paused agent run waiting on change requests. */
export interface StoredRun {
  runId: string;
  conversationId: string;
  version: number;
  /** The agent's RunState. */
  state: RunState;
  /** Executor id of the process that raised it. */
  owner: string;
  /** Heartbeat, so another process can take over when the owner is gone. */
  ownerSeenAt: string;
  status: 'waiting' | 'resuming' | 'done';
  sig: string;
}

export interface ChangeFilter {
  status?: ChangeStatus[];
  runId?: string;
  conversationId?: string;
  limit?: number;
}

/** Dumb, durable storage with compare-and-set. Signing/verification is the service's job, not the store's. */
export interface ApprovalStore {
  readonly kind: 'embedded' | 'postgres';
  /** Inserts requests (and the run they pause) atomically; throws if an id exists. */
  insert(requests: ChangeRequest[], run?: StoredRun): Promise<void>;
  get(id: string): Promise<ChangeRequest | undefined>;
  /** Oldest first. */
  list(filter?: ChangeFilter): Promise<ChangeRequest[]>;
  /** CAS: writes `next` iff the stored record has version next.version - 1 and a status in `from`. True if written. */
  update(next: ChangeRequest, from: readonly ChangeStatus[]): Promise<boolean>;
  getRun(runId: string): Promise<StoredRun | undefined>;
  /** CAS on run version (next.version - 1). */
  updateRun(next: StoredRun): Promise<boolean>;
  close(): Promise<void>;
}
