/**
 * The web console's HTTP API and page, as a Hono app (a fetch handler: tests call it in-process; `start.ts` serves
 * it on 127.0.0.1). Only this folder imports hono. Every route needs the access cookie; state-changing routes also
 * need the CSRF header and our own origin. Responses carry a CSP that forbids inline script, and the page renders
 * every piece of Clerk or model text with textContent, so hostile data stays inert text.
 */
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { AuditEntry } from '../../agent/audit.js';
import type { Policy } from '../../approvals/policy.js';
import { auditRows } from './audit-view.js';
import { type ConsoleHub, HubError, type WebMessage } from './console-hub.js';
import { type IdentityOption, identityOptions } from './identities.js';
import {
  ACCESS_COOKIE,
  type ConsoleSecrets,
  CSRF_HEADER,
  IDENTITY_COOKIE,
  loopbackHost,
  SECURITY_HEADERS,
  sameOrigin,
} from './security.js';

export interface WebDeps {
  hub: ConsoleHub;
  secrets: ConsoleSecrets;
  policy: Policy;
  /** `local:<user>` from the config: the default identity when the policy names no web users. */
  requester: string;
  audit: { entries(): AuditEntry[] };
  info: { backend: string; model: string; live: boolean };
}

type Env = { Variables: { who: IdentityOption | undefined } };

const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/** The folder with index.html, app.js and app.css: beside this file under src/, or found from dist/. */
function publicDir(): string {
  const candidates = [
    path.join(import.meta.dirname, 'public'),
    path.resolve(import.meta.dirname, '../../../../src/interfaces/web/public'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

export function createWebApp(deps: WebDeps): Hono<Env> {
  const { hub, secrets } = deps;
  const options = identityOptions(deps.policy, deps.requester);
  const dir = publicDir();
  const files = new Map<string, string>();
  const file = (name: string) => {
    let text = files.get(name);
    if (text === undefined) {
      text = readFileSync(path.join(dir, name), 'utf8');
      files.set(name, text);
    }
    return text;
  };
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  app.use('*', async (c, next) => {
    const host = c.req.header('host');
    if (!loopbackHost(host)) return c.json({ error: 'This console answers on 127.0.0.1 only.' }, 403);
    return next();
  });

  // The printed URL: its token becomes the access cookie, then the token leaves the address bar.
  app.get('/', async (c, next) => {
    const token = c.req.query('token');
    if (token === undefined) return next();
    if (!secrets.accepts(token))
      return c.text('Wrong or old access token: use the URL that clerk-agent web printed.', 401);
    setCookie(c, ACCESS_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    return c.redirect('/', 303);
  });

  app.use('*', async (c, next) => {
    const presented = getCookie(c, ACCESS_COOKIE) ?? bearer(c.req.header('authorization'));
    if (!secrets.accepts(presented)) {
      return c.req.path.startsWith('/api/')
        ? c.json({ error: 'Not signed in: open the URL that clerk-agent web printed.' }, 401)
        : c.text('Not signed in: open the URL that clerk-agent web printed (it carries the access token).', 401);
    }
    const key = secrets.readIdentity(getCookie(c, IDENTITY_COOKIE));
    c.set('who', options.find((o) => o.key === key) ?? (options.length === 1 ? options[0] : undefined));
    return next();
  });

  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!sameOrigin(c.req.header('origin'), c.req.header('host'))) {
      return c.json({ error: 'Refused: the request came from another site.' }, 403);
    }
    if (c.req.header(CSRF_HEADER) !== secrets.csrfToken) {
      return c.json({ error: 'Refused: missing or wrong CSRF token (reload the page).' }, 403);
    }
    return next();
  });

  app.get('/', (c) => {
    const html = file('index.html').replace('__CSRF__', secrets.csrfToken);
    return c.html(html);
  });

  app.get('/assets/:name', (c) => {
    const name = c.req.param('name');
    const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!type) return c.text('Not found', 404);
    return c.body(file(name), 200, { 'content-type': type });
  });

  app.get('/api/me', (c) => {
    const who = c.get('who');
    return c.json({
      me: who ? { key: who.key, label: who.label } : null,
      options: options.map((o) => ({ key: o.key, label: o.label })),
      ...deps.info,
    });
  });

  app.post('/api/me', async (c) => {
    const body = await jsonBody(c);
    const chosen = options.find((o) => o.key === body?.key);
    if (!chosen) return c.json({ error: 'Unknown person: choose one of the names the policy lists.' }, 400);
    setCookie(c, IDENTITY_COOKIE, secrets.signIdentity(chosen.key), { httpOnly: true, sameSite: 'Strict', path: '/' });
    return c.json({ me: { key: chosen.key, label: chosen.label } });
  });

  app.get('/api/conversations', (c) =>
    c.json(hub.list().map((x) => ({ id: x.id, title: x.title, busy: x.busy, waiting: Boolean(x.runId) }))),
  );

  app.post('/api/conversations', (c) => {
    const who = c.get('who');
    if (!who) return whoFirst(c);
    const created = hub.create(who.identity);
    return c.json({ id: created.id, title: created.title }, 201);
  });

  app.get('/api/conversations/:id', (c) => {
    const found = hub.get(c.req.param('id'));
    if (!found) return c.json({ error: 'Unknown conversation.' }, 404);
    return c.json({ id: found.id, title: found.title, busy: found.busy, messages: found.messages });
  });

  app.post('/api/conversations/:id/messages', async (c) => {
    const who = c.get('who');
    if (!who) return whoFirst(c);
    const id = c.req.param('id');
    const conversation = hub.get(id);
    if (!conversation) return c.json({ error: 'Unknown conversation.' }, 404);
    const body = await jsonBody(c);
    const text = typeof body?.text === 'string' ? body.text : '';
    if (!text.trim()) return c.json({ error: 'Type a request first.' }, 400);
    if (conversation.busy || conversation.runId) {
      return c.json({ error: 'This conversation is busy or waiting for approvals.' }, 409);
    }
    return streamSSE(c, async (stream) => {
      const send = (m: WebMessage) => void stream.writeSSE({ event: 'message', data: JSON.stringify(m) });
      try {
        await hub.send(id, text, who.identity, send);
      } catch (error) {
        const message = error instanceof HubError ? error.message : `Something went wrong: ${firstLine(error)}`;
        await stream.writeSSE({ event: 'failure', data: JSON.stringify({ error: message }) });
      }
      await stream.writeSSE({ event: 'done', data: '{}' });
    });
  });

  app.get('/api/approvals', async (c) => c.json(await hub.pending()));

  app.get('/api/approvals/:id', async (c) => {
    const card = await hub.card(c.req.param('id'));
    return card ? c.json(card) : c.json({ error: 'Unknown change request.' }, 404);
  });

  app.post('/api/approvals/:id/decide', async (c) => {
    const who = c.get('who');
    if (!who) return whoFirst(c);
    const body = await jsonBody(c);
    if (typeof body?.approve !== 'boolean') return c.json({ error: 'Say approve: true or false.' }, 400);
    const reason = typeof body.reason === 'string' ? body.reason.slice(0, 500) : undefined;
    const argsDigest = typeof body.argsDigest === 'string' ? body.argsDigest : undefined;
    const result = await hub.decide(
      c.req.param('id'),
      { approve: body.approve, ...(reason ? { reason } : {}), ...(argsDigest ? { argsDigest } : {}) },
      who.identity,
    );
    return c.json(result, result.ok ? 200 : 409);
  });

  app.get('/api/audit', (c) => {
    const q = c.req.query();
    const rows = auditRows(deps.audit.entries(), {
      ...(q.person ? { person: q.person } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    });
    return c.json(rows);
  });

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      let closed = false;
      const unsubscribe = hub.subscribe((event) => {
        if (!closed) void stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
      });
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
      });
      while (!closed) {
        await stream.writeSSE({ event: 'ping', data: '{}' });
        await stream.sleep(15_000);
      }
    }),
  );

  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.onError((error, c) => {
    const status = error instanceof HubError ? error.status : 500;
    return c.json({ error: status === 500 ? `Internal error: ${firstLine(error)}` : error.message }, status);
  });
  return app;
}

function whoFirst(c: Context) {
  return c.json({ error: 'Choose who you are first (the menu at the top left).' }, 428);
}

async function jsonBody(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const body = await c.req.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'error';
}
