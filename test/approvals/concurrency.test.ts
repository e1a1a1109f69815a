/**
 * Many conversations on one host: 50 paused runs in parallel, decided and executed in any order, none waits for
 * another (no queue-wide lock, no ordering across conversations); each runs its own change exactly once.
 */
import { describe, expect, it } from 'vitest';
import { inviteNamedAddress } from '../../bench/approvals.js';
import { alice, carol, createQueueStack } from './support.js';

/** Enough invite turns for 50 runs (two turns each); Carol asks, Alice approves. */
const inviteStack = () =>
  createQueueStack(
    Array.from({ length: 100 }, () => inviteNamedAddress),
    {
      policy: {
        users: { alice: { identities: ['slack:UALICE'] }, carol: { identities: ['slack:UCAROL'] } },
        request: ['carol'],
        approve: { write: ['alice'] },
      },
    },
  );

describe('50 conversations on one host', () => {
  it('all pause at once; deciding them in reverse order runs each while the others still wait', async () => {
    const stack = await inviteStack();
    const n = 50;
    const emails = Array.from({ length: n }, (_, i) => `guest${i}@example.com`);
    const submitted = await Promise.all(
      emails.map(async (email, i) => {
        const outcome = await stack.agent.run(`invite ${email}`, { requester: 'slack:UCAROL' });
        const [request] = await stack.service.submitRun(outcome, { requester: carol, conversationId: `conv_${i}` });
        return request!;
      }),
    );
    expect(await stack.service.list({ status: ['pending'] })).toHaveLength(n);

    for (let i = n - 1; i >= 0; i--) {
      const request = submitted[i]!;
      expect(await stack.service.decide(request.id, { approve: true }, alice)).toMatchObject({ ok: true, ready: true });
      const result = await stack.service.execute(request.id);
      expect(result.ok && result.outcome.status === 'done' && result.outcome.summary.line).toMatch(/^Done: 1 change/);
      // Everything decided so far ran; everything not yet decided still waits, untouched.
      expect(await stack.service.list({ status: ['pending'] })).toHaveLength(i);
    }
    const posted = stack.mutations().map((m) => `${m.method} ${m.path}`);
    expect(posted).toEqual(Array.from({ length: n }, () => 'POST /invitations'));
    const bodies = stack.sandbox.requests.filter((r) => r.method === 'POST').length;
    expect(bodies).toBe(n);
  }, 60_000);

  it('50 conversations submitted, decided and executed concurrently: 50 changes, each exactly once', async () => {
    const stack = await inviteStack();
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const outcome = await stack.agent.run(`invite par${i}@example.com`, { requester: 'slack:UCAROL' });
        const [request] = await stack.service.submitRun(outcome, { requester: carol, conversationId: `p_${i}` });
        // Two clicks per conversation: one wins.
        const decisions = await Promise.all([
          stack.service.decide(request!.id, { approve: true }, alice),
          stack.service.decide(request!.id, { approve: true }, alice),
        ]);
        expect(decisions.filter((d) => d.ok)).toHaveLength(1);
        const runs = await Promise.all([stack.service.execute(request!.id), stack.service.execute(request!.id)]);
        expect(runs.filter((r) => r.ok)).toHaveLength(1);
        return (await stack.service.get(request!.id))!.status;
      }),
    );
    expect(results).toEqual(Array.from({ length: 50 }, () => 'executed'));
    expect(stack.mutations()).toHaveLength(50);
  }, 60_000);
});
