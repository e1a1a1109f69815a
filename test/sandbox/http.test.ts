import { request as httpRequest, Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, SEED_FACTS, serveSandbox, type Sandbox, type SandboxServer } from '../../src/sandbox/index.js';
import { NOW } from './helpers.js';

const F = SEED_FACTS;
const running: Array<{ sandbox: Sandbox; server: SandboxServer }> = [];

async function start(): Promise<{ sandbox: Sandbox; server: SandboxServer; auth: Record<string, string> }> {
  const sandbox = createSandbox({ now: () => NOW });
  const server = await serveSandbox(sandbox);
  running.push({ sandbox, server });
  return { sandbox, server, auth: { authorization: `Bearer ${sandbox.secretKey}` } };
}

afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.server.close();
    await r.sandbox.close();
  }
});

describe('serveSandbox over loopback HTTP', () => {
  it('listens on 127.0.0.1 on an ephemeral port and serves /v1', async () => {
    const { server, auth } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await fetch(`${server.url}/users?limit=2`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const users = (await res.json()) as Array<{ object: string }>;
    expect(users).toHaveLength(2);
    expect(users[0]!.object).toBe('user');
  });

  it('handles writes with JSON bodies, errors with the envelope, and repeated reads stay current', async () => {
    const { server, auth, sandbox } = await start();
    const headers = { ...auth, 'content-type': 'application/json' };
    const before = await (await fetch(`${server.url}/users/${F.users.jane.id}`, { headers })).json();
    await fetch(`${server.url}/users/${F.users.jane.id}`, { headers });
    expect((before as { banned: boolean }).banned).toBe(false);
    const ban = await fetch(`${server.url}/users/${F.users.jane.id}/ban`, { method: 'POST', headers });
    expect(ban.status).toBe(200);
    expect(
      ((await (await fetch(`${server.url}/users/${F.users.jane.id}`, { headers })).json()) as { banned: boolean })
        .banned,
    ).toBe(true);
    const bad = await fetch(`${server.url}/organizations`, { method: 'POST', headers, body: '{"name":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('request_body_invalid');
    const created = await fetch(`${server.url}/organizations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Über Co' }),
    });
    expect(((await created.json()) as { slug: string }).slug).toBe('uber-co');
    expect(sandbox.requests.filter((r) => r.mutating)).toHaveLength(2);
  });

  it('keeps connections alive across requests', async () => {
    const { server, auth } = await start();
    const url = new URL(server.url);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          { host: url.hostname, port: url.port, path: '/v1/users/count', headers: auth, agent },
          (res) => {
            sockets.add(res.socket);
            res.resume();
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end();
      });
    }
    agent.destroy();
    expect(sockets.size).toBe(1);
  });

  it('applies latency faults asynchronously without blocking other requests', async () => {
    const { server, auth, sandbox } = await start();
    // Far longer than any request takes: the other request must finish while this one is still pending.
    sandbox.faults.add({ method: 'GET', path: '/organizations', latencyMs: 5_000, times: 1 });
    const abort = new AbortController();
    let slowSettled = false;
    const slow = fetch(`${server.url}/organizations`, { headers: auth, signal: abort.signal }).finally(() => {
      slowSettled = true;
    });
    const fast = await fetch(`${server.url}/users/count`, { headers: auth });
    expect(fast.status).toBe(200);
    expect(slowSettled).toBe(false);
    abort.abort();
    await slow.catch(() => undefined);
  });

  /** POST `size` bytes to /v1/users with a declared length or chunked; resolves with the status and body. */
  function postRaw(
    url: string,
    key: string,
    size: number,
    chunked: boolean,
  ): Promise<{ status: number; body: string }> {
    const target = new URL(`${url}/users`);
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
      };
      if (!chunked) headers['content-length'] = size;
      const req = httpRequest(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
        (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      // The server may close after answering while we still send: only an error before any answer counts.
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          const n = Math.min(chunk.length, size - sent);
          sent += n;
          if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
  }

  for (const chunked of [false, true]) {
    it(`answers an oversized body (${chunked ? 'chunked' : 'with Content-Length'}) with 413 and keeps answering`, async () => {
      const { server, auth, sandbox } = await start();
      const res = await postRaw(server.url, sandbox.secretKey, 3 * 1024 * 1024, chunked);
      expect(res.status).toBe(413);
      const body = JSON.parse(res.body) as { errors: Array<{ code: string; long_message: string }> };
      expect(body.errors[0]!.code).toBe('request_body_too_large');
      expect(body.errors[0]!.long_message).toContain('1048576 bytes');
      const after = await fetch(`${server.url}/users/count`, { headers: auth });
      expect(after.status).toBe(200);
      expect(sandbox.requests.filter((r) => r.mutating)).toHaveLength(0);
    });
  }

  it('close() stops listening', async () => {
    const { server, sandbox } = await start();
    running.pop();
    await server.close();
    await sandbox.close();
    await expect(fetch(`${server.url}/users`)).rejects.toThrow();
  });
});
