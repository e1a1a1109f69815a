/**
 * Issue 13, defect 5 (model half): a server that sends headers and then never finishes the body held the chat for
 * minutes (the SDK's timeout covers the headers only). Every model request now has one overall deadline; the user
 * gets one clear line naming the setting. No timing thresholds here: the tests prove the request ENDS (the test
 * timeout is the bound) and what is said; the figure is measured separately (see the report).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIModel } from '../../../src/llm/openai.js';
import type { ModelRequest } from '../../../src/llm/model.js';
import { createHarness } from '../../support/agent-harness.js';
import { completion, type FakeServer, startFakeServer } from './fake-server.js';

const request: ModelRequest = { messages: [{ role: 'user', content: 'hello' }], tools: [] };

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('overall deadline per model request', () => {
  it('stops a body that starts and never ends, with one line naming CLERK_AGENT_MODEL_TIMEOUT_MS', async () => {
    server = await startFakeServer({
      chat: [{ body: completion({ content: 'never finished' }, 'stop'), hangAfterHeaders: true }],
    });
    const model = createOpenAIModel({ baseUrl: server.baseUrl, model: 'm', maxRetries: 0, timeoutMs: 300 });
    const response = await model.complete(request);
    expect(response.finishReason).toBe('error');
    expect(response.errorMessage).toMatch(
      /no complete answer from the model at http:\/\/127\.0\.0\.1:\d+\/v1 within 300 ms/,
    );
    expect(response.errorMessage).toContain('CLERK_AGENT_MODEL_TIMEOUT_MS');
    expect(response.errorMessage).not.toContain('\n');
  });

  it('the same when the headers have certainly arrived (a fetch whose body stream never ends)', async () => {
    let delivered = 0;
    const endless: typeof fetch = async () => {
      delivered++;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"chatcmpl-1","choices":['));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const model = createOpenAIModel({
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      maxRetries: 0,
      timeoutMs: 300,
      fetch: endless,
    });
    const response = await model.complete(request);
    expect(delivered).toBe(1);
    expect(response.finishReason).toBe('error');
    expect(response.errorMessage).toMatch(/no complete answer from the model .* within 300 ms/);
  });

  it('stops a server that never sends headers, retries included', async () => {
    server = await startFakeServer({ chat: [{ hangBeforeHeaders: true }] });
    const model = createOpenAIModel({ baseUrl: server.baseUrl, model: 'm', maxRetries: 2, timeoutMs: 300 });
    const response = await model.complete(request);
    expect(response.finishReason).toBe('error');
    expect(response.errorMessage).toMatch(/within 300 ms/);
  });

  it('bounds the wait between retries too (a 503 whose Retry-After is longer than the deadline)', async () => {
    // An in-memory fetch answers at once, so the only place left to wait is the SDK's sleep before its retry.
    let delivered = 0;
    const busy: typeof fetch = async () => {
      delivered++;
      return new Response(JSON.stringify({ error: { message: 'busy' } }), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '3600' },
      });
    };
    const model = createOpenAIModel({
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      maxRetries: 2,
      timeoutMs: 1000,
      maxRetryAfterMs: 600_000,
      fetch: busy,
    });
    const response = await model.complete(request); // without the race: a 10-minute sleep (test timeout)
    expect(response.errorMessage).toMatch(/within 1 s/);
    expect(delivered).toBe(1); // stopped while waiting to retry
  });

  it('still throws on the caller’s own abort (Ctrl-C is not a timeout)', async () => {
    server = await startFakeServer({ chat: [{ body: completion({ content: 'x' }, 'stop'), hangAfterHeaders: true }] });
    const model = createOpenAIModel({ baseUrl: server.baseUrl, model: 'm', maxRetries: 0, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = model.complete({ ...request, signal: controller.signal });
    // Abort once the server has the request (bounded poll, no sleep race).
    for (let i = 0; i < 200 && server.posts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('through the agent: the turn ends with that one line and changes nothing', async () => {
    server = await startFakeServer({ chat: [{ body: completion({ content: 'x' }, 'stop'), hangAfterHeaders: true }] });
    const model = createOpenAIModel({ baseUrl: server.baseUrl, model: 'm', maxRetries: 0, timeoutMs: 300 });
    const h = createHarness([], { model });
    const outcome = await h.agent.run('ban jane@example.com', { onEvent: h.record });
    expect(outcome.status).toBe('error');
    const errors = h.events.filter((e) => e.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(/no complete answer .* within 300 ms/) });
    expect(h.mutations()).toEqual([]);
  });
});
