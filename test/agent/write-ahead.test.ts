/**
 * Write-ahead audit (issue 13, defect 3): the approved intent is durable before the call, the result after.
 * No intent on disk → no call (counted at the sandbox). A result that cannot be written → the change is reported as
 * made, with the audit problem said in one line. No raw error, no stack.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendDurably, createAuditLog, type DurableAppend } from '../../src/agent/audit.js';
import type { RunOutcome } from '../../src/agent/types.js';
import { createHarness } from '../support/agent-harness.js';
import { assistantText, decide, toolCall, toolCalls } from '../support/builders.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;
type Done = Extract<RunOutcome, { status: 'done' }>;

const enospc = () =>
  Object.assign(new Error("ENOSPC: no space left on device, write '/data/.clerk-agent/audit.jsonl'"), {
    code: 'ENOSPC',
  });

/** An append that fails on the calls numbered in `failOn` (1-based) and writes for real otherwise. */
function flakyAppend(failOn: number[], error: () => Error = enospc) {
  let calls = 0;
  const append: DurableAppend = (file, text) => {
    calls++;
    if (failOn.includes(calls)) throw error();
    appendDurably(file, text);
  };
  return { append, calls: () => calls };
}

async function banJaneWith(append: DurableAppend) {
  const probe = createHarness([]);
  const jane = await probe.userId('jane@example.com');
  const h = createHarness(
    [toolCalls([toolCall('clerk_user_ban', { user_id: jane }, 'call_ban')]), assistantText('Banned Jane.')],
    { sandbox: probe.sandbox, auditAppend: append },
  );
  const paused = (await h.agent.run('ban jane', { onEvent: h.record })) as Paused;
  expect(paused.status).toBe('paused');
  const done = (await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record })) as Done;
  return { h, jane, done };
}

describe('write-ahead audit', () => {
  it('records the intent durably before the call and the result after, one line each', async () => {
    const { append, calls } = flakyAppend([]);
    const { h, done } = await banJaneWith(append);
    expect(done.status).toBe('done');
    const lines = readFileSync(h.auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).toEqual(['intent', 'executed']);
    expect(lines[0]).toMatchObject({ action: 'clerk_user_ban', decision: 'approved', pid: process.pid });
    expect(lines[0].approvalId).toBe(lines[1].approvalId);
    expect(calls()).toBe(2);
    // Readers see the mutation once: the intent is folded into its result.
    expect(h.audit.entries().map((e) => e.status)).toEqual(['executed']);
    expect(h.audit.unresolvedIntents()).toEqual([]);
  });

  it('does not call Clerk when the intent cannot be written, and says so in one line', async () => {
    const { append } = flakyAppend([1, 2]);
    const { h, jane, done } = await banJaneWith(append);
    expect(h.mutations()).toEqual([]); // counted at the sandbox: the ban was never sent
    expect((await h.user(jane)).banned).toBe(false);
    expect(done.summary.executed).toEqual([]);
    expect(done.summary.line).toContain('Not done: 1 (failed: Ban Jane Doe <jane@example.com>');
    expect(done.summary.line).toContain('the audit log could not be written (ENOSPC: no space left on device)');
    expect(done.summary.line).not.toContain('/data/.clerk-agent');
    expect(done.summary.line).not.toMatch(/\n|at .*\.ts:\d+/);
    const end = h.events.find((e) => e.type === 'tool_end');
    expect(end).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^not done: the audit log could not be written/),
    });
  });

  it('says the change was made when only the result could not be written', async () => {
    const { append } = flakyAppend([2], () => Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
    const { h, jane, done } = await banJaneWith(append);
    expect(h.mutations()).toMatchObject([{ method: 'POST', path: `/users/${jane}/ban`, status: 200 }]);
    expect((await h.user(jane)).banned).toBe(true);
    expect(done.summary.executed).toHaveLength(1);
    expect(done.summary.line).toMatch(
      /^Done: 1 change \(Ban Jane Doe .*— the change was made, but the audit log could not be written \(EIO: i\/o error\)\)/,
    );
    // The intent is on disk: a later start can still see that this change was attempted.
    const lines = readFileSync(h.auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).toEqual(['intent']);
  });

  it('a denial whose record cannot be written is still a denial, reported without a raw error', async () => {
    const probe = createHarness([]);
    const jane = await probe.userId('jane@example.com');
    const h = createHarness([toolCalls([toolCall('clerk_user_ban', { user_id: jane })]), assistantText('Ok.')], {
      sandbox: probe.sandbox,
      auditAppend: () => {
        throw enospc();
      },
    });
    const paused = (await h.agent.run('ban jane', { onEvent: h.record })) as Paused;
    const done = (await h.agent.resume(paused.state, [decide(paused.pending[0]!, false)], {
      onEvent: h.record,
    })) as Done;
    expect(done.status).toBe('done');
    expect(h.mutations()).toEqual([]);
    expect(h.events).toContainEqual({
      type: 'error',
      message: 'Denied (nothing executed), but the audit log could not be written (ENOSPC: no space left on device).',
    });
  });

  it('old readers that count executed records do not count an intent', () => {
    const audit = createAuditLog();
    const base = {
      time: '2026-12-06T00:00:00.000Z',
      runId: 'r',
      requester: 'local:a',
      approver: 'local:a',
      decision: 'approved' as const,
      action: 'clerk_user_ban',
      callId: 'c1',
      approvalId: 'a1',
      argsDigest: '0'.repeat(64),
      args: {},
      preview: 'Ban X',
      live: false,
    };
    audit.record({ ...base, status: 'intent', pid: process.pid });
    audit.record({ ...base, status: 'executed' });
    expect(audit.entries().filter((e) => e.status === 'executed')).toHaveLength(1);
    expect(audit.entries()).toHaveLength(1);
  });
});
