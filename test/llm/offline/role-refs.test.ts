/**
 * References by organization role ("Globex's admins", "whoever has the viewer role in Initech"): the organization,
 * then its members with that role, then one gated change per member — never anyone the listing did not return.
 */
import { describe, expect, it } from 'vitest';
import { roleRef } from '../../../src/llm/offline/refs.js';
import { createStack, type Stack } from './drive.js';

async function membersWithRole(stack: Stack, orgSlug: string, role: string): Promise<string[]> {
  const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
  const headers = { authorization: `Bearer ${stack.sandbox.secretKey}` };
  const org = (await (await stack.sandbox.fetch(`${base}/v1/organizations/${orgSlug}`, { headers })).json()) as {
    id: string;
  };
  const res = await stack.sandbox.fetch(`${base}/v1/organizations/${org.id}/memberships?limit=100`, { headers });
  const data = ((await res.json()) as { data: Array<{ role: string; public_user_data: { user_id: string } }> }).data;
  return data
    .filter((m) => m.role === role)
    .map((m) => m.public_user_data.user_id)
    .sort();
}

describe('role references', () => {
  it.each([
    ["Globex's admins", { kind: 'role', value: 'org:admin', org: 'Globex' }],
    ['the viewers of Initech', { kind: 'role', value: 'org:viewer', org: 'Initech' }],
    ['whoever has the viewer role in Initech', { kind: 'role', value: 'org:viewer', org: 'Initech' }],
    ['everyone with the billing role at Hooli', { kind: 'role', value: 'org:billing', org: 'Hooli' }],
  ])('%s', (chunk, ref) => {
    expect(roleRef(chunk)).toEqual(ref);
  });

  it('is not a role reference when it names a person', () => {
    expect(roleRef('Dave Miller')).toBeUndefined();
    expect(roleRef("Dave's account")).toBeUndefined();
  });

  it('removes exactly the members with that role from that organization', async () => {
    const stack = createStack();
    const turn = await stack.say('remove whoever has the viewer role in Globex');
    const expected = await membersWithRole(stack, 'globex', 'org:viewer');
    expect(expected.length).toBeGreaterThan(0);
    expect(turn.pending.every((c) => c.action === 'clerk_org_membership_delete')).toBe(true);
    expect(turn.pending.map((c) => c.args.user_id as string).sort()).toEqual(expected);
    await stack.cancel(turn);
  });

  it('changes the role of each admin of the organization', async () => {
    const stack = createStack();
    const turn = await stack.say("demote Globex's admins to members");
    const expected = await membersWithRole(stack, 'globex', 'org:admin');
    expect(turn.pending.map((c) => [c.action, c.args.user_id, c.args.role])).toEqual(
      expect.arrayContaining(expected.map((id) => ['clerk_org_membership_update', id, 'org:member'])),
    );
    expect(turn.pending).toHaveLength(expected.length);
    await stack.cancel(turn);
  });

  it('says so when nobody has the role', async () => {
    const stack = createStack();
    const turn = await stack.say("remove Stark's guests");
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Nobody in Stark has the guest role/);
  });
});

describe('references by description', () => {
  it('finds the OAuth app whose name mentions a word', async () => {
    const stack = createStack();
    const turn = await stack.say('delete the OAuth app whose name mentions the dashboard');
    expect(turn.pending.map((c) => c.action)).toEqual(['clerk_client_delete']);
    expect(turn.text).toMatch(/OAuth application "Internal Dashboard"/);
    await stack.cancel(turn);
  });

  it('finds the domain that is not the primary one among the listed domains', async () => {
    const stack = createStack();
    const turn = await stack.say('delete the domain that is not the primary one');
    const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
    const res = await stack.sandbox.fetch(`${base}/v1/domains`, {
      headers: { authorization: `Bearer ${stack.sandbox.secretKey}` },
    });
    const satellites = ((await res.json()) as { data: Array<{ id: string; is_satellite: boolean }> }).data.filter(
      (d) => d.is_satellite,
    );
    expect(satellites).toHaveLength(1);
    expect(turn.pending.map((c) => [c.action, c.args.domain_id])).toEqual([['clerk_domain_delete', satellites[0]!.id]]);
    await stack.cancel(turn);
  });
});
