/**
 * Many conversations on one host: 50 paused runs in parallel, decided and executed in any order, none waits for
 * another (no queue-wide lock, no ordering across conversations); each runs its own change exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { ModelRequest, ModelResponse } from '../../src/llm/model.js';
import { alice, carol, createQueueStack } from './support.js';

/** Invites the address named in the user's message; after the tool result, says so. Safe to share across runs. */
const inviter = (request: ModelRequest): ModelResponse => {
  const last = request.messages.at(-1);
  if (last?.role === 'tool') return { message: { role: 'assistant', content: 'Invited.' }, finishReason: 'stop' };
  const text = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const email = /\S+@\S+/.exec(String(text))?.[0] ?? 'nobody@example.com';
  return {
    message: {
      role: 'assistant',
      content: null,
      toolCalls: [
        { id: 'call_inv', name: 'clerk_invitation_create', arguments: JSON.stringify({ email_address: email }) },
      ],
    },
    finishReason: 'tool_calls',
  };
};

describe('50 conversations on one host', () => {
  it('all pause at once; deciding them in reverse order runs each while the others still wait', async () => {
    const stack = await createQueueStack(
      Array.from({ length: 100 }, () => inviter),
      {
        policy: {
          users: { alice: { identities: ['slack:UALICE'] }, carol: { identities: ['slack:UCAROL'] } },
          request: ['carol'],
          approve: { write: ['alice'] },
        },
      },
    );
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
    const stack = await createQueueStack(
      Array.from({ length: 100 }, () => inviter),
      {
        policy: {
          users: { alice: { identities: ['slack:UALICE'] }, carol: { identities: ['slack:UCAROL'] } },
          request: ['carol'],
          approve: { write: ['alice'] },
        },
      },
    );
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
