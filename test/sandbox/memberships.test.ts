import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, demo } from './helpers.js';

const F = SEED_FACTS;
const acme = F.organizations.acme.id;

describe('GET /organizations/{id}/memberships', () => {
  it('returns OrganizationMembership objects with organization and public_user_data', async () => {
    const sb = demo();
    const r = await call(sb, 'GET', `/organizations/${acme}/memberships?limit=100`);
    expect(r.body.total_count).toBe(F.counts.acmeMembers);
    const alice = r.body.data.find((m: any) => m.public_user_data.user_id === F.users.alice.id);
    expect(alice).toMatchObject({
      object: 'organization_membership',
      role: 'org:admin',
      role_name: 'Admin',
      organization: { id: acme, name: 'Acme Inc', object: 'organization' },
    });
    expect(alice.id).toMatch(/^orgmem_/);
    expect(alice.permissions).toContain('org:sys_memberships:manage');
    expect(alice.public_user_data).toMatchObject({
      first_name: 'Alice',
      last_name: 'Chen',
      identifier: 'alice@acme.test',
    });
  });

  it('filters by user_id (the "get one member" pattern), role and query', async () => {
    const sb = demo();
    const one = (await call(sb, 'GET', `/organizations/${acme}/memberships?user_id=${F.users.jane.id}`)).body;
    expect(one.total_count).toBe(1);
    expect(one.data[0].public_user_data.user_id).toBe(F.users.jane.id);
    const none = (await call(sb, 'GET', `/organizations/${acme}/memberships?user_id=${F.users.bob.id}`)).body;
    expect(none).toEqual({ data: [], total_count: 0 });
    const admins = (await call(sb, 'GET', `/organizations/${acme}/memberships?role=org:admin`)).body;
    expect(admins.data.every((m: any) => m.role === 'org:admin')).toBe(true);
    expect(admins.total_count).toBe(2);
    const chris = (await call(sb, 'GET', `/organizations/${acme}/memberships?query=chris`)).body;
    expect(chris.data.map((m: any) => m.public_user_data.user_id)).toEqual([F.users.chrisPark.id]);
    const byEmail = (await call(sb, 'GET', `/organizations/${acme}/memberships?order_by=email_address&limit=3`)).body;
    const emails = byEmail.data.map((m: any) => m.public_user_data.identifier);
    expect([...emails].sort()).toEqual(emails);
    expect((await call(sb, 'GET', '/organizations/org_missing/memberships')).status).toBe(404);
  });
});

describe('membership changes', () => {
  it('adds a member, refuses duplicates, unknown users and unknown roles', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', `/organizations/${acme}/memberships`, {
      user_id: F.users.bob.id,
      role: 'org:member',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      role: 'org:member',
      organization: { id: acme },
      public_user_data: { user_id: F.users.bob.id },
    });
    expect((await call(sb, 'GET', `/organizations/${acme}?include_members_count=true`)).body.members_count).toBe(
      F.counts.acmeMembers + 1,
    );
    const before = sb.snapshot();
    expect(
      code(
        await call(sb, 'POST', `/organizations/${acme}/memberships`, { user_id: F.users.bob.id, role: 'org:member' }),
      ),
    ).toBe('already_a_member_in_organization');
    expect(
      (await call(sb, 'POST', `/organizations/${acme}/memberships`, { user_id: 'user_ghost', role: 'org:member' }))
        .status,
    ).toBe(404);
    expect(
      code(await call(sb, 'POST', `/organizations/${acme}/memberships`, { user_id: F.users.lee.id, role: 'org:king' })),
    ).toBe('form_param_value_invalid');
    expect(code(await call(sb, 'POST', `/organizations/${acme}/memberships`, { user_id: F.users.lee.id }))).toBe(
      'form_param_missing',
    );
    expect(sb.snapshot()).toEqual(before);
  });

  it('enforces max_allowed_memberships', async () => {
    const sb = demo();
    const org = (
      await call(sb, 'POST', '/organizations', {
        name: 'Tiny',
        created_by: F.users.jane.id,
        max_allowed_memberships: 1,
      })
    ).body;
    const r = await call(sb, 'POST', `/organizations/${org.id}/memberships`, {
      user_id: F.users.bob.id,
      role: 'org:member',
    });
    expect(r.status).toBe(403);
    expect(code(r)).toBe('organization_membership_quota_exceeded');
  });

  it('changes a role and keeps at least one admin', async () => {
    const sb = demo();
    const r = await call(sb, 'PATCH', `/organizations/${acme}/memberships/${F.users.jane.id}`, { role: 'org:admin' });
    expect(r.body).toMatchObject({
      role: 'org:admin',
      role_name: 'Admin',
      public_user_data: { user_id: F.users.jane.id },
    });
    const stark = F.organizations.stark.id;
    const admins = (await call(sb, 'GET', `/organizations/${stark}/memberships?role=org:admin`)).body.data;
    expect(admins).toHaveLength(1);
    const last = admins[0].public_user_data.user_id;
    const demote = await call(sb, 'PATCH', `/organizations/${stark}/memberships/${last}`, { role: 'org:member' });
    expect(demote.status).toBe(400);
    expect(code(demote)).toBe('organization_minimum_permissions_needed');
    expect(code(await call(sb, 'DELETE', `/organizations/${stark}/memberships/${last}`))).toBe(
      'organization_minimum_permissions_needed',
    );
    expect(
      (await call(sb, 'PATCH', `/organizations/${acme}/memberships/${F.users.bob.id}`, { role: 'org:admin' })).status,
    ).toBe(404);
  });

  it('DELETE returns the removed OrganizationMembership (not a DeletedObject)', async () => {
    const sb = demo();
    const r = await call(sb, 'DELETE', `/organizations/${acme}/memberships/${F.users.dave.id}`);
    expect(r.body.object).toBe('organization_membership');
    expect(r.body.public_user_data.user_id).toBe(F.users.dave.id);
    expect(r.body).not.toHaveProperty('deleted');
    expect(
      (await call(sb, 'GET', `/organizations/${acme}/memberships?user_id=${F.users.dave.id}`)).body.total_count,
    ).toBe(0);
    expect((await call(sb, 'DELETE', `/organizations/${acme}/memberships/${F.users.dave.id}`)).status).toBe(404);
  });

  it("GET /users/{id}/organization_memberships lists a user's memberships", async () => {
    const sb = demo();
    const r = (await call(sb, 'GET', `/users/${F.users.jane.id}/organization_memberships`)).body;
    expect(r.total_count).toBe(2);
    expect(r.data.map((m: any) => m.organization.slug).sort()).toEqual(['acme', 'hooli']);
    expect((await call(sb, 'GET', '/users/user_ghost/organization_memberships')).status).toBe(404);
  });
});
