/**
 * One owner per sandbox state: `<dataDir>/owner.lock`, created exclusively, holds the owner's pid, command and
 * start time. Only the owner reads and writes the snapshot and journal; a second process shares the owner's
 * sandbox over its socket (share.ts) or is refused with a message naming the holder. A lock whose pid is dead
 * (kill -9, power loss) is stale and is taken over. The lock covers the sandbox state only: other files in the
 * data directory (the approval queue, the audit) are not affected.
 */
import * as fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'owner.lock';

/** Who holds a sandbox state. */
export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
}

/** The state is held by another live process (or another sandbox of this process). */
export class SandboxBusyError extends Error {
  readonly holder: LockHolder;
  readonly lockFile: string;
  constructor(holder: LockHolder, lockFile: string, message?: string) {
    super(
      message ??
        `The sandbox state in ${path.dirname(lockFile)} is in use by pid ${holder.pid} (${holder.command}, since ${holder.startedAt}). Stop that process first, or use another folder (--data DIR or CLERK_AGENT_DATA_DIR). If no such process is running, delete ${lockFile}.`,
    );
    this.name = 'SandboxBusyError';
    this.holder = holder;
    this.lockFile = lockFile;
  }
}

/** A held lock. */
export interface SandboxLock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(v.pid) && typeof v.command === 'string') return v as LockHolder;
  } catch {
    // fall through
  }
  return 'unreadable';
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Take the lock of `dir` for this process, recovering a stale one. Throws SandboxBusyError when it is held. */
export function acquireLock(dir: string, command: string): SandboxLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString() };
  const text = JSON.stringify(holder);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return {
        file,
        holder,
        release() {
          // Only our own lock: never delete one a later owner took after ours was (wrongly) judged stale.
          const now = readHolder(file);
          if (typeof now === 'object' && now.pid === holder.pid && now.startedAt === holder.startedAt)
            fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const current = readHolder(file);
    if (current === undefined) continue; // released meanwhile
    if (current === 'unreadable') {
      // Either being written right now or left empty by a crash: wait a little before calling it stale.
      if (attempt < 10) {
        pause(20);
        continue;
      }
    } else if (alive(current.pid)) {
      throw new SandboxBusyError(current, file);
    }
    // Stale: move it aside atomically (only one recoverer wins the rename), check it is the one judged stale.
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    const same =
      current === 'unreadable'
        ? moved === 'unreadable'
        : typeof moved === 'object' && moved.pid === current.pid && moved.startedAt === current.startedAt;
    if (!same) {
      // A live owner's fresh lock: put it back (link fails if yet another lock appeared; that one then stands).
      try {
        fs.linkSync(aside, file);
      } catch {
        // keep the newer lock
      }
    }
    fs.rmSync(aside, { force: true });
  }
  const last = readHolder(file);
  throw new SandboxBusyError(
    typeof last === 'object' ? last : { pid: 0, command: 'unknown', startedAt: 'unknown' },
    file,
    `Could not take the sandbox lock ${file} (it keeps changing). Stop other clerk-agent processes using ${dir} and retry.`,
  );
}
