/**
 * `createSandbox`: the in-process Clerk Backend API. It owns the state (seeded, or loaded from `<dataDir>`), the
 * fault registry and the request log, and exposes a standard `fetch` (Request in, Response out) for any client
 * that accepts an injected fetch. `serveSandbox` (serve.ts) puts the same pipeline on 127.0.0.1.
 */
import { SANDBOX_SECRET_KEY } from './auth.js';
import { createCore, type CoreRequest, type CoreResponse } from './handler.js';
import { createFaultRegistry } from './faults.js';
import { createPersistence, isSandboxState } from './persistence.js';
import { allRoutes } from './routes/index.js';
import { createRouter } from './router.js';
import { buildDemoState } from './seed/demo.js';
import { cloneState, emptyState } from './seed/state.js';
import { createStore, type Store } from './store.js';
import type { CreateSandboxOptions, Sandbox, SandboxRequestLogEntry, SandboxSeed, SandboxState } from './types.js';

/** The base URL for in-process use; any host works, the path must start with /v1. */
export const SANDBOX_BASE_URL = 'http://sandbox.local/v1';

/** Where serveSandbox finds the plain-value pipeline (avoids Request/Response objects per HTTP request). */
export const CORE = Symbol('clerk-sandbox-core');

/** A sandbox created by createSandbox carries its pipeline under CORE. */
export type SandboxWithCore = Sandbox & { [CORE]: (req: CoreRequest) => CoreResponse | Promise<CoreResponse> };

/** The request log keeps at most this many entries (the oldest half is dropped when it overflows). */
const MAX_LOG = 50_000;

const router = createRouter(allRoutes);

/** Read what the pipeline needs from fetch arguments; a bare path such as `/v1/users` is allowed. */
async function toCoreRequest(input: string | URL | Request, init: RequestInit | undefined): Promise<CoreRequest> {
  if (input instanceof Request) {
    const request = init ? new Request(input, init) : input;
    const url = new URL(request.url);
    return {
      method: request.method,
      path: url.pathname,
      search: url.search.slice(1),
      authorization: request.headers.get('authorization') ?? undefined,
      apiVersion: request.headers.get('clerk-api-version') ?? undefined,
      body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
    };
  }
  // Strings and URLs skip the (slow) Request constructor.
  const url = input instanceof URL ? input : new URL(input, 'http://sandbox.local');
  const headers = new Headers(init?.headers);
  const method = (init?.method ?? 'GET').toUpperCase();
  const raw = init?.body;
  const body =
    raw === undefined || raw === null || method === 'GET' || method === 'HEAD'
      ? ''
      : typeof raw === 'string'
        ? raw
        : await new Response(raw).text();
  return {
    method,
    path: url.pathname,
    search: url.search.slice(1),
    authorization: headers.get('authorization') ?? undefined,
    apiVersion: headers.get('clerk-api-version') ?? undefined,
    body,
  };
}

function toResponse(out: CoreResponse): Response {
  return new Response(out.body, { status: out.status, headers: out.headers });
}

function seedState(seed: SandboxSeed, now: number): SandboxState {
  if (seed === 'demo') return buildDemoState(now);
  if (seed === 'empty') return emptyState();
  if (!isSandboxState(seed))
    throw new Error('createSandbox: seed must be "demo", "empty" or a SandboxState (version 1 with every collection)');
  return cloneState(seed);
}

/** Create a sandbox. With `dataDir`, state persists in `<dataDir>/state.json` and is loaded when present. */
export function createSandbox(options: CreateSandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const defaultSeed = options.seed ?? 'demo';
  const persistence = options.dataDir === undefined ? undefined : createPersistence(options.dataDir);
  const loaded = persistence && !options.reset ? persistence.load() : undefined;
  let store: Store = createStore(loaded ?? seedState(defaultSeed, now()), now);
  if (persistence && !loaded) persistence.save(store.state);

  let closed = false;
  const requests: SandboxRequestLogEntry[] = [];
  const faults = createFaultRegistry();
  const core = createCore({
    store: () => store,
    router,
    faults,
    afterMutation: () => persistence?.save(store.state),
    log(entry) {
      if (requests.length >= MAX_LOG) requests.splice(0, MAX_LOG / 2);
      requests.push(entry);
    },
  });

  const guarded = (req: CoreRequest): CoreResponse | Promise<CoreResponse> => {
    if (closed) throw new Error('sandbox is closed');
    return core(req);
  };

  const sandbox: SandboxWithCore = {
    baseUrl: SANDBOX_BASE_URL,
    secretKey: SANDBOX_SECRET_KEY,
    requests,
    faults: { add: (f) => faults.add(f), clear: () => faults.clear() },
    async fetch(input, init) {
      return toResponse(await guarded(await toCoreRequest(input, init)));
    },
    snapshot: () => cloneState(store.state),
    reset(seed) {
      store = createStore(seedState(seed ?? defaultSeed, now()), now);
      persistence?.save(store.state);
    },
    async close() {
      // Writes are synchronous (every mutation is on disk before its response), so there is nothing to flush.
      closed = true;
    },
    [CORE]: guarded,
  };
  return sandbox;
}
