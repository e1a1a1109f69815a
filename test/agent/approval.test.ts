import { describe, expect, it } from 'vitest';
import { createPendingCall, createMutationExecutor, denyAll, matchDecisions } from '../../src/agent/approval.js';
import { createRegistry } from '../../src/actions/registry.js';
import type { ClerkClient } from '../../src/clerk/types.js';
import type { PendingCall } from '../../src/agent/types.js';
import { decide } from '../support/builders.js';

const registry = createRegistry();
const ban = registry.get('clerk_user_ban')!;
const del = registry.get('clerk_user_delete')!;
const preview = { text: 'Ban', method: 'POST', path: '/users/x/ban' };

function pending(id: string, action = ban, userId = 'user_1'): PendingCall {
  return createPendingCall({
    approvalId: `apr_${id}`,
    callId: `call_${id}`,
    action,
    args: { user_id: userId },
    preview,
    live: false,
  });
}

/** A client that counts mutations (the gate's executor is the only thing that may call it). */
function countingClient() {
  const calls: string[] = [];
  const clerk: ClerkClient = {
    baseUrl: 'http://x',
    live: false,
    async execute(action) {
      calls.push(action.name);
      return { object: 'user', id: 'user_1' };
    },
    async request() {
      return {};
    },
  };
  return { clerk, calls };
}

describe('matchDecisions', () => {
  it('approves only an exact, explicit yes', () => {
    const p = pending('1');
    const m = matchDecisions([p], [decide(p, true)]);
    expect(m.approved.map((a) => a.call)).toEqual([p]);
    expect(m.denied).toEqual([]);
    expect(m.refused).toEqual([]);
  });

  it.each([
    ['argsDigest', { argsDigest: '0'.repeat(64) }],
    ['callId', { callId: 'call_other' }],
    ['action', { action: 'clerk_user_delete' }],
  ])('refuses a decision with a different %s and denies the call', (field, change) => {
    const p = pending('1');
    const m = matchDecisions([p], [decide(p, true, change)]);
    expect(m.approved).toEqual([]);
    expect(m.refused).toHaveLength(1);
    expect(m.refused[0]!.message).toContain(field);
    expect(m.denied[0]).toMatchObject({ call: p, reason: expect.stringContaining('refused') });
  });

  it('refuses a decision for an unknown approvalId, and the call is denied for want of a decision', () => {
    const p = pending('1');
    const m = matchDecisions([p], [decide(p, true, { approvalId: 'apr_forged', callId: 'call_forged' })]);
    expect(m.approved).toEqual([]);
    expect(m.refused).toHaveLength(1);
    expect(m.denied[0]).toMatchObject({ reason: 'no decision' });
  });

  it('treats anything but approved === true as no, and a refused decision beats a matching yes', () => {
    const p = pending('1');
    const truthy = { ...decide(p, true), approved: 'yes' as unknown as boolean };
    expect(matchDecisions([p], [truthy]).approved).toEqual([]);
    const mixed = matchDecisions([p], [decide(p, true), decide(p, true, { argsDigest: 'f'.repeat(64) })]);
    expect(mixed.approved).toEqual([]);
    expect(matchDecisions([p], [decide(p, true), decide(p, false, { reason: 'wait' })]).denied[0]?.reason).toBe('wait');
  });

  it('decides parallel calls independently', () => {
    const a = pending('a', ban, 'user_a');
    const b = pending('b', del, 'user_b');
    const m = matchDecisions([a, b], [decide(a, true), decide(b, false, { reason: 'no deletes' })]);
    expect(m.approved.map((x) => x.call)).toEqual([a]);
    expect(m.denied).toEqual([{ call: b, reason: 'no deletes', approver: 'test:approver' }]);
  });

  it('ignores junk decisions without crashing', () => {
    const p = pending('1');
    const m = matchDecisions([p], [null, 42, 'yes', { approved: true }]);
    expect(m.approved).toEqual([]);
    expect(m.refused).toHaveLength(4);
  });
});

describe('createMutationExecutor', () => {
  it('runs an approved call exactly once', async () => {
    const { clerk, calls } = countingClient();
    const execute = createMutationExecutor(clerk);
    const p = pending('1');
    const [token] = matchDecisions([p], [decide(p, true)]).approved;
    await execute(token!, ban);
    await expect(execute(token!, ban)).rejects.toThrow(/run twice/);
    expect(calls).toEqual(['clerk_user_ban']);
  });

  it('refuses a forged token or a token used for another action', async () => {
    const { clerk, calls } = countingClient();
    const execute = createMutationExecutor(clerk);
    const p = pending('1');
    await expect(execute({ call: p, approver: 'me' }, ban)).rejects.toThrow(/without a matching approval/);
    const [token] = matchDecisions([p], [decide(p, true)]).approved;
    await expect(execute(token!, del)).rejects.toThrow(/does not cover/);
    expect(calls).toEqual([]);
  });

  it('denyAll approves nothing', () => {
    const p = pending('1');
    expect(denyAll([p], 'cancelled')).toEqual({
      approved: [],
      denied: [{ call: p, reason: 'cancelled', approver: null }],
      refused: [],
    });
  });
});
