/**
 * A paused run survives serialization: JSON text → a new agent, model, client and audit (a restart) → resume
 * completes correctly against the same backend. Tampered states and cancellations are handled truthfully.
 */
import { describe, expect, it } from 'vitest';
import { argsDigest } from '../../src/agent/digest.js';
import { RunStateError } from '../../src/agent/errors.js';
import type { RunOutcome, RunState } from '../../src/agent/types.js';
import { assistantText, decide, toolCall, toolCalls } from '../support/builders.js';
import { createHarness } from '../support/agent-harness.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

async function pausedBan() {
  const h0 = createHarness([]);
  const jane = await h0.userId('jane@example.com');
  const first = createHarness(
    [toolCalls([toolCall('clerk_user_ban', { user_id: jane }, 'call_ban')], 'Plan: ban Jane.')],
    { sandbox: h0.sandbox },
  );
  const paused = (await first.agent.run('ban jane@example.com', { onEvent: first.record })) as Paused;
  expect(paused.status).toBe('paused');
  return { sandbox: h0.sandbox, jane, paused, first };
}

describe('pause → JSON → fresh agent → resume', () => {
  it('completes in a new agent with new objects, executing exactly once', async () => {
    const { sandbox, jane, paused } = await pausedBan();
    const text = JSON.stringify(paused.state);
    const pendingText = JSON.stringify(paused.pending);

    // A "restarted process": new model (continuing the script), client, registry, audit, agent.
    const second = createHarness([assistantText('Jane Doe is now banned.')], { sandbox });
    const state = JSON.parse(text) as RunState;
    const [pending] = JSON.parse(pendingText) as Paused['pending'];
    const done = await second.agent.resume(state, [decide(pending!, true)], { onEvent: second.record });

    expect(done.status).toBe('done');
    expect(second.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([`POST /users/${jane}/ban`]);
    expect((await second.user(jane)).banned).toBe(true);
    expect(done.status === 'done' && done.summary.line).toMatch(/^Done: 1 change/);
    // The model saw the whole conversation, including the original request and its own plan.
    const sent = second.model.requests[0]!.messages.map((m) => m.role);
    expect(sent).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(done.state.pending).toEqual([]);
    expect(second.audit.entries()).toMatchObject([{ status: 'executed', action: 'clerk_user_ban' }]);
  });

  it('resuming a stale copy of the same paused state cannot execute the approval twice', async () => {
    const { sandbox, paused } = await pausedBan();
    const h = createHarness([assistantText('ok'), assistantText('ok again')], { sandbox });
    const yes = [decide(paused.pending[0]!, true)];
    await h.agent.resume(structuredClone(paused.state), yes);
    const again = await h.agent.resume(structuredClone(paused.state), yes, { onEvent: h.record });
    expect(h.mutations()).toHaveLength(1);
    expect(again.status === 'done' && again.summary.denied[0]?.reason).toContain('already decided');
    expect(h.events.some((e) => e.type === 'error' && e.message.includes('already decided'))).toBe(true);
  });

  it('rejects a state whose pending args were changed after the digest', async () => {
    const { sandbox, paused } = await pausedBan();
    const bob = await createHarness([], { sandbox }).userId('bob@globex.test');
    const tampered = JSON.parse(JSON.stringify(paused.state)) as RunState;
    tampered.pending[0]!.args = { user_id: bob };
    const h = createHarness([assistantText('x')], { sandbox });
    await expect(h.agent.resume(tampered, [decide(paused.pending[0]!, true)])).rejects.toThrow(RunStateError);
    expect(h.mutations()).toEqual([]);
  });

  it('denies, never runs, a doctored pending call whose digest was recomputed but whose args no longer validate', async () => {
    const { sandbox, paused } = await pausedBan();
    const doctored = JSON.parse(JSON.stringify(paused.state)) as RunState;
    const call = doctored.pending[0]!;
    call.args = { user_id: 'user_x', evil: true };
    call.argsDigest = argsDigest(call.action, call.args);
    const h = createHarness([assistantText('x')], { sandbox });
    const done = await h.agent.resume(doctored, [decide(call, true)], { onEvent: h.record });
    expect(h.mutations()).toEqual([]);
    expect(done.status === 'done' && done.summary.denied[0]?.reason).toContain('no longer matches');
  });

  it('rejects a state of another version', async () => {
    const { sandbox, paused } = await pausedBan();
    const h = createHarness([], { sandbox });
    const wrong = { ...JSON.parse(JSON.stringify(paused.state)), version: 2 } as unknown as RunState;
    await expect(h.agent.resume(wrong, [])).rejects.toThrow(/version 2/);
  });

  it('cancel denies everything pending and ends the turn truthfully without calling the model', async () => {
    const { sandbox, paused } = await pausedBan();
    const h = createHarness([], { sandbox });
    const done = await h.agent.cancel(paused.state, 'Ctrl-C', { onEvent: h.record });
    expect(h.mutations()).toEqual([]);
    expect(h.model.requests).toHaveLength(0);
    expect(done.status === 'done' && done.summary.line).toMatch(
      /^No changes were made\. Not done: 1 \(denied: .* — Ctrl-C\)\.$/,
    );
    expect(h.audit.entries()).toMatchObject([{ status: 'denied', reason: 'Ctrl-C', approver: null }]);
  });

  it('a stale approval arriving after cancel does not run (a late click on an old card)', async () => {
    const { sandbox, paused } = await pausedBan();
    const h = createHarness([assistantText('ok')], { sandbox });
    const stale = structuredClone(paused.state);
    await h.agent.cancel(paused.state, 'timed out');
    const late = await h.agent.resume(stale, [decide(paused.pending[0]!, true)], { onEvent: h.record });
    expect(h.mutations()).toEqual([]);
    expect(late.status === 'done' && late.summary.denied[0]?.reason).toContain('already decided');
  });

  it('a new request while calls wait denies them first (no yes was given)', async () => {
    const { sandbox, paused } = await pausedBan();
    const h = createHarness([assistantText('Sure, here is the list.')], { sandbox });
    const next = await h.agent.run('never mind, list users', { state: paused.state, onEvent: h.record });
    expect(next.status).toBe('done');
    expect(h.mutations()).toEqual([]);
    expect(h.audit.entries()).toMatchObject([{ status: 'denied', reason: expect.stringContaining('new request') }]);
    const roles = h.model.requests[0]!.messages.map((m) => m.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'tool', 'user']);
  });
});
