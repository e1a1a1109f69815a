import { describe, expect, it } from 'vitest';
import { allActions } from '../../src/actions/index.js';
import { createClerkClient } from '../../src/clerk/client.js';
import { ClerkApiError, InvalidArgumentError } from '../../src/clerk/errors.js';
import { dotted } from '../../src/clerk/execution-plans.js';
import { clerkError, createFakeFetch, json, type Reply } from './fake-fetch.js';
import { getDomain, getMembership, updateUser } from './fixtures.js';

function setup(...replies: Reply[]) {
  const fake = createFakeFetch(...replies);
  const client = createClerkClient({
    secretKey: 'sk_test_plans1234',
    baseUrl: 'http://clerk.test/v1',
    fetch: fake.fetch,
    sleep: async () => {},
  });
  return { client, fake };
}

const membership = (userId: string, role = 'org:member') => ({
  object: 'organization_membership',
  id: `orgmem_${userId}`,
  role,
  public_user_data: { user_id: userId },
});
const byName = (name: string) => {
  const action = allActions.find((a) => a.name === name);
  if (!action) throw new Error(`registry has no ${name}`);
  return action;
};

describe('pick_from_list', () => {
  it('GETs the list with listQuery from args and returns the matching element of {data}', async () => {
    const { client, fake } = setup(
      json({ data: [membership('user_other'), membership('user_2', 'org:admin')], total_count: 2 }),
    );
    const out = await client.execute(getMembership, { organization_id: 'org_1', user_id: 'user_2' });
    expect(out).toEqual(membership('user_2', 'org:admin'));
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.method).toBe('GET');
    expect(fake.requests[0]!.rawPath).toBe('/v1/organizations/org_1/memberships');
    expect(fake.requests[0]!.url.search).toBe('?user_id=user_2');
  });

  it('handles a bare array list', async () => {
    const { client } = setup(
      json([
        { id: 'dmn_1', name: 'example.com' },
        { id: 'dmn_2', name: 'blog.example.com' },
      ]),
    );
    await expect(client.execute(getDomain, { domain_id: 'dmn_2' })).resolves.toEqual({
      id: 'dmn_2',
      name: 'blog.example.com',
    });
  });

  it('throws a Clerk-shaped 404 resource_not_found when nothing matches', async () => {
    const { client, fake } = setup(json({ data: [membership('user_other')], total_count: 1 }));
    const error = await client
      .execute(getMembership, { organization_id: 'org_1', user_id: 'user_2' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkApiError);
    const e = error as ClerkApiError;
    expect(e.status).toBe(404);
    expect(e.code).toBe('resource_not_found');
    expect(e.message).toContain('user_2');
    expect(e.method).toBe('GET');
    expect(e.path).toBe('/organizations/org_1/memberships');
    expect(e.meta).toEqual({ param_name: 'user_id' });
    expect(e.errors[0]).toMatchObject({ code: 'resource_not_found', message: 'not found' });
    expect(fake.requests).toHaveLength(1);
  });

  it('does not match on a nested field that is missing, or on a different type', async () => {
    const { client } = setup(
      json({ data: [{ id: 'x' }, { public_user_data: null }, { public_user_data: { user_id: 2 } }] }),
    );
    await expect(client.execute(getMembership, { organization_id: 'org_1', user_id: '2' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("passes the list call's own Clerk error through (e.g. unknown organization)", async () => {
    const { client } = setup(clerkError(404, 'resource_not_found', 'not found', 'Given organization not found.'));
    await expect(client.execute(getMembership, { organization_id: 'org_x', user_id: 'user_2' })).rejects.toMatchObject({
      status: 404,
      message: 'Given organization not found.',
    });
  });

  it('retries the list read like any read', async () => {
    const { client, fake } = setup(
      clerkError(500, 'internal_clerk_error', 'x', 'y'),
      json({ data: [membership('user_2')] }),
    );
    await expect(client.execute(getMembership, { organization_id: 'org_1', user_id: 'user_2' })).resolves.toMatchObject(
      { id: 'orgmem_user_2' },
    );
    expect(fake.requests).toHaveLength(2);
  });

  it("works for the registry's clerk_org_membership_get and clerk_domain_get", async () => {
    const m = setup(json({ data: [membership('user_2')] }));
    await expect(
      m.client.execute(byName('clerk_org_membership_get'), { organization_id: 'org_1', user_id: 'user_2' }),
    ).resolves.toMatchObject({ id: 'orgmem_user_2' });
    expect(m.fake.requests[0]!.url.pathname).toBe('/v1/organizations/org_1/memberships');
    expect(m.fake.requests[0]!.url.searchParams.get('user_id')).toBe('user_2');

    const d = setup(json({ data: [{ id: 'dmn_1' }], total_count: 1 }));
    await expect(d.client.execute(byName('clerk_domain_get'), { domain_id: 'dmn_9' })).rejects.toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
    expect(d.fake.requests[0]!.url.pathname).toBe('/v1/domains');
  });

  it('dotted() reads nested own fields only', () => {
    expect(dotted({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(dotted({ a: null }, 'a.b')).toBeUndefined();
    expect(dotted({}, 'constructor')).toBeUndefined();
  });
});

describe('split_metadata', () => {
  it('sends plain fields to PATCH path and metadata to PATCH path/metadata, returning the last answer', async () => {
    const { client, fake } = setup(
      json({ id: 'user_1', first_name: 'Jane' }),
      json({ id: 'user_1', first_name: 'Jane', public_metadata: { plan: 'pro' } }),
    );
    const out = await client.execute(updateUser, {
      user_id: 'user_1',
      first_name: 'Jane',
      public_metadata: { plan: 'pro' },
      private_metadata: { note: null },
    });
    expect(fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([
      'PATCH /v1/users/user_1',
      'PATCH /v1/users/user_1/metadata',
    ]);
    expect(fake.requests[0]!.body).toEqual({ first_name: 'Jane' });
    expect(fake.requests[1]!.body).toEqual({ public_metadata: { plan: 'pro' }, private_metadata: { note: null } });
    expect(out).toEqual({ id: 'user_1', first_name: 'Jane', public_metadata: { plan: 'pro' } });
  });

  it('sends one request when only metadata changes', async () => {
    const { client, fake } = setup(json({ id: 'user_1' }));
    await client.execute(updateUser, { user_id: 'user_1', public_metadata: { plan: 'pro' } });
    expect(fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual(['PATCH /v1/users/user_1/metadata']);
    expect(fake.requests[0]!.body).toEqual({ public_metadata: { plan: 'pro' } });
  });

  it('sends one request when no metadata changes', async () => {
    const { client, fake } = setup(json({ id: 'user_1' }));
    await client.execute(updateUser, { user_id: 'user_1', last_name: 'Doe' });
    expect(fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual(['PATCH /v1/users/user_1']);
  });

  it('refuses an update with nothing to change, without sending', async () => {
    const { client, fake } = setup(json({}));
    await expect(client.execute(updateUser, { user_id: 'user_1' })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(fake.requests).toHaveLength(0);
  });

  it('says the plain fields were already updated when the metadata PATCH fails, and never retries', async () => {
    const { client, fake } = setup(
      json({ id: 'user_1' }),
      clerkError(500, 'internal_clerk_error', 'Oops', 'internal error'),
    );
    const error = await client
      .execute(updateUser, { user_id: 'user_1', first_name: 'J', public_metadata: { a: 1 } })
      .catch((e: unknown) => e);
    expect((error as ClerkApiError).status).toBe(500);
    expect((error as Error).message).toContain('first_name, were already updated by PATCH /users/user_1');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not send the metadata PATCH when the plain PATCH fails', async () => {
    const { client, fake } = setup(clerkError(422, 'form_param_format_invalid', 'x', 'username is invalid'));
    await expect(
      client.execute(updateUser, { user_id: 'user_1', first_name: 'J', public_metadata: { a: 1 } }),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.requests).toHaveLength(1);
  });

  it("works for the registry's clerk_user_update and clerk_organization_update", async () => {
    const u = setup(json({}));
    await u.client.execute(byName('clerk_user_update'), {
      user_id: 'user_1',
      first_name: 'Jane',
      public_metadata: { plan: 'pro' },
    });
    expect(u.fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([
      'PATCH /v1/users/user_1',
      'PATCH /v1/users/user_1/metadata',
    ]);
    expect(u.fake.requests[1]!.body).toEqual({ public_metadata: { plan: 'pro' } });

    const o = setup(json({}));
    await o.client.execute(byName('clerk_organization_update'), {
      organization_id: 'org_1',
      public_metadata: { tier: 'gold' },
    });
    expect(o.fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual(['PATCH /v1/organizations/org_1/metadata']);
  });
});
