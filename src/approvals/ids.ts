/** Ids for change requests and for the processes that execute them. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `cr_` + 20 random base32 characters (100 bits). */
export function newRequestId(): string {
  const bytes = randomBytes(20);
  let out = 'cr_';
  for (const b of bytes) out += BASE32[b & 31];
  return out;
}

/** True for a string shaped like a change request id. */
export function isRequestId(value: string): boolean {
  return /^cr_[a-z2-7]{20}$/.test(value);
}

/** `host:pid:random`: names the process that claimed a request, so a later process can tell whether it is gone. */
export function newExecutorId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Whether the executor named by `executorId` is certainly gone: same host and its pid no longer exists. A process on
 * another host cannot be checked this way (undefined: unknown).
 */
export function executorGone(executorId: string): boolean | undefined {
  const [host, pidText] = executorId.split(':');
  if (host !== hostname()) return undefined;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
