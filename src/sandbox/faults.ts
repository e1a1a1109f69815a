/**
 * Fault injection for tests and evals: per method + path pattern, answer with a status (429 with Retry-After, a
 * 5xx) and/or add latency, for a given number of matching requests. Faults are checked before authentication and
 * routing, as a rate limiter or proxy in front of the API would be.
 */
import { clerkError, ClerkHttpError } from './errors.js';
import type { SandboxFault } from './types.js';

interface ActiveFault {
  method: string;
  segments: string[];
  status: number | undefined;
  retryAfterSeconds: number;
  latencyMs: number;
  remaining: number;
}

/** What to do with one request. */
export interface FaultAction {
  latencyMs: number;
  /** Error to answer with instead of running the route. */
  error?: ClerkHttpError;
}

/** The fault registry of one sandbox. */
export interface FaultRegistry {
  add(f: SandboxFault): void;
  clear(): void;
  /** Consume the first matching fault for this request (path relative to /v1), if any. */
  take(method: string, path: string): FaultAction | undefined;
}

function segmentsOf(path: string): string[] {
  const p = path.startsWith('/v1/') || path === '/v1' ? path.slice(3) : path;
  const trimmed = p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
  return trimmed.split('/').slice(1);
}

function matches(pattern: string[], parts: string[]): boolean {
  if (pattern.length !== parts.length) return false;
  return pattern.every((seg, i) => (seg.startsWith('{') && seg.endsWith('}') ? parts[i] !== '' : seg === parts[i]));
}

function faultError(status: number, retryAfterSeconds: number): ClerkHttpError {
  if (status === 429) {
    const err = clerkError(
      429,
      'too_many_requests',
      'Too many requests',
      `Too many requests, retry later (retry after ${retryAfterSeconds} s).`,
    );
    return new ClerkHttpError(429, err.errors, { 'Retry-After': String(retryAfterSeconds) });
  }
  if (status >= 500) {
    return clerkError(
      status,
      'internal_clerk_error',
      'Oops, an unexpected error occurred',
      "There was an internal error on our servers. We've been notified and are working on fixing it.",
    );
  }
  return clerkError(status, 'injected_fault', 'Injected fault', `Fault injected by the sandbox (status ${status}).`);
}

/** Validate a fault definition; throws a plain Error naming the bad field (programmer error). */
function check(f: SandboxFault): void {
  if (typeof f.method !== 'string' || f.method === '')
    throw new Error('sandbox fault: method is required (e.g. "POST" or "*")');
  if (typeof f.path !== 'string' || !f.path.startsWith('/'))
    throw new Error(`sandbox fault: path must start with "/" (got ${JSON.stringify(f.path)})`);
  if (!Number.isInteger(f.times) || f.times < 1)
    throw new Error(`sandbox fault: times must be a positive integer (got ${String(f.times)})`);
  if (f.status !== undefined && (!Number.isInteger(f.status) || f.status < 400 || f.status > 599))
    throw new Error(`sandbox fault: status must be 400–599 (got ${String(f.status)})`);
  if (f.status === undefined && !f.latencyMs) throw new Error('sandbox fault: give a status, a latencyMs, or both');
}

/** Create an empty fault registry. */
export function createFaultRegistry(): FaultRegistry {
  let faults: ActiveFault[] = [];
  return {
    add(f) {
      check(f);
      faults.push({
        method: f.method.toUpperCase(),
        segments: segmentsOf(f.path),
        status: f.status,
        retryAfterSeconds: f.retryAfterSeconds ?? 1,
        latencyMs: f.latencyMs ?? 0,
        remaining: f.times,
      });
    },
    clear() {
      faults = [];
    },
    take(method, path) {
      if (faults.length === 0) return undefined;
      const parts = segmentsOf(path);
      const fault = faults.find((f) => (f.method === '*' || f.method === method) && matches(f.segments, parts));
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      return fault.status === undefined
        ? { latencyMs: fault.latencyMs }
        : { latencyMs: fault.latencyMs, error: faultError(fault.status, fault.retryAfterSeconds) };
    },
  };
}
