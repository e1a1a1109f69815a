/**
 * `createSandbox`: the in-process Clerk Backend API. It owns the state (seeded, or loaded from `<dataDir>`), the
 * fault registry and the request log, and exposes a standard `fetch` (Request in, Response out) for any client
 * that accepts an injected fetch. `serveSandbox` (serve.ts) puts the same pipeline on 127.0.0.1. With a data
 * directory every mutation is journaled (persistence.ts) and answered only once it is durable; a failed save is
 * answered 500 and the in-memory state is rebuilt from disk, so memory never holds a change the disk does not.
 */
import path from 'node:path';
import { SANDBOX_SECRET_KEY } from './auth.js';
import { createCore, type CoreRequest, type CoreResponse } from './handler.js';
import { createFaultRegistry } from './faults.js';
import type { FsPort } from './durability/fs-port.js';
import { journalName } from './durability/journal.js';
import { notAcceptingChanges } from './errors.js';
import { acquireLock, type SandboxLock } from './ownership/lock.js';
import { createPersistence, type LoadedState, type Persistence } from './persistence.js';
import { replayJournal } from './replay.js';
import { allRoutes } from './routes/index.js';
import { createRouter } from './router.js';
import { buildDemoState } from './seed/demo.js';
import { cloneState, emptyState, isSandboxState } from './seed/state.js';
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
export async function toCoreRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<CoreRequest> {
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

/** The inverse of toCoreRequest: fetch arguments that carry `req` to another Sandbox's fetch. */
export function toFetchArgs(req: CoreRequest): [string, RequestInit] {
  const headers = new Headers();
  if (req.authorization !== undefined) headers.set('authorization', req.authorization);
  if (req.apiVersion !== undefined) headers.set('clerk-api-version', req.apiVersion);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== '';
  return [
    `http://sandbox.local${req.path}${req.search ? `?${req.search}` : ''}`,
    { method: req.method, headers, ...(hasBody ? { body: req.body } : {}) },
  ];
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

/** Test and bench hooks beyond the public options. */
export interface SandboxInternals {
  /** File-system calls for persistence (tests inject failures). */
  fs?: FsPort;
  /** Journal size that triggers a snapshot (default 64 MiB). */
  compactAfterBytes?: number;
}

/** What the lock file says about an owner that did not name itself. */
function defaultOwner(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : 'node';
  return [script, ...process.argv.slice(2)].join(' ').slice(0, 200);
}

/** Build a store from what is on disk: the snapshot, then the journal replayed on top of it. */
function restore(
  loaded: LoadedState,
  persistence: Persistence,
  clock: { at: number | undefined },
  now: () => number,
): Store {
  const store = createStore(loaded.state, () => clock.at ?? now());
  const atClock = (t: number, fn: () => void) => {
    clock.at = t;
    try {
      fn();
    } finally {
      clock.at = undefined;
    }
  };
  replayJournal(router, store, loaded.records, atClock, `${persistence.dir}/${journalName(loaded.generation)}`);
  return store;
}

/** Create a sandbox. With `dataDir`, state persists in `<dataDir>` (snapshot + journal) and is loaded when present. */
export function createSandbox(options: CreateSandboxOptions = {}, internals: SandboxInternals = {}): Sandbox {
  const now = options.now ?? Date.now;
  const defaultSeed = options.seed ?? 'demo';
  // One clock value per mutation, recorded in the journal, so replay rebuilds identical timestamps.
  const clock: { at: number | undefined } = { at: undefined };
  const storeNow = () => clock.at ?? now();
  /** Set when the files cannot be trusted any more: every later mutation is refused with this reason. */
  let broken: string | undefined;

  const persistence =
    options.dataDir === undefined
      ? undefined
      : createPersistence(options.dataDir, {
          ...(internals.fs ? { fs: internals.fs } : {}),
          ...(internals.compactAfterBytes !== undefined ? { compactAfterBytes: internals.compactAfterBytes } : {}),
          onWriteFailure(err, truncated) {
            if (!truncated) {
              broken = `a failed save (${err.message}) could not be undone in the journal; stop the sandbox, check the disk and start it again`;
              return;
            }
            // Memory may hold the failed changes (and any made after them): rebuild it from what is durable.
            try {
              const loaded = persistence!.load();
              store = loaded ? restore(loaded, persistence!, clock, now) : store;
            } catch (reloadErr) {
              broken = `after a failed save the state could not be reloaded (${(reloadErr as Error).message}); restart the sandbox`;
            }
          },
          onCompactDue() {
            if (!persistence!.idle()) return;
            try {
              persistence!.rewrite(store.state);
            } catch {
              // Not fatal: the journal stays valid and keeps growing; the next quiet moment tries again.
            }
          },
        });
  // One owner per state: taken before anything is read, released on close (or right away if opening fails).
  const lock: SandboxLock | undefined = persistence
    ? acquireLock(persistence.dir, options.owner ?? defaultOwner())
    : undefined;
  let store: Store;
  try {
    const loaded = persistence && !options.reset ? persistence.load() : undefined;
    store = loaded ? restore(loaded, persistence!, clock, now) : createStore(seedState(defaultSeed, now()), storeNow);
    if (persistence && loaded) persistence.resume(loaded);
    else persistence?.rewrite(store.state);
  } catch (err) {
    lock?.release();
    throw err;
  }

  let closed = false;
  const requests: SandboxRequestLogEntry[] = [];
  const faults = createFaultRegistry();
  const core = createCore({
    store: () => store,
    router,
    faults,
    mutate(req, rel, apply) {
      if (broken) throw notAcceptingChanges(broken);
      if (persistence && !persistence.healthy())
        throw notAcceptingChanges('it is undoing a failed save; retry in a moment');
      const t = now();
      clock.at = t;
      let value: unknown;
      try {
        value = apply();
      } finally {
        clock.at = undefined;
      }
      if (!persistence) return { value, durable: undefined };
      const durable = persistence.append({
        t,
        m: req.method.toUpperCase(),
        p: rel,
        q: req.search,
        v: req.apiVersion,
        b: req.body,
        n: store.state.nextId,
      });
      return { value, durable };
    },
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
      const next = createStore(seedState(seed ?? defaultSeed, now()), storeNow);
      // Durable before it replaces the live state: a reset that cannot be saved changes nothing.
      persistence?.rewrite(next.state);
      store = next;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Every acknowledged mutation is already durable; wait for those still in flight, then compact so the next
      // start-up has no journal to replay.
      if (!persistence) return;
      await persistence.drain();
      try {
        if (!broken && persistence.journalBytes() > 0) persistence.rewrite(store.state);
      } catch {
        // The journal is still valid: the next start replays it.
      }
      await persistence.close();
      lock?.release();
    },
    [CORE]: guarded,
  };
  return sandbox;
}
