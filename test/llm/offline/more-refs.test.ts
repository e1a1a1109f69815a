/**
 * More ways of pointing at a record (issue 15, round 3), each in several shapes of my own: an organization by
 * creation date, a field named before the organization it belongs to, "the Hooli viewer" (organization as an
 * adjective, one holder), a user by surname only, "the person X invited" as that invitation, and a kept record
 * that is never a topic to act on.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { roleRef, toRef } from '../../../src/llm/offline/refs.js';
import { emptyEntities } from '../../../src/llm/offline/entities.js';
import { topicOf } from '../../../src/llm/offline/topic.js';
import { createStack } from './drive.js';

const parse = (text: string) => parseRequest(text, 0);

describe('an organization by creation date', () => {
  it.each([
    ['show the newest organization', 'newest'],
    ['how many members does our latest org have', 'newest'],
    ['rename the most recently created organization to Foo Labs', 'newest'],
    ['what is the slug of the oldest org?', 'oldest'],
    ['list the members of the earliest organization', 'oldest'],
  ])('%s → %s', (text, value) => {
    expect(parse(text)).toMatchObject({ org: { kind: 'newest', value } });
  });

  it('is one read in creation order, and the card names the organization found', async () => {
    const stack = createStack();
    const turn = await stack.say('rename the newest org to Foo Labs');
    expect(turn.reads).toContainEqual({
      action: 'clerk_organizations_list',
      args: { order_by: '-created_at', limit: 1 },
    });
    expect(turn.pending.map((p) => [p.action, p.args.name])).toEqual([['clerk_organization_update', 'Foo Labs']]);
    await stack.cancel(turn);
  });
});

describe('a field said before its organization', () => {
  it.each([
    ["what's the slug of Umbrella?", 'Umbrella'],
    ['show me the slug of Umbrella', 'Umbrella'],
    ["what is Umbrella's slug?", 'Umbrella'],
  ])('%s → %s', (text, org) => {
    expect(parse(text)).toMatchObject({ kind: 'org_get', org: { kind: 'name', value: org } });
  });
});

describe('the organization as an adjective of a role', () => {
  it.each([
    ['the Hooli viewer', { kind: 'role', value: 'org:viewer', org: 'Hooli', one: true }],
    ['our Umbrella billing person', { kind: 'role', value: 'org:billing', org: 'Umbrella', one: true }],
    ['the Initech admins', { kind: 'role', value: 'org:admin', org: 'Initech' }],
  ])('%s', (text, ref) => {
    expect(roleRef(text)).toEqual(ref);
  });

  it('a lowercase word before a role is no organization', () => {
    expect(roleRef('the new admin')).toBeUndefined();
  });
});

describe('a user by one part of the name', () => {
  it.each([
    ['the user with the surname Okafor', 'Okafor'],
    ['the person whose last name is Okafor', 'Okafor'],
    ['whoever’s first name is Nia', 'Nia'],
    ['the account with last name Okafor', 'Okafor'],
    ['the member having the family name Okafor', 'Okafor'],
  ])('%s → %s', (text, name) => {
    expect(toRef(text, emptyEntities())).toEqual({ kind: 'name', value: name });
  });
});

describe('the person someone invited is that invitation', () => {
  it.each([
    'the person Carl Ray invited to Umbrella - cancel that invite',
    'revoke the invite for the contractor Carl Ray invited to Umbrella',
    'the guy Carl Ray invited to Umbrella should not get in. revoke that invitation',
  ])('%s', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'invitation_by_inviter',
      inviter: { kind: 'name', value: 'Carl Ray' },
    });
  });
});

describe('what is kept is never a topic', () => {
  it.each([
    'the new hire invite for Sales stays as it is',
    'the invite Alice sent is still wanted',
    'the Hooli org should stay',
  ])('%s', (text) => {
    expect(topicOf(text)).toBeUndefined();
  });
});

describe('a holder said as "the guy from Foo who is a viewer"', () => {
  it.each([
    ['remove the guy from Initech who is a viewer', 'membership_remove'],
    ['lock the user at Initech that has admin', 'user_action'],
    ['please demote the person over at Initech who holds the admin role to member', 'membership_set_role'],
  ])('%s', (text, kind) => {
    expect(parse(text)).toMatchObject({
      kind,
      ...(kind === 'user_action' ? { targets: [{ kind: 'role', org: 'Initech', one: true }] } : {}),
      ...(kind !== 'user_action' ? { users: [{ kind: 'role', org: 'Initech', one: true }] } : {}),
    });
  });
});

describe('an app invitation said by who it went to', () => {
  it('the one pending invitation whose address the message says is revoked, nothing is asked', async () => {
    const stack = createStack();
    const turn = await stack.say('revoke the app invite we sent to the consultant');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_invitation_revoke']);
    expect(turn.text).toMatch(/consultant@example\.com/);
    await stack.cancel(turn);
  });

  it('no address said: asks which', async () => {
    const stack = createStack();
    const turn = await stack.say('revoke the pending app invitation');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Which one should I revoke/);
  });
});

describe('which invitations someone sent', () => {
  it.each([
    'which invitations did Carl Ray send?',
    'what invites has Carl Ray sent out, and to whom?',
    'show the invites sent by Carl Ray',
    'list the invitations Carl Ray sent',
  ])('%s → a question, never a revocation', (text) => {
    expect(parse(text)).toEqual({
      kind: 'invitation_by_inviter',
      inviter: { kind: 'name', value: 'Carl Ray' },
      show: true,
    });
  });

  it('through the loop: listed, nothing revoked', async () => {
    const stack = createStack();
    const turn = await stack.say('which invitations did Priya Patel send?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/auditor@example\.com/);
  });
});

describe('the organization as a lowercase adjective of a role', () => {
  it.each([
    ['the initech admin', { kind: 'role', value: 'org:admin', org: 'initech', one: true }],
    ['our umbrella billing person', { kind: 'role', value: 'org:billing', org: 'umbrella', one: true }],
    ['the hooli viewers', { kind: 'role', value: 'org:viewer', org: 'hooli' }],
  ])('%s', (text, ref) => {
    expect(roleRef(text)).toEqual(ref);
  });

  it.each(['the new admin', 'our other admin', 'the acting admin'])('%s names no organization', (text) => {
    expect(roleRef(text)).toBeUndefined();
  });

  it('a pronoun in another sentence means that holder', () => {
    expect(parse('the initech admin needs to see the hooli stuff too. add him to hooli as a viewer')).toMatchObject({
      kind: 'membership_add',
      users: [{ kind: 'role', value: 'org:admin', org: 'initech', one: true }],
      role: 'org:viewer',
    });
  });
});

describe('the domain that is not the main one', () => {
  it.each([
    'the shop closed, so the extra domain we set up for it can go. not the main one!',
    'We still have the old extra domain configured next to our main one. Could we remove the extra one (the one that is not our primary domain)?',
    'delete the other domain, keep the main one',
    'the secondary domain can go now',
  ])('%s → the satellite domain is deleted', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'named_delete',
      resource: 'domain',
      refs: [{ where: 'satellite' }],
    });
  });

  it('"can go" about a person or a place is no deletion', () => {
    expect(parse('the new hire can go to the onboarding call')).not.toMatchObject({ kind: 'named_delete' });
  });
});
