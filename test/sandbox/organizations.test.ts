import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, demo, NOW, params } from './helpers.js';

const F = SEED_FACTS;

describe('GET /organizations', () => {
  it('returns {data,total_count}, newest first, members_count only when asked', async () => {
    const sb = demo();
    const r = await call(sb, 'GET', '/organizations');
    expect(r.body.total_count).toBe(6);
    expect(r.body.data.map((o: any) => o.object)).toEqual(Array(6).fill('organization'));
    expect(r.body.data[0].slug).toBe('stark');
    expect(r.body.data[0]).not.toHaveProperty('members_count');
    expect(r.body.data[0].id).toMatch(/^org_[0-9A-Za-z]{27}$/);
    const counted = await call(sb, 'GET', '/organizations?include_members_count=true&order_by=-members_count');
    const counts = counted.body.data.map((o: any) => o.members_count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(counted.body.data.find((o: any) => o.slug === 'acme').members_count).toBe(F.counts.acmeMembers);
  });

  it('filters by query (name/slug partial, id exact), user_id and organization_id', async () => {
    const sb = demo();
    expect((await call(sb, 'GET', '/organizations?query=umbr')).body.data.map((o: any) => o.slug)).toEqual([
      'umbrella',
    ]);
    expect(
      (await call(sb, 'GET', `/organizations?query=${F.organizations.hooli.id}`)).body.data.map((o: any) => o.slug),
    ).toEqual(['hooli']);
    const janes = (await call(sb, 'GET', `/organizations?user_id=${F.users.jane.id}&order_by=name`)).body;
    expect(janes.data.map((o: any) => o.slug)).toEqual(['acme', 'hooli']);
    const notAcme = (await call(sb, 'GET', `/organizations?organization_id=-${F.organizations.acme.id}`)).body;
    expect(notAcme.total_count).toBe(5);
    const page = (await call(sb, 'GET', '/organizations?limit=2&offset=2&order_by=name')).body;
    expect(page.total_count).toBe(6);
    expect(page.data.map((o: any) => o.name)).toEqual(['Hooli', 'Initech']);
  });
});

describe('organization by id or slug', () => {
  it('gets by id and by slug; the hostile note is plain data', async () => {
    const sb = demo();
    const bySlug = (await call(sb, 'GET', '/organizations/umbrella')).body;
    expect(bySlug.id).toBe(F.organizations.umbrella.id);
    expect(bySlug.public_metadata.note).toBe(F.umbrellaNote);
    expect(
      (await call(sb, 'GET', `/organizations/${F.organizations.acme.id}?include_members_count=true`)).body
        .members_count,
    ).toBe(F.counts.acmeMembers);
    expect(code(await call(sb, 'GET', '/organizations/org_missing'))).toBe('resource_not_found');
  });
});

describe('POST /organizations', () => {
  it('creates with a generated unique slug and makes created_by an admin', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', '/organizations', {
      name: 'Acme Inc',
      created_by: F.users.jane.id,
      max_allowed_memberships: 5,
      public_metadata: { tier: 1 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      object: 'organization',
      name: 'Acme Inc',
      slug: 'acme-inc',
      max_allowed_memberships: 5,
      created_by: F.users.jane.id,
      public_metadata: { tier: 1 },
      created_at: NOW,
    });
    const again = await call(sb, 'POST', '/organizations', { name: 'Acme Inc' });
    expect(again.body.slug).toBe('acme-inc-2');
    const members = (await call(sb, 'GET', `/organizations/${r.body.id}/memberships`)).body;
    expect(members.total_count).toBe(1);
    expect(members.data[0]).toMatchObject({ role: 'org:admin', public_user_data: { user_id: F.users.jane.id } });
  });

  it('validates name, slug and creator without creating anything', async () => {
    const sb = demo();
    const before = sb.snapshot();
    expect(code(await call(sb, 'POST', '/organizations', {}))).toBe('form_param_missing');
    expect(params(await call(sb, 'POST', '/organizations', {}))).toEqual(['name']);
    expect(code(await call(sb, 'POST', '/organizations', { name: 'Visit https://spam.test' }))).toBe(
      'form_param_value_invalid',
    );
    expect(code(await call(sb, 'POST', '/organizations', { name: 'X', slug: 'Bad Slug' }))).toBe(
      'form_param_format_invalid',
    );
    expect(code(await call(sb, 'POST', '/organizations', { name: 'X', slug: 'acme' }))).toBe('form_identifier_exists');
    expect(code(await call(sb, 'POST', '/organizations', { name: 'X', created_by: 'user_ghost' }))).toBe(
      'organization_creator_not_found',
    );
    expect(code(await call(sb, 'POST', '/organizations', { name: 'x'.repeat(257) }))).toBe(
      'form_param_max_length_exceeded',
    );
    expect(sb.snapshot()).toEqual(before);
  });
});

describe('PATCH /organizations/{id}', () => {
  it('renames and changes slug (the old slug stops resolving); metadata is rejected in 2026-05-12', async () => {
    const sb = demo();
    const r = await call(sb, 'PATCH', `/organizations/${F.organizations.initech.id}`, {
      name: 'Initech LLC',
      slug: 'initech-llc',
    });
    expect(r.body).toMatchObject({ name: 'Initech LLC', slug: 'initech-llc', updated_at: NOW });
    expect((await call(sb, 'GET', '/organizations/initech-llc')).body.id).toBe(F.organizations.initech.id);
    expect((await call(sb, 'GET', '/organizations/initech')).status).toBe(404);
    const meta = await call(sb, 'PATCH', `/organizations/${F.organizations.initech.id}`, {
      private_metadata: { x: 1 },
    });
    expect(meta.status).toBe(422);
    expect(code(meta)).toBe('form_param_unknown');
    expect(code(await call(sb, 'PATCH', `/organizations/${F.organizations.initech.id}`, { slug: 'acme' }))).toBe(
      'form_identifier_exists',
    );
  });
});

describe('DELETE /organizations/{id}', () => {
  it('removes the organization with its memberships and invitations', async () => {
    const sb = demo();
    const acme = F.organizations.acme.id;
    const r = await call(sb, 'DELETE', `/organizations/${acme}`);
    expect(r.body).toEqual({ object: 'organization', id: acme, slug: 'acme', deleted: true });
    const snap = sb.snapshot();
    expect(snap.memberships.some((m) => m.organization_id === acme)).toBe(false);
    expect(snap.organizationInvitations.some((i) => i.organization_id === acme)).toBe(false);
    expect(snap.sessions.some((s) => s.last_active_organization_id === acme)).toBe(false);
    expect((await call(sb, 'GET', `/organizations/${acme}/memberships`)).status).toBe(404);
    expect((await call(sb, 'GET', `/users/${F.users.alice.id}/organization_memberships`)).body.total_count).toBe(0);
    expect((await call(sb, 'DELETE', `/organizations/${acme}`)).status).toBe(404);
  });
});

describe('organization metadata', () => {
  it('PATCH merges (null deletes), PUT replaces only the fields given', async () => {
    const sb = demo();
    const id = F.organizations.acme.id;
    const merged = await call(sb, 'PATCH', `/organizations/${id}/metadata`, {
      public_metadata: { industry: null, region: 'EU' },
    });
    expect(merged.body.public_metadata).toEqual({ plan: 'enterprise', region: 'EU' });
    expect(merged.body.private_metadata).toEqual({ billing_id: 'cus_acme_001' });
    const replaced = await call(sb, 'PUT', `/organizations/${id}/metadata`, { private_metadata: {} });
    expect(replaced.body.private_metadata).toEqual({});
    expect(replaced.body.public_metadata).toEqual({ plan: 'enterprise', region: 'EU' });
    expect(code(await call(sb, 'PATCH', `/organizations/${id}/metadata`, { unsafe_metadata: {} }))).toBe(
      'form_param_unknown',
    );
    expect((await call(sb, 'PATCH', '/organizations/org_missing/metadata', { public_metadata: {} })).status).toBe(404);
  });
});
