/**
 * The state asked for said as a that-clause ("we are needing that X is banned", "is it possible that X is
 * switched to …", "Y is requesting that X also is made admin"), and the progressive of a state verb ("who is
 * having the admin role"). Shapes of my own; a negated that-clause is never a request.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';

const parse = (text: string) => parseRequest(text, 0);

describe('a state asked for as a that-clause', () => {
  it.each([
    'We are needing that Nia Okafor is banned, could you please take care?',
    'is it possible that Nia Okafor is banned today itself',
    'Legal is requesting that Nia Okafor be banned.',
    'we request that Nia Okafor is banned',
    'kindly ensure that Nia Okafor gets banned',
  ])('%s → ban Nia Okafor', (text) => {
    expect(parse(text)).toEqual({
      kind: 'user_action',
      action: 'clerk_user_ban',
      targets: [{ kind: 'name', value: 'Nia Okafor' }],
    });
  });

  it.each([
    ['Carl from Umbrella is requesting that Nia also is made admin in Umbrella', 'membership_set_role', 'org:admin'],
    ['Is it possible that Nia is switched to the viewer role in Umbrella?', 'membership_set_role', 'org:viewer'],
    [
      'is it possible that everybody who is a normal member in Umbrella is switched to the viewer role until further notice?',
      'membership_set_role',
      'org:viewer',
    ],
  ])('%s', (text, kind, role) => {
    expect(parse(text)).toMatchObject({ kind, role });
  });

  it.each(['we are requesting that Nia Okafor is not banned', "is it possible that Nia Okafor isn't banned yet?"])(
    '%s → never a ban',
    (text) => {
      expect(parse(text)).not.toMatchObject({ kind: 'user_action', action: 'clerk_user_ban' });
    },
  );
});

describe('the progressive of a state verb', () => {
  it('who is having the admin role in Umbrella', () => {
    expect(parse('who is having the admin role in Umbrella?')).toMatchObject({
      kind: 'members_list',
      role: 'org:admin',
    });
  });
});

describe('who holds a role', () => {
  it.each([
    ['who has the billing role in Umbrella?', 'org:billing'],
    ['who holds viewer at Umbrella', 'org:viewer'],
    ["who's got admin in Umbrella?", 'org:admin'],
  ])('%s', (text, role) => {
    expect(parse(text)).toEqual({ kind: 'members_list', org: { kind: 'name', value: 'Umbrella' }, role, count: false });
  });
});

describe('desk-ticket wording around a reference', () => {
  it.each([
    'Umbrella has requested that the person having viewer (read only) role in their organisation should be removed from it. Kindly do the same and revert.',
    'Umbrella asked that the person having viewer role in their organization be removed from it, revert back once done',
    'Umbrella has requested that the user with the viewer role in their org is removed from it.',
  ])('%s → their one viewer leaves; no organization is taken from the words "revert" or "it"', (text) => {
    const intent = parse(text);
    expect(intent).toMatchObject({
      kind: 'membership_remove',
      users: [{ kind: 'role', value: 'org:viewer', one: true }],
    });
    expect(JSON.stringify(intent)).not.toMatch(/"value":"(?:revert|it)"/);
    // The role reference keeps no pronoun for an organization: the planner finds the one the message names.
    expect((intent as { users: Array<{ org?: string }> }).users[0]!.org).toBeUndefined();
  });

  it.each([
    'So, could we maybe promote whoever holds the billing role in Umbrella to a full admin there?',
    'could we please promote whoever holds the billing role in Umbrella to admin there',
    'can we promote whoever has billing in Umbrella to a proper admin',
  ])('%s → billing holders of Umbrella become admins', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'membership_set_role',
      users: [{ kind: 'role', value: 'org:billing', org: 'Umbrella' }],
      role: 'org:admin',
      org: { kind: 'name', value: 'Umbrella' },
    });
  });
});
