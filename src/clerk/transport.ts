/**
 * One HTTP exchange with Clerk, with the rules that apply to every request: auth and version headers, a bounded
 * timeout combined with the caller's signal, error mapping, and retries for reads only.
 * Contract: a non-GET request is sent at most once, whatever happens.
 */
import { ClerkApiError, ClerkNetworkError } from './errors.js';
import { encodeQuery } from './build-request.js';
import { errorFromResponse } from './parse-error.js';
import { redact } from '../util/secrets.js';
import { backoffMs, isRetryableStatus, parseRetryAfter } from './retry.js';

/** Settings the transport needs (resolved defaults of ClerkClientOptions). */
export interface TransportSettings {
  secretKey: string;
  baseUrl: string;
  apiVersion: string;
  fetch: typeof fetch;
  timeoutMs: number;
  maxReadAttempts: number;
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** One request as the transport sees it: `path` is already filled and escaped. */
export interface TransportRequest {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
}

/** Sends one logical request (with read retries) and resolves with the parsed JSON body. */
export type Send = (request: TransportRequest) => Promise<unknown>;

/** Sent on every request so Clerk can tell this agent's traffic apart. */
const USER_AGENT = 'clerk-admin-agent/0.1';

type Attempt =
  | { kind: 'ok'; value: unknown }
  | { kind: 'http_error'; error: ClerkApiError; retryAfterMs?: number }
  | { kind: 'network_error'; error: ClerkNetworkError };

/** The base URL without credentials, for messages. */
function displayUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return baseUrl;
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** A copy of a fetch failure that keeps its name, message and code but cannot leak the key when inspected. */
function safeCause(error: unknown, secrets: readonly string[]): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(original.message, secrets));
  copy.name = original.name;
  const code = causeCode(error);
  if (code) Object.assign(copy, { code });
  return copy;
}

/** Create the `send` function bound to one set of settings. */
export function createTransport(settings: TransportSettings): Send {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const shownBase = displayUrl(base);
  const secrets = [settings.secretKey];

  async function attempt(req: TransportRequest): Promise<Attempt> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${settings.secretKey}`,
      'Clerk-API-Version': settings.apiVersion,
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
    };
    const hasBody = req.body !== undefined;
    if (hasBody) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const url = `${base}${req.path}${encodeQuery(req.query)}`;
    let response: Response;
    let text: string;
    try {
      response = await settings.fetch(url, {
        method: req.method,
        headers,
        ...(hasBody ? { body: JSON.stringify(req.body) } : {}),
        signal,
      });
      text = await response.text();
    } catch (error) {
      // The caller's own cancellation is not a network problem: let it through untouched.
      if (req.signal?.aborted) throw req.signal.reason;
      const timedOut = timeout.aborted;
      const detail = timedOut
        ? `no answer within ${settings.timeoutMs} ms`
        : (causeCode(error) ?? (error instanceof Error ? error.message : String(error)));
      const message = timedOut
        ? `Clerk at ${shownBase} did not answer ${req.method} ${req.path} within ${settings.timeoutMs} ms: is CLERK_API_URL right?`
        : `cannot reach ${shownBase}: is CLERK_API_URL right? (${detail})`;
      return {
        kind: 'network_error',
        error: new ClerkNetworkError({
          reason: timedOut ? 'timeout' : 'connection',
          baseUrl: shownBase,
          method: req.method,
          path: req.path,
          message: redact(message, secrets),
          cause: safeCause(error, secrets),
        }),
      };
    }
    if (response.ok) {
      if (text.trim() === '') return { kind: 'ok', value: null };
      try {
        return { kind: 'ok', value: JSON.parse(text) as unknown };
      } catch {
        const type = response.headers.get('content-type') ?? 'no content type';
        return {
          kind: 'http_error',
          error: new ClerkApiError({
            status: response.status,
            code: 'invalid_response',
            message: `expected JSON from ${req.method} ${req.path} but got ${type} from ${shownBase}: is CLERK_API_URL right?`,
            method: req.method,
            path: req.path,
          }),
        };
      }
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const error = errorFromResponse(response.status, response.statusText, response.headers, text, {
      method: req.method,
      path: req.path,
      secrets,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
    return { kind: 'http_error', error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }

  return async function send(req: TransportRequest): Promise<unknown> {
    const method = req.method.toUpperCase();
    const request = { ...req, method };
    // Only reads are safe to repeat: a write whose answer was lost may already have happened.
    const attempts = method === 'GET' ? Math.max(1, settings.maxReadAttempts) : 1;
    for (let n = 1; ; n++) {
      if (req.signal?.aborted) throw req.signal.reason;
      const result = await attempt(request);
      if (result.kind === 'ok') return result.value;
      const retryable = result.kind === 'network_error' || isRetryableStatus(result.error.status);
      if (!retryable || n >= attempts) throw result.error;
      const wait =
        result.kind === 'http_error' && result.retryAfterMs !== undefined ? result.retryAfterMs : backoffMs(n);
      await settings.sleep(Math.min(wait, settings.maxRetryAfterMs));
    }
  };
}
