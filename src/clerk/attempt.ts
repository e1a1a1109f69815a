/**
 * One HTTP exchange with Clerk: headers, the fetch and the whole body read under one signal, and the answer
 * mapped to a value or an error. No retries and no deadline policy here (transport.ts owns both).
 */
import { encodeQuery } from './build-request.js';
import { ClerkApiError, ClerkNetworkError } from './errors.js';
import { errorFromResponse } from './parse-error.js';
import { redact as redactSecrets } from '../util/secrets.js';
import { parseRetryAfter } from './retry.js';

/** What one attempt needs to know about its connection. */
export interface AttemptSettings {
  secretKey: string;
  /** Base URL without a trailing slash. */
  base: string;
  /** The base URL without credentials, for messages. */
  shownBase: string;
  apiVersion: string;
  fetch: typeof fetch;
}

/** One request as the transport sees it: `path` is already filled and escaped. */
export interface TransportRequest {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
}

export type Attempt =
  | { kind: 'ok'; value: unknown }
  | { kind: 'http_error'; error: ClerkApiError; retryAfterMs?: number }
  | { kind: 'network_error'; error: unknown };

/** Sent on every request so Clerk can tell this agent's traffic apart. */
const USER_AGENT = 'clerk-admin-agent/0.1';

/**
 * Failures that happen before any byte of the request can have reached Clerk (no connection, no name, TLS refused):
 * a write that failed this way was certainly not done. Anything else (reset, closed socket, timeout) may come after
 * the server read the request.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function causeCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | undefined)?.code;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof own === 'string' ? own : undefined;
}

/** A copy of a fetch failure that keeps its name, message and code but cannot leak the key when inspected. */
function safeCause(error: unknown, secrets: readonly string[]): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redactSecrets(original.message, secrets));
  copy.name = original.name;
  const code = causeCode(error);
  if (code) Object.assign(copy, { code });
  return copy;
}

/** The network error for a fetch or body read that failed for a reason other than a deadline or the caller. */
export function connectionError(settings: AttemptSettings, req: TransportRequest, error: unknown): ClerkNetworkError {
  const secrets = [settings.secretKey];
  const code = causeCode(error);
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return new ClerkNetworkError({
    reason: 'connection',
    baseUrl: settings.shownBase,
    method: req.method,
    path: req.path,
    message: redactSecrets(`cannot reach ${settings.shownBase}: is CLERK_API_URL right? (${detail})`, secrets),
    maybeSent: !(code && NOT_SENT_CODES.has(code)),
    cause: safeCause(error, secrets),
  });
}

/** Sends `req` once under `signal` (which must cover the body read too) and maps the answer. */
export async function attemptOnce(
  settings: AttemptSettings,
  req: TransportRequest,
  signal: AbortSignal,
): Promise<Attempt> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${settings.secretKey}`,
    'Clerk-API-Version': settings.apiVersion,
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
  };
  const hasBody = req.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  const url = `${settings.base}${req.path}${encodeQuery(req.query)}`;
  let response: Response;
  let text: string;
  try {
    response = await settings.fetch(url, {
      method: req.method,
      headers,
      ...(hasBody ? { body: JSON.stringify(req.body) } : {}),
      signal,
    });
    text = await readBody(response, signal);
  } catch (error) {
    return { kind: 'network_error', error };
  }
  if (response.ok) return parseOk(settings, req, response, text);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const error = errorFromResponse(response.status, response.statusText, response.headers, text, {
    method: req.method,
    path: req.path,
    secrets: [settings.secretKey],
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
  return { kind: 'http_error', error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** How long a body that has already started arriving may still be read after the signal fires. */
const BODY_GRACE_MS = 250;

/**
 * The body as text, ended by `signal` even when the fetch implementation ignores it for the body (an injected
 * fetch may): a server that sends headers and then never ends the body cannot hold the request past its deadline.
 * An answer already in hand when the signal fires (Ctrl-C just after Clerk replied) is still read, for a short
 * grace: a change Clerk made must be reported as done, not lost to our own cancellation.
 */
function readBody(response: Response, signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      timer = setTimeout(() => {
        reject(signal.reason);
        response.body?.cancel().catch(() => {});
      }, BODY_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    response.text().then(
      (text) => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(text);
      },
      (error: unknown) => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function parseOk(settings: AttemptSettings, req: TransportRequest, response: Response, text: string): Attempt {
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
        message: `expected JSON from ${req.method} ${req.path} but got ${type} from ${settings.shownBase}: is CLERK_API_URL right?`,
        method: req.method,
        path: req.path,
      }),
    };
  }
}
