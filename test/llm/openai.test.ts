/**
 * The OpenAI adapter through the real openai SDK against a local chat.completions server: request shape, tool
 * calls (single and parallel), retries (429 with Retry-After, capped), errors mapped without secrets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIModel, mapFinishReason } from '../../src/llm/openai.js';
import type { ModelRequest, ToolSpec } from '../../src/llm/model.js';
import { closedPort, completion, fnCall, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

const KEY = 'sk-test-abcdefghijklmnop1234';
const tools: ToolSpec[] = [
  {
    name: 'clerk_user_ban',
    description: 'Ban a user.',
    parameters: {
      type: 'object',
      properties: { user_id: { type: 'string' } },
      required: ['user_id'],
      additionalProperties: false,
    },
  },
];
const request: ModelRequest = {
  messages: [
    { role: 'system', content: 'You are a test.' },
    { role: 'user', content: 'ban jane' },
    {
      role: 'assistant',
      content: 'Looking her up.',
      toolCalls: [{ id: 'call_0', name: 'clerk_users_list', arguments: '{"query":"jane"}' }],
    },
    { role: 'tool', toolCallId: 'call_0', content: '{"ok":true,"result":{"returned":1}}' },
  ],
  tools,
};

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createOpenAIModel', () => {
  it('sends our history and strict tools, and maps a tool call back', async () => {
    server = await startFakeOpenAI([
      { body: completion({ tool_calls: [fnCall('call_1', 'clerk_user_ban', '{"user_id":"user_1"}')] }, 'tool_calls') },
    ]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'test-model', maxRetries: 0 });
    const response = await model.complete(request);

    expect(response.finishReason).toBe('tool_calls');
    expect(response.message.toolCalls).toEqual([
      { id: 'call_1', name: 'clerk_user_ban', arguments: '{"user_id":"user_1"}' },
    ]);
    expect(response.usage).toEqual({ inputTokens: 120, outputTokens: 30 });

    const sent = server.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.body.model).toBe('test-model');
    expect(sent.body.parallel_tool_calls).toBe(true);
    expect(sent.body.tools).toEqual([{ type: 'function', function: { ...tools[0], strict: true } }]);
    expect(sent.body.messages).toEqual([
      { role: 'system', content: 'You are a test.' },
      { role: 'user', content: 'ban jane' },
      {
        role: 'assistant',
        content: 'Looking her up.',
        tool_calls: [
          { id: 'call_0', type: 'function', function: { name: 'clerk_users_list', arguments: '{"query":"jane"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_0', content: '{"ok":true,"result":{"returned":1}}' },
    ]);
  });

  it('maps parallel tool calls in order', async () => {
    server = await startFakeOpenAI([
      {
        body: completion(
          {
            content: 'Banning both.',
            tool_calls: [
              fnCall('a', 'clerk_user_ban', '{"user_id":"user_1"}'),
              fnCall('b', 'clerk_user_ban', '{"user_id":"user_2"}'),
            ],
          },
          'tool_calls',
        ),
      },
    ]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const response = await model.complete(request);
    expect(response.message.content).toBe('Banning both.');
    expect(response.message.toolCalls?.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('passes malformed arguments through as text for the loop to reject', async () => {
    server = await startFakeOpenAI([
      { body: completion({ tool_calls: [fnCall('c', 'clerk_user_ban', '{"user_id": ')] }, 'tool_calls') },
    ]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const response = await model.complete(request);
    expect(response.message.toolCalls?.[0]?.arguments).toBe('{"user_id": ');
  });

  it('reports finish_reason length', async () => {
    server = await startFakeOpenAI([{ body: completion({ content: 'The users are Ja' }, 'length') }]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const response = await model.complete(request);
    expect(response.finishReason).toBe('length');
    expect(response.message.content).toBe('The users are Ja');
  });

  it('retries a 429 after its Retry-After and then succeeds', async () => {
    server = await startFakeOpenAI([
      { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'slow down', type: 'rate_limit' } } },
      { body: completion({ content: 'ok' }, 'stop') },
    ]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 2 });
    const response = await model.complete(request);
    expect(response.finishReason).toBe('stop');
    expect(response.message.content).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it('caps an absurd Retry-After (an hour) to maxRetryAfterMs instead of sleeping', async () => {
    server = await startFakeOpenAI([
      { status: 429, headers: { 'retry-after': '3600' }, body: { error: { message: 'slow down' } } },
      { body: completion({ content: 'ok' }, 'stop') },
    ]);
    const model = createOpenAIModel({
      apiKey: KEY,
      baseUrl: server.baseUrl,
      model: 'm',
      maxRetries: 1,
      maxRetryAfterMs: 20,
    });
    const response = await model.complete(request); // would hang for an hour without the cap (test timeout: 30 s)
    expect(response.message.content).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it('maps a 500 to finishReason error without throwing', async () => {
    server = await startFakeOpenAI([{ status: 500, body: { error: { message: `boom, key was ${KEY}` } } }]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const response = await model.complete(request);
    expect(response.finishReason).toBe('error');
    expect(response.errorMessage).toMatch(/\(500\)/);
    expect(response.errorMessage).not.toContain('sk-test');
  });

  it('says the key was rejected on a 401, without the key', async () => {
    server = await startFakeOpenAI([
      { status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } },
    ]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const response = await model.complete(request);
    expect(response.finishReason).toBe('error');
    expect(response.errorMessage).toContain('OPENAI_API_KEY rejected');
    expect(response.errorMessage).not.toContain('sk-');
  });

  it('names OPENAI_BASE_URL when nothing listens there', async () => {
    const port = await closedPort();
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', maxRetries: 0 });
    const response = await model.complete(request);
    expect(response.finishReason).toBe('error');
    expect(response.errorMessage).toContain(`cannot reach OPENAI_BASE_URL http://127.0.0.1:${port}/v1`);
  });

  it('throws only on abort', async () => {
    server = await startFakeOpenAI([{ body: completion({ content: 'late' }, 'stop') }]);
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const controller = new AbortController();
    controller.abort();
    await expect(model.complete({ ...request, signal: controller.signal })).rejects.toThrow();
  });
});

describe('mapFinishReason', () => {
  it('maps every chat.completions reason', () => {
    expect(mapFinishReason('stop', false)).toBe('stop');
    expect(mapFinishReason('length', false)).toBe('length');
    expect(mapFinishReason('tool_calls', true)).toBe('tool_calls');
    expect(mapFinishReason('function_call', false)).toBe('tool_calls');
    expect(mapFinishReason('content_filter', false)).toBe('content_filter');
    expect(mapFinishReason(null, false)).toBe('stop');
    // Some compatible servers say "stop" while returning tool calls.
    expect(mapFinishReason('stop', true)).toBe('tool_calls');
  });
});
