/**
 * Two more ways people point at a user (issue 15, round 3), five shapes each, none of them scenario text:
 * the one who does a role's work ("our Hooli contact who handles billing") is that role's holder, and a username
 * said beside a name ("Ann (username annk)") is what the lookup searches for.
 */
import { describe, expect, it } from 'vitest';
import { describedRef } from '../../../src/llm/offline/described.js';
import { parseRequest } from '../../../src/llm/offline/request.js';

const parse = (text: string) => parseRequest(text, 0);

describe('the one who does a role is its holder', () => {
  it.each([
    ['our Hooli contact who handles billing', { kind: 'role', value: 'org:billing', org: 'Hooli', one: true }],
    ['the person that looks after admin at Initech', { kind: 'role', value: 'org:admin', org: 'Initech', one: true }],
    [
      'their rep who takes care of billing in Umbrella',
      { kind: 'role', value: 'org:billing', org: 'Umbrella', one: true },
    ],
    [
      'the Wayne colleague who is in charge of billing',
      { kind: 'role', value: 'org:billing', org: 'Wayne', one: true },
    ],
    ['our contact who runs the admin side of Hooli', { kind: 'role', value: 'org:admin', org: 'Hooli', one: true }],
  ])('%s', (text, ref) => {
    expect(describedRef(text)).toEqual(ref);
  });

  it('a pronoun elsewhere in the message means that holder', () => {
    expect(
      parse('Our Hooli contact who handles billing changed teams. Please make her a plain member of Hooli.'),
    ).toMatchObject({
      kind: 'membership_set_role',
      users: [{ kind: 'role', value: 'org:billing', org: 'Hooli', one: true }],
      role: 'org:member',
    });
  });

  it('someone who does something else is no role holder', () => {
    expect(describedRef('our contact who handles the invoices')).toBeUndefined();
    expect(describedRef('the person who signed the contract')).toBeUndefined();
  });
});

describe('a username beside a name', () => {
  it.each([
    ['lock Ann (username annk)', 'annk'],
    ['please ban Ann Kim (login annk) right away', 'annk'],
    ['Ann (username: annk) keeps failing MFA, lock her', 'annk'],
    ['ann, username annk, is a spammer. lock her', 'annk'],
    ['can you lock the account of Ann (handle annk)?', 'annk'],
  ])('%s → %s', (text, username) => {
    expect(parse(text)).toMatchObject({
      kind: 'user_action',
      action: expect.stringMatching(/^clerk_user_(?:lock|ban)$/),
      targets: [{ kind: 'name', value: username }],
    });
  });
});
