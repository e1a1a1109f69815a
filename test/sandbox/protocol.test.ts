import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, demo } from './helpers.js';

const F = SEED_FACTS;

async function raw(sb: ReturnType<typeof demo>, path: string, init: RequestInit = {}) {
  const res = await sb.fetch(`http://sandbox.local${path}`, init);
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

describe('authentication', () => {
  it('needs Authorization: Bearer sk_test_…; each failure has its catalog code', async () => {
    const sb = demo();
    const none = await raw(sb, '/v1/users');
    expect(none.status).toBe(401);
    expect(none.body.errors[0].code).toBe('authentication_invalid');
    const basic = await raw(sb, '/v1/users', { headers: { authorization: 'Basic abc' } });
    expect(basic.body.errors[0].code).toBe('authorization_header_format_invalid');
    const live = await raw(sb, '/v1/users', { headers: { authorization: 'Bearer sk_live_abcdefgh' } });
    expect(live.status).toBe(401);
    expect(live.body.errors[0].code).toBe('clerk_key_invalid');
    expect(JSON.stringify(live.body)).not.toContain('sk_live_abcdefgh');
    const other = await raw(sb, '/v1/users?limit=1', { headers: { authorization: 'Bearer sk_test_someOtherTestKey' } });
    expect(other.status).toBe(200);
    expect(sb.secretKey).toMatch(/^sk_test_sandbox/);
  });

  it('refuses mutations without a key and leaves state unchanged', async () => {
    const sb = demo();
    const before = sb.snapshot();
    const r = await raw(sb, `/v1/users/${F.users.jane.id}/ban`, { method: 'POST' });
    expect(r.status).toBe(401);
    expect(sb.snapshot()).toEqual(before);
    expect(sb.requests.at(-1)).toMatchObject({ method: 'POST', status: 401, mutating: false });
  });
});

describe('API version', () => {
  it('accepts known versions by header or query, rejects unknown ones and both at once', async () => {
    const sb = demo();
    expect((await call(sb, 'GET', '/users?limit=1', undefined, { 'clerk-api-version': '2026-05-12' })).status).toBe(
      200,
    );
    expect((await call(sb, 'GET', '/users?limit=1&__clerk_api_version=2025-04-10')).status).toBe(200);
    const bad = await call(sb, 'GET', '/users', undefined, { 'clerk-api-version': '2099-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].long_message).toContain('2026-05-12');
    expect(
      (await call(sb, 'GET', '/users?__clerk_api_version=2025-04-10', undefined, { 'clerk-api-version': '2025-04-10' }))
        .status,
    ).toBe(400);
  });
});

describe('routing', () => {
  it('404s unknown paths and paths outside /v1 in the Clerk envelope', async () => {
    const sb = demo();
    const unknown = await call(sb, 'GET', '/widgets');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      errors: [
        {
          code: 'resource_not_found',
          message: expect.any(String),
          long_message: expect.stringContaining('/v1/widgets'),
        },
      ],
      clerk_trace_id: expect.any(String),
    });
    const outside = await raw(sb, '/users', { headers: { authorization: `Bearer ${sb.secretKey}` } });
    expect(outside.status).toBe(404);
  });

  it('405s a known path with the wrong method and says which methods exist', async () => {
    const sb = demo();
    const r = await call(sb, 'PUT', '/users');
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, POST');
    expect(code(r)).toBe('method_not_allowed');
    expect(
      (await call(sb, 'GET', `/organizations/${F.organizations.acme.id}/memberships/${F.users.jane.id}`)).status,
    ).toBe(405);
  });

  it('decodes path params and prefers literal segments (/users/count is not a user id)', async () => {
    const sb = demo();
    expect((await call(sb, 'GET', '/users/count')).body.object).toBe('total_count');
    expect((await call(sb, 'GET', `/users/${encodeURIComponent(F.users.jane.id)}`)).body.id).toBe(F.users.jane.id);
    expect((await call(sb, 'GET', '/users/%E0%A4%A')).status).toBe(404);
  });

  it('accepts a bare path, a URL object and a Request', async () => {
    const sb = demo();
    const headers = { authorization: `Bearer ${sb.secretKey}` };
    expect((await sb.fetch('/v1/users?limit=1', { headers })).status).toBe(200);
    expect((await sb.fetch(new URL('http://any.host/v1/users?limit=1'), { headers })).status).toBe(200);
    const req = new Request('http://sandbox.local/v1/users', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ email_address: ['req@x.test'] }),
    });
    expect((await sb.fetch(req)).status).toBe(200);
  });
});

describe('bad input leaves state unchanged', () => {
  const cases: Array<[string, string, string, unknown, number, string]> = [
    ['malformed JSON', 'POST', '/users', '{"email_address": [', 400, 'request_body_invalid'],
    ['JSON array body', 'POST', '/organizations', '[1,2]', 400, 'request_body_invalid'],
    ['JSON null body', 'POST', '/allowlist_identifiers', 'null', 400, 'request_body_invalid'],
    ['unknown field', 'POST', '/organizations', { name: 'X', colour: 'red' }, 422, 'form_param_unknown'],
    ['missing required field', 'POST', '/jwt_templates', { name: 'x' }, 422, 'form_param_missing'],
    ['wrong type', 'POST', '/organizations', { name: 123 }, 422, 'form_param_value_invalid'],
    ['wrong array item type', 'POST', '/users', { email_address: [1] }, 422, 'form_param_value_invalid'],
    [
      'metadata not an object',
      'POST',
      '/users',
      { email_address: ['a@b.test'], public_metadata: [] },
      422,
      'form_param_value_invalid',
    ],
    ['unknown id', 'POST', '/users/user_nope/lock', undefined, 404, 'resource_not_found'],
    ['unknown route', 'POST', '/users/user_x/bulk_delete', {}, 404, 'resource_not_found'],
    ['wrong method', 'DELETE', '/sessions', undefined, 405, 'method_not_allowed'],
    ['limit out of range', 'GET', '/organizations?limit=9999', undefined, 422, 'form_param_value_too_large'],
    [
      'metadata on PATCH user',
      'PATCH',
      `/users/${F.users.jane.id}`,
      { unsafe_metadata: {} },
      422,
      'form_param_unknown',
    ],
  ];
  for (const [name, method, path, body, status, expected] of cases) {
    it(`${name}: ${status} ${expected}`, async () => {
      const sb = demo();
      const before = sb.snapshot();
      const r = await call(sb, method, path, body);
      expect(r.status).toBe(status);
      expect(code(r)).toBe(expected);
      expect(r.body.errors[0]).toEqual(
        expect.objectContaining({ code: expected, message: expect.any(String), long_message: expect.any(String) }),
      );
      expect(sb.snapshot()).toEqual(before);
      expect(sb.requests.at(-1)).toMatchObject({ method, status, mutating: false });
    });
  }
});

describe('request log', () => {
  it('records method, path relative to /v1, status, route and whether state changed', async () => {
    const sb = demo();
    await call(sb, 'GET', '/users?limit=2');
    await call(sb, 'POST', `/users/${F.users.jane.id}/ban`);
    expect(sb.requests).toEqual([
      { method: 'GET', path: '/users', query: 'limit=2', status: 200, mutating: false, route: '/users' },
      {
        method: 'POST',
        path: `/users/${F.users.jane.id}/ban`,
        query: '',
        status: 200,
        mutating: true,
        route: '/users/{user_id}/ban',
      },
    ]);
  });

  it('a read after a write sees the write (no stale cached body)', async () => {
    const sb = demo();
    const first = (await call(sb, 'GET', `/users/${F.users.jane.id}`)).body;
    await call(sb, 'GET', `/users/${F.users.jane.id}`);
    expect(first.banned).toBe(false);
    await call(sb, 'POST', `/users/${F.users.jane.id}/ban`);
    expect((await call(sb, 'GET', `/users/${F.users.jane.id}`)).body.banned).toBe(true);
    await call(sb, 'GET', '/users?limit=3');
    await call(sb, 'GET', '/users?limit=3');
    const created = (await call(sb, 'POST', '/users', { email_address: ['newest@x.test'] })).body;
    expect((await call(sb, 'GET', '/users?limit=3')).body[0].id).toBe(created.id);
  });

  it('snapshot() is a deep copy', async () => {
    const sb = demo();
    const snap = sb.snapshot();
    snap.users[0]!.first_name = 'Tampered';
    snap.organizations.length = 0;
    expect(sb.snapshot().users[0]!.first_name).not.toBe('Tampered');
    expect((await call(sb, 'GET', '/organizations')).body.total_count).toBe(6);
  });
});
