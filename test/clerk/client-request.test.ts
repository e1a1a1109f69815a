import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../src/clerk/client.js';
import { InvalidArgumentError } from '../../src/clerk/errors.js';
import { createFakeFetch, json } from './fake-fetch.js';
import { banUser, createUser, deleteMembership, getUser, listUsers, revokeOrgInvitation } from './fixtures.js';

const KEY = 'sk_test_abcdefghijklmnop';

function client(fake: ReturnType<typeof createFakeFetch>, extra: Record<string, unknown> = {}) {
  return createClerkClient({
    secretKey: KEY,
    baseUrl: 'http://clerk.test/v1',
    fetch: fake.fetch,
    sleep: async () => {},
    ...extra,
  });
}

describe('createClerkClient: request shape', () => {
  it('sends the auth, version, accept and user-agent headers, and no content-type without a body', async () => {
    const fake = createFakeFetch(json({ id: 'user_1' }));
    await client(fake).execute(getUser, { user_id: 'user_1' });
    const h = fake.requests[0]!.headers;
    expect(h.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(h.get('clerk-api-version')).toBe('2026-05-12');
    expect(h.get('accept')).toBe('application/json');
    expect(h.get('user-agent')).toBe('clerk-admin-agent/0.1');
    expect(h.get('content-type')).toBeNull();
    expect(fake.requests[0]!.body).toBeUndefined();
  });

  it('lets the API version be configured', async () => {
    const fake = createFakeFetch(json([]));
    await client(fake, { apiVersion: '2025-11-10' }).execute(listUsers, {});
    expect(fake.requests[0]!.headers.get('clerk-api-version')).toBe('2025-11-10');
  });

  it('resolves with the parsed JSON body', async () => {
    const fake = createFakeFetch(json({ id: 'user_1', object: 'user' }));
    await expect(client(fake).execute(getUser, { user_id: 'user_1' })).resolves.toEqual({
      id: 'user_1',
      object: 'user',
    });
  });

  it('puts the base path before the action path and fills path params', async () => {
    const fake = createFakeFetch(json({}));
    await client(fake).execute(deleteMembership, { organization_id: 'org_1', user_id: 'user_2' });
    expect(fake.requests[0]!.method).toBe('DELETE');
    expect(fake.requests[0]!.rawPath).toBe('/v1/organizations/org_1/memberships/user_2');
    expect(fake.requests[0]!.url.search).toBe('');
  });

  it('repeats the key for query arrays and writes booleans and numbers plainly', async () => {
    const fake = createFakeFetch(json([]));
    await client(fake).execute(listUsers, { email_address: ['a@x.com', 'b+1@x.com'], limit: 25, banned: false });
    const url = fake.requests[0]!.url;
    expect(url.searchParams.getAll('email_address')).toEqual(['a@x.com', 'b+1@x.com']);
    expect(url.search).toContain('email_address=a%40x.com&email_address=b%2B1%40x.com');
    expect(url.searchParams.get('limit')).toBe('25');
    expect(url.searchParams.get('banned')).toBe('false');
    expect(url.search).not.toContain('%5B'); // no email_address[]
  });

  it('drops null and undefined args', async () => {
    const fake = createFakeFetch(json([]));
    await client(fake).execute(listUsers, { limit: undefined, banned: null, email_address: ['a@x.com'] });
    expect([...fake.requests[0]!.url.searchParams.keys()]).toEqual(['email_address']);
  });

  it('sends the non-path args of a POST as a JSON body with a content-type', async () => {
    const fake = createFakeFetch(json({ id: 'user_9' }));
    await client(fake).execute(createUser, { email_address: ['new@x.com'], first_name: 'New' });
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.rawPath).toBe('/v1/users');
    expect(req.url.search).toBe('');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(req.body).toEqual({ email_address: ['new@x.com'], first_name: 'New' });
  });

  it('sends no body when a write has only path params', async () => {
    const fake = createFakeFetch(json({ id: 'user_1', banned: true }));
    await client(fake).execute(banUser, { user_id: 'user_1' });
    expect(fake.requests[0]!.rawPath).toBe('/v1/users/user_1/ban');
    expect(fake.requests[0]!.body).toBeUndefined();
  });

  it('honours queryParams on a non-GET: those go to the query, the rest to the body', async () => {
    const fake = createFakeFetch(json({}));
    await client(fake).execute(revokeOrgInvitation, {
      organization_id: 'org_1',
      invitation_id: 'orginv_1',
      requesting_user_id: 'user_1',
      notify: true,
    });
    const req = fake.requests[0]!;
    expect(req.rawPath).toBe('/v1/organizations/org_1/invitations/orginv_1/revoke');
    expect(req.url.searchParams.get('notify')).toBe('true');
    expect(req.body).toEqual({ requesting_user_id: 'user_1' });
  });

  it('escapes path params that are safe but unusual', async () => {
    const fake = createFakeFetch(json({}));
    await client(fake).execute(getUser, { user_id: 'a b+c@d' });
    expect(fake.requests[0]!.rawPath).toBe('/v1/users/a%20b%2Bc%40d');
  });

  it('reports live only for sk_live_ keys and exposes the base URL without a trailing slash', () => {
    const fake = createFakeFetch(json({}));
    expect(createClerkClient({ secretKey: 'sk_live_x1234567', fetch: fake.fetch }).live).toBe(true);
    const test = createClerkClient({ secretKey: KEY, baseUrl: 'http://clerk.test/v1/', fetch: fake.fetch });
    expect(test.live).toBe(false);
    expect(test.baseUrl).toBe('http://clerk.test/v1');
    expect(createClerkClient({ secretKey: KEY, fetch: fake.fetch }).baseUrl).toBe('https://api.clerk.com/v1');
  });

  it('refuses a missing key or a malformed base URL at creation, naming the variable', () => {
    expect(() => createClerkClient({ secretKey: '' })).toThrow(/CLERK_SECRET_KEY/);
    expect(() => createClerkClient({ secretKey: KEY, baseUrl: 'not a url' })).toThrow(/CLERK_API_URL/);
    expect(() => createClerkClient({ secretKey: KEY, baseUrl: 'ftp://x/v1' })).toThrow(/CLERK_API_URL/);
  });
});

describe('createClerkClient: low-level request()', () => {
  it('sends method, path, query and body with the same headers', async () => {
    const fake = createFakeFetch(json({ total_count: 3 }));
    const out = await client(fake).request('get', '/users/count', { query: { email_address: ['a@x.com', 'b@x.com'] } });
    expect(out).toEqual({ total_count: 3 });
    const req = fake.requests[0]!;
    expect(req.method).toBe('GET');
    expect(req.rawPath).toBe('/v1/users/count');
    expect(req.url.search).toBe('?email_address=a%40x.com&email_address=b%40x.com');
    expect(req.headers.get('authorization')).toBe(`Bearer ${KEY}`);

    await client(fake).request('PATCH', '/users/user_1/metadata', { body: { public_metadata: { plan: 'pro' } } });
    expect(fake.requests[1]!.body).toEqual({ public_metadata: { plan: 'pro' } });
    expect(fake.requests[1]!.headers.get('content-type')).toBe('application/json');
  });

  it.each([
    '/users/../sessions',
    'users',
    '/users?x=1',
    '/users#a',
    '/users\\x',
    '/users//ban',
    '/users/%2e%2e/x',
    '/users/\n',
  ])('refuses the path %j without sending', async (path) => {
    const fake = createFakeFetch(json({}));
    await expect(client(fake).request('GET', path)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses an unknown method', async () => {
    const fake = createFakeFetch(json({}));
    await expect(client(fake).request('TRACE', '/users')).rejects.toThrow(/method must be one of/);
    expect(fake.requests).toHaveLength(0);
  });
});
