/**
 * Cancel between approved calls: Ctrl-C (the run's signal) that arrives while the first of two approved calls is
 * running stops the rest. Proven at the sandbox: only the first request arrives; the audit records the second as
 * denied ("cancelled before it ran") and the summary says so.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/actions/registry.js';
import { createAuditLog } from '../../src/agent/audit.js';
import { createAgent } from '../../src/agent/create-agent.js';
import type { AgentEvent, RunOutcome } from '../../src/agent/types.js';
import { createClerkClient } from '../../src/clerk/client.js';
import { createScriptedModel } from '../../src/llm/scripted.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { approveAll, assistantText, toolCall, toolCalls } from '../support/builders.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

describe('cancel between two approved calls', () => {
  it('the second approved call does not run; audit and summary say it was cancelled', async () => {
    const sandbox = createSandbox({ seed: 'demo' });
    const controller = new AbortController();
    // Ctrl-C lands while the first approved call is on the wire: abort as soon as the backend has answered it.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await sandbox.fetch(input, init);
      if (init?.method && init.method !== 'GET') controller.abort();
      return response;
    };
    const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch });
    const users = (await clerk.request('GET', '/users', {
      query: { email_address: ['jane@example.com', 'bob@globex.test'] },
    })) as Array<{ id: string; email_addresses: Array<{ email_address: string }> }>;
    const id = (email: string) => users.find((u) => u.email_addresses[0]!.email_address === email)!.id;
    const [jane, bob] = [id('jane@example.com'), id('bob@globex.test')];
    const model = createScriptedModel([
      toolCalls([
        toolCall('clerk_user_ban', { user_id: jane }, 'first'),
        toolCall('clerk_user_ban', { user_id: bob }, 'second'),
      ]),
      assistantText('Banned both.'),
    ]);
    const audit = createAuditLog();
    const agent = createAgent({ model, registry: createRegistry(), clerk, audit, systemPrompt: 's' });
    const paused = (await agent.run('ban jane and bob')) as Paused;
    expect(paused.pending).toHaveLength(2);
    const before = sandbox.requests.length;

    const events: AgentEvent[] = [];
    const outcome = await agent.resume(paused.state, approveAll(paused.pending), {
      signal: controller.signal,
      onEvent: (e) => events.push(e),
    });

    const writes = sandbox.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.path)).toEqual([`/users/${jane}/ban`]);
    expect(audit.entries().map((e) => [e.callId, e.status, e.reason])).toEqual([
      ['first', 'executed', undefined],
      ['second', 'denied', 'cancelled before it ran'],
    ]);
    expect(outcome.status).toBe('error');
    const summary = events.find((e): e is Extract<AgentEvent, { type: 'summary' }> => e.type === 'summary')!.summary;
    expect(summary.executed.map((o) => o.callId)).toEqual(['first']);
    expect(summary.denied.map((o) => [o.callId, o.reason])).toEqual([['second', 'cancelled before it ran']]);
    expect(summary.line).toMatch(
      /^Done: 1 change \(Ban Jane Doe .*\)\. Not done: 1 \(denied: Ban Bob Stone .* — cancelled before it ran\)\.$/,
    );
    expect(outcome.status === 'error' && outcome.error).toContain('cancelled');
    // The model is not asked to go on after the cancel.
    expect(model.remaining()).toBe(1);
  });
});
