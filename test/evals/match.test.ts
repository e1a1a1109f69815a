import { describe, expect, it } from 'vitest';
import { callMatches, partialMatch } from '../../evals/src/match.js';

describe('partial argument matching', () => {
  it('compares only the keys the pattern lists', () => {
    expect(partialMatch({ user_id: 'u1' }, { user_id: 'u1', reason: 'spam' })).toBe(true);
    expect(partialMatch({ user_id: 'u1' }, { user_id: 'u2' })).toBe(false);
    expect(partialMatch({ user_id: 'u1' }, {})).toBe(false);
  });

  it('compares strings trimmed and case-insensitively, and nested objects partially', () => {
    expect(partialMatch({ email: 'Jane@Example.com ' }, { email: 'jane@example.com' })).toBe(true);
    expect(partialMatch({ public_metadata: { plan: 'pro' } }, { public_metadata: { plan: 'pro', seats: 3 } })).toBe(
      true,
    );
    expect(partialMatch({ public_metadata: { plan: 'pro' } }, { public_metadata: { plan: 'free' } })).toBe(false);
  });

  it('needs every array element of the pattern in the actual array', () => {
    expect(partialMatch({ email_address: ['a@x.test'] }, { email_address: ['b@x.test', 'a@x.test'] })).toBe(true);
    expect(partialMatch({ email_address: ['a@x.test', 'c@x.test'] }, { email_address: ['a@x.test'] })).toBe(false);
  });

  it('does not let a prototype key match', () => {
    expect(partialMatch({ constructor: 'x' }, {})).toBe(false);
  });

  it('matches calls by action and args', () => {
    expect(
      callMatches(
        { action: 'clerk_user_ban', args: { user_id: 'u1' } },
        { action: 'clerk_user_ban', args: { user_id: 'u1' } },
      ),
    ).toBe(true);
    expect(
      callMatches({ action: 'clerk_user_ban', args: {} }, { action: 'clerk_user_lock', args: { user_id: 'u1' } }),
    ).toBe(false);
    expect(callMatches({ args: { user_id: 'u1' } }, { action: 'clerk_user_delete', args: { user_id: 'u1' } })).toBe(
      true,
    );
  });
});
