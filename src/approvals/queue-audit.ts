/**
 * The queue's audit: one JSON line per request, decision, refused attempt and result, with identities as `via:id`.
 * Kept apart from the agent's audit (`audit.jsonl`) on purpose: the agent treats any record there carrying an
 * approvalId as "already decided", so a refused click written there would block the real decision.
 * Appended synchronously (like the agent's audit) so a crash keeps every finished line; redacted before writing.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redactDeep } from '../agent/redact.js';

export type QueueEvent =
  | 'requested'
  | 'approval'
  | 'approved'
  | 'denied'
  | 'refused'
  | 'claimed'
  | 'executed'
  | 'failed'
  | 'unknown'
  | 'expired'
  | 'cancelled';

export interface QueueAuditEntry {
  time: string;
  event: QueueEvent;
  /** The change request (or run) the line is about, when known. */
  requestId?: string;
  runId?: string | null;
  action?: string;
  argsDigest?: string;
  risk?: 'write' | 'destructive';
  /** The requester, `via:id`. */
  requester?: string;
  /** Who acted (decided, tried to decide, executed), `via:id` or an executor id. */
  by?: string;
  /** For refused attempts: the refusal code. */
  code?: string;
  message?: string;
}

export interface QueueAudit {
  record(entry: QueueAuditEntry): void;
  entries(): QueueAuditEntry[];
}

/** A queue audit appended to `file`, or kept in memory when no file is given. */
export function createQueueAudit(options: { file?: string } = {}): QueueAudit {
  const { file } = options;
  const memory: QueueAuditEntry[] = [];
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  return {
    record(entry) {
      const clean = redactDeep(entry);
      if (file) appendFileSync(file, `${JSON.stringify(clean)}\n`);
      else memory.push(clean);
    },
    entries() {
      if (!file) return [...memory];
      if (!existsSync(file)) return [];
      const out: QueueAuditEntry[] = [];
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          out.push(JSON.parse(line) as QueueAuditEntry);
        } catch {
          // A torn last line from a crash.
        }
      }
      return out;
    },
  };
}
