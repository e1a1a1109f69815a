import { describe, expect, it } from 'vitest';
import { compact, SLIM_PAGE_SIZE } from '../../src/agent/compact.js';

const T = Date.UTC(2026, 10, 20, 10, 0, 0);

function rawUser(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `user_${n}`,
    object: 'user',
    first_name: 'Jane',
    last_name: `Doe${n}`,
    username: null,
    primary_email_address_id: `idn_${n}b`,
    primary_phone_number_id: null,
    email_addresses: [
      {
        id: `idn_${n}a`,
        object: 'email_address',
        email_address: `old${n}@example.com`,
        verification: { status: 'verified' },
        linked_to: [],
      },
      {
        id: `idn_${n}b`,
        object: 'email_address',
        email_address: `jane${n}@example.com`,
        verification: { status: 'verified' },
        linked_to: [],
      },
    ],
    phone_numbers: [],
    public_metadata: { plan: 'pro' },
    private_metadata: { stripe: 'cus_123' },
    unsafe_metadata: {},
    banned: false,
    locked: n === 2,
    image_url: 'https://img.clerk.com/x',
    has_image: false,
    created_at: T,
    updated_at: T,
    last_active_at: null,
    last_sign_in_at: T + 1000,
    external_id: null,
    ...extra,
  };
}

describe('compact', () => {
  it('projects a user to the admin fields with ISO timestamps and hides private_metadata', () => {
    expect(compact(rawUser(1))).toEqual({
      id: 'user_1',
      name: 'Jane Doe1',
      email: 'jane1@example.com',
      other_emails: ['old1@example.com'],
      created_at: '2026-11-20T10:00Z',
      last_active_at: null,
      last_sign_in_at: '2026-11-20T10:00Z',
      public_metadata: { plan: 'pro' },
    });
    // Flags appear only when set; last_active_at (day precision in Clerk) is a date.
    expect(compact(rawUser(2, { banned: true, last_active_at: T }))).toMatchObject({
      banned: true,
      locked: true,
      last_active_at: '2026-11-20',
    });
    // Timestamps stay parseable.
    expect(Date.parse('2026-11-20T10:00Z')).toBe(T);
  });

  it('shows private_metadata only when the operator exposes it', () => {
    expect(compact(rawUser(1), { exposePrivateMetadata: true })).toMatchObject({
      private_metadata: { stripe: 'cus_123' },
    });
    const org = {
      object: 'organization',
      id: 'org_1',
      name: 'Acme',
      slug: 'acme',
      private_metadata: { tier: 1 },
      created_at: T,
    };
    expect(compact(org)).not.toHaveProperty('private_metadata');
    const other = { object: 'organization_invitation', id: 'orginv_1', private_metadata: { x: 1 }, status: 'pending' };
    expect(compact(other)).toEqual({ object: 'organization_invitation', id: 'orginv_1', status: 'pending' });
  });

  it('projects organizations and memberships', () => {
    const org = {
      object: 'organization',
      id: 'org_1',
      name: 'Acme',
      slug: 'acme',
      members_count: 3,
      max_allowed_memberships: 0,
      image_url: 'x',
      created_at: T,
      public_metadata: {},
    };
    expect(compact(org)).toEqual({
      id: 'org_1',
      name: 'Acme',
      slug: 'acme',
      members_count: 3,
      max_allowed_memberships: 0,
      created_at: '2026-11-20T10:00Z',
    });
    const membership = {
      object: 'organization_membership',
      id: 'orgmem_1',
      role: 'org:admin',
      permissions: ['a', 'b'],
      organization: org,
      public_user_data: {
        user_id: 'user_1',
        first_name: 'Alice',
        last_name: 'Chen',
        identifier: 'alice@acme.test',
        image_url: 'x',
      },
      created_at: T,
    };
    expect(compact(membership)).toEqual({
      id: 'orgmem_1',
      organization_id: 'org_1',
      organization_name: 'Acme',
      user_id: 'user_1',
      email: 'alice@acme.test',
      name: 'Alice Chen',
      role: 'org:admin',
      created_at: '2026-11-20T10:00Z',
    });
  });

  it('wraps lists with total, position and how to get more', () => {
    const page = compact({ data: [rawUser(1)], total_count: 11 }, { offset: 10 });
    expect(page).toMatchObject({ total_count: 11, returned: 1, offset: 10 });
    expect(page).not.toHaveProperty('note');
    expect(compact({ data: [rawUser(1), rawUser(2)], total_count: 5 })).toMatchObject({
      note: expect.stringContaining('offset=2'),
    });
    // Bare arrays have no total: a full page says more may exist.
    const bare = compact([rawUser(1), rawUser(2)], { limit: 2 }) as Record<string, unknown>;
    expect(bare).toMatchObject({
      returned: 2,
      offset: 0,
      note: expect.stringContaining('more may exist: call again with offset=2'),
    });
    expect(bare).not.toHaveProperty('total_count');
  });

  it('trims long pages to ids, names, emails and a short public metadata, with flags only when set', () => {
    const users = Array.from({ length: SLIM_PAGE_SIZE + 1 }, (_, i) =>
      rawUser(i + 1, i === 2 ? { public_metadata: { notes: 'x'.repeat(200) } } : {}),
    );
    const page = compact(users, { limit: 100 }) as { data: Array<Record<string, unknown>>; note: string };
    expect(page.data[0]).toEqual({
      id: 'user_1',
      name: 'Jane Doe1',
      email: 'jane1@example.com',
      public_metadata: { plan: 'pro' },
    });
    expect(page.data[1]).toEqual({
      id: 'user_2',
      name: 'Jane Doe2',
      email: 'jane2@example.com',
      locked: true,
      public_metadata: { plan: 'pro' },
    });
    // (A long metadata is left to the _get tool; private metadata never appears.)
    expect(page.data[2]).not.toHaveProperty('public_metadata');
    expect(JSON.stringify(page.data)).not.toContain('cus_123');
    expect(page.note).toContain('trimmed');
  });

  it('keeps other objects with Clerk field names, minus noise, and hides secrets', () => {
    const app = {
      object: 'oauth_application',
      id: 'oa_1',
      name: 'Zapier',
      client_id: 'abc',
      client_secret: 'shh',
      authorize_url: 'https://x',
      created_at: T,
    };
    expect(compact(app)).toEqual({
      object: 'oauth_application',
      id: 'oa_1',
      name: 'Zapier',
      client_id: 'abc',
      client_secret: expect.stringContaining('hidden'),
      created_at: '2026-11-20T10:00Z',
    });
    expect(compact({ object: 'user', id: 'user_1', deleted: true })).toMatchObject({ id: 'user_1' });
  });
});
