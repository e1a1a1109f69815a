/**
 * The audit log: one JSON line per decided mutation (executed, failed, denied or dry run), appended with a
 * synchronous write so a crash leaves every finished record on disk. A torn last line is skipped on read.
 * Records are redacted before they are written.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redactDeep } from '../util/secrets.js';

/** One decided mutation. */
export interface AuditEntry {
  /** ISO-8601. */
  time: string;
  runId: string;
  /** Who asked the agent (e.g. `local:alice`). */
  requester: string;
  /** Who decided; null when nobody did (no decision, cancel, dry run). */
  approver: string | null;
  decision: 'approved' | 'denied' | 'dry_run';
  status: 'executed' | 'failed' | 'denied' | 'dry_run';
  action: string;
  callId: string;
  approvalId: string;
  argsDigest: string;
  args: Record<string, unknown>;
  preview: string;
  live: boolean;
  reason?: string;
  /** The object before the change, when a read could fetch it (compacted). */
  before?: unknown;
  /** The object after the change, when the call returned it (compacted). */
  after?: unknown;
  error?: string;
}

export interface AuditLog {
  /** Appends one record (durably, when backed by a file). */
  record(entry: AuditEntry): void;
  /** All records, oldest first (from the file when there is one). */
  entries(): AuditEntry[];
  /** The newest `n` records, oldest first. */
  recent(n: number): AuditEntry[];
}

/** An audit log: append-only JSONL at `file`, or memory-only when no file is given. */
export function createAuditLog(options: { file?: string } = {}): AuditLog {
  const { file } = options;
  const memory: AuditEntry[] = [];
  if (file) prepareFile(file);

  const entries = (): AuditEntry[] => (file ? readEntries(file) : [...memory]);
  return {
    record(entry) {
      const clean = redactDeep(entry);
      if (file) appendFileSync(file, JSON.stringify(clean) + '\n');
      else memory.push(clean);
    },
    entries,
    recent(n) {
      return n > 0 ? entries().slice(-n) : [];
    },
  };
}

/** Creates the folder; if a crash left a torn last line, ends it so the next record starts on a line of its own. */
function prepareFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  if (text.length > 0 && !text.endsWith('\n')) appendFileSync(file, '\n');
}

function readEntries(file: string): AuditEntry[] {
  if (!existsSync(file)) return [];
  const out: AuditEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as AuditEntry);
    } catch {
      // A torn line from a crash mid-write: the records around it are still good.
    }
  }
  return out;
}
