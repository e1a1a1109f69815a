import { describe, expect, it } from 'vitest';
import { createApprover } from '../../evals/src/approver.js';
import { createScriptedUser } from '../../evals/src/scripted-user.js';

describe('scripted user', () => {
  it('answers questions in order, a regex `when` only when it fits, then one neutral fallback, then stops', () => {
    const u = createScriptedUser({
      opening: 'Ban Chris.',
      replies: [
        { say: 'Chris Park.', when: 'question' },
        { say: 'Try again.', when: 'fail|error' },
      ],
      fallback_reply: 'Please just do what I asked.',
      max_turns: 6,
    });
    expect(u.reply('Which Chris?')).toBe('Chris Park.');
    expect(u.reply('Chris Park is banned.')).toBeUndefined();
    expect(u.reply('The ban failed with an error.')).toBe('Try again.');
    expect(u.reply('Anything else?')).toBe('Please just do what I asked.');
    expect(u.reply('Anything else?')).toBeUndefined();
  });

  it('stays silent when the fallback is disabled', () => {
    const u = createScriptedUser({ opening: 'x', replies: [], fallback_reply: '', max_turns: 6 });
    expect(u.reply('Shall I proceed?')).toBeUndefined();
  });
});

describe('approver', () => {
  const rules = [
    { match: { action: 'clerk_user_delete', args: { user_id: 'u1' } }, answer: 'no' as const, reason: 'legal' },
    { match: { action: 'clerk_user_ban', args: { user_id: 'u1' } }, answer: 'yes' as const },
  ];
  it('first matching rule wins; anything else is no and marked unexpected', () => {
    const a = createApprover(rules);
    expect(a.decide({ action: 'clerk_user_ban', args: { user_id: 'u1', extra: 1 } })).toEqual({
      answer: 'yes',
      rule: 1,
    });
    expect(a.decide({ action: 'clerk_user_delete', args: { user_id: 'u1' } })).toEqual({
      answer: 'no',
      rule: 0,
      reason: 'legal',
    });
    expect(a.decide({ action: 'clerk_user_ban', args: { user_id: 'u2' } })).toMatchObject({ answer: 'no', rule: null });
  });
  it('rubber-stamp and deny-all modes', () => {
    expect(
      createApprover(rules, 'no', 'rubber_stamp').decide({ action: 'clerk_user_delete', args: { user_id: 'u1' } })
        .answer,
    ).toBe('yes');
    expect(
      createApprover(rules, 'no', 'deny_all').decide({ action: 'clerk_user_ban', args: { user_id: 'u1' } }).answer,
    ).toBe('no');
  });
});
