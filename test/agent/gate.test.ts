/**
 * The safety counts of DESIGN §3 against the real registry, client and in-process sandbox: a mutation runs 0 times
 * before a yes, exactly once after it, 0 times after a no; decisions bind to the exact call.
 */
import { describe, expect, it } from 'vitest';
import type { Decision, PendingCall, RunOutcome } from '../../src/agent/types.js';
import { assistantText, decide, envelope, toolCall, toolCalls } from '../support/builders.js';
import { createHarness, type Harness } from '../support/agent-harness.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

function expectPaused(outcome: RunOutcome): Paused {
  expect(outcome.status).toBe('paused');
  return outcome as Paused;
}

/** Scripts: look Jane up, then ban her; after the decision, say something. */
async function banJane(finalText = 'Finished.') {
  const h = createHarness([]);
  const jane = await h.userId('jane@example.com');
  const turns = [
    toolCalls([toolCall('clerk_users_list', { query: 'jane@example.com' })], 'I will look Jane up first.'),
    toolCalls([toolCall('clerk_user_ban', { user_id: jane }, 'call_ban')], 'Plan: ban Jane Doe.'),
    assistantText(finalText),
  ];
  const harness = createHarness(turns, { sandbox: h.sandbox });
  const paused = expectPaused(
    await harness.agent.run('ban jane@example.com', { onEvent: harness.record, requester: 'local:tester' }),
  );
  return { h: harness, jane, paused };
}

const lastToolResult = (h: Harness, callId: string) => {
  const request = h.model.requests[h.model.requests.length - 1]!;
  const message = request.messages.find((m) => m.role === 'tool' && m.toolCallId === callId);
  return message && message.role === 'tool' ? envelope(message.content) : undefined;
};

describe('the approval gate', () => {
  it('pauses before a mutation: 0 writes, a preview with resolved names, an approval_needed event', async () => {
    const { h, jane, paused } = await banJane();
    expect(h.mutations()).toEqual([]);
    expect((await h.user(jane)).banned).toBe(false);

    const [call] = paused.pending;
    expect(call).toMatchObject({
      action: 'clerk_user_ban',
      callId: 'call_ban',
      args: { user_id: jane },
      risk: 'write',
      live: false,
    });
    expect(call!.preview.text).toContain('Jane Doe <jane@example.com>');
    expect(call!.preview).toMatchObject({ method: 'POST', path: `/users/${jane}/ban` });
    expect(h.events.filter((e) => e.type === 'approval_needed')).toEqual([
      { type: 'approval_needed', pending: paused.pending },
    ]);
    expect(h.events.map((e) => e.type)).toContain('assistant_text');
    expect(h.events.at(-1)).toEqual({ type: 'turn_end', status: 'paused' });
  });

  it('executes exactly once after yes, records it, and tells the model', async () => {
    const { h, jane, paused } = await banJane('Jane Doe is banned.');
    const done = await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });

    expect(done.status).toBe('done');
    expect(h.mutations()).toEqual([{ method: 'POST', path: `/users/${jane}/ban`, status: 200 }]);
    expect((await h.user(jane)).banned).toBe(true);
    expect(lastToolResult(h, 'call_ban')).toMatchObject({ ok: true, result: { id: jane, banned: true } });

    const summary = done.status === 'done' ? done.summary : undefined;
    expect(summary?.line).toMatch(/^Done: 1 change \(Ban Jane Doe <jane@example.com>/);
    expect(summary?.modelText).toBe('Jane Doe is banned.');

    const [record, ...rest] = h.audit.entries();
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      requester: 'local:tester',
      approver: 'test:approver',
      decision: 'approved',
      status: 'executed',
      action: 'clerk_user_ban',
      args: { user_id: jane },
      before: { id: jane },
      after: { id: jane, banned: true },
    });
    expect(record!.before).not.toHaveProperty('banned');
  });

  it('executes nothing after no, and the denial with its reason reaches the model', async () => {
    const { h, jane, paused } = await banJane('I did not ban Jane: you said no.');
    const done = await h.agent.resume(
      paused.state,
      [decide(paused.pending[0]!, false, { reason: 'she is a customer' })],
      { onEvent: h.record },
    );

    expect(h.mutations()).toEqual([]);
    expect((await h.user(jane)).banned).toBe(false);
    expect(lastToolResult(h, 'call_ban')).toEqual({
      ok: false,
      denied: true,
      reason: 'she is a customer',
      message: expect.stringContaining('Do not retry it'),
    });
    expect(done.status === 'done' && done.summary.line).toBe(
      'No changes were made. Not done: 1 (denied: ' + paused.pending[0]!.preview.text + ' — she is a customer).',
    );
    expect(h.audit.entries()).toMatchObject([
      { decision: 'denied', status: 'denied', reason: 'she is a customer', approver: 'test:approver' },
    ]);
    expect(h.events).toContainEqual({
      type: 'decision',
      callId: 'call_ban',
      action: 'clerk_user_ban',
      approved: false,
      approver: 'test:approver',
      reason: 'she is a customer',
    });
  });

  it('denies a pending call that gets no decision at all', async () => {
    const { h, paused } = await banJane();
    await h.agent.resume(paused.state, [], { onEvent: h.record });
    expect(h.mutations()).toEqual([]);
    expect(lastToolResult(h, 'call_ban')).toMatchObject({ denied: true, reason: 'no decision' });
  });

  const forgeries: Array<[string, (p: PendingCall) => Decision]> = [
    ['a different args digest', (p) => decide(p, true, { argsDigest: 'a'.repeat(64) })],
    ['a different callId', (p) => decide(p, true, { callId: 'call_other' })],
    ['a different action', (p) => decide(p, true, { action: 'clerk_user_delete' })],
    ['a different approvalId', (p) => decide(p, true, { approvalId: 'apr_forged' })],
  ];
  it.each(forgeries)('refuses a yes with %s: error event, 0 writes, the call is denied', async (_label, forge) => {
    const { h, paused } = await banJane();
    await h.agent.resume(paused.state, [forge(paused.pending[0]!)], { onEvent: h.record });
    expect(h.mutations()).toEqual([]);
    expect(h.events.some((e) => e.type === 'error' && e.message.startsWith('Decision refused'))).toBe(true);
    expect(lastToolResult(h, 'call_ban')).toMatchObject({ ok: false, denied: true });
    expect(h.audit.entries()).toMatchObject([{ status: 'denied' }]);
  });

  it('needs a decision for each of several mutating calls in one step (approve one, deny the other)', async () => {
    const h0 = createHarness([]);
    const [jane, bob] = [await h0.userId('jane@example.com'), await h0.userId('bob@globex.test')];
    const h = createHarness(
      [
        toolCalls(
          [
            toolCall('clerk_user_ban', { user_id: jane }, 'c_jane'),
            toolCall('clerk_user_lock', { user_id: bob }, 'c_bob'),
          ],
          'Plan: 1. ban Jane 2. lock Bob.',
        ),
        assistantText('Done.'),
      ],
      { sandbox: h0.sandbox },
    );
    const paused = expectPaused(await h.agent.run('ban jane and lock bob', { onEvent: h.record }));
    expect(paused.pending.map((p) => p.action)).toEqual(['clerk_user_ban', 'clerk_user_lock']);
    expect(h.events.filter((e) => e.type === 'approval_needed')).toHaveLength(1);
    expect(h.mutations()).toEqual([]);

    const [banCall, lockCall] = paused.pending;
    const done = await h.agent.resume(
      paused.state,
      [decide(banCall!, true), decide(lockCall!, false, { reason: 'not Bob' })],
      { onEvent: h.record },
    );
    expect(h.mutations().map((r) => r.path)).toEqual([`/users/${jane}/ban`]);
    expect((await h.user(bob)).locked).toBe(false);
    expect(done.status === 'done' && done.summary.executed.map((o) => o.callId)).toEqual(['c_jane']);
    expect(done.status === 'done' && done.summary.denied.map((o) => o.callId)).toEqual(['c_bob']);
    expect(h.audit.entries().map((e) => [e.callId, e.status])).toEqual([
      ['c_jane', 'executed'],
      ['c_bob', 'denied'],
    ]);
  });

  it('a yes for one call cannot be reused for another call', async () => {
    const h0 = createHarness([]);
    const [jane, bob] = [await h0.userId('jane@example.com'), await h0.userId('bob@globex.test')];
    const h = createHarness(
      [
        toolCalls([
          toolCall('clerk_user_ban', { user_id: jane }, 'c1'),
          toolCall('clerk_user_ban', { user_id: bob }, 'c2'),
        ]),
        assistantText('ok'),
      ],
      {
        sandbox: h0.sandbox,
      },
    );
    const paused = expectPaused(await h.agent.run('ban them', { onEvent: h.record }));
    const yes = decide(paused.pending[0]!, true);
    const reused = { ...yes, callId: 'c2', approvalId: paused.pending[1]!.approvalId };
    await h.agent.resume(paused.state, [yes, reused], { onEvent: h.record });
    expect(h.mutations().map((r) => r.path)).toEqual([`/users/${jane}/ban`]);
  });
});
