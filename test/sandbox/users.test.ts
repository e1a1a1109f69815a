import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, DAY, demo, NOW, params } from './helpers.js';

const F = SEED_FACTS;

describe('GET /users', () => {
  it('returns a bare array of User objects, newest first, 10 by default', async () => {
    const sb = demo();
    const r = await call(sb, 'GET', '/users');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(Array.isArray(r.body)).toBe(true);
    expect(r.body).toHaveLength(10);
    const created = r.body.map((u: any) => u.created_at);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    const u = r.body[0];
    expect(u.object).toBe('user');
    expect(u.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    for (const field of [
      'external_id',
      'primary_email_address_id',
      'username',
      'first_name',
      'last_name',
      'public_metadata',
      'email_addresses',
      'phone_numbers',
      'web3_wallets',
      'passkeys',
      'banned',
      'locked',
      'last_active_at',
      'last_sign_in_at',
      'created_at',
      'updated_at',
      'lockout_expires_in_seconds',
      'verification_attempts_remaining',
    ]) {
      expect(u).toHaveProperty(field);
    }
  });

  it('paginates with limit/offset and rejects out-of-range limits with 422', async () => {
    const sb = demo();
    const all = (await call(sb, 'GET', '/users?limit=500')).body;
    expect(all).toHaveLength(F.counts.users);
    const page = (await call(sb, 'GET', '/users?limit=5&offset=5')).body;
    expect(page.map((u: any) => u.id)).toEqual(all.slice(5, 10).map((u: any) => u.id));
    const asc = (await call(sb, 'GET', '/users?limit=3&order_by=created_at')).body;
    expect(asc.map((u: any) => u.id)).toEqual(
      all
        .slice(-3)
        .reverse()
        .map((u: any) => u.id),
    );
    expect((await call(sb, 'GET', '/users?offset=1000')).body).toEqual([]);
    for (const q of ['limit=0', 'limit=501', 'limit=abc', 'offset=-1', 'limit=2.5']) {
      const r = await call(sb, 'GET', `/users?${q}`);
      expect(r.status, q).toBe(422);
      expect(params(r), q).toEqual([q.split('=')[0]]);
    }
    expect(code(await call(sb, 'GET', '/users?limit=501'))).toBe('form_param_value_too_large');
  });

  it('filters by exact email (case-insensitive, repeated keys), query, banned and created_at', async () => {
    const sb = demo();
    const byEmail = (await call(sb, 'GET', '/users?email_address=JANE@example.com&email_address=dave@acme.test')).body;
    expect(byEmail.map((u: any) => u.id).sort()).toEqual([F.users.jane.id, F.users.dave.id].sort());
    const chris = (await call(sb, 'GET', '/users?query=chris')).body;
    expect(chris.map((u: any) => u.id).sort()).toEqual([F.users.chrisPark.id, F.users.chrisEvans.id].sort());
    const janeDoe = (await call(sb, 'GET', '/users?query=Jane%20Doe')).body;
    expect(janeDoe.map((u: any) => u.id)).toEqual([F.users.jane.id]);
    const banned = (await call(sb, 'GET', '/users?banned=true&limit=100')).body;
    expect(banned).toHaveLength(F.counts.bannedUsers);
    expect(banned.every((u: any) => u.banned)).toBe(true);
    const week = (await call(sb, 'GET', `/users?created_at_after=${NOW - 7 * DAY}&limit=100`)).body;
    expect(week).toHaveLength(F.counts.usersLast7Days);
    expect(week.length).toBeGreaterThanOrEqual(3);
    const activeToday = (await call(sb, 'GET', `/users?last_active_at_after=${NOW - DAY}&limit=100`)).body;
    expect(activeToday.length).toBeGreaterThan(0);
    expect(activeToday.every((u: any) => u.last_active_at > NOW - DAY)).toBe(true);
    const dormant = (await call(sb, 'GET', `/users?last_active_at_before=${NOW - 30 * DAY}&limit=100`)).body;
    expect(dormant.every((u: any) => u.last_active_at !== null && u.last_active_at < NOW - 30 * DAY)).toBe(true);
    expect(dormant.length).toBeGreaterThan(0);
    expect(code(await call(sb, 'GET', '/users?banned=maybe'))).toBe('form_param_value_invalid');
    expect(code(await call(sb, 'GET', '/users?created_at_after=yesterday'))).toBe('form_param_value_invalid');
  });

  it('supports +/- user_id, organization_id and name/email partial queries', async () => {
    const sb = demo();
    const acme = (await call(sb, 'GET', `/users?organization_id=${F.organizations.acme.id}&limit=100`)).body;
    expect(acme).toHaveLength(F.counts.acmeMembers);
    const notJane = (
      await call(sb, 'GET', `/users?organization_id=${F.organizations.acme.id}&user_id=-${F.users.jane.id}&limit=100`)
    ).body;
    expect(notJane).toHaveLength(F.counts.acmeMembers - 1);
    expect(notJane.some((u: any) => u.id === F.users.jane.id)).toBe(false);
    const two = (await call(sb, 'GET', `/users?user_id=${F.users.bob.id}&user_id=%2B${F.users.lee.id}`)).body;
    expect(two.map((u: any) => u.id).sort()).toEqual([F.users.bob.id, F.users.lee.id].sort());
    expect(
      (await call(sb, 'GET', '/users?email_address_query=GLOBEX&limit=100')).body.every((u: any) =>
        u.email_addresses[0].email_address.includes('globex'),
      ),
    ).toBe(true);
    expect((await call(sb, 'GET', '/users?name_query=miller')).body.map((u: any) => u.id)).toEqual([F.users.dave.id]);
  });

  it('orders by other fields and rejects unknown order_by', async () => {
    const sb = demo();
    const byFirst = (await call(sb, 'GET', '/users?order_by=first_name&limit=500')).body.filter(
      (u: any) => u.first_name,
    );
    const names = byFirst.map((u: any) => u.first_name.toLowerCase());
    expect([...names].sort((a: string, b: string) => a.localeCompare(b))).toEqual(names);
    const plus = (await call(sb, 'GET', '/users?order_by=%2Bcreated_at&limit=2')).body;
    const rawPlus = (await call(sb, 'GET', '/users?order_by=+created_at&limit=2')).body;
    expect(rawPlus.map((u: any) => u.id)).toEqual(plus.map((u: any) => u.id));
    expect(plus[0].created_at).toBeLessThan(plus[1].created_at);
    const r = await call(sb, 'GET', '/users?order_by=-shoe_size');
    expect(r.status).toBe(422);
    expect(code(r)).toBe('form_param_value_invalid');
  });

  it('walks pages with starting_after and refuses it with another order or an offset', async () => {
    const sb = demo();
    const first = (await call(sb, 'GET', '/users?limit=7')).body;
    const next = (await call(sb, 'GET', `/users?limit=7&starting_after=${first[6].id}`)).body;
    const both = (await call(sb, 'GET', '/users?limit=14')).body;
    expect([...first, ...next].map((u: any) => u.id)).toEqual(both.map((u: any) => u.id));
    expect((await call(sb, 'GET', `/users?starting_after=${first[0].id}&order_by=first_name`)).status).toBe(422);
    expect((await call(sb, 'GET', `/users?starting_after=${first[0].id}&offset=3`)).status).toBe(422);
  });

  it('GET /users/count returns a total_count object with the same filters', async () => {
    const sb = demo();
    expect((await call(sb, 'GET', '/users/count')).body).toEqual({
      object: 'total_count',
      total_count: F.counts.users,
    });
    expect((await call(sb, 'GET', '/users/count?banned=true')).body.total_count).toBe(F.counts.bannedUsers);
  });
});

describe('user by id', () => {
  it('gets a user and 404s an unknown id with resource_not_found', async () => {
    const sb = demo();
    const r = await call(sb, 'GET', `/users/${F.users.jane.id}`);
    expect(r.body.first_name).toBe('Jane');
    expect(r.body.email_addresses[0].email_address).toBe('jane@example.com');
    expect(r.body.email_addresses[0].id).toMatch(/^idn_/);
    expect(r.body.primary_email_address_id).toBe(r.body.email_addresses[0].id);
    const missing = await call(sb, 'GET', '/users/user_doesnotexist');
    expect(missing.status).toBe(404);
    expect(code(missing)).toBe('resource_not_found');
    expect(missing.body.errors[0].long_message).toContain('user_doesnotexist');
    expect(typeof missing.body.clerk_trace_id).toBe('string');
  });
});

describe('POST /users', () => {
  it('creates a user with verified email, metadata and 200', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', '/users', {
      email_address: ['new.person@acme.test'],
      first_name: 'New',
      last_name: 'Person',
      username: 'newperson',
      password: 'a-long-password',
      public_metadata: { plan: 'pro' },
      private_metadata: { ref: 7 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      object: 'user',
      first_name: 'New',
      username: 'newperson',
      password_enabled: true,
      public_metadata: { plan: 'pro' },
      private_metadata: { ref: 7 },
      banned: false,
      created_at: NOW,
    });
    expect(r.body.email_addresses[0].verification).toMatchObject({ status: 'verified', strategy: 'admin' });
    const found = (await call(sb, 'GET', '/users?email_address=new.person@acme.test')).body;
    expect(found.map((u: any) => u.id)).toEqual([r.body.id]);
    expect((await call(sb, 'GET', '/users?limit=1')).body[0].id).toBe(r.body.id);
  });

  it('refuses taken emails and usernames with form_identifier_exists, and changes nothing', async () => {
    const sb = demo();
    const before = sb.snapshot();
    const dupEmail = await call(sb, 'POST', '/users', { email_address: ['Jane@Example.com'] });
    expect(dupEmail.status).toBe(422);
    expect(code(dupEmail)).toBe('form_identifier_exists');
    expect(params(dupEmail)).toEqual(['email_address']);
    const dupUser = await call(sb, 'POST', '/users', { email_address: ['x1@ex.test'], username: 'BOBSTONE' });
    expect(code(dupUser)).toBe('form_identifier_exists');
    expect(params(dupUser)).toEqual(['username']);
    expect(sb.snapshot()).toEqual(before);
  });

  it('reports every field problem at once with real codes', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', '/users', {
      email_address: ['not-an-email'],
      phone_number: ['555'],
      password: 'short',
      first_name: 42,
      shoe_size: 44,
    });
    expect(r.status).toBe(422);
    const codes = r.body.errors.map((e: any) => `${e.code}:${e.meta.param_name}`);
    expect(codes).toEqual(
      expect.arrayContaining(['form_param_unknown:shoe_size', 'form_param_value_invalid:first_name']),
    );
    const r2 = await call(sb, 'POST', '/users', {
      email_address: ['not-an-email'],
      phone_number: ['555'],
      password: 'short',
    });
    expect(r2.body.errors.map((e: any) => e.code)).toEqual([
      'form_param_format_invalid',
      'form_param_format_invalid',
      'form_password_length_too_short',
    ]);
    const none = await call(sb, 'POST', '/users', { first_name: 'Nobody' });
    expect(code(none)).toBe('form_data_missing');
  });
});

describe('PATCH /users/{id}', () => {
  it('updates fields, clears username with "", and rejects metadata in 2026-05-12', async () => {
    const sb = demo();
    const r = await call(sb, 'PATCH', `/users/${F.users.bob.id}`, { first_name: 'Robert', username: '' });
    expect(r.body).toMatchObject({ first_name: 'Robert', last_name: 'Stone', username: null, updated_at: NOW });
    const before = sb.snapshot();
    const meta = await call(sb, 'PATCH', `/users/${F.users.bob.id}`, {
      first_name: 'Bobby',
      public_metadata: { a: 1 },
    });
    expect(meta.status).toBe(422);
    expect(code(meta)).toBe('form_param_unknown');
    expect(params(meta)).toEqual(['public_metadata']);
    expect(meta.body.errors[0].long_message).toContain('/metadata');
    expect(sb.snapshot()).toEqual(before);
  });

  it('accepts metadata on PATCH with an older Clerk-API-Version (replace semantics)', async () => {
    const sb = demo();
    const r = await call(
      sb,
      'PATCH',
      `/users/${F.users.jane.id}`,
      { public_metadata: { tier: 'gold' } },
      { 'clerk-api-version': '2025-11-10' },
    );
    expect(r.status).toBe(200);
    expect(r.body.public_metadata).toEqual({ tier: 'gold' });
  });

  it('checks primary_email_address_id belongs to the user and username uniqueness', async () => {
    const sb = demo();
    const r = await call(sb, 'PATCH', `/users/${F.users.jane.id}`, { primary_email_address_id: 'idn_nope' });
    expect(code(r)).toBe('form_resource_not_found');
    const taken = await call(sb, 'PATCH', `/users/${F.users.jane.id}`, { username: 'alice.chen' });
    expect(code(taken)).toBe('form_identifier_exists');
    expect((await call(sb, 'PATCH', '/users/user_missing', { first_name: 'x' })).status).toBe(404);
  });
});

describe('ban, unban, lock, unlock', () => {
  it("ban revokes the user's active sessions; unban keeps them revoked", async () => {
    const sb = demo();
    const r = await call(sb, 'POST', `/users/${F.users.dave.id}/ban`);
    expect(r.status).toBe(200);
    expect(r.body.banned).toBe(true);
    const sessions = (await call(sb, 'GET', `/sessions?user_id=${F.users.dave.id}`)).body;
    expect(sessions).toHaveLength(3);
    expect(sessions.every((s: any) => s.status === 'revoked')).toBe(true);
    const un = await call(sb, 'POST', `/users/${F.users.dave.id}/unban`);
    expect(un.body.banned).toBe(false);
    expect((await call(sb, 'GET', `/sessions?user_id=${F.users.dave.id}&status=active`)).body).toEqual([]);
  });

  it('lock and unlock toggle locked; unknown users are 404; DELETE /ban is a 405', async () => {
    const sb = demo();
    expect((await call(sb, 'POST', `/users/${F.users.jane.id}/lock`)).body.locked).toBe(true);
    expect((await call(sb, 'POST', `/users/${F.users.lee.id}/unlock`)).body.locked).toBe(false);
    expect((await call(sb, 'POST', '/users/user_missing/ban')).status).toBe(404);
    const wrong = await call(sb, 'DELETE', `/users/${F.users.jane.id}/ban`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('DELETE /users/{id}', () => {
  it("returns a DeletedObject and removes the user's memberships and sessions", async () => {
    const sb = demo();
    const r = await call(sb, 'DELETE', `/users/${F.users.dave.id}`);
    expect(r.body).toEqual({ object: 'user', id: F.users.dave.id, deleted: true });
    expect((await call(sb, 'GET', `/users/${F.users.dave.id}`)).status).toBe(404);
    const snap = sb.snapshot();
    expect(snap.memberships.some((m) => m.user_id === F.users.dave.id)).toBe(false);
    expect(snap.sessions.some((s) => s.user_id === F.users.dave.id)).toBe(false);
    const acme = (await call(sb, 'GET', `/organizations/${F.organizations.acme.id}?include_members_count=true`)).body;
    expect(acme.members_count).toBe(F.counts.acmeMembers - 1);
    // The email is free again.
    expect((await call(sb, 'POST', '/users', { email_address: ['dave@acme.test'] })).status).toBe(200);
  });
});

describe('user metadata', () => {
  it('PATCH deep-merges and null deletes a key at any level', async () => {
    const sb = demo();
    const id = F.users.alice.id;
    await call(sb, 'PATCH', `/users/${id}/metadata`, { public_metadata: { prefs: { theme: 'dark', lang: 'en' } } });
    const r = await call(sb, 'PATCH', `/users/${id}/metadata`, {
      public_metadata: { title: null, prefs: { lang: null, tz: 'UTC' } },
      private_metadata: { badge: 7 },
    });
    expect(r.status).toBe(200);
    expect(r.body.public_metadata).toEqual({ department: 'Engineering', prefs: { theme: 'dark', tz: 'UTC' } });
    expect(r.body.private_metadata).toEqual({ employee_id: 'ACME-0001', badge: 7 });
  });

  it('PUT replaces given fields only, and rejects unknown fields and non-objects', async () => {
    const sb = demo();
    const id = F.users.alice.id;
    const r = await call(sb, 'PUT', `/users/${id}/metadata`, { public_metadata: { only: true } });
    expect(r.body.public_metadata).toEqual({ only: true });
    expect(r.body.private_metadata).toEqual({ employee_id: 'ACME-0001' });
    const before = sb.snapshot();
    expect(code(await call(sb, 'PATCH', `/users/${id}/metadata`, { public_metadata: 'nope' }))).toBe(
      'form_param_value_invalid',
    );
    expect(code(await call(sb, 'PATCH', `/users/${id}/metadata`, { metadata: {} }))).toBe('form_param_unknown');
    expect(code(await call(sb, 'PATCH', `/users/${id}/metadata`, { public_metadata: { big: 'x'.repeat(9000) } }))).toBe(
      'form_param_exceeds_allowed_size',
    );
    expect(sb.snapshot()).toEqual(before);
  });
});

describe('size limits (issue 13, defect 6)', () => {
  it('refuses over-long fields with 422 form_param_max_length_exceeded and saves nothing', async () => {
    const sb = demo();
    const long = 'x'.repeat(100_000);
    for (const [field, value, max] of [
      ['external_id', long, 256],
      ['username', 'u'.repeat(65), 64],
      ['first_name', 'n'.repeat(257), 256],
      ['email_address', [`${'e'.repeat(320)}@x.test`], 320],
    ] as const) {
      const r = await call(sb, 'POST', '/users', { [field]: value });
      expect(r.status).toBe(422);
      expect(code(r)).toBe('form_param_max_length_exceeded');
      expect(r.body.errors[0].long_message).toBe(`${field} should not exceed ${max} characters.`);
    }
    expect(sb.requests.filter((r) => r.mutating)).toHaveLength(0);
  });

  it('refuses metadata over 8 KB with 422 form_param_exceeds_allowed_size', async () => {
    const sb = demo();
    const r = await call(sb, 'PATCH', `/users/${SEED_FACTS.users.jane.id}/metadata`, {
      public_metadata: { blob: 'm'.repeat(9000) },
    });
    expect(r.status).toBe(422);
    expect(code(r)).toBe('form_param_exceeds_allowed_size');
    expect(sb.snapshot().users.find((u) => u.id === SEED_FACTS.users.jane.id)!.public_metadata).not.toHaveProperty(
      'blob',
    );
  });

  it('refuses a body over 1 MiB in-process with 413', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', '/users', JSON.stringify({ first_name: 'a'.repeat(2 * 1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(code(r)).toBe('request_body_too_large');
  });
});
