/**
 * Round 4 of issue 15: a bulk change by domain that says to skip those already in the asked state ("skip anyone
 * who's already banned") is the same change — the plan skips them anyway — and must not filter on that state
 * (which would select exactly nobody to change). Also: "ban the users at @x.test" is the bulk form; an address
 * wrapped onto the next line continues the sentence; "Lock only, no bans." after the request adds no target.
 * Phrasings invented here; every proposal is one gated call per listed user, never anyone else.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack } from './drive.js';

const NOW = Date.UTC(2026, 10, 27, 12);

describe('skipping those already in the state is no filter', () => {
  it.each([
    'ban all the users on @outlook.test addresses (skip anyone who is already banned)',
    'ban every account at outlook.test, except the ones already banned',
    'please ban everyone with an outlook.test email - ignore those already banned',
    'ban the users at @outlook.test, not the ones that are banned already',
    'Throwaway domain: ban all @outlook.test users (excluding anybody currently banned, of course)',
  ])('%s', async (said) => {
    const intent = parseRequest(said, NOW);
    expect(intent).toMatchObject({ kind: 'bulk_user_action', action: 'clerk_user_ban', domain: 'outlook.test' });
    expect(intent.kind === 'bulk_user_action' && intent.filter.banned).toBeFalsy();
    const stack = createStack();
    const turn = await stack.say(said);
    const listed = turn.reads.find((r) => r.action === 'clerk_users_list');
    expect(listed?.args.email_address_query).toBe('@outlook.test');
    expect(turn.pending.length).toBeGreaterThan(0);
    expect(turn.pending.every((p) => p.action === 'clerk_user_ban')).toBe(true);
  });

  it('keeps a filter that is not the asked state ("unban every banned user at x")', () => {
    expect(parseRequest('unban all users at @outlook.test who are banned', NOW)).toMatchObject({
      kind: 'bulk_user_action',
      filter: { banned: true },
    });
  });
});

describe('other bulk shapes', () => {
  it('an address wrapped onto the next line continues the sentence', () => {
    const said =
      'The mail relay of that provider is compromised, per the vendor note. Lock every user whose address is at\n@proton.test until it is fixed. Lock only, no bans.';
    expect(parseRequest(said, NOW)).toMatchObject({ kind: 'bulk_user_action', action: 'clerk_user_lock' });
  });

  it.each(['Lock only, no bans.', 'just lock - do not delete anyone'])(
    '"%s" after a request adds no target',
    (tail) => {
      expect(parseRequest(`lock every user at @proton.test. ${tail}`, NOW)).toMatchObject({
        kind: 'bulk_user_action',
        action: 'clerk_user_lock',
      });
    },
  );
});
