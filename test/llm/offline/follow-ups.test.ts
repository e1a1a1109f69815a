/**
 * Follow-ups that depend on the previous turn and multi-page reads, driven with hand-written conversations:
 * "try again" re-issues a failed call under a new call id (so it needs a new approval), and only after a failure;
 * "then just ban him instead" resolves "him" to the previous request's user; exact counts page past 500.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/llm/model.js';
import { call, complete, tool, user } from './messages.js';

const JANE = { id: 'user_jane', name: 'Jane Doe', email: 'jane@example.com', banned: false, locked: false };

/** "ban jane@example.com" up to the ban's result. */
function banTurn(banResult: unknown): Message[] {
  return [
    user('ban jane@example.com'),
    call('call_1_1', 'clerk_users_list', { email_address: ['jane@example.com'] }),
    tool('call_1_1', { ok: true, result: { returned: 1, offset: 0, data: [JANE] } }),
    call('call_2_1', 'clerk_user_ban', { user_id: 'user_jane' }),
    tool('call_2_1', banResult),
    { role: 'assistant', content: 'summary' },
  ];
}

const FAILED = {
  ok: false,
  error: { kind: 'clerk', status: 500, code: 'internal_clerk_error', message: 'internal error' },
};

describe('"try again"', () => {
  it('re-runs the failed request: the read again, then the ban under a new call id', async () => {
    const start = [...banTurn(FAILED), user('Please try again.')];
    const read = await complete(start);
    expect(read.message.toolCalls).toEqual([
      { id: 'call_3_1', name: 'clerk_users_list', arguments: '{"email_address":["jane@example.com"]}' },
    ]);
    const next = [
      ...start,
      read.message,
      tool('call_3_1', { ok: true, result: { returned: 1, offset: 0, data: [JANE] } }),
    ];
    const ban = await complete(next);
    expect(ban.message.toolCalls).toEqual([
      { id: 'call_4_1', name: 'clerk_user_ban', arguments: '{"user_id":"user_jane"}' },
    ]);
    const done = await complete([
      ...next,
      ban.message,
      tool('call_4_1', { ok: true, result: { ...JANE, banned: true } }),
    ]);
    expect(done.message.content).toMatch(/^Banned Jane Doe/);
  });

  it('also after a denial (the user changed their mind; the gate asks again)', async () => {
    const r = await complete([
      ...banTurn({ ok: false, denied: true, reason: 'denied', message: 'denied' }),
      user('retry'),
    ]);
    expect(r.message.toolCalls?.[0]?.name).toBe('clerk_users_list');
  });

  it('does nothing when the previous request succeeded', async () => {
    const r = await complete([...banTurn({ ok: true, result: { ...JANE, banned: true } }), user('try again')]);
    expect(r.message.toolCalls).toBeUndefined();
    expect(r.message.content).toMatch(/nothing to retry/);
  });
});

describe('pronouns across turns', () => {
  it('"OK, then just ban him instead" after a denied delete bans that user', async () => {
    const messages: Message[] = [
      user('Delete jane@example.com.'),
      call('call_1_1', 'clerk_users_list', { email_address: ['jane@example.com'] }),
      tool('call_1_1', { ok: true, result: { returned: 1, offset: 0, data: [JANE] } }),
      call('call_2_1', 'clerk_user_delete', { user_id: 'user_jane' }),
      tool('call_2_1', { ok: false, denied: true, reason: 'denied', message: 'denied' }),
      { role: 'assistant', content: 'Not done.' },
      user('OK, then just ban him instead.'),
    ];
    const read = await complete(messages);
    expect(read.message.toolCalls).toEqual([
      { id: 'call_3_1', name: 'clerk_user_get', arguments: '{"user_id":"user_jane"}' },
    ]);
    const ban = await complete([...messages, read.message, tool('call_3_1', { ok: true, result: JANE })]);
    expect(ban.message.toolCalls).toEqual([
      { id: 'call_4_1', name: 'clerk_user_ban', arguments: '{"user_id":"user_jane"}' },
    ]);
  });
});

describe('exact counts', () => {
  const page = (n: number, from: number) => ({
    ok: true,
    result: {
      returned: n,
      offset: from,
      data: Array.from({ length: n }, (_, i) => ({ id: `user_${from + i}`, name: `U ${from + i}` })),
    },
  });

  it('pages with limit 500 and a growing offset until a short page', async () => {
    const start = [user('How many users do we have in total? I need the exact number.')];
    const first = await complete(start);
    expect(first.message.toolCalls?.map((c) => c.arguments)).toEqual(['{"limit":500}']);
    const second = [...start, first.message, tool('call_1_1', page(500, 0))];
    const r2 = await complete(second);
    expect(r2.message.toolCalls?.map((c) => c.arguments)).toEqual(['{"limit":500,"offset":500}']);
    const r3 = await complete([...second, r2.message, tool('call_2_1', page(80, 500))]);
    expect(r3.message.content).toBe('There are 580 users.');
  });
});
