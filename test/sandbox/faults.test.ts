import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, demo } from './helpers.js';

const F = SEED_FACTS;

describe('fault injection', () => {
  it('429 with Retry-After for the given number of matching requests, then normal', async () => {
    const sb = demo();
    sb.faults.add({ method: 'GET', path: '/users', status: 429, retryAfterSeconds: 3, times: 2 });
    const r1 = await call(sb, 'GET', '/users');
    expect(r1.status).toBe(429);
    expect(r1.headers.get('retry-after')).toBe('3');
    expect(code(r1)).toBe('too_many_requests');
    expect((await call(sb, 'GET', '/users/count')).status).toBe(200);
    expect((await call(sb, 'GET', '/users')).status).toBe(429);
    expect((await call(sb, 'GET', '/users')).status).toBe(200);
  });

  it('matches {param} placeholders and the method; a faulted mutation changes nothing', async () => {
    const sb = demo();
    sb.faults.add({ method: 'POST', path: '/users/{user_id}/ban', status: 503, times: 1 });
    const before = sb.snapshot();
    expect((await call(sb, 'GET', `/users/${F.users.jane.id}`)).status).toBe(200);
    const r = await call(sb, 'POST', `/users/${F.users.jane.id}/ban`);
    expect(r.status).toBe(503);
    expect(code(r)).toBe('internal_clerk_error');
    expect(sb.snapshot()).toEqual(before);
    expect(sb.requests.at(-1)).toMatchObject({ method: 'POST', status: 503, mutating: false });
    expect((await call(sb, 'POST', `/users/${F.users.jane.id}/ban`)).body.banned).toBe(true);
  });

  it('exact paths match only that id; "*" matches any method; a leading /v1 is ignored', async () => {
    const sb = demo();
    sb.faults.add({ method: '*', path: `/v1/users/${F.users.bob.id}`, status: 500, times: 3 });
    expect((await call(sb, 'GET', `/users/${F.users.jane.id}`)).status).toBe(200);
    expect((await call(sb, 'GET', `/users/${F.users.bob.id}`)).status).toBe(500);
    expect((await call(sb, 'PATCH', `/users/${F.users.bob.id}`, { first_name: 'B' })).status).toBe(500);
    sb.faults.clear();
    expect((await call(sb, 'GET', `/users/${F.users.bob.id}`)).status).toBe(200);
  });

  it('latency alone delays the response and then runs the route', async () => {
    const sb = demo();
    sb.faults.add({ method: 'GET', path: '/organizations', latencyMs: 60, times: 1 });
    const t0 = Date.now();
    const r = await call(sb, 'GET', '/organizations');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);
    expect(r.status).toBe(200);
    expect(r.body.total_count).toBe(6);
  });

  it('faults apply before authentication, like a proxy in front of the API', async () => {
    const sb = demo();
    sb.faults.add({ method: 'GET', path: '/users', status: 429, times: 1 });
    const res = await sb.fetch('http://sandbox.local/v1/users');
    expect(res.status).toBe(429);
    expect((await sb.fetch('http://sandbox.local/v1/users')).status).toBe(401);
  });

  it('rejects malformed fault definitions with a message naming the field', () => {
    const sb = demo();
    expect(() => sb.faults.add({ method: 'GET', path: 'users', status: 429, times: 1 })).toThrow(/path/);
    expect(() => sb.faults.add({ method: 'GET', path: '/users', status: 429, times: 0 })).toThrow(/times/);
    expect(() => sb.faults.add({ method: 'GET', path: '/users', status: 200, times: 1 })).toThrow(/status/);
    expect(() => sb.faults.add({ method: 'GET', path: '/users', times: 1 })).toThrow(/latencyMs/);
  });
});
