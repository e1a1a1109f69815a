/**
 * The frame reader (frames.ts) and names found by listing (listed-names.ts): messages the sentence readers do
 * not understand still give the action they ask for — a misspelt or casual action word anywhere, a participle after
 * a modal "be", a bulk filter, a read — with targets from the sentence, the message, or a listed record's name.
 * The safety half: negated actions, reports, questions about what happened, and an action word used as a noun
 * are no change; a deletion is never proposed for a name read from prose. Every phrasing here is invented.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/llm/offline/accounting.js';
import { swapCorrection } from '../../../src/llm/offline/correction-swap.js';
import type { Intent } from '../../../src/llm/offline/intent-types.js';
import { recordsNamed, usersNamed } from '../../../src/llm/offline/listed-names.js';
import { parseFrames } from '../../../src/llm/offline/frames.js';
import { implausible } from '../../../src/llm/offline/implausible-name.js';
import { parseRequest, readMessage } from '../../../src/llm/offline/request.js';
import { createStack, NOW } from './drive.js';

const CHANGES = new Set<Intent['kind']>([
  'user_action',
  'bulk_user_action',
  'membership_remove',
  'membership_set_role',
  'invitation_revoke',
  'org_invitation_revoke',
  'sign_out',
  'user_restore_sign_in',
]);

describe('an action word anywhere, with its slots', () => {
  it.each([
    ['the account of tomas@corp.test is to be frozen until finance replies', 'user_action', 'clerk_user_lock'],
    ['vik@corp.test keeps posting spam. bann, not delete', 'user_action', 'clerk_user_ban'],
    [
      'FYI the mobile team says rei@corp.test is a bot - unlcok nothing, just a bann asap',
      'user_action',
      'clerk_user_ban',
    ],
    [
      'ok so the customer passed the phone check, ines@corp.test can get unfrozen now',
      'user_action',
      'clerk_user_unlock',
    ],
    ['every session rafa@corp.test has open needs to be terminated, no ban yet', 'sign_out', undefined],
    [
      're: contractor offboarding. Can her membership in Foo Labs be taken off her? (dana@corp.test)',
      'membership_remove',
      undefined,
    ],
    ['the invitaton for oli@corp.test never got used, it can be withdrawn pls', 'invitation_revoke', undefined],
  ])('%s', (text, kind, action) => {
    const intent = parseRequest(text, NOW);
    expect(intent.kind).toBe(kind);
    if (action) expect((intent as { action?: string }).action).toBe(action);
  });

  it('every user at a domain said twice is still one domain: a bulk change', () => {
    const intent = parseRequest(
      'alert: sign-up burst from @spam.example.com\nfreeze all the spam.example.com accts for now',
      NOW,
    );
    expect(intent).toMatchObject({ kind: 'bulk_user_action', action: 'clerk_user_lock', domain: 'spam.example.com' });
  });

  it('a role said after the verb, the organization and person looked up in the listing', () => {
    const intent = parseRequest('re the reorg: could leo in the Foo workspace be switched over to a viewer seat?', NOW);
    expect(intent).toMatchObject({ kind: 'membership_set_role', role: 'org:viewer' });
    const set = intent as Extract<Intent, { kind: 'membership_set_role' }>;
    expect(set.users[0]?.kind).toBe('mention');
    expect(set.org?.kind).toBe('mention');
  });

  it.each([
    ['for the incident log: what was the last login of ivo@corp.test? nothing else', 'user_when'],
    ['quick one for the Foo account review, who are the admins over there? just names', 'members_list'],
  ])('a question: %s', (text, kind) => {
    expect(parseRequest(text, NOW).kind).toBe(kind);
  });
});

describe('what asks for no change (safety)', () => {
  it.each([
    'vik@corp.test got banned last night and nobody knows why',
    'did somebody lock tomas@corp.test this morning?',
    'please do not delete the account of ines@corp.test, she is coming back',
    'no bans for rafa@corp.test, he is a real customer',
    'rei@corp.test was locked. Unlock is not needed yet',
    'could anyone get removed from Foo Labs by accident?',
    'would oli@corp.test be banned for sharing a password?',
    "leo's account is idle and costs a seat, nuke it",
  ])('%s', (text) => {
    expect(CHANGES.has(parseRequest(text, NOW).kind)).toBe(false);
  });
});

describe('names found by listing (listed-names.ts)', () => {
  const users = [
    { id: 'u1', name: 'Ana Silva', email: 'ana@x.test' },
    { id: 'u2', name: 'Ben Silva', email: 'ben@x.test' },
    { id: 'u3', name: 'Will Ortiz', email: 'will@x.test' },
    { id: 'u4', name: 'Kofi Mensah', email: 'kofi@x.test', username: 'kofim' },
  ];
  it.each([
    ['please lock ana silva now', ['u1']],
    ['Silva needs to go', ['u1', 'u2']],
    ['kofi in the ops team should be locked', ['u4']],
    ['we will lock him later', []],
    ['Ben wrote: please lock Ana', ['u1']],
    ['a message from ben@x.test: please lock Ana', ['u1']],
    ['thanks, Ana Silva', []],
    ['lock kofim', ['u4']],
  ])('%s', (text, ids) => {
    expect(usersNamed(text, users).map((u) => u.id)).toEqual(ids);
  });

  const orgs = [
    { id: 'o1', name: 'Foo Labs', slug: 'foo' },
    { id: 'o2', name: 'Bar', slug: 'bar-co' },
    { id: 'o3', name: 'Foo Labs Europe', slug: 'foo-eu' },
  ];
  it.each([
    ['the Foo Labs Europe people asked for it', ['o3']],
    ['bar-co wants it gone', ['o2']],
    ['Nothing named here', []],
  ])('%s', (text, ids) => {
    expect(recordsNamed(text, orgs).map((o) => o.id)).toEqual(ids);
  });
});

describe('a correction that names the word it replaces (correction-swap.ts)', () => {
  it.each([
    [
      ['drop the tier key from her private metadata', "wait, it's in her public metadata, not private"],
      1,
      'drop the tier key from her public metadata',
    ],
    [
      ['add the claim to the foo template', 'sorry, not foo, I meant the bar one'],
      1,
      'add the claim to the bar template',
    ],
    [
      ['his account got locked', 'actually no, it was banned, not locked', 'undo it'],
      1,
      'his account got banned. undo it',
    ],
    [['lock whoever signed up last', 'the newest account, not an invitation'], 1, 'lock whoever signed up last'],
  ])('%j', (sentences, index, expected) => {
    expect(swapCorrection(sentences, index)).toBe(expected);
  });

  it('words with regex characters are taken as typed', () => {
    // (An unbalanced ")" in the meant words once made this a SyntaxError.)
    expect(swapCorrection(['call it alpha x)', 'sorry, it is omega x), not alpha'], 1)).toBe('call it omega x)');
  });

  it('no pair named: undefined (the correction stays unread, nothing changes)', () => {
    expect(swapCorrection(['ban ann@x.test', 'wait, hold on'], 1)).toBeUndefined();
  });
});

describe('through the real stack', () => {
  it('a name read from the wrong words falls back to the one person the request names', async () => {
    const stack = createStack();
    const turn = await stack.say('pepper over at stark seems compromised, whoever that is pls lock it up rn');
    expect(turn.pending.map((p) => [p.action, p.args.user_id])).toEqual([
      ['clerk_user_lock', expect.stringMatching(/^user_/)],
    ]);
    expect(turn.text).toMatch(/Pepper Potts/);
  });

  it('two people share the name: the model asks, and acts on the one chosen', async () => {
    const stack = createStack();
    const first = await stack.say('hm, the Wong account needs to be frozen for now');
    expect(first.pending).toEqual([]);
    expect(first.text).toMatch(/Lee Wong/);
    expect(first.text).toMatch(/Ada Wong/);
    const second = await stack.say('ada@umbrella.test', first.outcome.state);
    expect(second.pending.map((p) => p.action)).toEqual(['clerk_user_lock']);
    expect(second.text).toMatch(/Ada Wong/);
  });
});

describe('field changes said in prose (field-frames.ts)', () => {
  it.each([
    [
      'Hi, ola@corp.test wrote in: her family name is misspelled. It should be Moreau-Diaz. Can you correct it?',
      { last_name: 'Moreau-Diaz' },
    ],
    ['pls fix the first name on kai@corp.test, should read Kainoa', { first_name: 'Kainoa' }],
    [
      'the sync job chokes on legacy_plan_id in jo@corp.test private metadata, get rid of it (leave the public md alone)',
      { private_metadata: { legacy_plan_id: null } },
    ],
    [
      'For ida@corp.test: add a team key with value Growth to her public metadata pls',
      { public_metadata: { team: 'Growth' } },
    ],
  ])('%s', (text, fields) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'user_update', fields });
  });

  it.each([
    ['Foo Labs signed the bigger plan; they need space for 40 users now (it is capped at 25 today)', 40],
    ['bump the Foo Labs org to 12 seats please', 12],
  ])('a seat limit: %s', (text, n) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'org_update', fields: { max_allowed_memberships: n } });
  });

  it.each([
    'what is the surname of ola@corp.test?',
    'jo@corp.test has legacy_plan_id in her private metadata',
    'Foo Labs has 25 seats right now',
  ])('no value asked for: %s', (text) => {
    expect(['user_update', 'org_update']).not.toContain(parseRequest(text, NOW).kind);
  });
});

describe('role holders, inviters and request words (frames.ts)', () => {
  it.each([
    [
      'Foo Labs told us whoever holds the guest role in their workspace should be made a member',
      'org:guest',
      'org:member',
    ],
    ['could you make anyone who has read-only access at Foo Labs an admin?', 'org:viewer', 'org:admin'],
  ])('%s', (text, holds, role) => {
    // (The frame reader itself: the sentence readers may read some of these first.)
    const intent = parseFrames(readMessage(text)) as Extract<Intent, { kind: 'membership_set_role' }>;
    expect(intent.kind).toBe('membership_set_role');
    expect(intent.role).toBe(role);
    expect(intent.users[0]).toMatchObject({ kind: 'role', value: holds });
  });

  it('"would you mind removing …": the -ing form after a request word', () => {
    expect(parseRequest('would you mind removing whoever is a viewer at Foo Labs? just the seat', NOW)).toMatchObject({
      kind: 'membership_remove',
      users: [{ kind: 'role', value: 'org:viewer' }],
    });
  });

  it('an invitation named by who sent it', () => {
    expect(
      parseRequest('the invite Dana Reyes issued for the Foo Labs org can be rescinded, the hire fell through', NOW),
    ).toMatchObject({
      kind: 'invitation_by_inviter',
      inviter: { kind: 'name', value: 'Dana Reyes' },
    });
  });
});

describe('a name slot that holds no name (implausible-name.ts)', () => {
  const said = (text: string) => readMessage(text);
  it.each([
    ['who that was', true],
    ['sure she', true],
    ['an admin', true],
    ["they've just wrote 'Wong", true],
    ['Jo Park', false],
    ['me', false],
    ['The Agency', false],
  ])('%s → implausible %s', (value, expected) => {
    expect(implausible(value, said(`x ${value}`))).toBe(expected);
  });
});

describe('a pronoun with nothing before it, and a sender is not the target', () => {
  it('"set her to …" names the one person the message names (found in the listing)', async () => {
    const stack = createStack();
    const turn = await stack.say('pepper at stark runs the team now, keep her as admin there but lock her for today');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_lock']);
    expect(turn.text).toMatch(/Pepper Potts/);
  });

  it('a pronoun and nobody named: nobody is guessed', async () => {
    const turn = await createStack().say('pls freeze her account till monday');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/don't know who "her" refers to|couldn't tell which user you mean/);
  });

  it("the forwarded mail's sender address is not taken for the person it asks about", () => {
    const said = readMessage(
      'fwd, pls action\n\n> From: Sam Ortiz <sam@corp.test>\n>\n> Leo Park leads the team now. Could he be made an admin of the Foo workspace?\n> Sam\n',
    );
    const framed = parseFrames(said) as Extract<Intent, { kind: 'membership_set_role' }> | undefined;
    expect(framed?.users[0]?.kind).toBe('mention');
  });
});

describe('allow/blocklist entries, and a clause the readers could not place (accounting.ts)', () => {
  it('a second clause of a multi-part request is read by the frame reader, not dropped', () => {
    const { intent, unplaced } = understand(
      'allowlist housekeeping: add *@neworg.test, and drop old@partner.test',
      NOW,
    );
    expect(unplaced).toEqual([]);
    expect(JSON.stringify(intent)).toMatch(/"list_add".*\*@neworg\.test/);
    expect(JSON.stringify(intent)).toMatch(/"list_remove".*old@partner\.test/);
  });

  it('"make sure … is on the allowlist — can you add it?": the one address the message names', () => {
    const framed = parseFrames(
      readMessage('partner team wants ops@vendor.test on the whitelist so they can sign up. can you add it?'),
    );
    expect(framed).toMatchObject({ kind: 'list_add', list: 'allowlist', identifiers: ['ops@vendor.test'] });
  });

  it('no list named anywhere: no list change', () => {
    expect(parseFrames(readMessage('pls add it for ops@vendor.test'))).toBeUndefined();
  });
});

describe('records named in the text, ids in log lines, remarks after "but not"', () => {
  it('"trash the … app" deletes the app the text names (found by listing), and only that', async () => {
    const stack = createStack();
    const turn = await stack.say('we stopped using zapier in march, trash the zapier integraton app pls');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_client_delete']);
    expect(turn.text).toMatch(/Zapier Integration/);
  });

  it.each(['trash the pkce setting on the zapier app', 'drop the scopes of the zapier integration app'])(
    'a field of the app is not the app: %s',
    (text) => {
      expect(parseFrames(readMessage(text))?.kind).not.toBe('named_delete');
    },
  );

  it('external_id in a pasted log line names the user', () => {
    const framed = parseFrames(
      readMessage('alert: user flagged\nsvc=risk external_id=crm-881 score=0.91\nfreeze that account till the morning'),
    );
    expect(framed).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_lock',
      targets: [{ kind: 'external', value: 'crm-881' }],
    });
  });

  it('"but not sure" is a remark, not a target left out', () => {
    const { intent } = understand('lock vik@corp.test for now, might be a false alarm but not taking the risk', NOW);
    expect(intent).toMatchObject({ kind: 'user_action', action: 'clerk_user_lock' });
  });
});

describe('ticket fields and non-native phrasing', () => {
  it('"Affected user(s):" names the target; the requester does not', () => {
    const intent = parseRequest(
      'Ticket #4821\nRequester: Dana Reyes <dana@corp.test>\nPriority: P2\nSummary: Account locked after failed logins\nRequested action: Unlock account\nAffected user(s): kofi@corp.test\n',
      NOW,
    );
    expect(intent).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_unlock',
      targets: [{ kind: 'email', value: 'kofi@corp.test' }],
    });
  });

  it('a ticket\'s "Remove from organization X" is a membership removal, never an organization deletion', () => {
    const intent = parseRequest(
      'Ticket #77\nRequester: lead@corp.test\nSummary: Offboarding\nRequested action: Remove from organization Foo Labs\nAffected user(s): ines@corp.test\n',
      NOW,
    );
    expect(intent).toMatchObject({ kind: 'membership_remove', users: [{ kind: 'email', value: 'ines@corp.test' }] });
  });

  it.each([
    ['kindly take away him the admin in Foo Labs, leo@corp.test', 'org:member'],
    ['please to remove the admin rights of leo@corp.test in Foo Labs', 'org:member'],
  ])('a demotion: %s', (text, role) => {
    expect(parseFrames(readMessage(text))).toMatchObject({ kind: 'membership_set_role', role });
  });

  it.each(['the account', 'a contractor', 'from organization Foo'])('"%s" is no name', (value) => {
    expect(implausible(value, readMessage(value), true)).toBe(true);
  });
});

describe('roles wanted, casual removals, typed possessives', () => {
  it.each([
    ['ugh whoever has billing at foo labs should be admin now', 'org:admin'],
    ['the designer at foo labs (leo) needs viewer not member', 'org:viewer'],
  ])('%s', (text, role) => {
    expect(parseFrames(readMessage(text))).toMatchObject({ kind: 'membership_set_role', role });
  });

  it('"kick the intern at foo": a membership removal', () => {
    expect(parseFrames(readMessage('pls kick the intern at foo labs, leo i think'))?.kind).toBe('membership_remove');
  });

  it('a reply that only the frame reader reads as an action is still an answer to the question', async () => {
    const stack = createStack();
    const first = await stack.say('Invite a new hire to Acme Inc.');
    expect(first.text).toMatch(/email/i);
    const second = await stack.say('it is kim.new@acme.test and she should be a plain member', first.outcome.state);
    expect(second.pending.map((p) => p.action)).toEqual(['clerk_org_invitation_create']);
  });

  it('"omars last login": a possessive typed without its apostrophe', () => {
    expect(
      usersNamed('whats omars last login', [{ id: 'u9', name: 'Omar Haddad', email: 'o@x.test' }]).map((u) => u.id),
    ).toEqual(['u9']);
  });
});

describe('findings and remediations (passive, formal)', () => {
  it.each([
    [
      'Observation 2: ines@corp.test keeps admin rights in Foo Labs. Action: the role is to be reduced to member.',
      'membership_set_role',
    ],
    [
      'Item 5 — the invitation to temp@corp.test is stale. Action required: the invitation shall be withdrawn.',
      'invitation_revoke',
    ],
  ])('%s', (text, kind) => {
    expect(parseRequest(text, NOW).kind).toBe(kind);
  });
});
