/**
 * The approval service in one process: a paused run becomes signed change requests; decisions go through the
 * policy and compare-and-set; execution resumes the agent once, with a truthful closing summary.
 */
import { describe, expect, it } from 'vitest';
import { formatIdentity } from '../../src/approvals/identity.js';
import type { RunOutcome } from '../../src/agent/types.js';
import { assistantText, toolCall, toolCalls } from '../support/builders.js';
import { alice, bob, carol, conversation, createQueueStack, TEAM_POLICY, terminal } from './support.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

async function pausedBan(stack: Awaited<ReturnType<typeof createQueueStack>>, requester = carol) {
  const jane = await stack.userId('jane@example.com');
  const paused = (await stack.agent.run('ban jane', { requester: formatIdentity(requester) })) as Paused;
  expect(paused.status).toBe('paused');
  const [request] = await stack.service.submitRun(paused, { requester, conversationId: conversation() });
  return { jane, paused, request: request! };
}

/** The scripted model needs Jane's real id: the first turn is a function that finds it in the history. */
async function banStack(options: Parameters<typeof createQueueStack>[1] = {}) {
  let janeId = '';
  const stack = await createQueueStack(
    [
      () => toolCalls([toolCall('clerk_user_ban', { user_id: janeId }, 'call_ban')], 'Plan: ban Jane.'),
      assistantText('Banned Jane.'),
    ],
    { policy: TEAM_POLICY, ...options },
  );
  janeId = await stack.userId('jane@example.com');
  return stack;
}

describe('approval service', () => {
  it('submit → approve → execute runs the change once and the closing summary is right', async () => {
    const stack = await banStack();
    const { jane, request } = await pausedBan(stack);
    expect(request).toMatchObject({ status: 'pending', version: 1, action: 'clerk_user_ban', risk: 'write' });
    expect(request.id).toMatch(/^cr_[a-z2-7]{20}$/);
    expect(request.sig).toMatch(/^[0-9a-f]{64}$/);

    const decided = await stack.service.decide(request.id, { approve: true, argsDigest: request.argsDigest }, alice);
    expect(decided).toMatchObject({ ok: true, ready: true, request: { status: 'approved' } });
    const result = await stack.service.execute(request.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcome.status).toBe('done');
    if (result.outcome.status === 'done') expect(result.outcome.summary.line).toMatch(/^Done: 1 change/);
    expect(result.requests[0]).toMatchObject({ status: 'executed' });
    expect(stack.mutations().map((m) => `${m.method} ${m.path}`)).toEqual([`POST /users/${jane}/ban`]);
    // The agent's audit names both people as via:id.
    expect(stack.audit.entries()).toMatchObject([
      { status: 'executed', requester: 'slack:UCAROL', approver: 'slack:UALICE' },
    ]);
    // A second execute does nothing.
    const again = await stack.service.execute(request.id);
    expect(again).toMatchObject({ ok: false, code: 'finished' });
    expect(stack.mutations()).toHaveLength(1);
    expect((await stack.service.get(request.id))?.status).toBe('executed');
  });

  it('a denial resumes the run with the reason and nothing runs', async () => {
    const stack = await banStack();
    const { request } = await pausedBan(stack);
    const decided = await stack.service.decide(request.id, { approve: false, reason: 'not today' }, bob);
    expect(decided).toMatchObject({ ok: true, ready: true, request: { status: 'denied', reason: 'not today' } });
    const result = await stack.service.execute(request.id);
    expect(result.ok && result.outcome.status).toBe('done');
    expect(stack.mutations()).toEqual([]);
    expect(stack.audit.entries()).toMatchObject([{ status: 'denied', reason: 'not today', approver: 'slack:UBOB' }]);
  });

  it('exactly one of 20 concurrent approvals wins; the others hear who approved', async () => {
    const stack = await banStack();
    const { request } = await pausedBan(stack);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stack.service.decide(request.id, { approve: true }, i % 2 ? alice : bob)),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ code: 'already_decided' });
      if (!r.ok) expect(r.message).toMatch(/already approved by (Alice|Bob) \(slack:U(ALICE|BOB)\) at \d\d:\d\d UTC/);
    }
    expect(stack.queueAudit.entries().filter((e) => e.event === 'refused')).toHaveLength(19);
  });

  it('four-eyes on destructive: two approvals from people other than the requester', async () => {
    let janeId = '';
    const stack = await createQueueStack(
      [() => toolCalls([toolCall('clerk_user_delete', { user_id: janeId }, 'call_del')]), assistantText('Deleted.')],
      { policy: TEAM_POLICY },
    );
    janeId = await stack.userId('jane@example.com');
    const paused = (await stack.agent.run('delete jane', { requester: 'slack:UALICE' })) as Paused;
    const [request] = await stack.service.submitRun(paused, { requester: alice, conversationId: conversation() });
    const self = await stack.service.decide(request!.id, { approve: true }, alice);
    expect(self).toMatchObject({ ok: false, code: 'self_approval' });
    const first = await stack.service.decide(request!.id, { approve: true }, bob);
    expect(first).toMatchObject({ ok: true, ready: false, request: { status: 'pending' } });
    const twice = await stack.service.decide(request!.id, { approve: true }, bob);
    expect(twice).toMatchObject({ ok: false, code: 'already_decided' });
    expect(await stack.service.execute(request!.id)).toMatchObject({ ok: false, code: 'not_ready' });
    expect(stack.mutations()).toEqual([]);
    // Carol may request but not approve.
    expect(await stack.service.decide(request!.id, { approve: true }, carol)).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
    expect(stack.mutations()).toEqual([]);
  });

  it('default policy: the terminal user asks and approves, like today', async () => {
    const stack = await banStack({ policy: undefined });
    const { request } = await pausedBan(stack, terminal);
    expect(await stack.service.decide(request.id, { approve: true }, terminal)).toMatchObject({
      ok: true,
      ready: true,
    });
    const result = await stack.service.execute(request.id);
    expect(result.ok && result.requests[0]!.status).toBe('executed');
    // Under the default policy a Slack user may ask but not approve.
    const other = await banStack({ policy: undefined });
    const second = await pausedBan(other, alice);
    expect(await other.service.decide(second.request.id, { approve: true }, alice)).toMatchObject({
      code: 'not_allowed',
    });
  });

  it('submitCall: a standalone change (no model) runs through the gate once approved', async () => {
    const stack = await createQueueStack([], { policy: TEAM_POLICY });
    const jane = await stack.userId('jane@example.com');
    const request = await stack.service.submitCall({
      action: 'clerk_user_ban',
      args: { user_id: jane },
      requester: carol,
      conversationId: 'mcp-1',
    });
    expect(request).toMatchObject({ runId: null, status: 'pending', action: 'clerk_user_ban' });
    expect(request.preview.text).toMatch(/Jane/);
    await stack.service.decide(request.id, { approve: true }, alice);
    const result = await stack.service.execute(request.id);
    expect(result.ok && result.requests[0]!.status).toBe('executed');
    expect(stack.model.requests).toHaveLength(0);
    expect(stack.mutations().map((m) => `${m.method} ${m.path}`)).toEqual([`POST /users/${jane}/ban`]);
    await expect(
      stack.service.submitCall({ action: 'clerk_user_ban', args: {}, requester: carol, conversationId: 'x' }),
    ).rejects.toThrow(/user_id/);
  });

  it('the card is rebuilt from action and arguments, not from the stored preview text', async () => {
    const stack = await banStack();
    const { request } = await pausedBan(stack);
    const card = await stack.service.card(request.id);
    expect(card?.call.preview.text).toMatch(/Jane/);
    expect(card?.status).toMatch(/waiting for approval/);
  });

  it('two requests in one conversation are handled in order', async () => {
    let janeId = '';
    const stack = await createQueueStack(
      [
        () =>
          toolCalls([
            toolCall('clerk_user_ban', { user_id: janeId }, 'c1'),
            toolCall('clerk_user_lock', { user_id: janeId }, 'c2'),
          ]),
        assistantText('Banned and locked.'),
      ],
      { policy: TEAM_POLICY },
    );
    janeId = await stack.userId('jane@example.com');
    const paused = (await stack.agent.run('ban then lock', { requester: 'slack:UCAROL' })) as Paused;
    const requests = await stack.service.submitRun(paused, { requester: carol, conversationId: 'c' });
    expect(requests.map((r) => r.callId)).toEqual(['c1', 'c2']);
    // Decided out of order; executed in the order the model asked.
    expect((await stack.service.decide(requests[1]!.id, { approve: true }, bob)).ok && true).toBe(true);
    const first = await stack.service.decide(requests[0]!.id, { approve: true }, alice);
    expect(first).toMatchObject({ ok: true, ready: true });
    await stack.service.execute(requests[0]!.runId!);
    expect(stack.mutations().map((m) => m.path)).toEqual([`/users/${janeId}/ban`, `/users/${janeId}/lock`]);
  });
});

describe('learning of decisions made elsewhere', () => {
  it('the owner polls, sees the decision another service made (onChange) and executes its run once', async () => {
    const owner = await banStack();
    const { request, jane } = await pausedBan(owner);
    // Another process on the same store and key (a Slack replica, the approvals command).
    const other = await createQueueStack([], { policy: TEAM_POLICY, dataDir: owner.dataDir, sandbox: owner.sandbox });
    const seen: string[] = [];
    owner.service.onChange((r) => seen.push(`${r.id}:${r.status}`));
    await owner.service.poll();
    expect(seen).toEqual([`${request.id}:pending`]);
    // The other process decides but does not execute: the owner is alive and fresh.
    expect(await other.service.decide(request.id, { approve: true }, alice)).toMatchObject({ ok: true, ready: true });
    expect(await other.service.executeIfOrphaned(request.id)).toMatchObject({ ok: false, code: 'busy' });
    expect(await other.service.poll()).toMatchObject({ executed: [] });
    const report = await owner.service.poll();
    expect(report.executed).toEqual([request.runId]);
    expect(seen.at(-1)).toBe(`${request.id}:executed`);
    expect(owner.mutations().map((m) => m.path)).toEqual([`/users/${jane}/ban`]);
    expect((await owner.service.poll()).executed).toEqual([]);
  });

  it('a validly signed record copied under another id is refused', async () => {
    const { cpSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const stack = await banStack();
    const { request } = await pausedBan(stack);
    const dir = path.join(stack.dataDir, 'approvals', 'requests');
    cpSync(path.join(dir, request.id), path.join(dir, 'cr_cccccccccccccccccccc'), { recursive: true });
    expect(readdirSync(dir)).toHaveLength(2);
    expect(await stack.service.decide('cr_cccccccccccccccccccc', { approve: true }, alice)).toMatchObject({
      code: 'tampered',
    });
    expect(stack.mutations()).toEqual([]);
  });
});

describe('dry run through the queue', () => {
  it('an approved change in dry-run mode is "not done: dry run", never "executed", and nothing is sent', async () => {
    const stack = await banStack({ dryRun: true });
    const { request } = await pausedBan(stack);
    await stack.service.decide(request.id, { approve: true }, alice);
    const result = await stack.service.execute(request.id);
    expect(result.ok && result.requests[0]).toMatchObject({ status: 'failed', result: { message: /^dry run/ } });
    const final = (await stack.service.get(request.id))!;
    expect(stack.service.statusText(final)).toMatch(/^not done: dry run/);
    expect(stack.mutations()).toEqual([]);
  });
});

describe('expiry and background polling', () => {
  it('expireStale expires what nobody decided in time; the owner then finishes the run with it denied', async () => {
    let now = new Date('2026-12-06T10:00:00Z');
    const stack = await banStack({ service: { clock: () => now } });
    const { request } = await pausedBan(stack);
    expect(await stack.service.expireStale()).toBe(0);
    now = new Date('2026-12-07T10:00:01Z');
    expect(await stack.service.expireStale()).toBe(1);
    expect(stack.service.statusText((await stack.service.get(request.id))!)).toMatch(/^expired at /);
    const report = await stack.service.poll();
    expect(report.executed).toEqual([request.runId]);
    expect(stack.mutations()).toEqual([]);
    expect(stack.audit.entries()).toMatchObject([{ status: 'denied', reason: 'expired: nobody decided in time' }]);
  });

  it('one poll pass expires what is overdue and, in the same pass, finishes the run with it denied', async () => {
    let now = new Date('2026-12-06T10:00:00Z');
    const stack = await banStack({ service: { clock: () => now } });
    const { request } = await pausedBan(stack);
    now = new Date('2026-12-07T10:00:01Z');
    const report = await stack.service.poll();
    expect(report.expired).toBe(1);
    expect(report.executed).toEqual([request.runId]);
    expect((await stack.service.get(request.id))?.status).toBe('expired');
    expect(report.changed.find((r) => r.id === request.id)?.status).toBe('expired');
    expect(stack.mutations()).toEqual([]);
    expect(stack.audit.entries()).toMatchObject([{ status: 'denied', reason: 'expired: nobody decided in time' }]);
  });

  it('startPolling executes an owned run once it is approved elsewhere, and stops cleanly', async () => {
    const stack = await banStack({ service: { pollIntervalMs: 20 } });
    const { request } = await pausedBan(stack);
    const statuses: string[] = [];
    stack.service.onChange((r) => statuses.push(r.status));
    const stop = stack.service.startPolling();
    await stack.service.decide(request.id, { approve: true }, alice);
    for (let i = 0; i < 500 && !statuses.includes('executed'); i++) await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(statuses).toContain('executed');
    expect(stack.mutations()).toHaveLength(1);
    await stack.service.close();
  });
});
