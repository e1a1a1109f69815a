/**
 * MCP over Streamable HTTP on 127.0.0.1, for clients that connect by URL. Every request must carry
 * `Authorization: Bearer <token>` (a random token printed at start); a browser page from another origin is refused
 * (DNS-rebinding defence: only loopback Host/Origin). Sessions are stateful, because elicitation sends a request
 * to the client in the middle of a tool call and the answer arrives on a later POST of the same session.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface McpHttpOptions {
  port: number;
  /** Given for tests; otherwise 32 random bytes. */
  token?: string;
  /** A new MCP server for each session. */
  createSession(): Server;
  log?: (line: string) => void;
}

export interface McpHttpHandle {
  url: string;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const MAX_BODY = 4 * 1024 * 1024;

export async function serveMcpHttp(options: McpHttpOptions): Promise<McpHttpHandle> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  const sessions = new Map<string, StreamableHTTPServerTransport>();

  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!LOOPBACK_HOST.test(String(req.headers.host ?? ''))) return reply(res, 403, 'Forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin)) return reply(res, 403, 'Forbidden origin');
    if (!authorized(req)) return reply(res, 401, 'Missing or wrong bearer token');
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/mcp') return reply(res, 404, 'Not found: use /mcp');

    const sessionId = req.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (typeof sessionId === 'string' && !transport) return reply(res, 404, 'Unknown session');

    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req);
      if (raw === undefined) return reply(res, 413, 'Request body too large');
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(res, 400, 'Body is not JSON');
      }
    }
    if (!transport) {
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, created);
        },
      });
      created.onclose = () => {
        if (created.sessionId) sessions.delete(created.sessionId);
      };
      await options.createSession().connect(created);
      transport = created;
    }
    await transport.handleRequest(req, res, body);
  };

  const server: HttpServer = createServer((req, res) => {
    handle(req, res).catch((error) => {
      options.log?.(`mcp http: ${(error as Error).message}`);
      if (!res.headersSent) reply(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    token,
    async close() {
      for (const t of sessions.values()) await t.close().catch(() => {});
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    return LOOPBACK_HOST.test(new URL(origin).host);
  } catch {
    return false;
  }
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

/** The body as text, or undefined when it passes MAX_BODY (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
