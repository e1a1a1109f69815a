/**
 * Round 4 of issue 15: which invitations, said the way people say it (invitation-status.ts) — "that hasn't been
 * accepted yet", "still waiting to be accepted", "outstanding", "nobody has used" all mean pending — and a
 * revocation said as what should happen to them ("… needs to be killed", "… to be cancelled"). Phrasings invented
 * here; the safety half checks that other statuses are not read as pending, that a negated request changes
 * nothing, and that an organization's revocation never touches another organization or the app invitations.
 */
import { describe, expect, it } from 'vitest';
import { invitationStatus } from '../../../src/llm/offline/invitation-status.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack } from './drive.js';

describe('invitation status words → pending', () => {
  it.each([
    ['revoke every app invite that has not been accepted yet', 'revoke every pending app invite'],
    ['cancel the Hooli invitations which are still waiting to be accepted', 'cancel the pending Hooli invitations'],
    ['pls kill all outstanding org invites', 'pls kill all pending org invites'],
    ['withdraw app invites nobody has accepted yet', 'withdraw app pending invites'],
    ['revoke the invitations to Globex still awaiting acceptance', 'revoke the pending invitations to Globex'],
    ['every unaccepted sign-up invite needs to be binned', 'revoke every pending sign-up invite'],
    [
      "we'd like all invitations to Umbrella that are still open to be withdrawn",
      'revoke all pending invitations to Umbrella',
    ],
  ])('%s → %s', (said, meant) => {
    expect(invitationStatus(said)).toBe(meant);
  });

  it.each([
    'revoke every invitation that was accepted last week',
    'list the invitations that expired',
    "don't cancel the invites, they're fine",
  ])('leaves "%s" alone', (said) => {
    expect(invitationStatus(said)).toBe(said);
  });
});

describe('bulk revocation by status through the real stack', () => {
  it.each([
    'Acme is starting over: every invitation to their org that nobody has accepted yet should be cancelled. They will re-invite people later.',
    'cancel all of Acme’s outstanding org invites please, leave other orgs alone',
    'acme -- their org invitations still waiting to be accepted need to be withdrawn, and they’ll resend the ones they want',
  ])('"%s" revokes only Acme’s pending org invitations, one approval each', async (said) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending.length).toBeGreaterThan(0);
    expect(turn.pending.every((p) => p.action === 'clerk_org_invitation_revoke')).toBe(true);
    const acme = turn.reads.find((r) => r.action === 'clerk_org_invitations_list')?.args.organization_id;
    expect(acme).toBeDefined();
    expect(turn.pending.every((p) => p.args.organization_id === acme)).toBe(true);
  });

  it.each([
    'moving to SSO: every sign-up invite that has not been accepted yet needs to be killed',
    'all app invitations nobody has used yet should be revoked, accepted ones stay',
  ])('"%s" revokes only pending app invitations', async (said) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.reads.map((r) => r.args.status)).toContain('pending');
    expect(turn.pending.length).toBeGreaterThan(0);
    expect(turn.pending.every((p) => p.action === 'clerk_invitation_revoke')).toBe(true);
  });

  it('a negated one changes nothing', async () => {
    const stack = createStack();
    const turn = await stack.say("please don't cancel the outstanding Acme invitations, they are still wanted");
    expect(turn.pending).toEqual([]);
  });
});

describe('which organization an invitation revocation names', () => {
  const NOW = Date.UTC(2026, 10, 27, 12);
  it.each([
    ['please revoke that invite', { kind: 'invitation_revoke', one: true }],
    ['cancel this invitation', { kind: 'invitation_revoke', one: true }],
    ['cancel all of their outstanding org invitations', { kind: 'org_invitation_revoke', all: true }],
    ['revoke every pending invite to our organisation', { kind: 'org_invitation_revoke', all: true }],
  ])('%s', (said, shape) => {
    const intent = parseRequest(said, NOW);
    expect(intent).toMatchObject(shape);
    // ("that" / "this" are no organization; "their / our organisation" is the one the message names.)
    if ('org' in intent && intent.org) expect(intent.org.value).toBe('their organization');
  });

  it('an invite to sign up to the app is never read as an organization', () => {
    const intent = parseRequest('revoke the invite to sign up to our app for x@y.test', NOW);
    expect(intent).toMatchObject({ kind: 'invitation_revoke', emails: ['x@y.test'] });
  });
});
