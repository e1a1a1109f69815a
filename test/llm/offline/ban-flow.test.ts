/**
 * The end-to-end check, through the real loop with the sandbox: "ban <a seed email>" resolves the user,
 * pauses for approval, bans on yes, leaves the user untouched on no, and the closing words say which happened.
 */
import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../../src/sandbox/index.js';
import { createStack } from './drive.js';

const jane = SEED_FACTS.users.jane;
const bob = SEED_FACTS.users.bob;

function banned(stack: ReturnType<typeof createStack>, id: string): boolean {
  const user = stack.sandbox.snapshot().users.find((u) => u.id === id);
  if (!user) throw new Error(`no user ${id}`);
  return user.banned;
}

const writes = (stack: ReturnType<typeof createStack>) => stack.sandbox.requests.filter((r) => r.mutating);

describe('ban jane@example.com through the real agent loop', () => {
  it('resolves the email with a read, then pauses with one ban call for Jane', async () => {
    const stack = createStack();
    const turn = await stack.say('ban jane@example.com');
    expect(turn.reads).toEqual([{ action: 'clerk_users_list', args: { email_address: ['jane@example.com'] } }]);
    expect(turn.status).toBe('paused');
    expect(turn.pending.map((p) => [p.action, p.args])).toEqual([['clerk_user_ban', { user_id: jane.id }]]);
    expect(turn.pending[0]!.preview.text).toContain('jane@example.com');
    expect(writes(stack)).toEqual([]);
    expect(banned(stack, jane.id)).toBe(false);
  });

  it('bans on yes, and says so', async () => {
    const stack = createStack();
    const done = await stack.decide(await stack.say('ban jane@example.com'), true);
    expect(done.status).toBe('done');
    expect(banned(stack, jane.id)).toBe(true);
    expect(writes(stack).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /users/${jane.id}/ban`]);
    expect(done.text).toMatch(/^Banned Jane Doe <jane@example\.com>/);
    expect(done.outcome.status === 'done' && done.outcome.summary.executed.map((o) => o.action)).toEqual([
      'clerk_user_ban',
    ]);
  });

  it('leaves Jane untouched on no, and says it was not done', async () => {
    const stack = createStack();
    const done = await stack.decide(await stack.say('ban jane@example.com'), false, 'wrong person');
    expect(done.status).toBe('done');
    expect(banned(stack, jane.id)).toBe(false);
    expect(writes(stack)).toEqual([]);
    expect(done.text).toMatch(
      /Not done: ban Jane Doe <jane@example\.com>.*you denied it \("wrong person"\)\. Nothing was changed\./,
    );
    expect(done.text).not.toMatch(/^Banned/m);
    expect(done.outcome.status === 'done' && done.outcome.summary.denied.map((o) => o.action)).toEqual([
      'clerk_user_ban',
    ]);
  });

  it('with two targets, reports the approved one as done and the denied one as not done', async () => {
    const stack = createStack();
    const turn = await stack.say('ban jane@example.com and bob@globex.test');
    expect(turn.pending.map((p) => p.args.user_id)).toEqual([jane.id, bob.id]);
    const done = await stack.decide(turn, [true, false]);
    expect(banned(stack, jane.id)).toBe(true);
    expect(banned(stack, bob.id)).toBe(false);
    expect(done.text).toMatch(/Done \(1\):\n- Banned Jane Doe/);
    expect(done.text).toMatch(/Not done \(1\):\n- Ban Bob Stone <bob@globex\.test>.*you denied it/);
  });

  it('reports a Clerk failure truthfully instead of claiming success', async () => {
    const stack = createStack();
    stack.sandbox.faults.add({ method: 'POST', path: '/users/{user_id}/ban', status: 402, times: 1 });
    const done = await stack.decide(await stack.say('ban jane@example.com'), true);
    expect(banned(stack, jane.id)).toBe(false);
    expect(done.text).toMatch(/Not done: ban Jane Doe.*failed: Clerk 402/);
    expect(done.text).not.toMatch(/^Banned/m);
  });

  it('in dry-run mode says nothing was executed', async () => {
    const stack = createStack({ dryRun: true });
    const done = await stack.decide(await stack.say('ban jane@example.com'), true);
    expect(banned(stack, jane.id)).toBe(false);
    expect(done.text).toMatch(/Dry run: I would ban Jane Doe.*Nothing was executed/);
  });

  it('asks which Chris, then bans the one named in the answer after a yes', async () => {
    const stack = createStack();
    const question = await stack.say('ban Chris');
    expect(question.status).toBe('done');
    expect(question.pending).toEqual([]);
    expect(question.text).toMatch(/Which one do you mean/);
    const turn = await stack.say('Chris Evans', question.outcome.state);
    expect(turn.pending.map((p) => p.args)).toEqual([{ user_id: SEED_FACTS.users.chrisEvans.id }]);
    const done = await stack.decide(turn, true);
    expect(banned(stack, SEED_FACTS.users.chrisEvans.id)).toBe(true);
    expect(banned(stack, SEED_FACTS.users.chrisPark.id)).toBe(false);
    expect(done.text).toMatch(/Banned Chris Evans/);
  });

  it('understands "her" in the next request as the user of the previous one', async () => {
    const stack = createStack();
    const first = await stack.decide(await stack.say('ban jane@example.com'), true);
    expect(banned(stack, jane.id)).toBe(true);
    const next = await stack.say('now unban her', first.outcome.state);
    expect(next.reads).toEqual([{ action: 'clerk_user_get', args: { user_id: jane.id } }]);
    expect(next.pending.map((p) => [p.action, p.args])).toEqual([['clerk_user_unban', { user_id: jane.id }]]);
    const done = await stack.decide(next, true);
    expect(banned(stack, jane.id)).toBe(false);
    expect(done.text).toMatch(/^Unbanned Jane Doe/);
  });

  it('does not guess who "him" is at the start of a conversation', async () => {
    const stack = createStack();
    const turn = await stack.say('ban him');
    expect(turn.status).toBe('done');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/don't know who "him" refers to/);
  });
});
