/**
 * The console's HTTP API in-process (the Hono app as a fetch handler) over the real app: access token and cookie,
 * CSRF, wrong origin, unknown conversation and request, identities from the policy, a chat turn that pauses on
 * a card, decisions under four-eyes, and the headers that keep hostile data inert.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { createConsole } from '../../../src/interfaces/web/start.js';
import { createTestApp } from './support.js';

const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function console_(options: { team?: boolean } = {}) {
  const app = await createTestApp(options);
  apps.push(app);
  const { hub, secrets, web } = createConsole(app, { token: 'test-token-123' });
  const base = 'http://127.0.0.1:4780';
  let cookies: Record<string, string> = {};
  const request = async (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
  ) => {
    const headers: Record<string, string> = { host: '127.0.0.1:4780', ...init.headers };
    if (init.auth !== false) {
      const jar = { clerk_agent_access: 'test-token-123', ...cookies };
      headers.cookie = Object.entries(jar)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
    }
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await web.fetch(
      new Request(base + path, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      }),
    );
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      cookies = { ...cookies, [k!]: v! };
    }
    return res;
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request('POST', path, { body, headers: { 'x-csrf-token': secrets.csrfToken, ...headers } });
  const as = async (key: string) => {
    const res = await post('/api/me', { key });
    expect(res.status).toBe(200);
  };
  return { app, hub, web, secrets, request, post, as, resetCookies: () => (cookies = {}) };
}

/** Reads an SSE body into its message events. */
async function events(res: Response): Promise<Array<{ role: string; text: string; requestId?: string }>> {
  const text = await res.text();
  return [...text.matchAll(/event: message\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!));
}

describe('web console: access', () => {
  it('refuses every request without the access token, reads included', async () => {
    const c = await console_();
    for (const path of ['/', '/api/me', '/api/audit', '/api/approvals', '/api/conversations', '/assets/app.js']) {
      expect((await c.request('GET', path, { auth: false })).status, path).toBe(401);
    }
  });

  it('turns the printed token into an HttpOnly cookie and refuses a wrong token', async () => {
    const c = await console_();
    const wrong = await c.request('GET', '/?token=nope', { auth: false });
    expect(wrong.status).toBe(401);
    const right = await c.request('GET', '/?token=test-token-123', { auth: false });
    expect(right.status).toBe(303);
    expect(right.headers.get('set-cookie')).toMatch(/clerk_agent_access=test-token-123; .*HttpOnly/i);
  });

  it('refuses state changes without the CSRF token or from another origin', async () => {
    const c = await console_();
    const noCsrf = await c.request('POST', '/api/conversations', { body: {} });
    expect(noCsrf.status).toBe(403);
    const foreign = await c.post('/api/conversations', {}, { origin: 'https://evil.test' });
    expect(foreign.status).toBe(403);
    const ok = await c.post('/api/conversations', {}, { origin: 'http://127.0.0.1:4780' });
    expect(ok.status).toBe(201);
  });

  it('answers only on a loopback Host (DNS rebinding)', async () => {
    const c = await console_();
    const res = await c.request('GET', '/api/me', { headers: { host: 'evil.test' } });
    expect(res.status).toBe(403);
  });

  it('sends a CSP that forbids inline script, and the page has none', async () => {
    const c = await console_();
    const res = await c.request('GET', '/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('answers 404 for an unknown conversation or change request', async () => {
    const c = await console_();
    expect((await c.request('GET', '/api/conversations/c_nope')).status).toBe(404);
    expect((await c.post('/api/conversations/c_nope/messages', { text: 'hi' })).status).toBe(404);
    expect((await c.request('GET', '/api/approvals/cr_nope')).status).toBe(404);
    const decided = await c.post('/api/approvals/cr_nope/decide', { approve: true });
    expect(decided.status).toBe(409);
  });
});

describe('web console: the team flow', () => {
  it('needs a chosen identity when the policy names several, and refuses an unknown one', async () => {
    const c = await console_({ team: true });
    expect((await c.post('/api/conversations', {})).status).toBe(428);
    expect((await c.post('/api/me', { key: 'mallory' })).status).toBe(400);
    const forged = await c.request('POST', '/api/conversations', {
      body: {},
      headers: {
        'x-csrf-token': c.secrets.csrfToken,
        cookie: 'clerk_agent_access=test-token-123; clerk_agent_who=YWxpY2U.forged',
      },
      auth: false,
    });
    expect(forged.status).toBe(428);
  });

  it('pauses on a card, refuses the requester under four-eyes, and executes once when the other approves', async () => {
    const c = await console_({ team: true });
    await c.as('alice');
    const { id } = (await (await c.post('/api/conversations', {})).json()) as { id: string };
    const streamed = await events(
      await c.post(`/api/conversations/${id}/messages`, { text: 'delete noah@example.com' }),
    );
    const card = streamed.find((m) => m.role === 'card');
    if (!card) throw new Error(JSON.stringify(streamed));
    expect(card.requestId).toMatch(/^cr_/);
    const before = c.app.sandbox!.requests.filter((r) => r.method === 'DELETE').length;

    const own = await c.post(`/api/approvals/${card!.requestId}/decide`, { approve: true });
    expect(own.status).toBe(409);
    const ownBody = (await own.json()) as { message?: string; error?: string };
    expect(ownBody.message ?? JSON.stringify(ownBody)).toMatch(/own|four-eyes|self/i);
    expect(c.app.sandbox!.requests.filter((r) => r.method === 'DELETE').length).toBe(before);

    await c.as('bob');
    const inbox = (await (await c.request('GET', '/api/approvals')).json()) as Array<{ id: string; requester: string }>;
    expect(inbox.map((x) => x.id)).toContain(card!.requestId);
    const approved = await c.post(`/api/approvals/${card!.requestId}/decide`, { approve: true });
    expect(approved.status).toBe(200);
    expect(c.app.sandbox!.requests.filter((r) => r.method === 'DELETE').length).toBe(before + 1);
    const again = await c.post(`/api/approvals/${card!.requestId}/decide`, { approve: true });
    expect(again.status).toBe(409);
    expect(c.app.sandbox!.requests.filter((r) => r.method === 'DELETE').length).toBe(before + 1);

    const convo = (await (await c.request('GET', `/api/conversations/${id}`)).json()) as {
      messages: Array<{ role: string; text: string }>;
    };
    expect(
      convo.messages.some((m) => m.role === 'summary' && /Done/i.test(m.text)),
      JSON.stringify(convo.messages),
    ).toBe(true);
    const audit = (await (await c.request('GET', '/api/audit?outcome=executed')).json()) as Array<{
      action: string;
      approver: string;
      requester: string;
    }>;
    expect(audit[0]).toMatchObject({ action: 'clerk_user_delete', approver: 'web:bob', requester: 'web:alice' });
  });

  it('approves a change another front end raised (an MCP client), and it runs once', async () => {
    const c = await console_({ team: true });
    const [jane] = (await c.app.clerk.request('GET', '/users', {
      query: { email_address: ['jane@example.com'] },
    })) as Array<{
      id: string;
    }>;
    const request = await c.app.approvals.submitCall({
      action: 'clerk_user_ban',
      args: { user_id: jane!.id },
      requester: { via: 'mcp', id: 'claude-code', name: 'Claude Code' },
      conversationId: 'mcp-session',
    });
    await c.as('bob');
    const inbox = (await (await c.request('GET', '/api/approvals')).json()) as Array<{ id: string; requester: string }>;
    expect(inbox.find((x) => x.id === request.id)?.requester).toBe('Claude Code (mcp:claude-code)');
    const bans = () => c.app.sandbox!.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/ban')).length;
    const before = bans();
    const approved = await c.post(`/api/approvals/${request.id}/decide`, { approve: true });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { status: string }).status).toBe('executed');
    expect(bans()).toBe(before + 1);
  });
});

describe('web console: decisions made elsewhere', () => {
  it('a decision made outside the console reaches the conversation and the live updates through the poll', async () => {
    const c = await console_({ team: true });
    await c.as('alice');
    const { id } = (await (await c.post('/api/conversations', {})).json()) as { id: string };
    const streamed = await events(await c.post(`/api/conversations/${id}/messages`, { text: 'ban jane@example.com' }));
    const requestId = streamed.find((m) => m.role === 'card')?.requestId;
    expect(requestId).toMatch(/^cr_/);
    const seen: Array<{ type: string; requestId?: string }> = [];
    c.hub.subscribe((e) => seen.push(e as { type: string; requestId?: string }));

    // Bob approves with `clerk-agent approvals approve` (the queue directly, not this console).
    const bob = { via: 'web' as const, id: 'bob', name: 'Bob' };
    expect((await c.app.approvals.decide(requestId!, { approve: true }, bob)).ok).toBe(true);
    const bans = () => c.app.sandbox!.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/ban')).length;
    const before = bans();
    await c.hub.tick();
    expect(bans()).toBe(before + 1);
    expect(seen.some((e) => e.type === 'requests' && e.requestId === requestId)).toBe(true);
    const convo = (await (await c.request('GET', `/api/conversations/${id}`)).json()) as {
      messages: Array<{ role: string; text: string }>;
    };
    expect(convo.messages.some((m) => m.role === 'summary' && /Done: 1 change/.test(m.text))).toBe(true);
    await c.hub.tick();
    expect(bans()).toBe(before + 1);
  });
});
