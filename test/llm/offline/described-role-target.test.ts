/**
 * A role change whose target is itself a role description ("switch whoever has the billing role in Initech to
 * viewer", "make the Wayne guest a member"), said directly or through a pronoun whose antecedent is that
 * description in another sentence. Round 4 causes: the description's own role word was read as the new role, a
 * description containing the word "role" was refused as "his role", "read-only" was no role word, and an
 * organization name ran on into the verb after it ("Hooli wants …").
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { roleRef } from '../../../src/llm/offline/refs.js';
import { createStack, NOW } from './drive.js';

type Change = { kind: string; users?: Array<Record<string, unknown>>; role?: string; org?: { value: string } };

function change(text: string): Change {
  return parseRequest(text, NOW) as Change;
}

describe('a role description as the target of a role change', () => {
  it.each([
    ['switch whoever currently has the guest role in Initech to member', 'org:guest', 'Initech', 'org:member'],
    ['pls move the person who holds the billing role at Hooli over to viewer', 'org:billing', 'Hooli', 'org:viewer'],
    ['make the Wayne guest a regular member', 'org:guest', 'Wayne', 'org:member'],
    ["could you make Umbrella's billing person an admin?", 'org:billing', 'Umbrella', 'org:admin'],
    ['make the only viewer of stark a basic member', 'org:viewer', 'stark', 'org:member'],
    ['bump anyone with the viewer role in Hooli up to member', 'org:viewer', 'Hooli', 'org:member'],
  ])('%s', (text, from, org, to) => {
    const intent = change(text);
    expect(intent.kind).toBe('membership_set_role');
    expect(intent.role).toBe(to);
    expect(intent.org?.value).toBe(org);
    expect(intent.users).toEqual([expect.objectContaining({ kind: 'role', value: from, org })]);
  });

  it.each([
    // The antecedent is a description in another sentence or clause, the change says "them" / "that person".
    ['Whoever has the guest role in Initech is changing teams. Could you switch that person to viewer?', 'org:guest'],
    ['the billing person at Hooli needs more access now, make them an admin in Hooli', 'org:billing'],
    ['The Umbrella viewer wants to edit things. pls make them a normal member', 'org:viewer'],
    ['Hi! the read-only user at Stark asked for edit rights. Can you bump them up to member? Thanks', 'org:viewer'],
    ['whoever currently holds the billing role in Wayne, could you move them to viewer', 'org:billing'],
  ])('%s', (text, from) => {
    const intent = change(text);
    expect(intent.kind).toBe('membership_set_role');
    expect(intent.users).toEqual([expect.objectContaining({ kind: 'role', value: from })]);
    expect(intent.role).not.toBe(from);
  });

  it.each([
    ['the read-only user at Hooli', 'org:viewer', 'Hooli'],
    ['whoever is read only in Initech', 'org:viewer', 'Initech'],
    ['the Stark read-only person', 'org:viewer', 'Stark'],
  ])('"read-only" is the viewer role: %s', (chunk, value, org) => {
    expect(roleRef(chunk)).toEqual(expect.objectContaining({ kind: 'role', value, org }));
  });

  it('an organization typed with a capital does not run on into the verb after it', () => {
    expect(roleRef('the viewer in Hooli wants')).toBeUndefined();
    expect(roleRef('the viewer in Hooli')).toEqual(expect.objectContaining({ org: 'Hooli' }));
    // Typed in lower case throughout, the name may have several words.
    expect(roleRef('the billing person at wayne enterprises')).toEqual(
      expect.objectContaining({ org: 'wayne enterprises' }),
    );
  });

  it('a role change never reads the target description as the new role', () => {
    // Nobody is "made a viewer" by "make the viewer …": the new role is the one said after the description.
    for (const text of ['make the Initech viewer a member', 'make the viewer in Initech a member of Initech']) {
      const intent = change(text);
      expect(intent.role).toBe('org:member');
      expect(intent.users?.[0]).toEqual(expect.objectContaining({ kind: 'role', value: 'org:viewer' }));
    }
  });

  it('changes exactly the holders the membership list returns, to the role asked', async () => {
    const stack = createStack();
    const turn = await stack.say('The Globex viewers want to edit things. make them regular members of Globex');
    const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
    const headers = { authorization: `Bearer ${stack.sandbox.secretKey}` };
    const org = (await (await stack.sandbox.fetch(`${base}/v1/organizations/globex`, { headers })).json()) as {
      id: string;
    };
    const res = await stack.sandbox.fetch(`${base}/v1/organizations/${org.id}/memberships?limit=100`, { headers });
    const data = ((await res.json()) as { data: Array<{ role: string; public_user_data: { user_id: string } }> }).data;
    const viewers = data.filter((m) => m.role === 'org:viewer').map((m) => m.public_user_data.user_id);
    expect(viewers.length).toBeGreaterThan(0);
    expect(turn.pending.map((c) => [c.action, c.args.user_id, c.args.role]).sort()).toEqual(
      viewers.map((id) => ['clerk_org_membership_update', id, 'org:member']).sort(),
    );
    await stack.cancel(turn);
  });

  it.each([
    ["who are Initech's viewers?", 'Initech', 'org:viewer'],
    ["who's the billing person at Wayne right now?", 'Wayne', 'org:billing'],
    ['Quick q: who is the Hooli admin', 'Hooli', 'org:admin'],
    ['show whoever holds the guest role in Umbrella', 'Umbrella', 'org:guest'],
    ['who are the read-only folks in Stark currently?', 'Stark', 'org:viewer'],
  ])('a question about a role description lists those holders: %s', (text, org, role) => {
    expect(parseRequest(text, NOW)).toEqual({
      kind: 'members_list',
      org: { kind: 'name', value: org },
      role,
      count: false,
    });
  });

  it.each([
    // The antecedent is "their <role> seat" (the organization the message names), the request a noun action.
    [
      'Refund fraud on the Initech account came from their billing seat. Put a lock on that person pending review.',
      'clerk_user_lock',
    ],
    ['Hooli: spam invites were sent from its admin seat. pls lock that person’s account', 'clerk_user_lock'],
    ['The Wayne chargeback traces to their org:billing seat - place a ban on that person', 'clerk_user_ban'],
    [
      'their viewer account at Stark leaked a report. Could you lock that account until we know more?',
      'clerk_user_lock',
    ],
    ['Umbrella says their guest user is abusing the API. ban that person.', 'clerk_user_ban'],
  ])('%s', (text, action) => {
    const intent = parseRequest(text, NOW) as { kind: string; action?: string; targets?: Array<{ kind: string }> };
    expect(intent.kind).toBe('user_action');
    expect(intent.action).toBe(action);
    expect(intent.targets).toEqual([expect.objectContaining({ kind: 'role' })]);
  });

  it('a singular pronoun for "whoever holds R" asks which holder when several hold it', async () => {
    const stack = createStack();
    const turn = await stack.say('Whoever has the admin role in Globex is leaving soon. Please lock that person.');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Which one/i);
    const plural = await stack.say('Whoever has the admin role in Globex is leaving soon. Please lock them.');
    expect(plural.pending).toHaveLength(2);
    await stack.cancel(plural);
  });
});
