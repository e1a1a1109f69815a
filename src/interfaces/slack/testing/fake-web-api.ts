/**
 * A fake Slack Web API on 127.0.0.1 for tests and benchmarks (point `SLACK_API_URL` / Bolt's
 * `clientOptions.slackApiUrl` at `url`). It records every call with its parsed arguments and the token it was
 * sent with, answers like Slack for the methods the bot uses, and can be told to fail a method.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  /** e.g. `chat.postMessage`, or `response_url` for posts to a response URL. */
  method: string;
  args: Record<string, unknown>;
  /** The Authorization header (tests check no token leaks elsewhere, not its value). */
  authorization: string | undefined;
  /** The raw body as received. */
  raw: string;
  /** What the fake answered. */
  result?: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Base URL for the Web API client, ending in `/`. */
  readonly url: string;
  /** Where a response_url may point. */
  readonly responseUrl: string;
  readonly calls: FakeCall[];
  /** Calls of one method, in order. */
  callsOf(method: string): FakeCall[];
  /** Slack user groups: id → member user ids (for usergroups.users.list). */
  groups: Record<string, string[]>;
  /** Users (for users.info): id → display name. */
  users: Record<string, string>;
  /** Calls `listener` after each recorded call (benchmarks wait on it); returns an unsubscribe function. */
  onCall(listener: (call: FakeCall) => void): () => void;
  /** Makes `method` answer `{ok:false, error}` the next `times` calls. */
  fail(method: string, error: string, times?: number): void;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _unparsed: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
  // The Web API client form-encodes structured arguments as JSON strings.
  for (const key of ['blocks', 'attachments', 'view', 'metadata']) {
    if (typeof out[key] === 'string') {
      try {
        out[key] = JSON.parse(out[key] as string);
      } catch {
        // leave as is
      }
    }
  }
  return out;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: FakeCall[] = [];
  const failures = new Map<string, { error: string; times: number }>();
  const listeners = new Set<(call: FakeCall) => void>();
  const record = (call: FakeCall) => {
    calls.push(call);
    for (const listener of listeners) listener(call);
  };
  let tsCounter = 0;
  const nextTs = () => `1765000000.${String(++tsCounter).padStart(6, '0')}`;

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times--;
      return { ok: false, error: failure.error };
    }
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'clerk-admin',
          team_id: 'T1',
          user_id: 'UBOT',
          bot_id: 'B1',
        };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://fake.slack.test/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'views.open':
        return { ok: true, view: { id: `V${tsCounter++}` } };
      case 'usergroups.users.list':
        return { ok: true, users: api.groups[String(args.usergroup)] ?? [] };
      case 'users.info': {
        const id = String(args.user);
        return { ok: true, user: { id, name: api.users[id] ?? id.toLowerCase(), real_name: api.users[id] ?? id } };
      }
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const args = parseBody(raw, req.headers['content-type']);
    if (url.pathname.startsWith('/response/')) {
      record({ method: 'response_url', args, authorization: req.headers.authorization, raw });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const result = answer(method, args);
    record({ method, args, authorization: req.headers.authorization, raw, result });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const api: FakeSlackApi = {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/response/`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    groups: {},
    users: {},
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fail(method, error, times = 1) {
      failures.set(method, { error, times });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}
