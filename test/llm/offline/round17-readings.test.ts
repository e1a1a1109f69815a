/**
 * Round 17 of the offline model: a setting taken off a record without the word "metadata", a value changed that is
 * said in plain lower case, yes/no values, politeness that is no condition, people and organizations said loosely,
 * requests listed in one sentence, an organization's invitations said by its name, and answers that never report a
 * part as not acted on when it was. Invented phrasings on the demo seed. Tests marked (safety) were seen to fail with
 * their guard removed.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/llm/offline/accounting.js';
import { usersNamed } from '../../../src/llm/offline/listed-names.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { settingRemoved } from '../../../src/llm/offline/setting-removal.js';
import { uncheckedCondition } from '../../../src/llm/offline/unchecked-condition.js';
import { createStack, NOW } from './drive.js';

const parse = (text: string) => parseRequest(text, NOW);
const calls = (turn: { pending: Array<{ action: string; args: Record<string, unknown> }> }) =>
  turn.pending.map((p) => [p.action, p.args]);
const say = async (text: string) => createStack().say(text);

describe('a setting taken off a record, said without "metadata"', () => {
  it('finds the key by the words before the setting word, in the record the message names', async () => {
    const turn = await say(
      'Lena Fischer sorted her language out herself, so please get rid of the locale hint setting on her profile.',
    );
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { locale_hint: null } }],
    ]);
    expect(turn.text).toMatch(/Lena Fischer/);
  });

  it('an organization by the first word of its name, said as a possessive', async () => {
    const turn = await say("the Initech people changed business, take the industry bit out of Initech's info");
    expect(calls(turn)).toEqual([
      ['clerk_organization_update', { organization_id: expect.any(String), public_metadata: { industry: null } }],
    ]);
  });

  it('(safety) takes a flag off the person, never the person off anything', async () => {
    const turn = await say(
      'Chloe Dubois asked twice already, take that newsletter flag off her account for good, you can delete it',
    );
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { newsletter: null } }],
    ]);
  });

  it('(safety) a key the record does not hold is never made up', async () => {
    const turn = await say('please get rid of the pager setting on Lena Fischer’s profile');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/couldn't tell which metadata key/i);
  });

  it('words that are no key name say no setting ("delete his account to tidy things up")', () => {
    expect(settingRemoved('just delete his account to tidy things up')).toBeUndefined();
    expect(settingRemoved('remove the blocklist entry for spam.test')).toBe('blocklist');
    expect(settingRemoved('could you take the old pager thing off')).toBe('pager');
  });

  it('(safety) an allowlist entry stays a list change', () => {
    expect(parse('remove the allowlist entry for partner.test please').kind).toBe('list_remove');
  });
});

describe('a value said in plain lower case', () => {
  it('changes the field that holds the value the message says it has now', async () => {
    const turn = await say('on Lucas Martin’s record it says his plan is pro; change that to business please');
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { plan: 'business' } }],
    ]);
  });

  it('"that needs to say X now"', () => {
    expect(parse('for Lucas Martin the plan says pro and that needs to say business now')).toMatchObject({
      kind: 'value_swap',
      to: 'business',
    });
  });

  it('(safety) "to match", "to day" and a value nobody holds are no values', async () => {
    expect(parse('Lucas Martin has plan pro, change the others to match').kind).not.toBe('value_swap');
    expect(parse('Lucas Martin is on pro. make sure it is done today').kind).not.toBe('value_swap');
    expect(parse('please lock lena@proton.test, I will make sure it is done today 2pm')).toMatchObject({
      kind: 'user_action',
    });
    const turn = await say('where Lucas Martin’s profile says gold, change that to silver');
    expect(turn.pending).toEqual([]);
  });
});

describe('yes/no values', () => {
  it('a key holding a yes/no takes a boolean', async () => {
    const turn = await say("set chloe dubois's newsletter thing to false");
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { newsletter: false } }],
    ]);
  });

  it('(safety) a yes/no is never written into a name or a slug named in another clause', async () => {
    const turn = await say(
      'three quick ones: unban emily davis, kick nora from initech, and set chloe dubois’s newsletter thing to false',
    );
    const actions = turn.pending.map((p) => p.action);
    expect(actions).toEqual(['clerk_user_unban', 'clerk_org_membership_delete', 'clerk_user_update']);
    expect(JSON.stringify(turn.pending)).not.toMatch(/"slug"|"name"/);
    // ("acme" is Acme Inc's slug, said here as a value of the record the message also names.)
    const other = await say("for the acme people, set chloe dubois's newsletter thing to off");
    expect(calls(other)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { newsletter: false } }],
    ]);
  });
});

describe('requests listed in one sentence', () => {
  it('(safety) a clause no reader knows never becomes a target of the first verb', () => {
    const read = parse('unban emily davis, kick nora from initech, and set ann’s pager thing to blue');
    expect(JSON.stringify(read)).not.toMatch(/"value":"(?:remove|kick|do)\b/i);
    expect(read).toMatchObject({ kind: 'sequence' });
  });

  it('"and also" before a report and an ask starts a request of its own', async () => {
    const turn = await say(
      'please lock lena@proton.test, and also Lucas Martin moved up a tier so where his account says pro it should say business now',
    );
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_lock', 'clerk_user_update']);
  });

  it('a short "and also" keeps the second target with its verb', () => {
    expect(parse('lock lena@proton.test and also lucas.martin@mail.test')).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_lock',
      targets: [{ value: 'lena@proton.test' }, { value: 'lucas.martin@mail.test' }],
    });
  });
});

describe("a change on the condition that is the change's own", () => {
  it('"check that X is banned, and if he isn\'t, ban him" is the ban (the planner answers "already")', async () => {
    for (const text of [
      "please check that Viktor Crane is banned, and if he isn't, ban him",
      "my boss asked me to double check that Viktor Crane is definitely banned, and if he isn't to ban him",
    ]) {
      const turn = await say(text);
      expect(turn.pending).toEqual([]);
      expect(turn.text).toMatch(/already banned/i);
    }
  });

  it('(safety) another condition still stops the change', () => {
    expect(parse("check that Viktor Crane is banned, and if he isn't, delete him")).toMatchObject({
      kind: 'unknown',
    });
  });
});

describe('politeness is no condition', () => {
  it('"if it isn’t too much bother", "if at all possible", "if time permits"', () => {
    for (const text of [
      'If it isn’t too much bother, could you lock lucas.martin@mail.test',
      'if at all possible please unlock lucas.martin@mail.test',
      'If time permits, ban lucas.martin@mail.test',
      "if it's no trouble could you lock lucas.martin@mail.test",
    ])
      expect(parse(text)).toMatchObject({ kind: 'user_action', targets: [{ value: 'lucas.martin@mail.test' }] });
  });

  it('"asked Deb if …" asks whether, it sets no condition', () => {
    expect(uncheckedCondition('a parent asked Omar if we still allow gmail; please lock x@y.test')).toBeUndefined();
  });

  it('(safety) a real condition still stops the change', () => {
    expect(uncheckedCondition('if it is a problem for Globex, remove lena@proton.test from Globex')).toMatch(
      /problem for Globex/,
    );
    expect(parse('if he is still a problem, ban lucas.martin@mail.test')).toMatchObject({ kind: 'unknown' });
  });
});

describe('people and organizations said loosely', () => {
  it('a full name with its possessive typed without the apostrophe', async () => {
    const rows = [
      { id: 'user_1', name: 'Ada Wong', email: 'ada@x.test' },
      { id: 'user_2', name: 'Lee Wong', email: 'lee@x.test' },
    ];
    expect(usersNamed('lee wongs login is stuck again', rows).map((u) => u.id)).toEqual(['user_2']);
    const turn = await say('lee wongs login is stuck again, unlock him please');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_unlock']);
    expect(turn.text).toMatch(/Lee Wong/);
  });

  it('a metadata change whose person is typed in lower case, found in the listing', async () => {
    const turn = await say('lena is staying in Berlin for good, drop the locale_hint key from her public metadata');
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { locale_hint: null } }],
    ]);
  });

  it('"so yeah" before the ask is no part of it', async () => {
    const turn = await say('so yeah can you send newbie@acme.test an invite to Globex as a member');
    expect(calls(turn)).toEqual([
      [
        'clerk_org_invitation_create',
        { organization_id: expect.any(String), email_address: 'newbie@acme.test', role: 'org:member' },
      ],
    ]);
  });

  it('a lower-case first name that owns something, in a message with capitals', async () => {
    const turn = await say('fyi dave isnt in sales anymore. his department in public meta -> Customer Support');
    expect(calls(turn)).toEqual([
      ['clerk_user_update', { user_id: expect.any(String), public_metadata: { department: 'Customer Support' } }],
    ]);
    expect(turn.text).toMatch(/Dave Miller/);
  });

  it('an organization by a word of its name and a word for a group ("the hooli squad")', async () => {
    const turn = await say('rename the hooli squad to Hooli Gaming pls');
    expect(calls(turn)).toEqual([
      ['clerk_organization_update', { organization_id: expect.any(String), name: 'Hooli Gaming' }],
    ]);
  });
});

describe('chat shorthand', () => {
  it('a stretch of time said with "all" is no set of users', async () => {
    const turn = await say('lock richard he spammed the chat all night');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_lock']);
    expect(turn.text).toMatch(/Richard Hendricks/);
  });

  it('(safety) "everyone" is still refused in bulk, whatever time is said', () => {
    expect(parse('ban everyone who spammed all week')).toMatchObject({ kind: 'refuse' });
  });

  it('"giv", "admn", and an organization name that runs on into a remark', async () => {
    const turn = await say('giv nora admn on initech she runs it now');
    expect(calls(turn)).toEqual([
      [
        'clerk_org_membership_update',
        { organization_id: expect.any(String), user_id: expect.any(String), role: 'org:admin' },
      ],
    ]);
    expect(turn.text).toMatch(/Nora Quinn.*Initech/);
  });
});

describe('roles said in full or by their holder', () => {
  it('"administator" is the administrator role', () => {
    expect(parse('please make Grace Kim administator of Acme')).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:admin',
      users: [{ value: 'Grace Kim' }],
    });
  });

  it('"the sole holder of the billing role in Globex" is that role\'s one holder', () => {
    expect(parse('move the sole holder of the org:billing role in Globex down to viewer')).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:viewer',
      users: [{ kind: 'role', value: 'org:billing', org: 'Globex' }],
    });
  });
});

describe('one of several people, told apart by a profile value the message says', () => {
  it('the role holder whose profile holds the value said', async () => {
    const turn = await say('the Acme admin who works in Engineering should be reduced to member');
    expect(calls(turn)).toEqual([
      [
        'clerk_org_membership_update',
        { organization_id: expect.any(String), user_id: expect.any(String), role: 'org:member' },
      ],
    ]);
    expect(turn.text).toMatch(/Alice Chen/);
  });

  it('(safety) values that fit several, or none, still ask which one', async () => {
    for (const text of [
      'the Acme admin who works in Marketing should be reduced to member',
      'the Acme admin from Engineering or Finance should be reduced to member',
    ]) {
      const turn = await say(text);
      expect(turn.pending).toEqual([]);
      expect(turn.text).toMatch(/Which one do you mean/);
    }
  });
});

describe('a person named only to say who someone else is', () => {
  it('(safety) "X\'s manager … add her" never adds X', async () => {
    const turn = await say("Grace Kim's manager asked for access, please add her to Globex as a member");
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/named Grace Kim only to say who someone else is/);
  });

  it('(safety) "the temp covering for X", after a sentence about X, is never X', async () => {
    const turn = await say(
      'Alice Chen is back on Monday. Please lock the account of the temp who has been covering for Alice.',
    );
    expect(turn.pending).toEqual([]);
  });
});

describe("an OAuth application's scopes", () => {
  it('(safety) "remove only X" removes X; it never makes X the whole list', async () => {
    const turn = await say('on the Zapier Integration, please remove only the public_metadata scope');
    expect(calls(turn)).toEqual([
      ['clerk_client_update', { oauth_application_id: expect.any(String), scopes: 'profile email' }],
    ]);
  });

  it('the scopes kept, said as "stay" or "leave it with", and an app named by the first word of its name', async () => {
    for (const text of [
      'for the app Zapier: the profile and email scopes stay, drop public_metadata',
      'the zapier integration has too much, leave it with profile and email only',
    ]) {
      const turn = await say(text);
      expect(calls(turn)).toEqual([
        ['clerk_client_update', { oauth_application_id: expect.any(String), scopes: 'profile email' }],
      ]);
    }
  });

  it('(safety) a list kept holds scope names only', async () => {
    const turn = await say('the zapier integration can keep profile and email, take off the public metadata scope');
    expect(calls(turn)).toEqual([
      ['clerk_client_update', { oauth_application_id: expect.any(String), scopes: 'profile email' }],
    ]);
  });
});

describe('people said by when they joined, by an honorific, and questions said as statements', () => {
  it('"the last person who registered on our app" is the newest user, pointed at again as "this account"', () => {
    for (const text of [
      'The last person who registered on our app is a bot. Please lock this account.',
      'the latest user that signed up, the most new one, spams everyone, please lock this user',
    ])
      expect(parse(text)).toMatchObject({
        kind: 'user_action',
        action: 'clerk_user_lock',
        targets: [{ kind: 'newest', value: 'user' }],
      });
  });

  it('"Wong-san" is Wong', () => {
    expect(parse('please lock Wong-san')).toMatchObject({ targets: [{ kind: 'name', value: 'Wong' }] });
  });

  it('"… locked or not?", "X, his account is locked?" ask whether', async () => {
    for (const text of ['is Lee Wong locked or not?', 'the user Lee Wong, his account is locked? just asking']) {
      const turn = await say(text);
      expect(turn.pending).toEqual([]);
      expect(turn.text).toMatch(/^Yes: Lee Wong/);
    }
  });

  it('"how many are banned, and is X one of them?" answers both', async () => {
    const turn = await say('how many people are banned at the moment, and is viktor one of them');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/3 banned users/);
    expect(turn.text).toMatch(/Yes: Viktor Crane/);
  });
});

describe("an organization's invitations said by its name", () => {
  it("(safety) invitations for a named organization are that organization's, never the application's", () => {
    expect(parse('could you cancel all of the pending invitations for Globex?')).toMatchObject({
      kind: 'org_invitation_revoke',
      org: { kind: 'name', value: 'Globex' },
      all: true,
    });
  });

  it("the same ask said twice in a letter revokes that organization's invitations", () => {
    const read = understand(
      [
        'Dear team,',
        'Globex is reorganising and will send fresh invitations next month. For this reason, they asked us if all invitations to the Globex organization which are still pending could be cancelled, so that no one joins with an old invitation in the meantime.',
        'Would it be possible for you to revoke all of the pending invitations for Globex? Invitations which were accepted are fine as they are.',
        'Kind regards',
      ].join('\n'),
      NOW,
    );
    expect(read.intent).toMatchObject({ kind: 'org_invitation_revoke', org: { value: 'Globex' }, all: true });
    expect(read.unplaced).toEqual([]);
  });

  it('"the globex invite for newdev": the invitation whose address starts with the word', async () => {
    const turn = await say('pls revoke the globex invite for newdev, they took another offer');
    expect(calls(turn)).toEqual([
      ['clerk_org_invitation_revoke', { organization_id: expect.any(String), invitation_id: expect.any(String) }],
    ]);
    expect(turn.text).toMatch(/newdev@globex\.test/);
  });

  it('(safety) a word that starts no invited address revokes nothing', async () => {
    const turn = await say('pls revoke the globex invite for marcy');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/no pending invitation to an address starting with "marcy"/);
  });

  it('application invitations said as such stay application invitations', () => {
    expect(parse('revoke all pending sign-up invitations for Globex people')).toMatchObject({
      kind: 'invitation_revoke',
    });
  });
});

describe('truthful accounting', () => {
  it('a value change read from the whole message does not report its own clause as not acted on', () => {
    const read = understand(
      'Lucas Martin says his profile shows plan "pro" but he wanted "business". Could you fix it to business?',
      NOW,
    );
    expect(read.intent).toMatchObject({ kind: 'value_swap' });
    expect(read.unplaced).toEqual([]);
  });
});
