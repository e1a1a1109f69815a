/**
 * A fetch wrapper between the Clerk client and the sandbox that records every request with its body and status.
 * Together with the sandbox's own request log this is the ground truth for what executed, independent of what the
 * model claims.
 */
import type { LoggedRequest } from './trace.js';

/** Shared ordering for requests, approvals and events within one trial. */
export interface TrialClock {
  seq(): number;
  turn: number;
}

/** A fresh per-trial sequence counter. */
export function createTrialClock(): TrialClock {
  let n = 0;
  return { seq: () => ++n, turn: 0 };
}

/** Wrap `inner` so each request is appended to `log` (path without `/v1`, percent-decoded). */
export function createLoggingFetch(
  inner: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
  log: LoggedRequest[],
  clock: TrialClock,
  origin: LoggedRequest['origin'] = 'agent',
): typeof fetch {
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const rawBody = init?.body ?? (request && method !== 'GET' ? await request.clone().text() : undefined);
    const seq = clock.seq();
    const turn = clock.turn;
    const response = await inner(input, init);
    log.push({
      seq,
      turn,
      method,
      path: decodePath(url.pathname),
      query: queryObject(url.searchParams),
      ...(rawBody !== undefined && rawBody !== null ? { body: parseBody(rawBody) } : {}),
      status: response.status,
      mutating: method !== 'GET' && method !== 'HEAD',
      origin,
    });
    return response;
  };
  return wrapped as typeof fetch;
}

/** A request path without the `/v1` prefix, each segment percent-decoded (a malformed escape stays as sent). */
export function decodePath(pathname: string): string {
  return pathname
    .replace(/^\/v1(?=\/)/, '')
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join('/');
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return '[non-text body]';
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
