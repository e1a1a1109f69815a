/**
 * The loop's other promises: reads run at once and come back compacted, the step bound ends a turn truthfully,
 * dry run previews without executing, failures become results or honest errors, and no secret leaves the agent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRunState } from '../../src/agent/run-state.js';
import type { RunOutcome } from '../../src/agent/types.js';
import { assistantText, decide, envelope, toolCall, toolCalls } from '../support/builders.js';
import { createHarness } from '../support/agent-harness.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

describe('the loop', () => {
  it('runs reads at once, sends compacted results, and ends with the model text and an honest summary', async () => {
    const h = createHarness([
      toolCalls([toolCall('clerk_users_list', { query: 'jane@example.com' }, 'r1')]),
      assistantText('Jane Doe is active.'),
    ]);
    const done = await h.agent.run('is jane active?', { onEvent: h.record });

    expect(done.status).toBe('done');
    expect(h.events.map((e) => e.type)).toEqual([
      'turn_start',
      'model_start',
      'model_end',
      'tool_start',
      'tool_end',
      'model_start',
      'model_end',
      'assistant_text',
      'summary',
      'turn_end',
    ]);
    const second = h.model.requests[1]!;
    expect(second.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('Clerk') });
    expect(second.tools).toHaveLength(48);
    const result = envelope((second.messages.at(-1) as { content: string }).content) as {
      ok: boolean;
      result: { data: Array<Record<string, unknown>> };
    };
    expect(result.ok).toBe(true);
    expect(result.result.data[0]).toMatchObject({
      name: 'Jane Doe',
      email: 'jane@example.com',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/),
    });
    expect(result.result.data[0]).not.toHaveProperty('banned');
    expect(result.result.data[0]).not.toHaveProperty('email_addresses');
    expect(done.status === 'done' && done.summary).toMatchObject({
      line: 'No changes were made.',
      modelText: 'Jane Doe is active.',
    });
    expect(done.state.usage).toEqual({ inputTokens: 200, outputTokens: 30 });
    expect(done.state.modelCalls).toBe(2);
  });

  it('turns a Clerk error on a read into a result the model reads, and goes on', async () => {
    const h = createHarness([
      toolCalls([toolCall('clerk_user_get', { user_id: 'user_doesnotexist000000000000' }, 'g')]),
      assistantText('No such user.'),
    ]);
    const done = await h.agent.run('show user_doesnotexist', { onEvent: h.record });
    expect(done.status).toBe('done');
    const sent = h.model.requests[1]!.messages.at(-1) as { content: string };
    expect(envelope(sent.content)).toMatchObject({ ok: false, error: { kind: 'clerk', status: 404 } });
  });

  it('ends a turn that hits maxStepsPerTurn, saying so', async () => {
    const read = () => toolCalls([toolCall('clerk_users_list', {})]);
    const h = createHarness([read, read, read, read], { maxStepsPerTurn: 3 });
    const outcome = await h.agent.run('loop forever', { onEvent: h.record });
    expect(outcome.status).toBe('error');
    expect(outcome.status === 'error' && outcome.error).toMatch(
      /^Stopped after 3 model steps .*maxStepsPerTurn=3.* No changes were made\.$/,
    );
    expect(h.model.requests).toHaveLength(3);
    expect(h.events.filter((e) => e.type === 'summary')).toHaveLength(1);
    expect(h.events.at(-1)).toEqual({ type: 'turn_end', status: 'error' });
  });

  it('dry run previews and asks as usual, but executes nothing even after yes, and says so', async () => {
    const h0 = createHarness([]);
    const jane = await h0.userId('jane@example.com');
    const h = createHarness(
      [
        toolCalls([toolCall('clerk_user_ban', { user_id: jane }, 'b')], 'Plan: ban Jane.'),
        assistantText('Would ban Jane.'),
      ],
      {
        sandbox: h0.sandbox,
        dryRun: true,
      },
    );
    const paused = (await h.agent.run('ban jane', { onEvent: h.record })) as Paused;
    expect(paused.status).toBe('paused');
    const done = await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });
    expect(done.status).toBe('done');
    expect(h.mutations()).toEqual([]);
    const end = h.events.find((e) => e.type === 'tool_end' && e.callId === 'b');
    expect(end).toMatchObject({
      ok: true,
      result: {
        dry_run: true,
        preview: { method: 'POST', path: `/users/${jane}/ban`, text: expect.stringContaining('Jane Doe') },
      },
    });
    expect(envelope((h.model.requests[1]!.messages.at(-1) as { content: string }).content)).toEqual({
      ok: true,
      dry_run: true,
      message: 'Dry run: not executed.',
    });
    expect(done.status === 'done' && done.summary.line).toMatch(
      /^No changes were made\. Dry run: 1 change previewed, none executed/,
    );
    expect(h.audit.entries()).toMatchObject([{ decision: 'dry_run', status: 'dry_run', approver: 'test:approver' }]);
    expect((await h.user(jane)).banned).toBe(false);
  });

  it('records a mutation Clerk rejects as failed, tells the model, and the summary says so', async () => {
    const ghost = 'user_0000000000000000000000000';
    const h = createHarness([
      toolCalls([toolCall('clerk_user_ban', { user_id: ghost }, 'g')]),
      assistantText('Banned!'),
    ]);
    const paused = (await h.agent.run('ban the ghost', { onEvent: h.record })) as Paused;
    expect(paused.pending[0]!.preview.text).toContain(ghost); // no label: the card still shows, with the id
    const done = await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });
    expect(h.mutations()).toEqual([{ method: 'POST', path: `/users/${ghost}/ban`, status: 404 }]);
    expect(envelope((h.model.requests[1]!.messages.at(-1) as { content: string }).content)).toMatchObject({
      ok: false,
      error: { kind: 'clerk', status: 404 },
    });
    expect(done.status === 'done' && done.summary.line).toMatch(
      /^No changes were made\. Not done: 1 \(failed: Ban .* — clerk 404/,
    );
    expect(h.audit.entries()).toMatchObject([
      { decision: 'approved', status: 'failed', error: expect.stringContaining('404') },
    ]);
  });

  it('a model failure after an executed change ends the turn with an error that still reports the change', async () => {
    const h0 = createHarness([]);
    const jane = await h0.userId('jane@example.com');
    const h = createHarness([toolCalls([toolCall('clerk_user_ban', { user_id: jane }, 'b')])], { sandbox: h0.sandbox }); // no turn after
    const paused = (await h.agent.run('ban jane', { onEvent: h.record })) as Paused;
    const outcome = await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });
    expect(outcome.status).toBe('error');
    expect(outcome.status === 'error' && outcome.error).toMatch(
      /^The model returned an error: scripted model: no turn left .* Done: 1 change \(Ban Jane Doe/,
    );
  });

  it('a model that throws does not crash the agent', async () => {
    const h = createHarness([
      () => {
        throw new Error('socket hang up');
      },
    ]);
    const outcome = await h.agent.run('hi', { onEvent: h.record });
    expect(outcome).toMatchObject({ status: 'error', error: expect.stringContaining('socket hang up') });
  });

  it('trims a long history to the context budget, keeping whole units and the new request', async () => {
    const state = createRunState('run_long', 'local:test');
    const filler = 'lorem ipsum dolor sit amet '.repeat(400); // ~2,000 tokens each
    for (let i = 0; i < 30; i++) {
      state.messages.push({ role: 'user', content: `question ${i} ${filler}` });
      state.messages.push({
        role: 'assistant',
        content: null,
        toolCalls: [{ id: `c${i}`, name: 'clerk_users_list', arguments: '{}' }],
      });
      state.messages.push({ role: 'tool', toolCallId: `c${i}`, content: `{"ok":true,"result":"${filler}"}` });
      state.messages.push({ role: 'assistant', content: `answer ${i}` });
    }
    const h = createHarness([assistantText('short answer')], { contextTokens: 40_000 });
    const done = await h.agent.run('the newest question', { state });
    expect(done.status).toBe('done');
    const sent = h.model.requests[0]!.messages;
    expect(sent.length).toBeLessThan(state.messages.length + 2);
    expect(sent[0]!.role).toBe('system');
    expect(sent.at(-1)).toEqual({ role: 'user', content: 'the newest question' });
    sent.forEach((m, i) => {
      if (m.role === 'tool')
        expect(sent[i - 1]).toMatchObject({ role: 'assistant', toolCalls: [{ id: m.toolCallId }] });
    });
    // The stored conversation itself is not trimmed.
    expect(done.state.messages.length).toBe(state.messages.length + 2);
  });

  it('marks a cut-off answer (finish_reason length)', async () => {
    const h = createHarness([{ message: { role: 'assistant', content: 'The users are Ja' }, finishReason: 'length' }]);
    const done = await h.agent.run('list', { onEvent: h.record });
    expect(done.status === 'done' && done.summary.modelText).toContain('cut off');
  });

  it('keeps every secret out of events, audit, summary and what the model is sent', async () => {
    const h0 = createHarness([]);
    const jane = await h0.userId('jane@example.com');
    // Hostile data holding keys: user metadata with a Clerk live key and an OpenAI key.
    await h0.clerk.request('PATCH', `/users/${jane}/metadata`, {
      body: { public_metadata: { note: 'sk_live_ABCDEFGHIJKLMNOPQRSTUVWX and sk-test-openai-1234567890abcdef' } },
    });
    const h = createHarness(
      [
        toolCalls(
          [toolCall('clerk_user_get', { user_id: jane }, 'g')],
          `my key is ${h0.sandbox.secretKey} and sk-test-abcdefghijklmnop`,
        ),
        toolCalls(
          [toolCall('clerk_user_ban', { user_id: jane }, 'b')],
          'Banning; Authorization: Bearer sk_test_zzzzzzzzzzzz',
        ),
        assistantText(`Done with ${h0.sandbox.secretKey}`),
      ],
      { sandbox: h0.sandbox },
    );
    const paused = (await h.agent.run(`ban jane, key ${h0.sandbox.secretKey}`, { onEvent: h.record })) as Paused;
    const done = await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });
    expect(done.status).toBe('done');

    const secret = /sk_(test|live)_|sk-test/;
    expect(JSON.stringify(h.events)).not.toMatch(secret);
    expect(readFileSync(h.auditFile, 'utf8')).not.toMatch(secret);
    expect(done.status === 'done' && JSON.stringify(done.summary)).not.toMatch(secret);
    const toolResults = h.model.requests.flatMap((r) =>
      r.messages.filter((m) => m.role === 'tool').map((m) => (m as { content: string }).content),
    );
    expect(toolResults.join('\n')).not.toMatch(secret);
    expect(JSON.stringify(h.events)).toContain('[redacted');
  });
});
