/**
 * Bulk changes by a filter the API can answer: list first, then one gated change per listed user that needs it;
 * never a change on a user the listing did not return; beyond 25 users, ask to narrow instead.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS } from '../../../src/llm/offline/bulk.js';
import { createStack, type Stack } from './drive.js';

async function api(stack: Stack, method: string, path: string, body?: unknown): Promise<unknown> {
  const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
  const res = await stack.sandbox.fetch(`${base}/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.sandbox.secretKey}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.json();
}

type ApiUser = { id: string; banned: boolean; locked: boolean; email_addresses: Array<{ email_address: string }> };

async function users(stack: Stack): Promise<ApiUser[]> {
  return (await api(stack, 'GET', '/users?limit=500')) as ApiUser[];
}

describe('bulk user changes by filter', () => {
  it('locks exactly the users with that email domain, one gated call each', async () => {
    const stack = createStack();
    const turn = await stack.say('lock every user at @hooli.test');
    expect(turn.reads).toEqual([
      { action: 'clerk_users_list', args: { email_address_query: '@hooli.test', limit: 100 } },
    ]);
    const expected = (await users(stack))
      .filter((u) => u.email_addresses.some((e) => e.email_address.endsWith('@hooli.test')) && !u.locked)
      .map((u) => u.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(turn.pending.every((c) => c.action === 'clerk_user_lock')).toBe(true);
    expect(turn.pending.map((c) => c.args.user_id as string).sort()).toEqual(expected);
    expect(turn.text).toMatch(new RegExp(`I'll make ${expected.length} changes:\\n1\\. lock `));
    await stack.cancel(turn);
    expect(stack.sandbox.requests.filter((r) => r.mutating)).toEqual([]);
  });

  it('unbans only the users who are banned', async () => {
    const stack = createStack();
    const turn = await stack.say('unban everyone who is banned');
    const banned = (await users(stack))
      .filter((u) => u.banned)
      .map((u) => u.id)
      .sort();
    expect(banned.length).toBeGreaterThan(0);
    expect(turn.pending.map((c) => [c.action, c.args.user_id])).toEqual(
      expect.arrayContaining(banned.map((id) => ['clerk_user_unban', id])),
    );
    expect(turn.pending).toHaveLength(banned.length);
    await stack.cancel(turn);
  });

  it(`asks to narrow beyond ${MAX_TARGETS} users and changes nothing`, async () => {
    const stack = createStack();
    for (let i = 0; i < MAX_TARGETS + 1; i++)
      await api(stack, 'POST', '/users', { email_address: [`u${i}@bulk.test`], first_name: `U${i}` });
    const writesBefore = stack.sandbox.requests.filter((r) => r.mutating).length;
    const turn = await stack.say('lock every user at @bulk.test');
    expect(turn.status).toBe('done');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(new RegExp(`That is ${MAX_TARGETS + 1} users .* more than the ${MAX_TARGETS}`));
    expect(stack.sandbox.requests.filter((r) => r.mutating).length).toBe(writesBefore);
  });

  it('still refuses a bulk change with no filter', async () => {
    const stack = createStack();
    const turn = await stack.say('ban all users');
    expect(turn.reads).toEqual([]);
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/won't ban users in bulk/);
  });

  it('says what it looked up when no user matches', async () => {
    const stack = createStack();
    const turn = await stack.say('lock every user at @spam.test');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/I listed users with an @spam\.test address and found none/);
  });
});
