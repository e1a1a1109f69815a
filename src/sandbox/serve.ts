/**
 * `serveSandbox`: the sandbox over HTTP on 127.0.0.1 (keep-alive), for the REPL, the official SDK and any other
 * Clerk client. Requests go straight to the sandbox's plain-value pipeline; no Request/Response objects are built.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyTooLarge, errorBody, MAX_BODY_BYTES } from './errors.js';
import type { CoreRequest, CoreResponse } from './handler.js';
import { CORE, type SandboxWithCore, toFetchArgs } from './sandbox.js';
import type { Sandbox } from './types.js';

/** A running server. */
export interface SandboxServer {
  /** e.g. `http://127.0.0.1:4010/v1` */
  url: string;
  close(): Promise<void>;
}

type Pipeline = (req: CoreRequest) => CoreResponse | Promise<CoreResponse>;

/** Adapter for a Sandbox that is not ours: go through its fetch. */
function viaFetch(sandbox: Sandbox): Pipeline {
  return async (req) => {
    const res = await sandbox.fetch(...toFetchArgs(req));
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  };
}

/** A body over MAX_BODY_BYTES: answered 413 without reading it into memory. */
class BodyTooLarge extends Error {
  constructor(readonly bytes: number | undefined) {
    super('request body too large');
  }
}

function readBody(req: IncomingMessage): Promise<string> | string {
  const declared = req.headers['content-length'];
  const hasBody = declared !== undefined ? declared !== '0' : req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return '';
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES)
    return Promise.reject(new BodyTooLarge(Number(declared)));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        // Stop keeping it: the rest is read and dropped so the connection can carry the 413.
        req.off('data', onData);
        chunks.length = 0;
        reject(new BodyTooLarge(undefined));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, out: CoreResponse): void {
  if (out.cached) {
    // Cached GET bodies keep their encoded bytes, so a repeated read is not re-encoded.
    const bytes = (out.cached.bytes ??= Buffer.from(out.body, 'utf8'));
    res.writeHead(out.status, { ...out.headers, 'content-length': bytes.length });
    res.end(bytes);
    return;
  }
  res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body, 'utf8') });
  res.end(out.body);
}

function toCore(req: IncomingMessage, body: string): CoreRequest {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const version = req.headers['clerk-api-version'];
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? raw : raw.slice(0, q),
    search: q < 0 ? '' : raw.slice(q + 1),
    authorization: req.headers.authorization,
    apiVersion: Array.isArray(version) ? version[0] : version,
    body,
  };
}

function failure(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof BodyTooLarge) {
    const tooLarge = bodyTooLarge(err.bytes);
    // Drain what the client still sends, then close: the server never holds the body and keeps answering.
    req.resume();
    send(res, {
      status: 413,
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: errorBody(tooLarge.errors),
    });
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  const body = JSON.stringify({
    errors: [
      {
        code: 'internal_clerk_error',
        message: 'Oops, an unexpected error occurred',
        long_message: `Sandbox failure: ${message}`,
      },
    ],
  });
  send(res, { status: 500, headers: { 'content-type': 'application/json' }, body });
}

/** Serve `sandbox` on `host:port` (defaults 127.0.0.1 and an ephemeral port). */
export function serveSandbox(
  sandbox: Sandbox,
  options: { port?: number; host?: '127.0.0.1'; socketPath?: string; unref?: boolean } = {},
): Promise<SandboxServer> {
  const pipeline: Pipeline = (sandbox as Partial<SandboxWithCore>)[CORE] ?? viaFetch(sandbox);
  const server = createServer((req, res) => {
    const handle = (body: string) => {
      const out = pipeline(toCore(req, body));
      if (out instanceof Promise)
        out.then(
          (o) => send(res, o),
          (err) => failure(req, res, err),
        );
      else send(res, out);
    };
    try {
      const body = readBody(req);
      if (typeof body === 'string') handle(body);
      else body.then(handle).catch((err) => failure(req, res, err));
    } catch (err) {
      failure(req, res, err);
    }
  });
  server.keepAliveTimeout = 30_000;
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const listening = () => {
      server.off('error', reject);
      const url = options.socketPath
        ? `http://localhost/v1`
        : `http://${host}:${(server.address() as AddressInfo).port}/v1`;
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    };
    // unref: a server that must not keep the process alive by itself (the sharing socket of a chat).
    if (options.unref) server.unref();
    if (options.socketPath) server.listen(options.socketPath, listening);
    else server.listen(options.port ?? 0, host, listening);
  });
}
