/**
 * Round 19 of the offline model: code spans around an address or a role key, a record then an arrow then what to do
 * to it, clipped verbs, a reason said after the request with a subject of its own, a domain said aloud, "all of
 * them" after accounts placed at one domain, and a key said in words before its metadata. Invented phrasings on
 * the demo seed. Tests marked (safety) were seen to fail with their guard removed.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/llm/offline/accounting.js';
import { withoutCourtesy as withoutCourtesyOf } from '../../../src/llm/offline/courtesy.js';
import { withKeyInWords } from '../../../src/llm/offline/key-of-owner.js';
import { spokenForms } from '../../../src/llm/offline/spoken.js';
import { correctTypos } from '../../../src/llm/offline/lexicon.js';
import { createStack, NOW } from './drive.js';

const calls = (turn: { pending: Array<{ action: string; args: Record<string, unknown> }> }) =>
  turn.pending.map((p) => [p.action, p.args]);
const say = async (text: string) => createStack().say(text);
const intentOf = (text: string) => understand(text, NOW).intent;
const JANE = 'user_2xBMiZX9VCaTFyCOPsP3L000004';

describe('a permanent organization delete', () => {
  it('(safety) never falls back to another organization the message names when the words read as its name name a person', async () => {
    const turn = await say('pls remve Ivan Petrov fron the Globex organisation');
    expect(calls(turn).map(([action]) => action)).not.toContain('clerk_organization_delete');
  });

  it('a removal typed with clipped words is the membership removal', async () => {
    const turn = await say('pls remve Ivan Petrov frm Globex org, only the org access');
    expect(calls(turn)).toEqual([
      ['clerk_org_membership_delete', { organization_id: expect.any(String), user_id: expect.any(String) }],
    ]);
  });

  it('"their workspace" and "the whole group" still find the one organization the message names', async () => {
    for (const text of [
      'Stark Industries cancelled with us. Please delete their workspace.',
      'the Stark Industries group is from an old event, can you delete the whole group',
    ]) {
      const turn = await say(text);
      expect(calls(turn)).toEqual([['clerk_organization_delete', { organization_id: expect.any(String) }]]);
    }
  });

  it('a reason after the request, with its own subject and verb, is not part of the name', () => {
    expect(intentOf('could you delete the Stark Industries org as their contract has ended')).toMatchObject({
      kind: 'org_delete',
      orgs: [{ kind: 'name', value: 'Stark Industries' }],
    });
    // ("as" with no verb after it is no reason: the role stays.)
    expect(intentOf('add lee@initech.test to Hooli as an admin')).toMatchObject({ role: 'org:admin' });
  });
});

describe('terse technical notes', () => {
  it('a code span around an address, a pattern or a role key is read as the bare entity', () => {
    expect(intentOf('blocklist `junk@burner.test` please')).toMatchObject({
      kind: 'list_add',
      list: 'blocklist',
      identifiers: ['junk@burner.test'],
    });
    expect(intentOf('lock `lee@initech.test` now')).toMatchObject({
      kind: 'user_action',
      targets: [{ kind: 'email', value: 'lee@initech.test' }],
    });
  });

  it('a code span around a plain word stays a quoted value', () => {
    expect(intentOf('rename Hooli to `Hooli XYZ`')).toMatchObject({ newName: 'Hooli XYZ' });
  });

  it('a record, an arrow, then what to do to it', () => {
    expect(intentOf('`*@burner.test` → blocklist')).toMatchObject({ kind: 'list_add', identifiers: ['*@burner.test'] });
    expect(intentOf('hooli → rename to "Hooli Labs"')).toMatchObject({ kind: 'rename_any', newName: 'Hooli Labs' });
    expect(intentOf('`supabase` jwt template → delete')).toMatchObject({ kind: 'named_delete', resource: 'jwt' });
  });

  it('every holder of a role said as its key, with an arrow to the new role', () => {
    expect(intentOf('initech: everyone with `org:admin` → `org:member`, until the audit ends')).toMatchObject({
      kind: 'membership_set_role',
      users: [{ kind: 'role', value: 'org:admin' }],
      role: 'org:member',
    });
  });
});

describe('slips', () => {
  it('verbs typed without their vowels, only where a verb stands', () => {
    expect(correctTypos('pls mak her admin')).toBe('pls make her admin');
    expect(correctTypos('Mak Chen is new')).toBe('Mak Chen is new');
    expect(correctTypos('pls rmv him frm hooli')).toBe('pls remove him from hooli');
  });

  it('a slip at the end of a verb is corrected, an inflection is not', () => {
    expect(correctTypos('please revokr it')).toBe('please revoke it');
    expect(correctTypos('please unlockr it')).toBe('please unlock it');
    expect(correctTypos('the remover tool')).toBe('the remover tool');
  });
});

describe('domains and the accounts at them', () => {
  it('a domain said aloud, without a mailbox', () => {
    expect(spokenForms('sign-ups from junkmail dot test again')).toBe('sign-ups from junkmail.test again');
    expect(spokenForms('the dot com days')).toBe('the dot com days');
  });

  it('"all of them" after accounts placed at one domain is every user at it', () => {
    expect(intentOf('a pile of fake accounts came from burner.test overnight. lock all of them')).toMatchObject({
      kind: 'bulk_user_action',
      action: 'clerk_user_lock',
      filter: { emailQuery: '@burner.test' },
    });
  });

  it('with no domain named, "all of them" is still refused', () => {
    expect(intentOf('a pile of fake accounts came in overnight. lock all of them')).toMatchObject({ kind: 'refuse' });
  });
});

describe('a key said in words', () => {
  it('before the metadata it is in, it is written as a key', () => {
    expect(withKeyInWords('please change the badge number in private metadata')).toBe(
      'please change the badge_number in private metadata',
    );
    expect(withKeyInWords('3) Tier in public metadata to be set as gold')).toBe(
      '3) the tier in public metadata to be set as gold',
    );
    expect(withKeyInWords('set role in public metadata')).toBe('set the role in public metadata');
  });

  it('the value stops at the end of its sentence', () => {
    expect(
      intentOf('kindly update the badge number in private metadata for lee@initech.test as B-77. The old one is lost'),
    ).toMatchObject({ kind: 'user_update', fields: { private_metadata: { badge_number: 'B-77' } } });
  });
});

describe('service-desk English', () => {
  it('courtesy goes, and "revert back with the status for X" is the question', async () => {
    expect(
      intentOf(
        'Greetings of the day! Pls revert back with the status for the invite we sent newbie@acme.test. Do not resend it.',
      ),
    ).toMatchObject({ kind: 'invitations_list', query: 'newbie@acme.test' });
  });

  it('"revert" that is not a reply keeps its meaning (no reply words after it)', () => {
    expect(withoutCourtesyOf('please revert the change for bob')).toBe('please revert the change for bob');
    expect(withoutCourtesyOf('lock bob and revert back the role change for ann')).toBe(
      'lock bob and revert back the role change for ann',
    );
    expect(withoutCourtesyOf('lock him on top priority basis, revert back once done')).toBe('lock him');
  });

  it('"do the needful" after a lock-out statement restores sign-in for the one address the ticket gives', () => {
    expect(
      intentOf(
        'Mail ID : lee@initech.test\nIssue : she is unable to log in, account is locked.\n\nKindly do the needful.',
      ),
    ).toMatchObject({ kind: 'user_restore_sign_in', targets: [{ kind: 'email', value: 'lee@initech.test' }] });
  });

  it('"apart from that" leaves nothing out, and "keep everything as today" only limits', () => {
    expect(
      intentOf(
        'please give lee@initech.test the billing role in Initech. Apart from that he keeps everything as today.',
      ),
    ).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:billing',
    });
  });
});

describe('reported changes', () => {
  it('a rebrand reported, then the rename asked without the value', () => {
    expect(intentOf('hooli rebranded, theyre "Hooli Cloud" now. can u update the name on their account')).toMatchObject(
      {
        kind: 'rename_any',
        target: { kind: 'name', value: 'hooli' },
        newName: 'Hooli Cloud',
      },
    );
    expect(intentOf('we rebranded, so "Hooli" should now read "Hooli Cloud". fix it pls')).toMatchObject({
      kind: 'rename_any',
      newName: 'Hooli Cloud',
    });
  });

  it('a rebrand reported with no ask stays a report', () => {
    expect(intentOf('hooli rebranded to "Hooli Cloud" last spring')).not.toMatchObject({ kind: 'rename_any' });
  });

  it("a key named as someone's takes a plain value, and only a key the record has", async () => {
    const turn = await say("set dave miller's department to marketing");
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { department: 'marketing' } }],
    ]);
    const none = await say("set dave miller's shoe size to large");
    expect(calls(none)).toEqual([]);
  });

  it('"X said her <key> is A, not B — fix it" is that change', async () => {
    const turn = await say('dave miller says his department is marketing, not sales. could u fix it');
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { department: 'marketing' } }],
    ]);
    // ("is shown not exactly": how the value is shown, no right and wrong value.)
    expect(intentOf('for Initech the industry is shown not exactly, correct is "Fintech"')).not.toMatchObject({
      to: 'shown',
    });
  });

  it('a wish relayed from someone else is a request', () => {
    expect(intentOf('my boss wants dave@acme.test locked, like right now')).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_lock',
      targets: [{ kind: 'email', value: 'dave@acme.test' }],
    });
  });
});

describe('references', () => {
  it('the newest sign-up, described, then "it" in a later sentence', () => {
    expect(intentOf('the newest signup has a weird name. ban it please')).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_ban',
      targets: [{ kind: 'newest', value: 'user' }],
    });
  });

  it('a template named by its tokens, and "them" for those tokens in the next sentence', () => {
    expect(intentOf('the supabase token thing times out too quickly. make them last one full hour')).toMatchObject({
      kind: 'named_update',
      resource: 'jwt',
      fields: { lifetime: 3600 },
    });
  });

  it('an organization by its creator, named in lower case', async () => {
    const turn = await say('set the member limit of the org that bill lumbergh made to 30');
    expect(calls(turn)).toEqual([
      ['clerk_organization_update', { organization_id: expect.any(String), max_allowed_memberships: 30 }],
    ]);
  });

  it('(safety) "the member limit" is a setting, never a role change', async () => {
    const turn = await say('set the member limit of the org that bill lumbergh runs to 30');
    expect(calls(turn).map(([action]) => action)).not.toContain('clerk_org_membership_update');
  });
});

describe('more plain forms', () => {
  it('"how many X she has" is the question in statement order; a clause with no subject stays', async () => {
    const { withPlainForms } = await import('../../../src/llm/offline/plain-forms.js');
    expect(withPlainForms('how many open sessions he is having')).toBe('how many open sessions does he have');
    expect(withPlainForms('how many members their org is allowed to have')).toBe(
      'how many members their org is allowed to have',
    );
  });

  it('"restore her access" below a pasted mail is the sender\'s sign-in', () => {
    expect(
      intentOf(
        'fwd below.\n\nFrom: Lee Wong <lee@initech.test>\nHi, the portal says my login is locked.\nLee\n\nPlease restore her access.',
      ),
    ).toMatchObject({
      kind: 'user_restore_sign_in',
    });
  });

  it('adding an address no account has to an organization invites it there, with the role asked', async () => {
    const turn = await say('add brand.new@acme.test to Acme as admin');
    expect(calls(turn)).toEqual([
      [
        'clerk_org_invitation_create',
        { organization_id: expect.any(String), email_address: 'brand.new@acme.test', role: 'org:admin' },
      ],
    ]);
  });

  it('several addresses with no account are each invited; a mix with an account is not turned into invitations', async () => {
    const both = await say('add first.new@acme.test and second.new@acme.test to Acme');
    expect(calls(both).map(([action, args]) => [action, (args as { email_address: string }).email_address])).toEqual([
      ['clerk_org_invitation_create', 'first.new@acme.test'],
      ['clerk_org_invitation_create', 'second.new@acme.test'],
    ]);
    const mixed = await say('add first.new@acme.test and jane@example.com to Acme');
    expect(calls(mixed).map(([action]) => action)).not.toContain('clerk_org_invitation_create');
  });

  it('an address that has an account is still added as a member', async () => {
    const turn = await say('add jane@example.com to Initech');
    expect(calls(turn)).toEqual([
      [
        'clerk_org_membership_create',
        { organization_id: expect.any(String), user_id: expect.any(String), role: 'org:member' },
      ],
    ]);
  });
});

describe('which organization a step without one means', () => {
  it('(safety) a name said short elsewhere in the message makes the one said in full no longer the only one', async () => {
    const { mentionedOne } = await import('../../../src/llm/offline/mentioned.js');
    const orgs = [{ name: 'Hollis & Daughters Bakery' }, { name: 'Pine Street Imports' }];
    const text =
      '1. add jane to Pine Street Imports. 2. Hollis & Daughters took on staff; raise their seat limit to 9.';
    expect(mentionedOne(text, orgs, (o) => [o.name])).toBeUndefined();
    // (Said inside the full name only, it names nothing more.)
    expect(mentionedOne('raise the limit of Pine Street Imports to 9', orgs, (o) => [o.name])).toEqual(orgs[1]);
    expect(mentionedOne('Hollis & Daughters took on staff; raise their seat limit', orgs, (o) => [o.name])).toEqual(
      orgs[0],
    );
  });

  it('a condition after the pronoun is no part of the name', () => {
    expect(intentOf('check whether Lee Wong is locked, and unlock him if so')).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_unlock',
    });
    expect(intentOf('unlock Lee Wong if needed')).toMatchObject({ targets: [{ kind: 'name', value: 'Lee Wong' }] });
  });
});

describe('metadata said in plain words', () => {
  it('a value said as what the entry says ("…, saying call first")', () => {
    expect(
      intentOf(
        'put a private note on jane@example.com (private metadata, hidden from her), key desk_note saying call first',
      ),
    ).toMatchObject({ kind: 'user_update', fields: { private_metadata: { desk_note: 'call first' } } });
  });

  it('"remove the <word> flag" removes the one key of theirs that starts with that word', async () => {
    const stack = createStack();
    const sb = stack.sandbox;
    const res = await sb.fetch(`${sb.baseUrl}/users/${JANE}/metadata`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${sb.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ public_metadata: { trial_extended: true } }),
    });
    expect(res.ok).toBe(true);
    const turn = await stack.say(
      'jane@example.com paid in the end. please remove the trial flag from her record, delete it',
    );
    expect(calls(turn)).toEqual([['clerk_user_update', { user_id: JANE, public_metadata: { trial_extended: null } }]]);
  });
});

describe('two asks in one sentence', () => {
  it('(safety) a value asked by its field beside another change is its own step, never folded into the other', async () => {
    const turn = await say("set hooli's plan to pro, and set initech's member limit to 8");
    expect(calls(turn)).toEqual([
      [
        'clerk_organization_update',
        { organization_id: 'org_23lL8IUJVbC37mDfBz7sh000023', public_metadata: { plan: 'pro' } },
      ],
      ['clerk_organization_update', { organization_id: 'org_21SdmsFEDghG24EYhHBqE000021', max_allowed_memberships: 8 }],
    ]);
  });

  it('", and Foo can have up to N people now" is a request of its own; "mom says:" and "is moving to" are plain forms', () => {
    expect(
      intentOf("mom says: hooli's plan is moving to pro, and initech may have up to 8 people in their org now"),
    ).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'value_swap', to: 'pro' },
        { kind: 'org_update', org: { value: 'initech' }, fields: { max_allowed_memberships: 8 } },
      ],
    });
  });
});

describe('a value for a record named in its own clause', () => {
  it('(safety) a value its record already holds never goes to the other record the message names', async () => {
    const turn = await say("set hooli's plan to enterprise, and set initech's member limit to 8");
    expect(calls(turn)).toEqual([
      ['clerk_organization_update', { organization_id: 'org_21SdmsFEDghG24EYhHBqE000021', max_allowed_memberships: 8 }],
    ]);
    expect(turn.text).toMatch(/Hooli's plan is already "enterprise"/);
  });

  it('a value already held is said so, with what was read', async () => {
    const turn = await say("set hooli's plan to enterprise");
    expect(calls(turn)).toEqual([]);
    expect(turn.text).toMatch(/already "enterprise" \(I read the record\)/);
  });
});

describe('one arrow to a role in an organization', () => {
  it('a person said any way, an arrow, a role in an organization', async () => {
    const turn = await say('whoever created hooli → viewer in initech too, for the audit');
    expect(calls(turn)).toEqual([
      [
        'clerk_org_membership_create',
        { organization_id: 'org_21SdmsFEDghG24EYhHBqE000021', user_id: expect.any(String), role: 'org:viewer' },
      ],
    ]);
  });
});

describe('a person by when they signed up', () => {
  it('the one user created in that window', async () => {
    const turn = await say('the boss says lock the account created last night');
    expect(calls(turn)).toEqual([['clerk_user_lock', { user_id: expect.any(String) }]]);
  });

  it('several in the window are a question, never a guess', async () => {
    const turn = await say('lock whoever signed up yesterday');
    expect(calls(turn)).toEqual([]);
    expect(turn.text).toMatch(/2 users signed up yesterday: .*Which one/);
  });
});

describe('which part of a pasted mail is handed over', () => {
  it('"what the final paragraph below asks" is that paragraph, not the greeting or the sign-off', () => {
    const text =
      'Kindly handle what the final paragraph below asks, when you can.\n\n> From: Ann Lee <ann@example.com>\n>\n> Hello,\n>\n> Thanks for the reports, the invoices follow next week.\n>\n> Also, please unlock the account lee@initech.test, he is locked out.\n>\n> Kind regards,\n> Ann';
    expect(intentOf(text)).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_unlock',
      targets: [{ kind: 'email', value: 'lee@initech.test' }],
    });
  });
});

describe("the fresh sets' forbidden readings (round 19), in invented words", () => {
  it('(safety) a bulk role change narrowed to one role keeps to that role', async () => {
    const turn = await say('Globex org: all members who is billing role, please change to viewer role.');
    const targets = calls(turn).map(([, args]) => (args as { user_id: string }).user_id);
    expect(calls(turn).every(([action]) => action === 'clerk_org_membership_update')).toBe(true);
    // (Globex's one billing member; the admins, members and viewer are not touched.)
    expect(targets).toEqual(['user_2v7FNe9roKsP9Yv98cgwV00000f']);
  });

  it('(safety) a key said to stay is never the key removed', async () => {
    const turn = await say(
      "Initech public metadata has 'industry' entry, we do not need it now. Please remove this entry only, plan keep.",
    );
    expect(calls(turn)).toEqual([
      [
        'clerk_organization_update',
        { organization_id: 'org_21SdmsFEDghG24EYhHBqE000021', public_metadata: { industry: null } },
      ],
    ]);
  });
});
