/**
 * Sharing one sandbox state between processes. The owner (the first process to open a data directory) serves
 * its sandbox on a unix socket, `<dataDir>/sandbox.sock`; a later process that finds the lock held connects to
 * that socket instead of opening the files, so two terminals running `npm start` in one folder see the same
 * users and every change goes through the one owner (no lost updates, no id issued twice). When the owner cannot
 * be reached, the later process is refused with a message naming the holder.
 */
import { existsSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { SANDBOX_SECRET_KEY } from '../auth.js';
import { createSandbox, SANDBOX_BASE_URL, type SandboxInternals, toCoreRequest, toFetchArgs } from '../sandbox.js';
import { serveSandbox } from '../serve.js';
import type { CreateSandboxOptions, Sandbox } from '../types.js';
import { type LockHolder, SandboxBusyError } from './lock.js';

export const SOCKET_FILE = 'sandbox.sock';
/** Unix socket paths are limited to ~107 bytes (104 on macOS). */
const MAX_SOCKET_PATH = 100;
const PROBE_TIMEOUT_MS = 2_000;

/** A sandbox opened on a data directory: owned by this process, or shared with the owner. */
export interface OpenedSandbox {
  sandbox: Sandbox;
  /** Set when another process owns the state and this one uses it through its socket. */
  sharedWith?: LockHolder;
}

export type OpenSandboxOptions = CreateSandboxOptions & { dataDir: string; owner: string };

/** Open `dataDir`'s sandbox: own it (and serve it on the socket), or share the owner's. */
export async function openSandbox(
  options: OpenSandboxOptions,
  internals: SandboxInternals = {},
): Promise<OpenedSandbox> {
  const dir = path.resolve(options.dataDir);
  const socketPath = path.join(dir, SOCKET_FILE);
  let own: Sandbox;
  try {
    own = createSandbox(options, internals);
  } catch (err) {
    if (!(err instanceof SandboxBusyError)) throw err;
    const { holder, lockFile } = err;
    const who = `pid ${holder.pid} (${holder.command})`;
    if (options.reset) {
      throw new SandboxBusyError(
        holder,
        lockFile,
        `Cannot reset the sandbox in ${dir}: it is in use by ${who}. Stop that process first, or reset from it (/sandbox reset in its chat).`,
      );
    }
    await socketOfYoungOwner(socketPath, holder);
    const remote = await connect(socketPath, holder, () => takeOver(options, internals));
    if (!remote) {
      throw new SandboxBusyError(
        holder,
        lockFile,
        `The sandbox in ${dir} is in use by ${who} and cannot be shared (no answer on ${socketPath}). Stop that process, or use another folder (--data DIR or CLERK_AGENT_DATA_DIR). If no such process is running, delete ${lockFile}.`,
      );
    }
    return { sandbox: remote, sharedWith: holder };
  }
  // We own it: any socket file left behind is from a dead owner.
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) return { sandbox: own };
  rmSync(socketPath, { force: true });
  let server: Awaited<ReturnType<typeof serveSandbox>> | undefined;
  try {
    server = await serveSandbox(own, { socketPath, unref: true });
  } catch {
    // Sharing is a convenience: without the socket, later processes are refused with a clear message.
  }
  const close = own.close.bind(own);
  own.close = async () => {
    await server?.close();
    if (server && existsSync(socketPath)) rmSync(socketPath, { force: true });
    await close();
  };
  return { sandbox: own };
}

/** Raw HTTP over the socket. */
function send(
  socketPath: string,
  agent: Agent,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs?: number,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, agent, method, path: pathAndQuery, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out[k] = v;
        resolve({ status: res.statusCode ?? 500, headers: out, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error('no answer in time')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * An owner takes the lock before it loads the state (seconds for a large sandbox) and opens its socket after:
 * a process started meanwhile waits for the socket rather than being refused. Only for a lock taken in the last
 * 30 s, so an owner that never serves one (too long a path) is refused without delay.
 */
async function socketOfYoungOwner(socketPath: string, holder: LockHolder): Promise<void> {
  const age = Date.now() - Date.parse(holder.startedAt);
  if (!(age >= 0 && age < 30_000)) return;
  const deadline = Date.now() + 15_000;
  while (!existsSync(socketPath) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** The owner is gone: open the state here if its lock is free now (a sharer of a newer owner is fine too). */
async function takeOver(options: OpenSandboxOptions, internals: SandboxInternals): Promise<Sandbox | undefined> {
  try {
    return (await openSandbox(options, internals)).sandbox;
  } catch {
    return undefined;
  }
}

/** True when the request never reached the owner (nothing listens on the socket any more): safe to send again. */
function neverSent(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ECONNREFUSED' || code === 'ENOENT';
}

/**
 * A Sandbox whose fetch goes to the owner over its socket; undefined when the owner does not answer. When the
 * owner has stopped (its socket refuses the connection, so the request was never sent), the next request takes
 * the state over through `takeOver` and runs here; a request that may have reached the owner is never re-sent.
 */
async function connect(
  socketPath: string,
  holder: LockHolder,
  takeOver: () => Promise<Sandbox | undefined>,
): Promise<Sandbox | undefined> {
  let successor: Sandbox | undefined;
  let taking: Promise<Sandbox | undefined> | undefined;
  if (!existsSync(socketPath)) return undefined;
  const agent = new Agent({ keepAlive: true });
  const auth = `Bearer ${SANDBOX_SECRET_KEY}`;
  try {
    const probe = await send(
      socketPath,
      agent,
      'GET',
      '/v1/users/count',
      { authorization: auth },
      '',
      PROBE_TIMEOUT_MS,
    );
    if (probe.status !== 200) throw new Error(`status ${probe.status}`);
  } catch {
    agent.destroy();
    return undefined;
  }
  const ownerOnly = (what: string) => () => {
    throw new Error(
      `${what} is only possible in the process that owns the sandbox (pid ${holder.pid}, ${holder.command}); this one shares it.`,
    );
  };
  return {
    baseUrl: SANDBOX_BASE_URL,
    secretKey: SANDBOX_SECRET_KEY,
    requests: [],
    faults: {
      add: (f) => (successor ? successor.faults.add(f) : ownerOnly('Injecting faults')()),
      clear: () => (successor ? successor.faults.clear() : ownerOnly('Clearing faults')()),
    },
    snapshot: () => (successor ? successor.snapshot() : ownerOnly('Taking a snapshot')()),
    reset: (seed) => (successor ? successor.reset(seed) : ownerOnly('Resetting the sandbox')()),
    async fetch(input, init) {
      if (successor) return successor.fetch(input, init);
      const req = await toCoreRequest(input, init);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (req.authorization !== undefined) headers.authorization = req.authorization;
      if (req.apiVersion !== undefined) headers['clerk-api-version'] = req.apiVersion;
      const target = req.path + (req.search ? `?${req.search}` : '');
      let out: Awaited<ReturnType<typeof send>>;
      try {
        out = await send(socketPath, agent, req.method, target, headers, req.body);
      } catch (err) {
        if (neverSent(err)) {
          taking ??= takeOver();
          successor = await taking;
          if (successor) return successor.fetch(...toFetchArgs(req));
        }
        // Like a real fetch: a network failure is a TypeError with the cause attached.
        throw new TypeError(
          `fetch failed: the sandbox owner (pid ${holder.pid}) did not answer (${(err as Error).message})`,
          { cause: err },
        );
      }
      const keep = Object.entries(out.headers).filter(
        ([k]) => !['connection', 'keep-alive', 'content-length', 'transfer-encoding', 'date'].includes(k),
      );
      return new Response(out.body === '' ? null : out.body, { status: out.status, headers: keep });
    },
    async close() {
      agent.destroy();
      await successor?.close();
    },
  };
}
