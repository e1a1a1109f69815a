import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, DAY, demo, NOW } from './helpers.js';

const F = SEED_FACTS;
const acme = F.organizations.acme.id;

describe('instance invitations', () => {
  it('lists non-revoked invitations as a bare array; paginated=true gives {data,total_count}', async () => {
    const sb = demo();
    const bare = (await call(sb, 'GET', '/invitations')).body;
    expect(Array.isArray(bare)).toBe(true);
    expect(bare.some((i: any) => i.status === 'revoked')).toBe(false);
    expect(bare).toHaveLength(F.counts.invitations - 1);
    const paged = (await call(sb, 'GET', '/invitations?paginated=true&limit=2')).body;
    expect(paged.total_count).toBe(F.counts.invitations - 1);
    expect(paged.data).toHaveLength(2);
    const revoked = (await call(sb, 'GET', '/invitations?status=revoked')).body;
    expect(revoked.map((i: any) => i.id)).toEqual([F.invitations.revoked.id]);
    const pending = (await call(sb, 'GET', '/invitations?status=pending&query=newhire')).body;
    expect(pending.map((i: any) => i.email_address)).toEqual(['newhire@acme.test']);
    expect(pending[0]).toMatchObject({ object: 'invitation', revoked: false, status: 'pending' });
    expect(pending[0].id).toMatch(/^inv_/);
    expect(code(await call(sb, 'GET', '/invitations?status=lost'))).toBe('form_param_value_invalid');
  });

  it('creates an invitation with a 30-day default expiry; refuses duplicates and existing users', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', '/invitations', {
      email_address: 'fresh@acme.test',
      public_metadata: { team: 'ops' },
      notify: false,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      object: 'invitation',
      email_address: 'fresh@acme.test',
      status: 'pending',
      public_metadata: { team: 'ops' },
      created_at: NOW,
      expires_at: NOW + 30 * DAY,
    });
    expect(r.body.url).toContain('__clerk_ticket=');
    const before = sb.snapshot();
    const dup = await call(sb, 'POST', '/invitations', { email_address: 'newhire@acme.test' });
    expect(dup.status).toBe(400);
    expect(code(dup)).toBe('duplicate_record');
    expect(code(await call(sb, 'POST', '/invitations', { email_address: 'jane@example.com' }))).toBe(
      'form_identifier_exists',
    );
    expect(code(await call(sb, 'POST', '/invitations', { email_address: 'not an email' }))).toBe(
      'form_param_format_invalid',
    );
    expect(code(await call(sb, 'POST', '/invitations', {}))).toBe('form_param_missing');
    expect(code(await call(sb, 'POST', '/invitations', { email_address: 'x@y.test', expires_in_days: 0 }))).toBe(
      'form_param_value_invalid',
    );
    expect(code(await call(sb, 'POST', '/invitations', { email_address: 'x@y.test', template_slug: 'other' }))).toBe(
      'form_param_value_invalid',
    );
    expect(sb.snapshot()).toEqual(before);
    expect(
      (await call(sb, 'POST', '/invitations', { email_address: 'newhire@acme.test', ignore_existing: true })).status,
    ).toBe(200);
  });

  it('revokes only pending (or expired) invitations', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', `/invitations/${F.invitations.newhirePending.id}/revoke`);
    expect(r.body).toMatchObject({ id: F.invitations.newhirePending.id, status: 'revoked', revoked: true });
    expect(code(await call(sb, 'POST', `/invitations/${F.invitations.newhirePending.id}/revoke`))).toBe(
      'invitation_already_revoked',
    );
    expect(code(await call(sb, 'POST', `/invitations/${F.invitations.accepted.id}/revoke`))).toBe(
      'invitation_already_accepted',
    );
    expect((await call(sb, 'POST', '/invitations/inv_ghost/revoke')).status).toBe(404);
    // The 2026-05-12 spec has no /invitations/{id} path at all (revoke is POST …/revoke).
    expect((await call(sb, 'DELETE', `/invitations/${F.invitations.consultantPending.id}`)).status).toBe(404);
  });
});

describe('organization invitations', () => {
  it('lists with repeated status and email filters', async () => {
    const sb = demo();
    const all = (await call(sb, 'GET', `/organizations/${acme}/invitations`)).body;
    expect(all.total_count).toBe(4);
    const open = (await call(sb, 'GET', `/organizations/${acme}/invitations?status=pending&status=accepted`)).body;
    expect(open.data.map((i: any) => i.status).sort()).toEqual(['accepted', 'pending', 'pending']);
    const contractor = (await call(sb, 'GET', `/organizations/${acme}/invitations?email_address=contractor@acme.test`))
      .body.data[0];
    expect(contractor).toMatchObject({
      object: 'organization_invitation',
      id: F.organizationInvitations.contractorPending.id,
      role: 'org:member',
      role_name: 'Member',
      organization_id: acme,
      status: 'pending',
      inviter_id: F.users.alice.id,
    });
    expect(contractor.public_inviter_data).toMatchObject({ user_id: F.users.alice.id, identifier: 'alice@acme.test' });
    const one = (await call(sb, 'GET', `/organizations/${acme}/invitations/${contractor.id}`)).body;
    expect(one.id).toBe(contractor.id);
    expect(
      (await call(sb, 'GET', `/organizations/${F.organizations.globex.id}/invitations/${contractor.id}`)).status,
    ).toBe(404);
  });

  it('creates an invitation; refuses members, duplicate pending invitations, bad roles and non-admin inviters', async () => {
    const sb = demo();
    const r = await call(sb, 'POST', `/organizations/${acme}/invitations`, {
      email_address: 'new.hire@acme.test',
      role: 'org:admin',
      inviter_user_id: F.users.alice.id,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'pending',
      role: 'org:admin',
      organization_id: acme,
      expires_at: NOW + 30 * DAY,
    });
    expect(r.body.id).toMatch(/^orginv_/);
    const before = sb.snapshot();
    expect(
      code(
        await call(sb, 'POST', `/organizations/${acme}/invitations`, {
          email_address: 'jane@example.com',
          role: 'org:member',
        }),
      ),
    ).toBe('already_a_member_in_organization');
    expect(
      code(
        await call(sb, 'POST', `/organizations/${acme}/invitations`, {
          email_address: 'contractor@acme.test',
          role: 'org:member',
        }),
      ),
    ).toBe('organization_invitation_not_unique');
    expect(
      code(
        await call(sb, 'POST', `/organizations/${acme}/invitations`, {
          email_address: 'z@acme.test',
          role: 'org:owner',
        }),
      ),
    ).toBe('form_param_value_invalid');
    expect(
      code(
        await call(sb, 'POST', `/organizations/${acme}/invitations`, {
          email_address: 'z@acme.test',
          role: 'org:member',
          inviter_user_id: F.users.jane.id,
        }),
      ),
    ).toBe('authorization_invalid');
    expect(code(await call(sb, 'POST', `/organizations/${acme}/invitations`, { role: 'org:member' }))).toBe(
      'form_param_missing',
    );
    expect(sb.snapshot()).toEqual(before);
  });

  it('revokes only pending invitations (404 organization_invitation_not_pending otherwise)', async () => {
    const sb = demo();
    const id = F.organizationInvitations.contractorPending.id;
    const r = await call(sb, 'POST', `/organizations/${acme}/invitations/${id}/revoke`, {
      requesting_user_id: F.users.alice.id,
    });
    expect(r.body).toMatchObject({ id, status: 'revoked' });
    const again = await call(sb, 'POST', `/organizations/${acme}/invitations/${id}/revoke`);
    expect(again.status).toBe(404);
    expect(code(again)).toBe('organization_invitation_not_pending');
    expect(
      code(
        await call(
          sb,
          'POST',
          `/organizations/${acme}/invitations/${F.organizationInvitations.acmeAccepted.id}/revoke`,
        ),
      ),
    ).toBe('organization_invitation_not_pending');
    expect((await call(sb, 'DELETE', `/organizations/${acme}/invitations/${id}`)).status).toBe(405);
  });
});
