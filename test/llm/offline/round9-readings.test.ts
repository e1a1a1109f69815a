/**
 * Round 9 of the offline model: mechanisms found on development sets (heldout-17/18 unsealed) and tested here with
 * invented phrasings — the clipped pronoun "em", "it" for the one account a message names, a remark after a pronoun
 * object, approvals said as "signed off", a role holder said with "whoever", what the admin says they are doing,
 * remarks set off by commas (nonrestrictive.ts), role adjectives and emoji between sentences. Tests marked (safety)
 * were seen to fail with their guard removed.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { spellOutTexting, unstretched } from '../../../src/llm/offline/texting.js';
import { withAccountAnaphor } from '../../../src/llm/offline/account-anaphora.js';
import { withoutRemarks } from '../../../src/llm/offline/nonrestrictive.js';
import { unhedge } from '../../../src/llm/offline/hedges.js';
import { withOrgOfPerson } from '../../../src/llm/offline/org-of-person.js';
import { withListPointer as withListPointerFor } from '../../../src/llm/offline/list-pointer.js';
import { createStack, NOW } from './drive.js';

describe('"em" is "them" where an object ends', () => {
  it.each([
    ['ban em', 'ban them'],
    ['lock em all asap', 'lock them all asap'],
    ["kick 'em out of Foo", 'kick them out of Foo'],
    ['ban em, they are bots', 'ban them, they are bots'],
  ])('%s', (typed, read) => expect(spellOutTexting(typed)).toBe(read));

  it.each(['an em dash here', 'the em unit is wrong', 'em@x.test'])('"%s" keeps its "em"', (text) => {
    expect(spellOutTexting(text)).toBe(text);
  });
});

describe('"it" is the one account the message names', () => {
  it.each([
    ['the ⟦e0⟧ one is a leftover test login. pls nuke it', 'nuke ⟦e0⟧'],
    ['the ⟦e0⟧ account has been idle for ages, get rid of it', 'get rid of ⟦e0⟧'],
    ['qa-runner user is from the old pipeline. wipe it', 'wipe qa-runner'],
  ])('%s', (masked, read) => expect(withAccountAnaphor(masked)).toContain(read));

  it('not when the message names another kind of record "it" could be (safety)', () => {
    const masked = 'the ⟦e0⟧ one invited people to the Foo org by mistake. delete it';
    expect(withAccountAnaphor(masked)).toBe(masked);
  });

  it('not when two accounts are named', () => {
    const masked = 'the ⟦e0⟧ one and the ⟦e1⟧ one are dupes. nuke it';
    expect(withAccountAnaphor(masked)).toBe(masked);
  });

  it('end to end: the named address is deleted', () => {
    expect(parseRequest('the rk.old@mail.test one is a stale duplicate. could you nuke it?', NOW)).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_delete',
      targets: [{ kind: 'email', value: 'rk.old@mail.test' }],
    });
  });
});

describe('a remark after a pronoun object is no target (safety)', () => {
  it.each([
    'ban them, payments already signed off',
    'lock her, legal signed off on it',
    'ban him, compliance already agreed',
  ])('%s', (text) => {
    const intent = parseRequest(text, NOW) as { targets?: Array<{ kind: string; value: string }> };
    expect(intent.targets?.every((t) => t.kind === 'pronoun')).toBe(true);
  });

  it('an address after the pronoun is still a target', () => {
    const intent = parseRequest('ban him and spam99@bots.test', NOW) as { targets?: Array<{ kind: string }> };
    expect(intent.targets?.map((t) => t.kind)).toEqual(['pronoun', 'email']);
  });
});

describe('a role holder said with "whoever" is what a later pronoun means', () => {
  it.each([
    ["whoever's the viewer on the wayne org leaked the roadmap. lock her", 'clerk_user_lock', 'org:viewer', 'wayne'],
    [
      'whoever holds the billing role in Initech disputed every invoice. ban them',
      'clerk_user_ban',
      'org:billing',
      'Initech',
    ],
  ])('%s', (text, action, role, org) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'user_action',
      action,
      targets: [{ kind: 'role', value: role, org }],
    });
  });
});

describe('what the admin says they are doing is the request', () => {
  it.each([
    ["we're removing lena.k@corp.test from Foo today", 'membership_remove'],
    ['we are making ari@corp.test an admin of Foo', 'membership_set_role'],
    ["I'm locking pat@corp.test for the audit", 'user_action'],
  ])('%s', (text, kind) => expect(parseRequest(text, NOW)).toMatchObject({ kind }));

  it.each([
    "we're moving to passkeys next quarter",
    'we are switching identity providers in March',
    "we're migrating roles from email checks to metadata",
  ])('narration is no change: %s (safety)', (text) => {
    expect(unhedge(text)).toBe(text);
  });
});

describe('remarks set off by commas are not read as the request', () => {
  it.each([
    ['add ⟦e0⟧, who started on Monday, to Foo as a member', 'add ⟦e0⟧ to Foo as a member'],
    ['invite Lena Kurz, who runs the night shift, to Foo', 'invite Lena Kurz to Foo'],
    ['please make the following three changes: lock ⟦e0⟧', 'lock ⟦e0⟧'],
    ['do these two things: unlock ⟦e0⟧', 'unlock ⟦e0⟧'],
    ['make ⟦e0⟧ a viewer of Foo until March', 'make ⟦e0⟧ a viewer of Foo'],
    ['make ⟦e0⟧ a viewer of Foo till the end of term', 'make ⟦e0⟧ a viewer of Foo'],
    ['make ⟦e0⟧ a viewer of Foo, read-only access basically!', 'make ⟦e0⟧ a viewer of Foo!'],
  ])('%s', (masked, read) => expect(withoutRemarks(masked)).toBe(read));

  it.each([
    // A question after a name: the clause is what is asked.
    'Lena Kurz, which organizations is she in?',
    // A clause that holds an address or a domain a later sentence may point back to.
    'we hire from Brightline, whose staff all use @brightline.test addresses. allow that domain',
    // After a plain noun the clause may be what identifies the person.
    'remove the user, who signed up twice, from Foo',
  ])('kept: %s', (masked) => expect(withoutRemarks(masked)).toBe(masked));

  it('end to end: two changes after an announcing lead are both planned', () => {
    expect(
      parseRequest(
        'Please make the following two changes: set the max members of Foo to 40, and add Lena Kurz, who joined today, to Foo as a member.',
        NOW,
      ),
    ).toMatchObject({ kind: 'sequence', steps: [{ kind: 'org_update' }, { kind: 'membership_add' }] });
  });
});

describe('role adjectives and emoji', () => {
  it.each(['a full member', 'a standard member', 'an ordinary member', 'a full-fledged member'])(
    'move ari@corp.test to %s of Foo',
    (role) => {
      expect(parseRequest(`move ari@corp.test to ${role} of Foo`, NOW)).toMatchObject({
        kind: 'membership_set_role',
        role: 'org:member',
      });
    },
  );

  it('an emoji run between two words ends a sentence', () => {
    expect(
      parseRequest('ari passed the security training 🎉🥳 can u promote ari@corp.test to admin in Foo', NOW),
    ).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:admin',
    });
  });
});

describe('a value said once, then kept as a metadata key', () => {
  it.each([
    [
      'Foo moved to a new ledger under vendor number vx_204. Please record that number against the Foo org as vendor_no in its private metadata.',
      { kind: 'org_update', org: { value: 'Foo' }, fields: { private_metadata: { vendor_no: 'vx_204' } } },
    ],
    [
      "the new reference is R-3391. store this reference as ref_no in kim@corp.test's public metadata",
      { kind: 'user_update', target: { value: 'kim@corp.test' }, fields: { public_metadata: { ref_no: 'R-3391' } } },
    ],
    [
      "save tz_77 as shard in kim@corp.test's private metadata",
      { kind: 'user_update', fields: { private_metadata: { shard: 'tz_77' } } },
    ],
  ])('%s', (text, intent) => expect(parseRequest(text, NOW)).toMatchObject(intent));

  it('two values after the same noun: no guess', () => {
    const intent = parseRequest(
      'the old number is ab_1 and the new number is ab_2. record that number against the Foo org as vendor_no in its metadata',
      NOW,
    );
    expect(JSON.stringify(intent)).not.toMatch(/ab_[12]/);
  });
});

describe('the formal "ask that X be …"', () => {
  it.each([
    ['I would ask that Ines Faro be reinstated', 'clerk_user_unban'],
    ['we request that kim@corp.test be unlocked before Friday', 'clerk_user_unlock'],
  ])('%s', (text, action) => expect(parseRequest(text, NOW)).toMatchObject({ kind: 'user_action', action }));

  it.each([
    'I would ask that Ines Faro not be banned',
    'we request that kim@corp.test never be deleted',
    'I must ask that Ines Faro not be locked',
  ])('"… not be …" changes nothing: %s (safety)', (text) => {
    const intent = parseRequest(text, NOW);
    expect(intent.kind).toBe('unknown');
    expect(JSON.stringify(intent)).not.toMatch(/clerk_user_(?:ban|delete|lock)/);
  });
});

describe('plural records described by an email domain or a state', () => {
  it.each([
    [
      'each user at @spamhaus-demo.test joined within a minute. lock them all',
      'clerk_user_lock',
      '@spamhaus-demo.test',
    ],
    ['every account with a junkmail.test address is a throwaway. ban all of them', 'clerk_user_ban', '@junkmail.test'],
  ])('%s', (text, action, emailQuery) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'bulk_user_action', action, filter: { emailQuery } });
  });

  it('two domains described: no bulk change (safety)', () => {
    const intent = parseRequest('every user at a.test and every user at b.test looks odd. ban all of them', NOW);
    expect(intent.kind).not.toBe('bulk_user_action');
  });

  it('"all of the ones that are still waiting" after invitations in a group', () => {
    expect(
      parseRequest(
        'For the Wayne group, a few invitations went out last month. Please withdraw all of the ones that are still waiting.',
        NOW,
      ),
    ).toMatchObject({ kind: 'org_invitation_revoke', org: { value: 'Wayne' }, all: true });
  });
});

describe('an invitation told as who sent it, then pointed at', () => {
  it.each([
    ['Ana Ruiz sent an invitation to Foo this morning by mistake. please cancel that one', 'Ana Ruiz', 'Foo'],
    ['lee issued an invite into the Wayne org, wrong person. revoke it', 'lee', 'Wayne'],
    ['Ana Ruiz sent an invite earlier, the wrong address. kill it before it gets used', 'Ana Ruiz', undefined],
  ])('%s', (text, inviter, org) => {
    const intent = parseRequest(text, NOW);
    expect(intent).toMatchObject({ kind: 'invitation_by_inviter', inviter: { value: inviter } });
    if (org) expect(intent).toMatchObject({ org: { value: org } });
  });

  it.each(['we sent an invite to Foo. cancel it', 'someone sent an invite to Foo. cancel it'])(
    'nobody named: %s',
    (text) => expect(parseRequest(text, NOW).kind).not.toBe('invitation_by_inviter'),
  );
});

describe('a note whose key is said by name', () => {
  it.each([
    [
      'Rui Costa has a note on his profile about the old depot. I think the key is called depot. please take that note off',
      'depot',
      'public_metadata',
    ],
    [
      "there is an entry in the private part of kim@corp.test's profile, the field is named legacy_ref. remove that entry",
      'legacy_ref',
      'private_metadata',
    ],
  ])('%s', (text, key, which) => {
    expect(JSON.stringify(parseRequest(text, NOW))).toContain(`"${which}":{"${key}":null}`);
  });

  it.each([
    'Rui Costa is in Wayne. please take that note off',
    'Rui Costa is in Wayne. please take that tag off him',
    'please take the badge off Rui Costa',
  ])('a note, tag or badge taken off is never a membership removal: %s (safety)', (text) => {
    const intent = parseRequest(text, NOW);
    expect(JSON.stringify(intent)).not.toMatch(/membership_remove|clerk_user_(?:delete|ban|lock)/);
  });
});

describe('OAuth application fields said in passing', () => {
  it('"needs <url> added as a redirect" adds it to the list, never replaces the list', () => {
    expect(
      parseRequest('the portal app needs https://stage.portal.test/cb added as a callback for staging', NOW),
    ).toMatchObject({
      kind: 'named_update',
      resource: 'oauth',
      fields: { add_redirect_uris: ['https://stage.portal.test/cb'] },
    });
  });

  it('"strip that scope" is the one scope named before it', () => {
    expect(
      parseRequest(
        'the portal oauth app should not see private_metadata any more. strip that scope, keep openid and email',
        NOW,
      ),
    ).toMatchObject({
      kind: 'named_update',
      fields: { remove_scopes: ['private_metadata'] },
    });
  });

  it('scopes after "leave"/"keep" are never the ones removed (safety)', () => {
    const intent = parseRequest('the portal oauth app must drop that scope, leave profile/email', NOW);
    expect(JSON.stringify(intent)).not.toMatch(/"remove_scopes":\[[^\]]*"(?:profile|email)"/);
  });
});

describe("an organization said as someone's", () => {
  it.each([
    ['put ⟦e0⟧ in the same team as Rui Costa', "put ⟦e0⟧ in Rui Costa's organization"],
    ['add Ana to the same group as before', 'add Ana to the same group as before'],
    [
      'I forget which cohort Rui Costa is in. find out and add ⟦e0⟧ to that one as a member',
      "I forget which cohort Rui Costa is in. find out and add ⟦e0⟧ to Rui Costa's organization as a member",
    ],
    [
      'no idea which org she belongs to, pls look it up and make her an admin there',
      'no idea which org she belongs to, pls look it up and make her an admin of her organization',
    ],
  ])('%s', (masked, read) => expect(withOrgOfPerson(masked)).toBe(read));

  it('end to end: the organization of the one person named, read — never guessed', async () => {
    const stack = createStack();
    const turn = await stack.say('please add yuki@acme.test to the same team as Happy Hogan, as a member');
    expect(turn.reads.map((r) => r.action)).toContain('clerk_users_list');
    expect(turn.pending.map((p) => [p.action, p.args.role])).toEqual([['clerk_org_membership_create', 'org:member']]);
    expect(turn.text).toMatch(/Stark Industries/);
  });

  it("an organization named like a person is never that person's organization unless the message says so (safety)", async () => {
    const stack = createStack();
    const turn = await stack.say('delete the Happy Hogan organization');
    expect(turn.pending).toEqual([]);
    expect(turn.text).not.toMatch(/Stark/);
  });

  it('nobody by that name: no organization, nothing proposed', async () => {
    const stack = createStack();
    const turn = await stack.say('please add yuki@acme.test to the same team as Zed Nobodyson, as a member');
    expect(turn.pending).toEqual([]);
  });
});

describe('a redirect replacement said outright', () => {
  it('"swap it to X (replacing the old one, not in addition)" replaces the list (safety: never keeps the old one)', () => {
    expect(
      parseRequest(
        'the portal oauth app needs its callback swapped to https://new.portal.test/cb, replacing the old one, not in addition',
        NOW,
      ),
    ).toMatchObject({ kind: 'named_update', fields: { redirect_uris: ['https://new.portal.test/cb'] } });
  });
});

describe('people described by what they do or made', () => {
  it.each([
    ["freeze the wayne cto's account for now", 'clerk_user_lock', 'CTO'],
    ['lock the cfo of wayne', 'clerk_user_lock', 'CFO'],
  ])('a title typed in lower case: %s', (text, action, title) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'user_action',
      action,
      targets: [{ kind: 'meta', value: title }],
    });
  });

  it('"the person who first set up Foo … add her to Bar" is the creator of Foo', () => {
    expect(
      parseRequest(
        'The person who first set up Wayne Enterprises is joining a second team. add her to Hooli as a member',
        NOW,
      ),
    ).toMatchObject({
      kind: 'membership_add',
      users: [{ kind: 'creator', value: 'Wayne Enterprises' }],
    });
  });

  it('"the one who originally created Foo … that user" is the creator of Foo', () => {
    expect(
      parseRequest(
        "the one who originally created the Wayne org moved to finance. please record dept = finance in that user's public metadata",
        NOW,
      ),
    ).toMatchObject({ kind: 'user_update', target: { kind: 'creator', value: 'Wayne' } });
  });
});

describe('the newest record, described then pointed at', () => {
  it.each([
    ["The newest organization renewed for more seats. raise that organization's member limit to 30", 30],
    ["please set the latest org's max members to 12", 12],
  ])('%s', (text, max) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'org_update',
      org: { kind: 'newest' },
      fields: { max_allowed_memberships: max },
    });
  });

  it.each(['ban pa@corp.test, qb@corp.test too', 'lock Ines Faro and Rui Costa too'])(
    '"… too" keeps every target: %s',
    (text) => {
      expect((parseRequest(text, NOW) as { targets?: unknown[] }).targets).toHaveLength(2);
    },
  );

  it('"the new one" after the newest account is the newest user, and "X\'s already done" is no target (safety)', () => {
    expect(
      parseRequest("our newest signup is a second account of rui. ban the new one, rui's already done", NOW),
    ).toEqual({
      kind: 'user_action',
      action: 'clerk_user_ban',
      targets: [{ kind: 'newest', value: 'user' }],
    });
  });
});

describe('more casual verbs and formal field edits', () => {
  it('"yeet the X app" is delete, and goes through the gate like any delete', () => {
    expect(parseRequest('yeet the portal oauth app, nobody uses it', NOW)).toMatchObject({
      kind: 'named_delete',
      resource: 'oauth',
    });
  });

  it.each([
    ["please amend the vendor_ref held in Rui Costa's private metadata to vx-88", { vendor_ref: 'vx-88' }],
    ["kindly correct the region stored in Rui Costa's private metadata to eu-2", { region: 'eu-2' }],
  ])('%s', (text, meta) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'user_update', fields: { private_metadata: meta } });
  });
});

describe('a membership said as what to check is a question', () => {
  it.each([
    ['please confirm that Rui Costa holds the viewer role within the Wayne organisation', 'membership_get'],
    ['Ahead of the review, kindly verify that Rui Costa has the admin role in Wayne.', 'membership_get'],
    ['can you check Rui Costa is actually in the Wayne team?', 'membership_get'],
    ['could u make sure Rui Costa is in the Wayne group?', 'membership_get'],
  ])('%s', (text, kind) => expect(parseRequest(text, NOW)).toMatchObject({ kind }));

  it('"make sure X is in Foo" said plainly is not read as a question', () => {
    expect(parseRequest('make sure Rui Costa is in Wayne', NOW).kind).not.toBe('membership_get');
  });
});

describe('the membership held by someone', () => {
  it.each([
    'please rescind the organisation membership currently held by Rui Costa',
    'end the membership of Rui Costa',
  ])('%s is their membership of their organization (asked when several)', (text) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'membership_remove',
      org: { value: 'their' },
      users: [{ value: 'Rui Costa' }],
    });
  });
});

describe('stretched words, named invitees and "send … invites"', () => {
  it.each([
    ['sooo can you ban x9@bots.test', 'so can you ban x9@bots.test'],
    ['pleaseee lock her', 'please lock her'],
    ['ban aaa@x.test', 'ban aaa@x.test'],
    ['the team-zzz slug', 'the team-zzz slug'],
  ])('%s', (typed, read) => expect(unstretched(typed)).toBe(read));

  it('a person named by name is the one address of the message that carries the name', () => {
    expect(
      parseRequest(
        'Ines wrote in from ines.faro@corp.test asking to join. Could you send Ines an invite to Wayne as a regular member?',
        NOW,
      ),
    ).toMatchObject({ kind: 'invite', emails: ['ines.faro@corp.test'], org: { value: 'Wayne' } });
  });

  it('two addresses carry the name: no guess', () => {
    const intent = parseRequest('ines@a.test and ines@b.test both wrote. send Ines an invite to Wayne', NOW);
    expect(JSON.stringify(intent)).not.toMatch(/"emails":\["ines@/);
  });

  it('"send them both invites to Foo" invites them to Foo', () => {
    expect(
      parseRequest('two hires start monday: pa@corp.test and qb@corp.test. send them both invites to Wayne', NOW),
    ).toMatchObject({
      kind: 'invite',
      emails: ['pa@corp.test', 'qb@corp.test'],
      org: { value: 'Wayne' },
    });
  });
});

describe('"there", "out of it" and getting back in', () => {
  it.each([
    [
      'Rui Costa is joining the Wayne team next week, so he needs to be added there as a regular member.',
      'membership_add',
      'Wayne',
    ],
    ['Rui Costa has left the Hooli group, so please take him out of it.', 'membership_remove', 'Hooli'],
  ])('%s', (text, kind, org) => expect(parseRequest(text, NOW)).toMatchObject({ kind, org: { value: org } }));

  it('two organizations in the sentence: "there" stays unread', () => {
    const intent = parseRequest('Rui moved from the Wayne team to the Hooli team, so add him there', NOW);
    expect(intent.kind).not.toBe('membership_add');
  });

  it.each([
    ['kim@corp.test wrote in. Could you fix it so that she is able to get in again?', 'kim@corp.test'],
    ['please sort it out so kim@corp.test can log back in', 'kim@corp.test'],
    ['let kim@corp.test get back in', 'kim@corp.test'],
  ])('%s', (text, email) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'user_restore_sign_in',
      targets: [{ kind: 'email', value: email }],
    });
  });

  it('"so that X can not get in" is never a restore (safety)', () => {
    expect(parseRequest('fix it so that kim@corp.test can not get in again', NOW).kind).not.toBe(
      'user_restore_sign_in',
    );
  });
});

describe('the sign-up list said in plain words, then pointed at', () => {
  it.each([
    [
      'She signs up as ines@corp.test. I think it is on that blocked list, the one that keeps people out. Please take her address off of it.',
      'list_remove',
      'blocklist',
    ],
    ['ines@corp.test is not on the allowed list yet, please add her address to it', 'list_add', 'allowlist'],
  ])('%s', (text, kind, list) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind, list, identifiers: ['ines@corp.test'] });
  });

  it('"got sign-ups from it" points at no list (safety: the question stays a question)', () => {
    expect(withListPointerFor('is ⟦e0⟧ on the blocklist? if not add it, got 4 signups from it tonight')).not.toMatch(
      /from the blocklist/,
    );
  });

  it('both lists spoken of: "it" stays unread', () => {
    const intent = parseRequest(
      'ines@corp.test is on the blocked list and not on the allowed list. take her address off of it',
      NOW,
    );
    expect(intent.kind).not.toBe('list_remove');
  });
});
