/**
 * Hedges and relative-clause role references (issue 15, round 2, src/llm/offline/hedges.ts). Every rule is checked
 * on four phrasings invented here (none is a scenario text), through the whole parser; the safety half checks that
 * taking a hedge off never turns a negation, a question or a statement into an instruction.
 */
import { describe, expect, it } from 'vitest';
import { unhedge } from '../../../src/llm/offline/hedges.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack, NOW } from './drive.js';

describe('hedges taken off a request', () => {
  it.each([
    ['I think we should lock ann@x.test for now', 'clerk_user_lock'],
    ["Rob called about it and I'd like to ban ann@x.test, just in case", 'clerk_user_ban'],
    ['would it be at all possible to unlock ann@x.test?', 'clerk_user_unlock'],
    ["they've asked if we can lift the ban on ann@x.test", 'clerk_user_unban'],
    ['we believe ann@x.test should be locked while we check', 'clerk_user_lock'],
    ['ann@x.test might need their account locked until Monday', 'clerk_user_lock'],
    ['I guess her account needs unlocking, ann@x.test that is', 'clerk_user_unlock'],
    ['apparently ann@x.test may have to be banned', 'clerk_user_ban'],
  ])('"%s" is the plain request', (said, action) => {
    expect(parseRequest(said, NOW)).toMatchObject({ action });
  });

  it.each([
    'I think ann@x.test should not be locked',
    "I'd like to know whether ann@x.test is locked",
    'I believe ann@x.test was banned last week',
    'we want to check if ann@x.test is banned',
  ])('"%s" does not become a change', (said) => {
    const intent = parseRequest(said, NOW) as { action?: string };
    expect(intent.action ?? '').not.toMatch(/lock|ban/);
  });
});

describe('relative clauses and passives made plain', () => {
  it.each([
    ['whoever is the admin over at Foo should be locked', 'the admin at Foo should be locked'],
    ['the person who is a viewer in Foo', 'the viewer in Foo'],
    ['whoever has the billing role in Foo must go', 'the billing member in Foo must go'],
    ['lock whoever holds the admin role at Foo', 'lock whoever holds the admin role at Foo'],
    ['the one that holds the org:member role at Foo', 'the member at Foo'],
  ])('"%s" → "%s"', (said, plain) => {
    expect(unhedge(said)).toBe(plain);
  });

  it.each([
    ['could ⟦e0⟧ be bumped up to a regular member in Foo?', 'switch ⟦e0⟧ to a regular member in Foo?'],
    ['so ⟦e0⟧ should be moved to billing', 'so switch ⟦e0⟧ to billing'],
    ['⟦e0⟧ needs to get promoted to an admin of Foo', 'switch ⟦e0⟧ to an admin of Foo'],
    ['can the viewer of Foo be switched back to a member', 'switch the viewer of Foo to a member'],
  ])('role change "%s"', (said, plain) => {
    expect(unhedge(said)).toBe(plain);
  });

  it.each([
    ['revoke whichever invite went out most recently', 'revoke the most recent pending invite'],
    ['cancel the sign-up invitation that was sent last', 'cancel the most recent pending app invitation'],
    ['revoke the org invitation Foo sent to ⟦e0⟧', "revoke Foo's invitation for ⟦e0⟧"],
    ['remove the admin in the Foo org out of it', 'remove the admin in the Foo org out of Foo'],
  ])('invitation and organization references "%s"', (said, plain) => {
    expect(unhedge(said)).toBe(plain);
  });
});

describe('through the agent', () => {
  it('a hedged role reference acts on the one member with that role and nobody else', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'The finance lead quit last week, so I think whoever has the billing role in the Acme org should be taken out of it. The admins stay.',
    );
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_org_membership_delete']);
  });

  it('a hedge in front of a negated request plans nothing', async () => {
    const stack = createStack();
    const turn = await stack.say('I think whoever is the admin over at Initech should not be locked.');
    expect(turn.pending).toEqual([]);
  });
});

describe('adding someone who is already a member', () => {
  it('reads the membership and proposes no create (the answer says they are in already)', async () => {
    const stack = createStack();
    const turn = await stack.say('Would it be at all possible to add grace@acme.test to Acme as a member?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/already a member of Acme/);
  });
});

describe('context joined to the request by "so" or a dash', () => {
  it.each([
    ['the contract ended so pls unlock ann@x.test', 'clerk_user_unlock'],
    ['the trial is over — so I think ann@x.test should be banned', 'clerk_user_ban'],
    ['she left last week so could you lock ann@x.test', 'clerk_user_lock'],
    ['the review is done – and ann@x.test can be unbanned now', 'clerk_user_unban'],
  ])('"%s"', (said, action) => {
    expect(parseRequest(said, NOW)).toMatchObject({ action });
  });

  it('"so" that starts a purpose ("so he has to …") is not a request', () => {
    expect(unhedge('lock ⟦e0⟧ so he has to sign in again')).toBe('lock ⟦e0⟧ so he has to sign in again');
  });
});

describe('organization invitations said in the plural', () => {
  it.each([
    'revoke the pending Foo org invitations',
    'revoke all pending Foo invitations',
    'any Foo org invitations that are still pending should be withdrawn',
    'cancel every open invitation of Foo',
  ])('"%s" is every pending invitation of that organization', (said) => {
    expect(parseRequest(said, NOW)).toMatchObject({ kind: 'org_invitation_revoke', all: true, emails: [] });
  });

  it('one address keeps it to that invitation', () => {
    expect(parseRequest('revoke the Foo invitation for ann@x.test', NOW)).not.toMatchObject({ all: true });
  });
});

describe('sessions are revoked whatever the verb', () => {
  it.each([
    "nuke all of ann@x.test's active sessions",
    'kill every session of ann@x.test',
    'please delete the open sessions of ann@x.test',
    "wipe ann@x.test's sessions",
    'ann@x.test left her laptop open, can u nuke all her active sessions?',
  ])('"%s" revokes sessions and never deletes the user', (said) => {
    const intent = parseRequest(said, NOW) as { kind: string };
    expect(JSON.stringify(intent)).not.toMatch(/delete/);
    expect(intent.kind).toMatch(/sign_out|session/);
  });
});

describe('a forwarded ticket with a title line before its headers', () => {
  it.each([
    'I think her account might just need unlocking? Cheers, Bo (Service Desk, 1st line)',
    'her account needs unlocking I guess. Thanks, Bo (Desk)',
    'Probably she just needs her account unlocked? Best, Bo',
    'I believe it should be unlocked for her. Cheers, Bo (IT)',
  ])('the sender is the "her" of "%s"', async (own) => {
    const stack = createStack();
    const turn = await stack.say(
      `Hi all, forwarding from the queue:\n\n---\nCase 1234 — Priority: low\nFrom: Ava T <ava@mail.test>\nHi, I typed my password wrong too often and I'm locked out now. Please help me get back in.\nThanks, Ava\n---\n\n${own}`,
    );
    expect(turn.pending.map((p) => `${p.action} ${JSON.stringify(p.args)}`)).toEqual([
      expect.stringMatching(/^clerk_user_unlock /),
    ]);
    expect(turn.text).toMatch(/ava@mail\.test/);
  });
});

describe('"it" for an invitation named by its address', () => {
  it.each([
    "the app invite we sent out to ann@x.test isn't needed any more, revoke it?",
    'the invite to ann@x.test is obsolete. please revoke it',
    'the invitation for ann@x.test was a mistake — would it be at all possible to pull it back?',
    'the invite I sent to ann@x.test went to the wrong person, can you cancel it',
  ])('"%s" revokes that invitation', (said) => {
    expect(parseRequest(said, NOW)).toMatchObject({ kind: 'invitation_revoke', emails: ['ann@x.test'] });
  });
});

describe('a pasted note handed over whole', () => {
  it('reads the pasted request even when the admin mentions "the account owner"', () => {
    const said =
      'Pasting the note from the account owner below:\n\n> Hello, the invite we sent to ann@x.test is not needed.\n> Could you pull it back please?\n';
    expect(parseRequest(said, NOW)).toMatchObject({ kind: 'invitation_revoke', emails: ['ann@x.test'] });
  });
});

describe('an invitation kind said once holds for the new one', () => {
  it.each([
    'our intern never used the sign-up link we sent and now it has expired. send a new invite to ann@x.test',
    'The app invitation to ann@x.test lapsed. Could you send another invitation to ann@x.test?',
    'the sign-up email never arrived; please send a fresh invite to ann@x.test',
    'ann@x.test lost the signup link, send her a new invitation: ann@x.test',
  ])('"%s" is an app invitation', (said) => {
    expect(parseRequest(said, NOW)).toMatchObject({ kind: 'invite', app: true, emails: ['ann@x.test'] });
  });

  it('an organization named for the new one keeps it an organization invitation', () => {
    expect(parseRequest('the sign-up link expired. send a new invite to ann@x.test for Acme', NOW)).toMatchObject({
      kind: 'invite',
      app: false,
      org: { value: 'Acme' },
    });
  });
});
