/**
 * The request pipeline, on plain values so both the in-process `fetch` and the HTTP server can use it without
 * building Request/Response objects: faults → `/v1` prefix → auth → API version → route → handler → persist →
 * JSON. Every failure leaves as Clerk's error envelope; a handler validates before it mutates, so a 4xx changes
 * nothing. Content-Type is exactly `application/json` (the official SDK compares it verbatim).
 */
import { checkAuthorization } from './auth.js';
import { bodyTooLarge, ClerkHttpError, errorBody, internalError, MAX_BODY_BYTES, notSaved } from './errors.js';
import type { FaultRegistry } from './faults.js';
import type { Router } from './router.js';
import { createResponseCache, type CachedBody } from './serialize.js';
import type { Store } from './store.js';
import type { SandboxRequestLogEntry } from './types.js';
import { parseJsonBody } from './validation.js';
import { resolveApiVersion } from './versions.js';

/** A request reduced to what the sandbox reads. */
export interface CoreRequest {
  method: string;
  /** URL path, e.g. `/v1/users/user_x` (percent-encoded as received). */
  path: string;
  /** Query string without `?`. */
  search: string;
  authorization: string | undefined;
  apiVersion: string | undefined;
  body: string;
}

/** A response before it becomes an HTTP/fetch response. */
export interface CoreResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set for cached GET bodies: the HTTP server may keep the encoded bytes here. */
  cached?: CachedBody;
}

/** What the pipeline needs from the sandbox. */
export interface CoreDeps {
  store(): Store;
  router: Router;
  faults: FaultRegistry;
  /**
   * Run a mutating route: may refuse (throws ClerkHttpError), runs it at one fixed clock value and journals it.
   * `durable` settles when the change is on disk (undefined when the sandbox keeps no files); it rejects when the
   * change could not be saved, and then the change has been undone.
   */
  mutate(req: CoreRequest, rel: string, apply: () => unknown): { value: unknown; durable: Promise<void> | undefined };
  log(entry: SandboxRequestLogEntry): void;
}

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

function errorResponse(err: ClerkHttpError): CoreResponse {
  return { status: err.status, headers: { ...JSON_HEADERS, ...err.headers }, body: errorBody(err.errors) };
}

function unexpected(err: unknown): CoreResponse {
  const base = internalError();
  const detail = err instanceof Error ? err.message : String(err);
  const entry = { ...base.errors[0]!, long_message: `${base.errors[0]!.long_message} (sandbox: ${detail})` };
  return errorResponse(new ClerkHttpError(500, [entry]));
}

/** The pipeline: returns a response synchronously unless a latency fault applies. */
export function createCore(deps: CoreDeps): (req: CoreRequest) => CoreResponse | Promise<CoreResponse> {
  const cache = createResponseCache();
  let servedStore: Store | undefined;

  /** Run the matched route; throws ClerkHttpError for any Clerk-level failure. */
  function dispatch(
    req: CoreRequest,
    method: string,
    rel: string,
    entry: SandboxRequestLogEntry,
  ): CoreResponse | Promise<CoreResponse> {
    checkAuthorization(req.authorization);
    const query = new URLSearchParams(req.search);
    const apiVersion = resolveApiVersion(req.apiVersion, query.get('__clerk_api_version'));
    const { route, params } = deps.router.match(method, rel);
    entry.route = route.pattern;
    const store = deps.store();
    if (store !== servedStore) {
      // reset() swapped the state: nothing cached belongs to it.
      servedStore = store;
      cache.invalidate();
    }
    if (method === 'GET') {
      const key = rel + '?' + req.search;
      const hit = cache.getBody(key);
      if (hit) return { status: 200, headers: JSON_HEADERS, body: hit.body, cached: hit };
      const value = route.handle({ params, query, store, apiVersion, json: () => ({}) });
      const body = cache.toJson(value);
      const cached = cache.putBody(key, body);
      return cached
        ? { status: 200, headers: JSON_HEADERS, body, cached }
        : { status: 200, headers: JSON_HEADERS, body };
    }
    if (req.body.length > MAX_BODY_BYTES) throw bodyTooLarge(Buffer.byteLength(req.body, 'utf8'));
    let parsed: Record<string, unknown> | undefined;
    let outcome: ReturnType<CoreDeps['mutate']>;
    try {
      outcome = deps.mutate(req, rel, () =>
        route.handle({ params, query, store, apiVersion, json: () => (parsed ??= parseJsonBody(req.body)) }),
      );
    } finally {
      // Any non-GET may have touched records, even one that failed half-way.
      cache.invalidate();
    }
    const body = cache.toJson(outcome.value);
    if (!outcome.durable) {
      entry.mutating = true;
      return { status: 200, headers: JSON_HEADERS, body };
    }
    return outcome.durable.then(
      (): CoreResponse => {
        entry.mutating = true;
        return { status: 200, headers: JSON_HEADERS, body };
      },
      (err: Error) => {
        throw notSaved(err.message);
      },
    );
  }

  function run(req: CoreRequest, method: string, rel: string | undefined): CoreResponse | Promise<CoreResponse> {
    const entry: SandboxRequestLogEntry = {
      method,
      path: rel ?? req.path,
      status: 0,
      mutating: false,
      query: req.search,
    };
    const finish = (res: CoreResponse): CoreResponse => {
      entry.status = res.status;
      deps.log(entry);
      return res;
    };
    const failed = (err: unknown): CoreResponse => {
      entry.mutating = false;
      return finish(err instanceof ClerkHttpError ? errorResponse(err) : unexpected(err));
    };
    try {
      if (rel === undefined) {
        throw new ClerkHttpError(404, [
          {
            code: 'resource_not_found',
            message: 'not found',
            long_message: `Resource not found: Backend API paths start with /v1 (got ${req.path}).`,
          },
        ]);
      }
      const res = dispatch(req, method, rel, entry);
      return res instanceof Promise ? res.then(finish, failed) : finish(res);
    } catch (err) {
      return failed(err);
    }
  }

  return (req) => {
    const method = req.method.toUpperCase();
    const rel = req.path === '/v1' ? '/' : req.path.startsWith('/v1/') ? req.path.slice(3) : undefined;
    const fault = deps.faults.take(method, rel ?? req.path);
    if (!fault) return run(req, method, rel);
    const finish = (): CoreResponse | Promise<CoreResponse> => {
      if (!fault.error) return run(req, method, rel);
      const res = errorResponse(fault.error);
      deps.log({ method, path: rel ?? req.path, status: res.status, mutating: false, query: req.search });
      return res;
    };
    if (fault.latencyMs <= 0) return finish();
    return new Promise((resolve) => setTimeout(() => resolve(finish()), fault.latencyMs));
  };
}
