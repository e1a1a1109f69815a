/**
 * One logical request to Clerk, with the rules that apply to every request: one overall deadline that covers every
 * attempt, the body reads and the waits between retries (so a hanging Clerk is reported after `timeoutMs`, not
 * after attempts × timeout), the caller's signal, and retries for reads only. The exchange itself: attempt.ts.
 * Contract: a non-GET request is sent at most once, whatever happens.
 */
import { type Attempt, attemptOnce, type AttemptSettings, connectionError, type TransportRequest } from './attempt.js';
import { ClerkNetworkError } from './errors.js';
import { redact as redactSecrets } from '../util/secrets.js';
import { shownUrl } from '../util/shown-url.js';
import { backoffMs, isRetryableStatus } from './retry.js';

/** Settings the transport needs (resolved defaults of ClerkClientOptions). */
export interface TransportSettings {
  secretKey: string;
  baseUrl: string;
  apiVersion: string;
  fetch: typeof fetch;
  /** Overall deadline per logical request: all attempts, body reads and retry waits together. */
  timeoutMs: number;
  maxReadAttempts: number;
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Clock for the deadline arithmetic (tests). Default Date.now. */
  now?: () => number;
}

/** Sends one logical request (with read retries) and resolves with the parsed JSON body. */
export type Send = (request: TransportRequest) => Promise<unknown>;

/** `30000` → `30 s`, `250` → `250 ms`. */
const duration = (ms: number) => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/** Create the `send` function bound to one set of settings. */
export function createTransport(settings: TransportSettings): Send {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const connection: AttemptSettings = {
    secretKey: settings.secretKey,
    base,
    shownBase: shownUrl(base),
    apiVersion: settings.apiVersion,
    fetch: settings.fetch,
  };
  const now = settings.now ?? Date.now;

  const timeoutError = (req: TransportRequest) =>
    new ClerkNetworkError({
      reason: 'timeout',
      baseUrl: connection.shownBase,
      method: req.method,
      path: req.path,
      message: redactSecrets(
        `Clerk at ${connection.shownBase} did not answer ${req.method} ${req.path} within ${duration(settings.timeoutMs)} (CLERK_AGENT_REQUEST_TIMEOUT_MS): is CLERK_API_URL right?`,
        [settings.secretKey],
      ),
      maybeSent: true,
    });

  /** The attempt's failure as the error to throw (the caller's cancel passes through untouched). */
  const failure = (req: TransportRequest, result: Exclude<Attempt, { kind: 'ok' }>, deadline: AbortSignal) => {
    if (result.kind === 'http_error') return result.error;
    if (req.signal?.aborted) return req.signal.reason as unknown;
    if (deadline.aborted) return timeoutError(req);
    return connectionError(connection, req, result.error);
  };

  return async function send(req: TransportRequest): Promise<unknown> {
    const method = req.method.toUpperCase();
    const request = { ...req, method };
    const started = now();
    const deadline = AbortSignal.timeout(settings.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    // Only reads are safe to repeat: a write whose answer was lost may already have happened.
    const attempts = method === 'GET' ? Math.max(1, settings.maxReadAttempts) : 1;
    for (let n = 1; ; n++) {
      if (req.signal?.aborted) throw req.signal.reason;
      const result = await attemptOnce(connection, request, signal);
      if (result.kind === 'ok') return result.value;
      const error = failure(request, result, deadline);
      if (req.signal?.aborted) throw req.signal.reason;
      const retryable =
        result.kind === 'http_error' ? isRetryableStatus(result.error.status) : error instanceof ClerkNetworkError;
      if (!retryable || n >= attempts || deadline.aborted) throw error;
      const wait = Math.min(
        result.kind === 'http_error' && result.retryAfterMs !== undefined ? result.retryAfterMs : backoffMs(n),
        settings.maxRetryAfterMs,
      );
      // The wait counts against the same deadline: no retry that could not finish in time.
      if (now() - started + wait >= settings.timeoutMs) throw error;
      await settings.sleep(wait);
    }
  };
}
