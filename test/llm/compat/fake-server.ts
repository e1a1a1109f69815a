/**
 * A local OpenAI-compatible server on 127.0.0.1 (ephemeral port) that misbehaves the way real servers do: any
 * status, content type and raw body, `GET /models`, and a body that starts and never ends. Each POST is answered by
 * the next scripted reply (the last one repeats); every request is recorded.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Send the headers and part of the body, then nothing more (the connection stays open). */
  hangAfterHeaders?: boolean;
  /** Accept the request and never answer at all. */
  hangBeforeHeaders?: boolean;
}

export interface FakeServer {
  baseUrl: string;
  port: number;
  /** POST bodies, in order. */
  posts: Array<{ path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Replies to POST /v1/chat/completions, in order. */
  chat: RawReply[];
  /** Reply to GET /v1/models (default: a 404). */
  models?: RawReply;
}

export async function startFakeServer(options: FakeOptions): Promise<FakeServer> {
  const posts: FakeServer['posts'] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let reply: RawReply;
      if (req.method === 'GET' && new URL(req.url ?? '/', 'http://x').pathname.endsWith('/models')) {
        reply = options.models ?? { status: 404, body: { error: { message: 'no model list here' } } };
      } else {
        posts.push({ path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} });
        reply = options.chat[Math.min(posts.length - 1, options.chat.length - 1)] ?? { status: 500, body: 'no reply' };
      }
      if (reply.hangBeforeHeaders) return;
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      const type = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
      res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
      if (reply.hangAfterHeaders) {
        res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
        return; // never end
      }
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A chat.completion body around one assistant message (usage included unless `usage: null`). */
export function completion(
  message: Record<string, unknown>,
  finishReason: string | null,
  usage: { prompt_tokens: number; completion_tokens: number } | null = { prompt_tokens: 100, completion_tokens: 20 },
): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
    ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
  };
}
