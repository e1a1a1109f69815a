/**
 * Two-lookup questions and references through the real agent loop: the second lookup is built from the first's
 * result, and an inviter reference only ever revokes an invitation that listing showed was sent by that person.
 */
import { describe, expect, it } from 'vitest';
import { ago } from '../../../src/llm/offline/two-lookups.js';
import { SEED_FACTS as F } from '../../../src/sandbox/index.js';
import { createStack, DAY, NOW } from './drive.js';

describe('two-lookup questions', () => {
  it("lists the user's organizations, then the membership in each", async () => {
    const stack = createStack();
    const turn = await stack.say('what role does Priya have in each of her organizations?');
    expect(turn.status).toBe('done');
    expect(turn.reads.map((r) => r.action)).toEqual([
      'clerk_users_list',
      'clerk_organizations_list',
      'clerk_org_membership_get',
    ]);
    expect(turn.reads[2]!.args).toMatchObject({ organization_id: F.organizations.acme.id });
    expect(turn.text).toMatch(/Acme Inc\s+admin/);
  });

  it('answers "how long ago" from the last sign-in date', async () => {
    const stack = createStack();
    const turn = await stack.say('how long ago did Omar last sign in?');
    expect(turn.text).toMatch(/Omar Haddad .* last signed in \d+ days ago \(2026-/);
  });

  it('words durations', () => {
    expect(ago(NOW - 3 * DAY, NOW)).toBe('3 days ago');
    expect(ago(NOW - 5 * 3_600_000, NOW)).toBe('5 hours ago');
    expect(ago(NOW - 90 * DAY, NOW)).toBe('3 months ago (90 days)');
  });
});

describe('an invitation described by who sent it', () => {
  it('revokes only a pending invitation whose inviter is that user', async () => {
    const stack = createStack();
    const turn = await stack.say('cancel the invitation Priya sent');
    expect(turn.status).toBe('paused');
    expect(turn.pending).toHaveLength(1);
    const { organization_id, invitation_id } = turn.pending[0]!.args as Record<string, string>;
    const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
    const res = await stack.sandbox.fetch(
      `${base}/v1/organizations/${organization_id}/invitations?status=pending&limit=100`,
      { headers: { authorization: `Bearer ${stack.sandbox.secretKey}` } },
    );
    const invitations = ((await res.json()) as { data: Array<{ id: string; inviter_id: string | null }> }).data;
    const priya = await stack.sandbox.fetch(`${base}/v1/users?email_address=priya@acme.test`, {
      headers: { authorization: `Bearer ${stack.sandbox.secretKey}` },
    });
    const priyaId = ((await priya.json()) as Array<{ id: string }>)[0]?.id;
    expect(priyaId).toMatch(/^user_/);
    expect(invitations.find((i) => i.id === invitation_id)?.inviter_id).toBe(priyaId);
    await stack.cancel(turn);
  });

  it('says what it checked when the person sent none', async () => {
    const stack = createStack();
    const turn = await stack.say('revoke the invitation sent by omar@acme.test');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(
      /no pending organization invitation sent by Omar Haddad .*I checked the pending invitations of/,
    );
  });
});
