/**
 * The whole path with a real SDK: agent → openai adapter → local chat.completions server, and agent → Clerk
 * client → in-process sandbox. The model's parallel tool calls pause for approval; the answer round-trips.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/agent/types.js';
import { createOpenAIModel } from '../../src/llm/openai.js';
import { decide } from '../support/builders.js';
import { createHarness } from '../support/agent-harness.js';
import { completion, fnCall, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('agent + OpenAI adapter + sandbox', () => {
  it('pauses on the model’s parallel mutations, executes the approved one, and sends results back', async () => {
    const h0 = createHarness([]);
    const [jane, bob] = [await h0.userId('jane@example.com'), await h0.userId('bob@globex.test')];
    server = await startFakeOpenAI([
      {
        body: completion(
          {
            content: 'Plan: 1) ban Jane 2) ban Bob.',
            tool_calls: [
              fnCall('c1', 'clerk_user_ban', JSON.stringify({ user_id: jane })),
              fnCall('c2', 'clerk_user_ban', JSON.stringify({ user_id: bob })),
            ],
          },
          'tool_calls',
        ),
      },
      { body: completion({ content: 'Jane is banned; Bob was not (denied).' }, 'stop') },
    ]);
    const model = createOpenAIModel({
      apiKey: 'sk-test-fake-openai-key-123456',
      baseUrl: server.baseUrl,
      model: 'gpt-test',
      maxRetries: 0,
    });
    const h = createHarness([], { sandbox: h0.sandbox, model });

    const paused = (await h.agent.run('ban jane and bob', { onEvent: h.record })) as Extract<
      RunOutcome,
      { status: 'paused' }
    >;
    expect(paused.status).toBe('paused');
    expect(paused.pending.map((p) => p.callId)).toEqual(['c1', 'c2']);
    expect(h.mutations()).toEqual([]);

    const done = await h.agent.resume(
      paused.state,
      [decide(paused.pending[0]!, true), decide(paused.pending[1]!, false, { reason: 'keep Bob' })],
      {
        onEvent: h.record,
      },
    );
    expect(done.status).toBe('done');
    expect(h.mutations().map((m) => m.path)).toEqual([`/users/${jane}/ban`]);
    expect(done.state.usage).toEqual({ inputTokens: 240, outputTokens: 60 });

    const second = server.requests[1]!.body as {
      messages: Array<{ role: string; tool_call_id?: string; content: string }>;
      tools: unknown[];
    };
    expect(second.tools).toHaveLength(48);
    const results = Object.fromEntries(
      second.messages.filter((m) => m.role === 'tool').map((m) => [m.tool_call_id, JSON.parse(m.content)]),
    );
    expect(results.c1).toMatchObject({ ok: true, result: { id: jane, banned: true } });
    expect(results.c2).toMatchObject({ ok: false, denied: true, reason: 'keep Bob' });
    expect(JSON.stringify(server.requests.map((r) => r.body))).not.toMatch(/sk_(test|live)_/);
  });
});
