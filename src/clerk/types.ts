/** The Clerk client contract used by the agent. Implementation: client.ts. */
import type { Action } from '../actions/define-action.js';

export interface ClerkClientOptions {
  secretKey: string;
  /** Default `https://api.clerk.com/v1`. */
  baseUrl?: string;
  /** Default `2026-05-12`. */
  apiVersion?: string;
  /** Injected fetch (tests pass the sandbox's in-process handler). Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Overall deadline per request in ms: every attempt, body read and retry wait together. Default 30 000. */
  timeoutMs?: number;
  /** Read retries on 429/5xx. Default 3 attempts total, Retry-After capped at 10 s. */
  maxReadAttempts?: number;
  maxRetryAfterMs?: number;
  /** Injected sleep (tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Injected clock for the deadline arithmetic between retries (tests). Default Date.now. */
  now?: () => number;
}

export interface ClerkClient {
  readonly baseUrl: string;
  /** True for `sk_live_` keys. */
  readonly live: boolean;
  /** Execute one action with validated args (nulls stripped). Resolves with parsed JSON; throws ClerkApiError. */
  execute(action: Action, args: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<unknown>;
  /** Low-level request, for previews that need a read not covered by an action. */
  request(
    method: string,
    path: string,
    options?: { query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal },
  ): Promise<unknown>;
}
