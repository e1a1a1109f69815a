/**
 * Revoking "all" invitations is scoped by what the words say: a trailing status ("which are still pending",
 * "that haven't been accepted", "(not yet accepted)") says which invitations, never where they are to; and a
 * request that speaks of an organization the parser cannot place is not widened to every app invitation.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

describe('bulk invitation revokes keep their organization', () => {
  it.each([
    ['revoke all the invitations to the Umbrella organisation which are still pending', 'Umbrella'],
    ['cancel every invite to Hooli that has not been accepted yet', 'Hooli'],
    ['pls revoke all invitations for Initech that are still open (nobody used them)', 'Initech'],
    ['withdraw the invitations to the Stark org that are pending', 'Stark'],
    ['revoke every invitation to Wayne which is still outstanding', 'Wayne'],
  ])('%j → the org invitations of %s', (text, org) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'org_invitation_revoke',
      org: { kind: 'name', value: org },
      all: true,
    });
  });

  it('"all pending invitations" with no organization is every app invitation', () => {
    expect(parseRequest('revoke all pending invitations', NOW)).toMatchObject({ kind: 'invitation_revoke', all: true });
  });

  it('an organization it cannot place is never widened to every app invitation', () => {
    const intent = parseRequest('revoke all the invitations of that organization over there, the usual one', NOW);
    expect(intent).not.toMatchObject({ kind: 'invitation_revoke', all: true });
  });
});

describe('app invitations said as such', () => {
  it.each([
    'revoke every invitation that is still pending (not the org ones, only the app invitations)',
    'revoke all pending application invitations, not the organization ones',
  ])('%j → every pending app invitation', (text) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'invitation_revoke', all: true });
  });
});
