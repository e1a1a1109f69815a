/**
 * Round 3 reference mechanisms, each checked on five shapes of one request (none of them scenario text):
 * a topic named first and acted on after (topic.ts), an invitation described by who sent it anywhere in a
 * revocation (intents-orgs.ts), and "inv" as an invitation.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { topicOf, withTopic } from '../../../src/llm/offline/topic.js';

const parse = (text: string) => parseRequest(text, 0);

describe('a topic named first, acted on after', () => {
  it.each([
    'the open Umbrella invite that Carl Ray sent - revoke it',
    'the open Umbrella invite that Carl Ray sent -> revoke',
    "so the Umbrella invitation Carl Ray sent isn't needed anymore. I think that one should be revoked",
    'cancel the pending Umbrella invite Carl Ray sent',
    'pls revoke the invitation to Umbrella that was sent by Carl Ray',
  ])('%s → the invitation Carl Ray sent to Umbrella', (text) => {
    expect(parse(text)).toEqual({
      kind: 'invitation_by_inviter',
      inviter: { kind: 'name', value: 'Carl Ray' },
      org: { kind: 'name', value: 'Umbrella' },
    });
  });

  it.each([
    'whoever has guest in initech -> bump to member',
    'whoever holds guest in initech - make member',
    'whoever has guest in initech: switch to member pls',
    'switch whoever has guest in initech to member',
    'bump whoever holds guest in initech to member',
  ])('%s → the guest holders of initech become members', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'membership_set_role',
      users: [{ kind: 'role', value: 'org:guest', org: 'initech' }],
      role: 'org:member',
    });
  });

  it.each([
    'the oauth app with sync in its name: drop openid from its scopes',
    'the oauth app whose name mentions sync - remove openid from its scopes',
    'remove openid from the scopes of the oauth app called sync',
    'drop the openid scope from the oauth app called sync',
    'the oauth app called sync: take away openid from its scopes',
  ])('%s → one scope removed, the app kept', (text) => {
    expect(parse(text)).toEqual({
      kind: 'named_update',
      resource: 'oauth',
      ref: { kind: 'name', value: 'sync' },
      fields: { remove_scopes: ['openid'] },
    });
  });

  it('needs a record noun and a determiner: a bare name or a pronoun is no topic', () => {
    expect(topicOf('Carl Ray is leaving')).toBeUndefined();
    expect(topicOf('that one is fine')).toBeUndefined();
    expect(topicOf('revoke the invite')).toBeUndefined();
    expect(topicOf('the audit moved, so the Foo invite is not needed')).toBe('the Foo invite');
  });

  it('fills only a request that points back or names no object', () => {
    expect(withTopic('ban carl@x.test', 'the Foo invite')).toBeUndefined();
    expect(withTopic('revoke that one', 'the Foo invite')).toBe('revoke the Foo invite');
  });

  it('a request that names its own target keeps it', () => {
    expect(parse('the Umbrella invite Carl Ray sent is fine. revoke the invitation to ann@x.test')).toMatchObject({
      kind: 'invitation_revoke',
      emails: ['ann@x.test'],
    });
  });
});

describe('invitations described by sender, recency and abbreviation', () => {
  it.each([
    'revoke the latest pending inv to umbrella',
    'cancel the most recent open invite to umbrella, sent to a typo address',
    'revoke the newest pending invitation to umbrella',
    'the newest pending umbrella invite - cancel it',
    'withdraw the most recent pending inv to umbrella',
  ])('%s → the newest pending invitation of umbrella', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'org_invitation_revoke',
      org: { kind: 'name', value: 'umbrella' },
      newest: 'newest',
    });
  });

  it('a sender said after the organization or by address', () => {
    expect(parse('revoke the invitations sent by carl@x.test')).toEqual({
      kind: 'invitation_by_inviter',
      inviter: { kind: 'email', value: 'carl@x.test' },
    });
    expect(parse('revoke the invitation sent to carl@x.test')).toMatchObject({
      kind: 'invitation_revoke',
      emails: ['carl@x.test'],
    });
  });
});

describe('a topic named inside a longer clause', () => {
  it.each([
    'the offer fell through for the person who got the newest app invitation. Kindly revoke that invitation only.',
    'HR says the candidate with the most recent app invitation declined; revoke that invitation',
  ])('%s → the newest app invitation', (text) => {
    expect(parse(text)).toMatchObject({ kind: 'invitation_revoke', newest: 'newest' });
  });

  it('a record the clause keeps is never the topic', () => {
    expect(topicOf('the new hire invite for Sales stays as it is')).toBeUndefined();
  });

  it('what the request became must act on the kind of record the topic names', () => {
    // A domain topic filled into "get rid of it" must never read as deleting a user called like the phrase.
    for (const text of [
      'The blog is gone. We still have the old satellite domain set up for it, please delete it.',
      'we still have the extra satellite domain hooked up for it — not the main one — could you get rid of it?',
    ]) {
      const intent = parse(text);
      expect(intent).not.toMatchObject({ kind: 'user_action' });
      expect(intent).toMatchObject({ kind: 'named_delete', resource: 'domain' });
    }
  });
});

describe('questions embedded in a request', () => {
  it.each([
    ['could you tell me when Carl Ray actually signed in last?', 'last_sign_in'],
    ['please let me know when Carl Ray last logged in', 'last_sign_in'],
    ['can you check when Carl Ray signed up', 'created'],
  ])('%s', (text, what) => {
    expect(parse(text)).toEqual({ kind: 'user_when', user: { kind: 'name', value: 'Carl Ray' }, what });
  });

  it('which organizations she is part of, and with what role (embedded order)', () => {
    expect(parse('ann@x.test is asking which organisations she is part of and with what role in each')).toEqual({
      kind: 'roles_every_org',
      user: { kind: 'email', value: 'ann@x.test' },
    });
  });

  it('"the one sent by X" is that invitation', () => {
    expect(parse('Kindly revoke only the one sent by Carl Ray.')).toEqual({
      kind: 'invitation_by_inviter',
      inviter: { kind: 'name', value: 'Carl Ray' },
    });
  });
});
