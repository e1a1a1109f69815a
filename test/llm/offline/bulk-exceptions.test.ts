/**
 * People kept out of a bulk change ("… except X", "… but not X", "everyone but X", "…, leave X banned") are never
 * changed: the exception comes out of the message before it is parsed, and the plan drops the listed users it
 * names. A kept-out name that fits several listed users stops the change. Guards a safety property: before this,
 * "unban everyone who is banned except X" proposed unbanning X alone.
 */
import { describe, expect, it } from 'vitest';
import { createStack, type Stack } from './drive.js';

async function bannedUsers(stack: Stack): Promise<Array<{ id: string; email: string; name: string }>> {
  const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
  const res = await stack.sandbox.fetch(`${base}/v1/users?banned=true&limit=500`, {
    headers: { authorization: `Bearer ${stack.sandbox.secretKey}` },
  });
  const all = (await res.json()) as Array<{
    id: string;
    first_name: string | null;
    last_name: string | null;
    email_addresses: Array<{ email_address: string }>;
  }>;
  return all.map((u) => ({
    id: u.id,
    email: u.email_addresses[0]!.email_address,
    name: [u.first_name, u.last_name].filter(Boolean).join(' '),
  }));
}

describe('bulk changes with people kept out', () => {
  it.each([
    (who: { email: string; name: string }) => `unban everyone who is banned except ${who.email}`,
    (who: { email: string; name: string }) => `unban all banned users but not ${who.name}`,
    (who: { email: string; name: string }) => `pls unban all the banned users but ${who.name}`,
    (who: { email: string; name: string }) => `lift all the bans, but leave ${who.name} banned though`,
    (who: { email: string; name: string }) => `unban all banned accounts; keep ${who.email} banned`,
    (who: { email: string; name: string }) =>
      `Review done. Unban every banned user except ${who.email} (the fraud case is still\nopen). Thanks`,
  ])('%s: every banned user but that one', async (say) => {
    const stack = createStack();
    const banned = await bannedUsers(stack);
    expect(banned.length).toBeGreaterThan(2);
    const kept = banned[1]!;
    const turn = await stack.say(say(kept));
    const unbanned = turn.pending.map((c) => c.args.user_id as string).sort();
    expect(turn.pending.every((c) => c.action === 'clerk_user_unban')).toBe(true);
    expect(unbanned).toEqual(
      banned
        .filter((u) => u.id !== kept.id)
        .map((u) => u.id)
        .sort(),
    );
    expect(turn.text).toMatch(/kept out as you asked/);
    await stack.cancel(turn);
  });

  it('a kept-out name that fits several listed users changes nothing', async () => {
    const stack = createStack();
    const banned = await bannedUsers(stack);
    // Two banned users share a made-up first name: which one to keep out is unknowable.
    const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
    for (const u of banned.slice(0, 2))
      await stack.sandbox.fetch(`${base}/v1/users/${u.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${stack.sandbox.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ first_name: 'Quill' }),
      });
    const turn = await stack.say('unban everyone who is banned except Quill');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/can't tell whom to leave alone[\s\S]*Nothing was changed/);
  });
});

describe('an exception that cannot be read', () => {
  it('a remark about the one kept out ("…, she did it again") belongs to the exception: nobody targets her', async () => {
    const stack = createStack();
    const zoe = (await stack.sandbox
      .fetch(`${stack.sandbox.baseUrl.replace(/\/v1\/?$/, '')}/v1/users?email_address=zoe@mail.test`, {
        headers: { authorization: `Bearer ${stack.sandbox.secretKey}` },
      })
      .then((r) => r.json())) as Array<{ id: string }>;
    const turn = await stack.say('Unban everyone currently banned EXCEPT zoe@mail.test, she did it again, and again.');
    expect(turn.pending.length).toBeGreaterThan(0);
    expect(turn.pending.every((p) => p.action === 'clerk_user_unban')).toBe(true);
    expect(turn.pending.map((p) => p.args.user_id)).not.toContain(zoe[0]!.id);
  });

  it.each([
    'ban everyone except zoe@mail.test: she is fine',
    'unban every banned user except zoe@mail.test who keeps doing it again and again and again',
  ])('%j never becomes a change aimed at the one kept out', async (text) => {
    const stack = createStack();
    const turn = await stack.say(text);
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/changed nothing|Nothing was changed/);
  });
});
