/**
 * A write whose reply was lost (issue 13, defect 4b): the sandbox applies the change, then the reply never arrives
 * (timeout, reset connection, a 5xx with no body). The outcome is never "not done" on that basis: a verification read
 * says what happened, or the outcome is unknown. A write is never sent twice. A clean Clerk error stays "not done".
 */
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/agent/types.js';
import { createHarness, type HarnessOptions } from '../support/agent-harness.js';
import { assistantText, decide, toolCall, toolCalls } from '../support/builders.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;
type Done = Extract<RunOutcome, { status: 'done' }>;
type Ids = { jane: string; bob: string; acme: string };
type Loss = 'timeout' | 'reset' | 'bare-502' | 'clean-400';

/** A fetch that lets writes through to the sandbox (when `apply`), then loses the reply the way `loss` says. */
function losingWrites(loss: Loss, apply = true) {
  let writes = 0;
  const wrap =
    (inner: typeof fetch): typeof fetch =>
    async (input, init) => {
      if ((init?.method ?? 'GET') === 'GET') return inner(input, init);
      writes++;
      if (apply) await inner(input, { ...init, signal: null });
      if (loss === 'timeout')
        return new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        );
      if (loss === 'reset') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      if (loss === 'bare-502') return new Response('', { status: 502 });
      return new Response(
        JSON.stringify({ errors: [{ code: 'form_param_invalid', message: 'is invalid', long_message: 'bad' }] }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      );
    };
  return { wrap, writes: () => writes };
}

async function approveOne(call: (ids: Ids) => ReturnType<typeof toolCall>, options: HarnessOptions) {
  const probe = createHarness([]);
  const ids: Ids = {
    jane: await probe.userId('jane@example.com'),
    bob: await probe.userId('bob@globex.test'),
    acme: await probe.orgId('acme'),
  };
  const h = createHarness([toolCalls([call(ids)]), assistantText('Finished.')], {
    sandbox: probe.sandbox,
    clerkTimeoutMs: 300,
    ...options,
  });
  const paused = (await h.agent.run('do it', { onEvent: h.record })) as Paused;
  expect(paused.status).toBe('paused');
  const done = (await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record })) as Done;
  expect(done.status).toBe('done');
  return { h, ids, done };
}

const ban = ({ jane }: Ids) => toolCall('clerk_user_ban', { user_id: jane }, 'call_x');

describe('a write whose reply was lost', () => {
  it('timed out after the server banned: done, confirmed by a read, sent once', async () => {
    const net = losingWrites('timeout');
    const { h, ids, done } = await approveOne(ban, { wrapFetch: net.wrap });
    expect(net.writes()).toBe(1);
    expect((await h.user(ids.jane)).banned).toBe(true);
    expect(done.summary.executed).toHaveLength(1);
    expect(done.summary.line).toContain('The request timed out; Jane Doe is now banned (checked)');
    expect(done.summary.line).not.toContain('Not done');
    expect(h.audit.entries()).toMatchObject([
      { status: 'executed', checked: 'The request timed out; Jane Doe is now banned (checked)' },
    ]);
  });

  it('reset before the server acted: not done, because the read shows she is not banned', async () => {
    const net = losingWrites('reset', false);
    const { h, done } = await approveOne(ban, { wrapFetch: net.wrap });
    expect(net.writes()).toBe(1);
    expect(done.summary.failed).toHaveLength(1);
    expect(done.summary.line).toContain(
      'The connection to Clerk was lost before it answered; Jane Doe is not banned (checked) — not done',
    );
    expect(h.audit.entries()).toMatchObject([{ status: 'failed', checked: 'Jane Doe is not banned (checked)' }]);
  });

  it('a 5xx with no body after a lock: checked with a read', async () => {
    const net = losingWrites('bare-502');
    const lock = ({ jane }: Ids) => toolCall('clerk_user_lock', { user_id: jane });
    const { done } = await approveOne(lock, { wrapFetch: net.wrap });
    expect(net.writes()).toBe(1);
    expect(done.summary.line).toContain('Clerk answered HTTP 502 with no details; Jane Doe is now locked (checked)');
  });

  it('membership delete and create are checked against the membership listing', async () => {
    const remove = ({ jane, acme }: Ids) =>
      toolCall('clerk_org_membership_delete', { organization_id: acme, user_id: jane });
    const removed = await approveOne(remove, { wrapFetch: losingWrites('timeout').wrap });
    expect(removed.done.summary.line).toContain(
      'The request timed out; Jane Doe is not a member of Acme Inc (checked)',
    );
    expect(removed.done.summary.executed).toHaveLength(1);

    // Bob (Globex) is not in Acme: after a lost reply, the listing decides both ways.
    const add = ({ bob, acme }: Ids) =>
      toolCall('clerk_org_membership_create', { organization_id: acme, user_id: bob, role: 'org:member' });
    const applied = await approveOne(add, { wrapFetch: losingWrites('reset').wrap });
    expect(applied.done.summary.line).toMatch(
      /The connection to Clerk was lost before it answered; Bob \S+ is a member of Acme Inc \(checked\)/,
    );
    expect(applied.done.summary.executed).toHaveLength(1);
    const lost = await approveOne(add, { wrapFetch: losingWrites('reset', false).wrap });
    expect(lost.done.summary.line).toMatch(/Bob \S+ is not a member of Acme Inc \(checked\) — not done/);
    expect(lost.done.summary.failed).toHaveLength(1);
  });

  it('a delete is checked by a 404 on get, an invitation revoke by its status', async () => {
    const del = ({ jane }: Ids) => toolCall('clerk_user_delete', { user_id: jane });
    const deleted = await approveOne(del, { wrapFetch: losingWrites('timeout').wrap });
    expect(deleted.done.summary.line).toContain('The request timed out; Jane Doe no longer exists (checked)');

    const probe = createHarness([]);
    const pending = (await probe.clerk.request('GET', '/invitations', { query: { status: ['pending'] } })) as Array<{
      id: string;
      email_address: string;
    }>;
    const invitation = pending[0]!;
    const h = createHarness(
      [toolCalls([toolCall('clerk_invitation_revoke', { invitation_id: invitation.id })]), assistantText('Ok.')],
      { sandbox: probe.sandbox, clerkTimeoutMs: 300, wrapFetch: losingWrites('timeout').wrap },
    );
    const paused = (await h.agent.run('revoke it')) as Paused;
    const done = (await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)])) as Done;
    expect(done.summary.line).toContain(
      `The request timed out; the invitation for ${invitation.email_address} is revoked (checked)`,
    );
  });

  it('metadata updates are checked by reading the user back', async () => {
    const net = losingWrites('timeout');
    const update = ({ jane }: Ids) =>
      toolCall('clerk_user_update', { user_id: jane, public_metadata: { plan: 'enterprise' } });
    const { h, ids, done } = await approveOne(update, { wrapFetch: net.wrap });
    expect(((await h.user(ids.jane)).public_metadata as Record<string, unknown>).plan).toBe('enterprise');
    expect(done.summary.line).toContain('The request timed out; Jane Doe shows the new public_metadata (checked)');
  });

  it('without a read that can tell (a create), the outcome is unknown: check Clerk before retrying', async () => {
    const net = losingWrites('timeout');
    const create = () => toolCall('clerk_invitation_create', { email_address: 'new.person@example.com' });
    const { h, done } = await approveOne(create, { wrapFetch: net.wrap });
    expect(net.writes()).toBe(1);
    expect(done.summary.executed).toEqual([]);
    expect(done.summary.failed).toEqual([]);
    expect(done.summary.unknown).toHaveLength(1);
    expect(done.summary.line).toContain(
      'Outcome unknown: 1 (Invite new.person@example.com to sign up — The request timed out; outcome unknown: check Clerk before retrying)',
    );
    expect(done.summary.line).not.toContain('No changes were made');
    expect(h.audit.entries()).toMatchObject([{ status: 'unknown' }]);
    const tool = h.model.requests.at(-1)!.messages.find((m) => m.role === 'tool');
    expect(JSON.parse(tool!.content as string)).toMatchObject({ ok: false, error: { kind: 'outcome_unknown' } });
  });

  it('the offline model does not call an unknown outcome "not done" either', async () => {
    const { createOfflineModel } = await import('../../src/llm/offline.js');
    const h = createHarness([], {
      model: createOfflineModel(),
      clerkTimeoutMs: 300,
      wrapFetch: losingWrites('timeout').wrap,
    });
    let outcome: RunOutcome = await h.agent.run('invite new.person@example.com to the app');
    while (outcome.status === 'paused')
      outcome = await h.agent.resume(
        outcome.state,
        outcome.pending.map((p) => decide(p, true)),
      );
    const done = outcome as Done;
    expect(done.summary.unknown).toHaveLength(1);
    expect(done.summary.modelText).toContain(
      'Outcome unknown: invite new.person@example.com to sign up to the app — The request timed out; outcome unknown: check Clerk before retrying',
    );
    expect(done.summary.modelText).not.toMatch(/Not done|Nothing was changed/);
  });

  it('a clean Clerk error (4xx with an error body) stays "not done", with no verification read needed', async () => {
    const net = losingWrites('clean-400', false);
    const { done } = await approveOne(ban, { wrapFetch: net.wrap });
    expect(done.summary.failed).toHaveLength(1);
    expect(done.summary.line).toContain('Not done: 1');
    expect(done.summary.line).not.toContain('checked');
  });
});
