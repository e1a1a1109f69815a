/**
 * Hostile inputs to the queue: each is refused, nothing reaches the sandbox, and the refusal is audited.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIdentity } from '../../src/approvals/identity.js';
import type { RunOutcome } from '../../src/agent/types.js';
import { assistantText, toolCall, toolCalls } from '../support/builders.js';
import { alice, bob, carol, createQueueStack, mallory, TEAM_POLICY } from './support.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

async function stackWithRequest(options: Parameters<typeof createQueueStack>[1] = {}, action = 'clerk_user_ban') {
  let janeId = '';
  const stack = await createQueueStack(
    [() => toolCalls([toolCall(action, { user_id: janeId }, 'call_1')]), assistantText('Done.')],
    { policy: TEAM_POLICY, ...options },
  );
  janeId = await stack.userId('jane@example.com');
  const paused = (await stack.agent.run('do it', { requester: formatIdentity(carol) })) as Paused;
  const [request] = await stack.service.submitRun(paused, { requester: carol, conversationId: 'c1' });
  const refusals = () => stack.queueAudit.entries().filter((e) => e.event === 'refused');
  return { stack, request: request!, refusals };
}

/** Rewrites the latest stored version of a request file in place (an attacker with disk access). */
function tamper(dataDir: string, id: string, edit: (record: Record<string, unknown>) => void) {
  const dir = path.join(dataDir, 'approvals', 'requests', id);
  const latest = readdirSync(dir)
    .map((n) => Number(/^v(\d+)\.json$/.exec(n)?.[1] ?? 0))
    .sort((a, b) => b - a)[0];
  const file = path.join(dir, `v${latest}.json`);
  const envelope = JSON.parse(readFileSync(file, 'utf8')) as { record: Record<string, unknown> };
  edit(envelope.record);
  writeFileSync(file, JSON.stringify(envelope));
}

describe('hostile decisions and records', () => {
  it('a tampered stored request (arguments swapped on disk) is refused and never executed', async () => {
    const { stack, request, refusals } = await stackWithRequest();
    // A real other user: the swapped arguments would ban someone who exists.
    const bobId = await stack.userId('bob@globex.test');
    tamper(stack.dataDir, request.id, (r) => {
      r.args = { user_id: bobId };
    });
    expect(await stack.service.decide(request.id, { approve: true }, alice)).toMatchObject({
      ok: false,
      code: 'tampered',
    });
    expect(await stack.service.execute(request.id)).toMatchObject({ ok: false, code: 'tampered' });
    expect(await stack.service.list()).toEqual([]);
    expect(stack.mutations()).toEqual([]);
    expect(refusals().some((e) => e.code === 'tampered' && e.requestId === request.id)).toBe(true);
  });

  it('a record approved by editing the file (status and approvals forged) is refused at execution', async () => {
    const { stack, request, refusals } = await stackWithRequest();
    tamper(stack.dataDir, request.id, (r) => {
      r.status = 'approved';
      r.approvals = [{ by: alice, at: new Date().toISOString() }];
    });
    expect(await stack.service.execute(request.id)).toMatchObject({ ok: false, code: 'tampered' });
    expect(stack.mutations()).toEqual([]);
    expect(refusals().some((e) => e.code === 'tampered')).toBe(true);
  });

  it('an unsigned record, or one signed with another key, is refused', async () => {
    const { stack, request } = await stackWithRequest();
    tamper(stack.dataDir, request.id, (r) => {
      r.sig = '';
    });
    expect(await stack.service.decide(request.id, { approve: true }, alice)).toMatchObject({ code: 'tampered' });
    const foreign = await createQueueStack([], {
      policy: TEAM_POLICY,
      dataDir: stack.dataDir,
      key: Buffer.from('another key, another deployment!!'),
    });
    const second = await stackWithRequest({ dataDir: stack.dataDir });
    expect(await foreign.service.decide(second.request.id, { approve: true }, alice)).toMatchObject({
      code: 'tampered',
    });
    expect(stack.mutations()).toEqual([]);
    expect(second.stack.mutations()).toEqual([]);
  });

  it('a replayed decision (second click after the run executed) is refused with who decided', async () => {
    const { stack, request, refusals } = await stackWithRequest();
    expect((await stack.service.decide(request.id, { approve: true }, alice)).ok).toBe(true);
    await stack.service.execute(request.id);
    const replay = await stack.service.decide(request.id, { approve: true }, alice);
    expect(replay).toMatchObject({ ok: false, code: 'already_decided' });
    if (!replay.ok) expect(replay.message).toMatch(/already approved by Alice \(slack:UALICE\) at/);
    expect(await stack.service.execute(request.id)).toMatchObject({ ok: false });
    expect(stack.mutations()).toHaveLength(1);
    expect(refusals().filter((e) => e.code === 'already_decided')).toHaveLength(1);
  });

  it('a decision for another digest is refused', async () => {
    const { stack, request, refusals } = await stackWithRequest();
    const result = await stack.service.decide(request.id, { approve: true, argsDigest: 'f'.repeat(64) }, alice);
    expect(result).toMatchObject({ ok: false, code: 'digest_mismatch' });
    expect((await stack.service.get(request.id))?.status).toBe('pending');
    expect(await stack.service.execute(request.id)).toMatchObject({ ok: false, code: 'not_ready' });
    expect(stack.mutations()).toEqual([]);
    expect(refusals().map((e) => e.code)).toEqual(['digest_mismatch']);
  });

  it('an expired request is refused and the run finishes with it denied', async () => {
    let now = new Date('2026-12-06T10:00:00Z');
    const { stack, request, refusals } = await stackWithRequest({ service: { clock: () => now } });
    now = new Date('2026-12-07T10:00:01Z');
    const result = await stack.service.decide(request.id, { approve: true }, alice);
    expect(result).toMatchObject({ ok: false, code: 'expired' });
    expect((await stack.service.get(request.id))?.status).toBe('expired');
    const run = await stack.service.execute(request.id);
    expect(run.ok && run.outcome.status).toBe('done');
    expect(stack.mutations()).toEqual([]);
    expect(stack.audit.entries()).toMatchObject([{ status: 'denied', reason: 'expired: nobody decided in time' }]);
    expect(refusals().map((e) => e.code)).toEqual(['expired']);
  });

  it('an unknown approver and an unknown id are refused', async () => {
    const { stack, request, refusals } = await stackWithRequest();
    expect(await stack.service.decide(request.id, { approve: true }, mallory)).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
    expect(await stack.service.decide(request.id, { approve: false }, mallory)).toMatchObject({ code: 'not_allowed' });
    expect(await stack.service.decide('cr_aaaaaaaaaaaaaaaaaaaa', { approve: true }, alice)).toMatchObject({
      code: 'unknown',
    });
    expect((await stack.service.get(request.id))?.status).toBe('pending');
    expect(stack.mutations()).toEqual([]);
    expect(refusals().map((e) => e.code)).toEqual(['not_allowed', 'not_allowed', 'unknown']);
    expect(refusals()[0]).toMatchObject({ by: 'slack:UMALLORY', requestId: request.id });
  });

  it('self-approval under four-eyes is refused (destructive), and needs two others', async () => {
    const { stack, request, refusals } = await stackWithRequest({}, 'clerk_user_delete');
    expect(request.risk).toBe('destructive');
    // Carol is not an approver; make the requester an approver to test four-eyes itself.
    const {
      stack: s2,
      request: r2,
      refusals: ref2,
    } = await stackWithRequest(
      { policy: { ...TEAM_POLICY, approve: { write: ['*'], destructive: ['*'] } } },
      'clerk_user_delete',
    );
    expect(await s2.service.decide(r2.id, { approve: true }, carol)).toMatchObject({ code: 'self_approval' });
    expect(await s2.service.execute(r2.id)).toMatchObject({ code: 'not_ready' });
    expect(s2.mutations()).toEqual([]);
    expect(ref2().map((e) => e.code)).toEqual(['self_approval']);
    expect(stack.mutations()).toEqual([]);
    expect(refusals()).toEqual([]);
  });

  it('live instance: four-eyes is the default for destructive, even for the terminal user', async () => {
    const terminalUser = { via: 'terminal' as const, id: 'tester', name: 'tester' };
    let janeId = '';
    const stack = await createQueueStack(
      [() => toolCalls([toolCall('clerk_user_delete', { user_id: janeId }, 'call_1')]), assistantText('Done.')],
      { live: true },
    );
    janeId = await stack.userId('jane@example.com');
    const paused = (await stack.agent.run('delete', { requester: 'terminal:tester' })) as Paused;
    const [request] = await stack.service.submitRun(paused, { requester: terminalUser, conversationId: 'c' });
    expect(await stack.service.decide(request!.id, { approve: true }, terminalUser)).toMatchObject({
      code: 'self_approval',
    });
    expect(stack.mutations()).toEqual([]);
  });

  it('a requester the policy does not allow cannot submit', async () => {
    let janeId = '';
    const stack = await createQueueStack(
      [() => toolCalls([toolCall('clerk_user_ban', { user_id: janeId }, 'call_1')]), assistantText('Done.')],
      { policy: TEAM_POLICY },
    );
    janeId = await stack.userId('jane@example.com');
    const paused = (await stack.agent.run('ban', { requester: 'slack:UMALLORY' })) as Paused;
    await expect(stack.service.submitRun(paused, { requester: mallory, conversationId: 'c' })).rejects.toThrow(
      /may not ask for changes/,
    );
    await expect(
      stack.service.submitCall({
        action: 'clerk_user_ban',
        args: { user_id: janeId },
        requester: mallory,
        conversationId: 'c',
      }),
    ).rejects.toThrow(/may not ask/);
    expect(await stack.service.list()).toEqual([]);
    expect(stack.mutations()).toEqual([]);
    expect(
      stack.queueAudit
        .entries()
        .filter((e) => e.event === 'refused')
        .map((e) => e.code),
    ).toEqual(['not_allowed', 'not_allowed']);
    void bob;
  });

  it('a run whose stored requests do not match its pending calls is refused', async () => {
    const { stack, request } = await stackWithRequest();
    await stack.service.decide(request.id, { approve: true }, alice);
    // Insert a forged extra request into the same run, signed with the real key (an insider with the key cannot
    // smuggle a call the run never made either).
    const { sign } = await import('../../src/approvals/signing.js');
    const forged = sign(stack.key, {
      ...request,
      id: 'cr_bbbbbbbbbbbbbbbbbbbb',
      approvalId: 'x',
      callId: 'x',
      status: 'approved' as const,
      version: 1,
    });
    await stack.store.insert([forged]);
    expect(await stack.service.execute(request.id)).toMatchObject({ ok: false, code: 'tampered' });
    expect(stack.mutations()).toEqual([]);
  });
});

describe('cancelling', () => {
  it('only the requester or an approver may cancel; a cancel finishes the run with nothing run', async () => {
    let janeId = '';
    const stack = await createQueueStack(
      [() => toolCalls([toolCall('clerk_user_ban', { user_id: janeId }, 'call_1')]), assistantText('Done.')],
      { policy: TEAM_POLICY },
    );
    janeId = await stack.userId('jane@example.com');
    const paused = (await stack.agent.run('ban', { requester: 'slack:UCAROL' })) as Paused;
    const [request] = await stack.service.submitRun(paused, { requester: carol, conversationId: 'c' });
    expect(await stack.service.cancel(request!.id, 'nope', mallory)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect((await stack.service.get(request!.id))?.status).toBe('pending');
    const cancelled = await stack.service.cancel(request!.runId!, 'changed my mind', carol);
    expect(cancelled.ok && cancelled.outcome.status).toBe('done');
    expect((await stack.service.get(request!.id))?.status).toBe('cancelled');
    expect(await stack.service.decide(request!.id, { approve: true }, alice)).toMatchObject({
      code: 'already_decided',
    });
    expect(stack.mutations()).toEqual([]);
    expect(stack.model.requests).toHaveLength(1);
    expect(stack.audit.entries()).toMatchObject([{ status: 'denied', reason: 'changed my mind' }]);
  });
});
