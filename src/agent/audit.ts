/**
 * The audit log: JSON lines, written ahead. Before an approved mutation is sent, its intent is appended and fsynced
 * (`status: 'intent'`); after the call, the result is appended the same way (`executed`, `failed`, `unknown`).
 * Denials and dry runs are single records. A crash between the two leaves an intent without a result: the next
 * start reports it as "outcome unknown" (`unresolvedIntents`). If the intent cannot be written, the caller does
 * not execute (decide.ts). A torn last line is skipped on read. Records are redacted before they are written.
 *
 * Old readers keep working: every line has the same shape, and an intent is its own status, so a reader that
 * counts `status === 'executed'` does not count a change twice.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { redactDeep } from '../util/secrets.js';

/** One record: an approved intent, or a decided mutation (executed, failed, unknown, denied or dry run). */
export interface AuditEntry {
  /** ISO-8601. */
  time: string;
  runId: string;
  /** Who asked the agent (e.g. `local:alice`). */
  requester: string;
  /** Who decided; null when nobody did (no decision, cancel, dry run). */
  approver: string | null;
  decision: 'approved' | 'denied' | 'dry_run';
  /**
   * `intent`: approved and about to be sent (written before the call). `unknown`: sent, but no definite answer
   * and no read could settle it.
   */
  status: 'intent' | 'executed' | 'failed' | 'unknown' | 'denied' | 'dry_run';
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
  /** What a verification read showed after a lost reply, e.g. "Jane Doe is now banned (checked)". */
  checked?: string;
  /** On intents: the process that is executing it (so another process does not call it unknown while it runs). */
  pid?: number;
}

/** Appends one line durably: the whole text written, then fsync. Injected by tests to simulate ENOSPC / EIO. */
export type DurableAppend = (file: string, text: string) => void;

export interface AuditLog {
  /** Appends one record (written and fsynced before returning, when backed by a file). Throws AuditWriteError. */
  record(entry: AuditEntry): void;
  /**
   * Decided records plus intents that have no result yet, oldest first. An intent whose result was recorded is
   * folded into that result, so each mutation appears once.
   */
  entries(): AuditEntry[];
  /** The newest `n` of `entries()`, oldest first. */
  recent(n: number): AuditEntry[];
  /**
   * Intents without a result, written by a process that is no longer running (a crash or kill during execution):
   * their outcome is unknown. Intents of this process or of another live process are still running.
   */
  unresolvedIntents(): AuditEntry[];
}

/** The audit record could not be written (full disk, I/O error, permissions). The message is one line. */
export class AuditWriteError extends Error {
  constructor(readonly reason: string) {
    super(`the audit log could not be written (${reason})`);
    this.name = 'AuditWriteError';
  }
}

/** An audit log: append-only JSONL at `file`, or memory-only when no file is given. */
export function createAuditLog(options: { file?: string; append?: DurableAppend } = {}): AuditLog {
  const { file } = options;
  const append = options.append ?? appendDurably;
  const memory: AuditEntry[] = [];
  if (file) prepareFile(file);

  const all = (): AuditEntry[] => (file ? readEntries(file) : [...memory]);
  const entries = (): AuditEntry[] => foldIntents(all());
  return {
    record(entry) {
      const clean = redactDeep(entry);
      if (!file) {
        memory.push(clean);
        return;
      }
      try {
        append(file, JSON.stringify(clean) + '\n');
      } catch (error) {
        throw new AuditWriteError(describeFsError(error));
      }
    },
    entries,
    recent(n) {
      return n > 0 ? entries().slice(-n) : [];
    },
    unresolvedIntents() {
      return entries().filter((e) => e.status === 'intent' && !isRunning(e.pid));
    },
  };
}

/** Drops intents that have a later result for the same approval. */
function foldIntents(records: AuditEntry[]): AuditEntry[] {
  const resolved = new Set(records.filter((r) => r.status !== 'intent').map((r) => `${r.approvalId}\0${r.callId}`));
  return records.filter((r) => r.status !== 'intent' || !resolved.has(`${r.approvalId}\0${r.callId}`));
}

/** True when `pid` is this process or another live one (signal 0 only checks that it exists). */
function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Open, write every byte (a short write is continued, not ignored), fsync, close. */
export function appendDurably(file: string, text: string): void {
  const fd = openSync(file, 'a');
  try {
    const bytes = Buffer.from(text);
    let offset = 0;
    while (offset < bytes.length) {
      const n = writeSync(fd, bytes, offset, bytes.length - offset);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      offset += n;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `ENOSPC: no space left on device` → one line with the code first, no path or stack. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split('\n')[0] ?? '').replace(/,\s*(open|write|fsync|close)(\s+'[^']*')?$/, '').trim();
  if (code && first.startsWith(code)) return first;
  return code ? `${code}: ${first}` : first || 'unknown error';
}

/** Creates the folder; if a crash left a torn last line, ends it so the next record starts on a line of its own. */
function prepareFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) return;
  if (!endsWithNewline(file)) appendDurably(file, '\n');
}

/** True for an empty file or one whose last byte is a newline (reads one byte, not the whole log). */
function endsWithNewline(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
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
