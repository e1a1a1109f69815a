/**
 * Our Clerk client against the sandbox served on 127.0.0.1 over real HTTP (real fetch, real sockets): the same
 * code path a real Clerk instance would see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/actions/define-action.js';
import { allActions } from '../../src/actions/index.js';
import { createClerkClient } from '../../src/clerk/client.js';
import { ClerkApiError } from '../../src/clerk/errors.js';
import type { ClerkClient } from '../../src/clerk/types.js';
import { createSandbox, serveSandbox, type Sandbox } from '../../src/sandbox/index.js';

type User = {
  id: string;
  first_name: string | null;
  last_name: string | null;
  banned: boolean;
  public_metadata: Record<string, unknown>;
  email_addresses: Array<{ email_address: string }>;
};

const action = (name: string): Action => {
  const found = allActions.find((a) => a.name === name);
  if (!found) throw new Error(`registry has no ${name}`);
  return found;
};

let sandbox: Sandbox;
let served: { url: string; close(): Promise<void> };
let clerk: ClerkClient;

beforeAll(async () => {
  sandbox = createSandbox({ seed: 'demo' });
  served = await serveSandbox(sandbox, { port: 0, host: '127.0.0.1' });
  clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: served.url });
});

afterAll(async () => {
  await served.close();
  await sandbox.close();
});

async function jane(): Promise<User> {
  const users = (await clerk.execute(action('clerk_users_list'), { email_address: ['jane@example.com'] })) as User[];
  expect(users).toHaveLength(1);
  return users[0]!;
}

describe('Clerk client ↔ sandbox over real HTTP', () => {
  it('serves on 127.0.0.1 with an ephemeral port', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('lists users with an email filter (repeated keys) and gets one by id', async () => {
    const j = await jane();
    expect(j.first_name).toBe('Jane');
    expect(j.email_addresses.map((e) => e.email_address)).toContain('jane@example.com');
    const two = (await clerk.execute(action('clerk_users_list'), {
      email_address: ['jane@example.com', 'bob@globex.test'],
    })) as User[];
    expect(two.map((u) => u.email_addresses[0]?.email_address).sort()).toEqual(['bob@globex.test', 'jane@example.com']);
    const got = (await clerk.execute(action('clerk_user_get'), { user_id: j.id })) as User;
    expect(got.id).toBe(j.id);
  });

  it('creates a user, then updates name and metadata through split_metadata (two PATCHes)', async () => {
    const created = (await clerk.execute(action('clerk_user_create'), {
      email_address: ['http.test@example.com'],
      first_name: 'Http',
      last_name: 'Test',
      skip_password_requirement: true,
    })) as User;
    expect(created.id).toMatch(/^user_/);
    expect(created.first_name).toBe('Http');

    const before = sandbox.requests.length;
    const updated = (await clerk.execute(action('clerk_user_update'), {
      user_id: created.id,
      first_name: 'Httpx',
      public_metadata: { plan: 'pro' },
    })) as User;
    expect(updated.first_name).toBe('Httpx');
    expect(updated.public_metadata).toEqual({ plan: 'pro' });
    expect(sandbox.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `PATCH /users/${created.id} 200`,
      `PATCH /users/${created.id}/metadata 200`,
    ]);

    const metaOnly = (await clerk.execute(action('clerk_user_update'), {
      user_id: created.id,
      public_metadata: { seats: 3 },
    })) as User;
    expect(metaOnly.public_metadata).toEqual({ plan: 'pro', seats: 3 });
  });

  it('bans a user', async () => {
    const bob = (
      (await clerk.execute(action('clerk_users_list'), { email_address: ['bob@globex.test'] })) as User[]
    )[0]!;
    const banned = (await clerk.execute(action('clerk_user_ban'), { user_id: bob.id })) as User;
    expect(banned.banned).toBe(true);
  });

  it('gets an org membership through pick_from_list, and 404s for a non-member', async () => {
    const j = await jane();
    const acme = (await clerk.request('GET', '/organizations/acme')) as { id: string; name: string };
    expect(acme.name).toBe('Acme Inc');
    const membership = (await clerk.execute(action('clerk_org_membership_get'), {
      organization_id: acme.id,
      user_id: j.id,
    })) as {
      role: string;
      public_user_data: { user_id: string };
    };
    expect(membership.public_user_data.user_id).toBe(j.id);
    expect(membership.role).toMatch(/^org:/);

    const bob = (
      (await clerk.execute(action('clerk_users_list'), { email_address: ['bob@globex.test'] })) as User[]
    )[0]!;
    await expect(
      clerk.execute(action('clerk_org_membership_get'), { organization_id: acme.id, user_id: bob.id }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
  });

  it('gets a domain through pick_from_list', async () => {
    const list = (await clerk.execute(action('clerk_domains_list'), {})) as {
      data: Array<{ id: string; name: string }>;
    };
    const blog = list.data.find((d) => d.name === 'blog.example.com');
    expect(blog).toBeDefined();
    const got = (await clerk.execute(action('clerk_domain_get'), { domain_id: blog!.id })) as {
      id: string;
      name: string;
    };
    expect(got).toMatchObject({ id: blog!.id, name: 'blog.example.com' });
  });

  it('turns a sandbox 404 into ClerkApiError resource_not_found with method and path', async () => {
    const error = await clerk
      .execute(action('clerk_user_get'), { user_id: 'user_doesnotexist' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'resource_not_found',
      method: 'GET',
      path: '/users/user_doesnotexist',
    });
  });

  it('turns a wrong key into a 401 ClerkApiError that points at CLERK_SECRET_KEY without echoing the key', async () => {
    const wrong = createClerkClient({ secretKey: 'sk_live_wrongwrongwrong123', baseUrl: served.url });
    const error = (await wrong.execute(action('clerk_users_list'), {}).catch((e: unknown) => e)) as ClerkApiError;
    expect(error).toBeInstanceOf(ClerkApiError);
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/CLERK_SECRET_KEY/);
    expect(String(error)).not.toContain('sk_');
  });

  it('retries a read on an injected 429 but sends a write once (sandbox faults, real HTTP)', async () => {
    const sleeps: number[] = [];
    const sent: string[] = [];
    // Real fetch over the socket; the wrapper only counts what leaves the client.
    const counting: typeof fetch = (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    };
    const quick = createClerkClient({
      secretKey: sandbox.secretKey,
      baseUrl: served.url,
      fetch: counting,
      sleep: async (ms) => void sleeps.push(ms),
    });
    const j = await jane();

    sandbox.faults.add({ method: 'GET', path: '/users/{user_id}', status: 429, retryAfterSeconds: 2, times: 1 });
    await expect(quick.execute(action('clerk_user_get'), { user_id: j.id })).resolves.toMatchObject({ id: j.id });
    expect(sleeps).toEqual([2000]);
    expect(sent).toEqual([`GET /v1/users/${j.id}`, `GET /v1/users/${j.id}`]);

    sent.length = 0;
    sandbox.faults.add({ method: 'POST', path: '/users/{user_id}/lock', status: 503, times: 1 });
    await expect(quick.execute(action('clerk_user_lock'), { user_id: j.id })).rejects.toMatchObject({
      status: 503,
      code: 'internal_clerk_error',
    });
    expect(sent).toEqual([`POST /v1/users/${j.id}/lock`]);
    expect(sleeps).toEqual([2000]);
    const after = (await quick.execute(action('clerk_user_get'), { user_id: j.id })) as { locked: boolean };
    expect(after.locked).toBe(false);
    sandbox.faults.clear();
  });

  it('refuses a hostile id before it reaches the sandbox', async () => {
    const before = sandbox.requests.length;
    await expect(
      clerk.execute(action('clerk_user_delete'), { user_id: '../organizations/acme' }),
    ).rejects.toMatchObject({ kind: 'invalid_args' });
    expect(sandbox.requests.length).toBe(before);
  });
});
