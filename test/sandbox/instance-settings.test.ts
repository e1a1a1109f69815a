import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, demo, NOW } from './helpers.js';

const F = SEED_FACTS;

describe('allowlist', () => {
  it('lists (bare / paginated), creates with identifier_type, refuses duplicates and junk, deletes', async () => {
    const sb = demo();
    const bare = (await call(sb, 'GET', '/allowlist_identifiers')).body;
    expect(bare.map((x: any) => x.identifier)).toContain('*@acme.test');
    expect((await call(sb, 'GET', '/allowlist_identifiers?paginated=true')).body.total_count).toBe(2);
    const phone = await call(sb, 'POST', '/allowlist_identifiers', { identifier: '+14155550123', notify: false });
    expect(phone.body).toMatchObject({
      object: 'allowlist_identifier',
      identifier: '+14155550123',
      identifier_type: 'phone_number',
      created_at: NOW,
    });
    expect(phone.body.id).toMatch(/^alid_/);
    expect(phone.body.instance_id).toMatch(/^ins_/);
    const wallet = await call(sb, 'POST', '/allowlist_identifiers', {
      identifier: '0x52908400098527886E0F7030069857D2E4169EE7',
    });
    expect(wallet.body.identifier_type).toBe('web3_wallet');
    const dup = await call(sb, 'POST', '/allowlist_identifiers', { identifier: '*@ACME.test' });
    expect(dup.status).toBe(400);
    expect(code(dup)).toBe('duplicate_record');
    expect(code(await call(sb, 'POST', '/allowlist_identifiers', { identifier: 'acme' }))).toBe(
      'form_param_format_invalid',
    );
    const del = await call(sb, 'DELETE', `/allowlist_identifiers/${F.allowlist.acmeWildcard.id}`);
    expect(del.body).toEqual({ object: 'allowlist_identifier', id: F.allowlist.acmeWildcard.id, deleted: true });
    expect((await call(sb, 'DELETE', `/allowlist_identifiers/${F.allowlist.acmeWildcard.id}`)).status).toBe(404);
  });
});

describe('blocklist', () => {
  it('always lists {data,total_count}; accepts email domains; deletes', async () => {
    const sb = demo();
    const list = (await call(sb, 'GET', '/blocklist_identifiers?paginated=false')).body;
    expect(list.total_count).toBe(2);
    expect(list.data.map((x: any) => x.identifier)).toContain('spam@mailinator.com');
    const domain = await call(sb, 'POST', '/blocklist_identifiers', { identifier: 'tempmail.test' });
    expect(domain.body).toMatchObject({
      object: 'blocklist_identifier',
      identifier: 'tempmail.test',
      identifier_type: 'email_address',
    });
    expect(code(await call(sb, 'POST', '/blocklist_identifiers', { identifier: 'spam@mailinator.com' }))).toBe(
      'duplicate_record',
    );
    expect(code(await call(sb, 'POST', '/blocklist_identifiers', { identifier: 'x', notify: true }))).toBe(
      'form_param_unknown',
    );
    expect((await call(sb, 'DELETE', `/blocklist_identifiers/${F.blocklist.spam.id}`)).body.deleted).toBe(true);
    expect((await call(sb, 'GET', '/blocklist_identifiers')).body.total_count).toBe(2);
  });
});

describe('JWT templates', () => {
  it('lists, gets, creates, updates (name and claims required), deletes', async () => {
    const sb = demo();
    const list = (await call(sb, 'GET', '/jwt_templates')).body;
    expect(list.map((t: any) => t.name)).toEqual(['hasura', 'supabase']);
    expect((await call(sb, 'GET', '/jwt_templates?paginated=true')).body.total_count).toBe(2);
    const hasura = (await call(sb, 'GET', `/jwt_templates/${F.jwtTemplates.hasura.id}`)).body;
    expect(hasura).toMatchObject({
      object: 'jwt_template',
      name: 'hasura',
      lifetime: 60,
      allowed_clock_skew: 5,
      custom_signing_key: false,
      signing_algorithm: 'RS256',
    });
    const created = await call(sb, 'POST', '/jwt_templates', {
      name: 'firebase',
      claims: { role: 'user' },
      lifetime: 300,
    });
    expect(created.body).toMatchObject({ name: 'firebase', lifetime: 300, claims: { role: 'user' } });
    expect(created.body.id).toMatch(/^jtmp_/);
    const partial = await call(sb, 'PATCH', `/jwt_templates/${created.body.id}`, { lifetime: 600 });
    expect(partial.status).toBe(422);
    expect(partial.body.errors.map((e: any) => e.meta.param_name).sort()).toEqual(['claims', 'name']);
    const updated = await call(sb, 'PATCH', `/jwt_templates/${created.body.id}`, {
      name: 'firebase',
      claims: { role: 'admin' },
      lifetime: 600,
    });
    expect(updated.body).toMatchObject({ claims: { role: 'admin' }, lifetime: 600 });
    expect(code(await call(sb, 'POST', '/jwt_templates', { name: 'hasura', claims: {} }))).toBe(
      'form_identifier_exists',
    );
    expect(code(await call(sb, 'POST', '/jwt_templates', { name: 'x', claims: { sub: 'me' } }))).toBe(
      'jwt_template_reserved_claim',
    );
    expect(code(await call(sb, 'POST', '/jwt_templates', { name: 'x', claims: {}, lifetime: 10 }))).toBe(
      'form_param_value_invalid',
    );
    expect(code(await call(sb, 'POST', '/jwt_templates', { name: 'x', claims: {}, custom_signing_key: true }))).toBe(
      'form_param_missing',
    );
    expect((await call(sb, 'DELETE', `/jwt_templates/${F.jwtTemplates.supabase.id}`)).body).toEqual({
      object: 'jwt_template',
      id: F.jwtTemplates.supabase.id,
      deleted: true,
    });
    expect(code(await call(sb, 'GET', `/jwt_templates/${F.jwtTemplates.supabase.id}`))).toBe('resource_not_found');
  });
});

describe('domains', () => {
  it('lists {data,total_count}, adds satellites only, deletes satellites only, has no GET-one', async () => {
    const sb = demo();
    const list = (await call(sb, 'GET', '/domains')).body;
    expect(list.total_count).toBe(2);
    expect(list.data.map((d: any) => [d.name, d.is_satellite])).toEqual([
      ['example.com', false],
      ['blog.example.com', true],
    ]);
    expect(list.data[0]).toMatchObject({
      object: 'domain',
      frontend_api_url: 'https://clerk.example.com',
      accounts_portal_url: 'https://accounts.example.com',
    });
    expect(list.data[1].accounts_portal_url).toBeNull();
    const added = await call(sb, 'POST', '/domains', { name: 'shop.example.com', is_satellite: true });
    expect(added.body).toMatchObject({ object: 'domain', name: 'shop.example.com', is_satellite: true });
    expect(added.body.id).toMatch(/^dmn_/);
    expect(code(await call(sb, 'POST', '/domains', { name: 'x.example.com', is_satellite: false }))).toBe(
      'form_param_value_invalid',
    );
    expect(code(await call(sb, 'POST', '/domains', { name: 'x.example.com' }))).toBe('form_param_missing');
    expect(code(await call(sb, 'POST', '/domains', { name: 'not a domain', is_satellite: true }))).toBe(
      'form_param_format_invalid',
    );
    const primary = await call(sb, 'DELETE', `/domains/${F.domains.primary.id}`);
    expect(primary.status).toBe(403);
    expect(code(primary)).toBe('operation_not_allowed_on_primary_domain');
    expect((await call(sb, 'DELETE', `/domains/${F.domains.satellite.id}`)).body).toEqual({
      object: 'domain',
      id: F.domains.satellite.id,
      deleted: true,
    });
    expect((await call(sb, 'GET', `/domains/${F.domains.primary.id}`)).status).toBe(405);
  });
});

describe('OAuth applications', () => {
  it('lists oldest first, creates with a one-time client_secret, updates, deletes', async () => {
    const sb = demo();
    const list = (await call(sb, 'GET', '/oauth_applications')).body;
    expect(list.data.map((a: any) => a.name)).toEqual(['Internal Dashboard', 'Zapier Integration']);
    expect(list.data[0]).not.toHaveProperty('client_secret');
    expect((await call(sb, 'GET', '/oauth_applications?name_query=zap')).body.data.map((a: any) => a.id)).toEqual([
      F.oauthApplications.zapier.id,
    ]);
    const byClientId = list.data[1].client_id;
    expect((await call(sb, 'GET', `/oauth_applications?name_query=${byClientId}`)).body.total_count).toBe(1);
    const created = await call(sb, 'POST', '/oauth_applications', {
      name: 'Reporting',
      redirect_uris: ['https://reports.example.com/cb'],
      scopes: 'profile email',
    });
    expect(created.body).toMatchObject({
      object: 'oauth_application',
      name: 'Reporting',
      public: false,
      consent_screen_enabled: true,
      pkce_required: false,
      redirect_uris: ['https://reports.example.com/cb'],
    });
    expect(created.body.client_secret).toMatch(/^[0-9A-Za-z]{32}$/);
    const got = (await call(sb, 'GET', `/oauth_applications/${created.body.id}`)).body;
    expect(got).not.toHaveProperty('client_secret');
    const updated = await call(sb, 'PATCH', `/oauth_applications/${created.body.id}`, {
      name: 'Reporting v2',
      pkce_required: true,
    });
    expect(updated.body).toMatchObject({
      name: 'Reporting v2',
      pkce_required: true,
      redirect_uris: ['https://reports.example.com/cb'],
    });
    expect(code(await call(sb, 'POST', '/oauth_applications', { name: 'x', scopes: 'profile admin' }))).toBe(
      'form_param_value_invalid',
    );
    expect(code(await call(sb, 'POST', '/oauth_applications', { name: 'x', redirect_uris: ['not a url'] }))).toBe(
      'form_param_format_invalid',
    );
    expect(code(await call(sb, 'PATCH', `/oauth_applications/${created.body.id}`, { secret: 'x' }))).toBe(
      'form_param_unknown',
    );
    expect((await call(sb, 'DELETE', `/oauth_applications/${created.body.id}`)).body).toEqual({
      object: 'oauth_application',
      id: created.body.id,
      deleted: true,
    });
    expect((await call(sb, 'GET', `/oauth_applications/${created.body.id}`)).status).toBe(404);
  });
});
