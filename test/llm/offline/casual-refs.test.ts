/**
 * How people point at users and organizations in quick chat (issue 15, round 3), several shapes each, none of
 * them scenario text: a lowercase full name reported with a negative ("ann lee hasn't logged in …") is a
 * pronoun's antecedent; "lock X out" / "for now" / "(she's on leave)" leave the name alone; a CRM id is an
 * external id; "need X banned" with no subject; "move X out of A and into B"; "make it so X is admin";
 * "put X in it as the admin"; "but only as a viewer"; a question tag ("… right?") is not part of a name.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';

const parse = (text: string) => parseRequest(text, 0);

describe('the person named, however the sentence dresses it', () => {
  it.each([
    ["nia okafor hasn't signed in for months, delete her account", 'nia okafor'],
    ["nia okafor wasn't paying anymore, so lock her account", 'nia okafor'],
    ['lock nia out for now, she is travelling', 'nia'],
    ['please ban nia for the time being', 'nia'],
    ['lock nia (she asked us to) asap', 'nia'],
  ])('%s → %s', (text, name) => {
    expect(JSON.stringify(parse(text))).toContain(`"value":"${name}"`);
  });

  it.each([
    'lock the customer with CRM id cust-991',
    'lock the user whose crm id is cust-991',
    'lock the account with the ERP id cust-991',
  ])('%s → the external id', (text) => {
    expect(parse(text)).toMatchObject({ targets: [{ kind: 'external', value: 'cust-991' }] });
  });

  it.each(['need nia banned, she was spamming', 'need nia banned asap', 'really need nia banned'])('%s', (text) => {
    expect(parse(text)).toMatchObject({ kind: 'user_action', action: 'clerk_user_ban' });
  });
});

describe('memberships said casually', () => {
  it.each([
    'can u move nia, so out of Umbrella and into Hooli as a member',
    'move nia out of Umbrella and into Hooli',
    'move nia from Umbrella into Hooli',
  ])('%s → out of Umbrella, into Hooli', (text) => {
    const steps = (parse(text) as { steps: Array<{ kind: string; org: { value: string } }> }).steps;
    expect(steps.map((s) => [s.kind, s.org.value]).sort()).toEqual([
      ['membership_add', 'Hooli'],
      ['membership_remove', 'Umbrella'],
    ]);
  });

  it.each([
    ['can u make it so nia is admin in Hooli', 'membership_set_role', 'org:admin'],
    ['make it so that nia becomes a viewer in Hooli', 'membership_set_role', 'org:viewer'],
    ['add nia to Hooli but only as a viewer', 'membership_add', 'org:viewer'],
    ['put nia into Hooli as the admin', 'membership_add', 'org:admin'],
  ])('%s', (text, kind, role) => {
    expect(parse(text)).toMatchObject({ kind, role, org: { value: 'Hooli' } });
  });

  it('create an organization and put someone in it as the admin', () => {
    expect(parse('create an org called Foo Labs and put nia lee in it as the admin')).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'org_create', fields: { name: 'Foo Labs' } },
        { kind: 'membership_add', role: 'org:admin', org: { value: 'Foo Labs' } },
      ],
    });
  });
});

describe('a record introduced as a question, then acted on', () => {
  it.each([
    "there's an oauth app with sync in the name right? rename it to Sync Two",
    'we have an oauth app called sync, yeah? rename it to Sync Two',
  ])('%s', (text) => {
    const intent = parse(text);
    const steps = intent.kind === 'sequence' ? intent.steps : [intent];
    expect(steps.find((s) => s.kind === 'named_update')).toMatchObject({
      ref: { kind: 'name', value: 'sync' },
      fields: { name: 'Sync Two' },
    });
  });
});
