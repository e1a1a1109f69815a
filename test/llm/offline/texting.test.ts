/**
 * Chat-speak is spelt out before any rule reads the message (texting.ts), and words that are also real words or
 * identifiers stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { spellOutTexting } from '../../../src/llm/offline/texting.js';
import { NOW } from './drive.js';

describe('spellOutTexting', () => {
  it.each([
    ['she shouldnt be able to log in', "she shouldn't be able to log in"],
    ['hes gone, dont keep his acct', "he's gone, don't keep his account"],
    ['sent it yday but it fell thru', 'sent it yesterday but it fell through'],
    ['add him w/ the admin role b/c hes the lead', "add him with the admin role because he's the lead"],
    ['invite her w/o a role rn', 'invite her without a role right now'],
    ['ill resend it myself', "I'll resend it myself"],
    ['id like her removed', "I'd like her removed"],
  ])('%j → %j', (text, spelt) => {
    expect(spellOutTexting(text)).toBe(spelt);
  });

  it.each([
    'show the user with id user_123',
    'he is ill today',
    'what is the session id',
    'the org its members belong to',
    'lock the user with external id acct-991',
    'the slug is ppl_ops',
  ])('%j stays as it is', (text) => {
    expect(spellOutTexting(text)).toBe(text);
  });
});

describe('requests typed as chat-speak', () => {
  it.each([
    ['zoe@mail.test shouldnt be able to sign in anymore, lock her pls', 'clerk_user_lock'],
    ['cant believe it, zoe@mail.test is spamming again. ban her rn', 'clerk_user_ban'],
  ])('%j → %s', (text, action) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'user_action', action });
  });
});
