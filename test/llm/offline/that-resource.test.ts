/**
 * "that invitation" / "that application" in one clause is the one invitation address / quoted app name another
 * clause of the message names (request.ts fillThat); with none or several named, nothing is filled.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

describe('"that invitation" and "that application" borrow what another clause names', () => {
  it('an invitation address from the sentence about the invite', () => {
    expect(parseRequest('An invite went to new@x.test by mistake. Cancel that invitation.', NOW)).toMatchObject({
      kind: 'invitation_revoke',
      emails: ['new@x.test'],
    });
  });

  it('a quoted app name from the sentence before', () => {
    expect(
      parseRequest('Our sync tool ("Foo Sync") reads too much. Remove the email scope from that application.', NOW),
    ).toMatchObject({ kind: 'named_update', resource: 'oauth', ref: { value: 'Foo Sync' } });
  });

  it('two addresses named: nothing is borrowed', () => {
    const intent = parseRequest('Invites went to a@x.test and b@x.test by mistake. Cancel that invitation.', NOW);
    expect(JSON.stringify(intent)).not.toMatch(/a@x\.test"\]|b@x\.test"\]/);
  });
});
