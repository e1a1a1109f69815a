/**
 * The compatibility layer's pieces on their own, table-driven: text tool-call detection (and its false-positive
 * guard), error bodies of every shape, hints, which optional fields a 400 rejects, ids, reasoning.
 */
import { describe, expect, it } from 'vitest';
import { describeErrorBody } from '../../../src/llm/compat/error-body.js';
import { contextFigure, hintFor } from '../../../src/llm/compat/hints.js';
import { rejectedFields } from '../../../src/llm/compat/optional-fields.js';
import { stripThinking } from '../../../src/llm/compat/reasoning.js';
import { findTextToolCalls } from '../../../src/llm/compat/text-tool-calls.js';
import { createToolCallIds } from '../../../src/llm/compat/tool-call-ids.js';

const offered = new Set(['clerk_user_ban', 'clerk_users_list']);

describe('findTextToolCalls', () => {
  it.each([
    [
      'Hermes',
      '<tool_call>\n{"name": "clerk_user_ban", "arguments": {"user_id": "u1"}}\n</tool_call>',
      'clerk_user_ban',
    ],
    [
      'Hermes, two calls',
      '<tool_call>{"name":"clerk_users_list","arguments":{}}</tool_call><tool_call>{"name":"clerk_user_ban","arguments":{}}</tool_call>',
      'clerk_users_list,clerk_user_ban',
    ],
    ['Hermes, unclosed', 'Let me check.<tool_call>{"name":"clerk_users_list","arguments":{}}', 'clerk_users_list'],
    ['Mistral', '[TOOL_CALLS] [{"name": "clerk_users_list", "arguments": {"query": "jane"}}]', 'clerk_users_list'],
    ['Llama python_tag', '<|python_tag|>{"name": "clerk_users_list", "parameters": {}}', 'clerk_users_list'],
    ['bare JSON, parameters', '{"name": "clerk_user_ban", "parameters": {"user_id": "u1"}}', 'clerk_user_ban'],
    [
      'bare JSON, OpenAI shape',
      '{"type": "function", "function": {"name": "clerk_users_list", "parameters": {}}}',
      'clerk_users_list',
    ],
    ['bare JSON array', '[{"name": "clerk_users_list", "arguments": {}}]', 'clerk_users_list'],
    ['fenced JSON', '```json\n{"name": "clerk_users_list", "arguments": {"query": "x"}}\n```', 'clerk_users_list'],
    [
      'a sentence, then JSON on its own line',
      'Let me look that up.\n{"name": "clerk_users_list", "arguments": {}}',
      'clerk_users_list',
    ],
    [
      'a sentence, then a fenced block',
      'Sure:\n```json\n{"name": "clerk_user_ban", "arguments": {"user_id": "u1"}}\n```',
      'clerk_user_ban',
    ],
  ])('%s', (_form, content, names) => {
    expect(
      findTextToolCalls(content, offered)
        .map((c) => c.name)
        .join(','),
    ).toBe(names);
  });

  it.each([
    ['plain prose', 'Jane Doe is banned.'],
    ['JSON that is data, not a call', '{"name": "Jane Doe", "email": "jane@example.com"}'],
    ['a call-shaped object naming a tool we did not offer', '{"name": "delete_everything", "arguments": {}}'],
    ['prose around JSON', 'Here is the user: {"name": "clerk_user_ban", "arguments": {}} as you asked'],
    ['malformed JSON', '{"name": "clerk_user_ban", "arguments": {'],
    [
      'JSON on its own line followed by more prose',
      'Call:\n{"name": "clerk_users_list", "arguments": {}}\nThen I will report.',
    ],
  ])('not a call: %s', (_what, content) => {
    expect(findTextToolCalls(content, offered)).toEqual([]);
  });
});

describe('describeErrorBody', () => {
  it.each([
    ['{error:{message}}', '{"error":{"message":"bad thing","type":"x"}}', 'application/json', 'bad thing'],
    ['{error:"…"}', '{"error":"model does not support tools"}', 'application/json', 'model does not support tools'],
    [
      'vLLM top level',
      '{"object":"error","message":"auto tool choice","code":400}',
      'application/json',
      'auto tool choice',
    ],
    ['{detail:"…"}', '{"detail":"Not Found"}', 'application/json', 'Not Found'],
    [
      '{detail:[…]} pydantic',
      '{"detail":[{"loc":["body","strict"],"msg":"Extra inputs are not permitted"}]}',
      'application/json',
      'body.strict: Extra inputs are not permitted',
    ],
    ['{error:{message:{…}}}', '{"error":{"message":{"reason":"x"}}}', 'application/json', '{"reason":"x"}'],
    ['unknown JSON', '{"oops":true}', 'application/json', '{"oops":true}'],
    [
      'plain text, multi-line, control chars',
      'line one\n\u001b[31mline two\u0007',
      'text/plain',
      'line one [31mline two',
    ],
    [
      'HTML with a title',
      '<html><head><title>403 Forbidden</title></head><body>…</body></html>',
      'text/html',
      'an HTML page "403 Forbidden" answered instead of the model server',
    ],
    [
      'HTML sniffed without content type',
      '<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>',
      null,
      'an HTML page "Bad Gateway"',
    ],
  ])('%s', (_shape, body, type, expected) => {
    expect(describeErrorBody(body, type).message).toContain(expected);
  });

  it('clips a huge body to one line of at most 300 characters', () => {
    const { message } = describeErrorBody('x'.repeat(10_000), 'text/plain');
    expect(message.length).toBeLessThanOrEqual(300);
  });
});

describe('hints', () => {
  const at = { baseUrl: 'http://127.0.0.1:11434/v1', model: 'm' };
  it.each([
    ['llama3 does not support tools', /cannot use tools/],
    ["Model doesn't support tool calling", /cannot use tools/],
    ['"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set', /--tool-call-parser/],
    ['tools param requires --jinja flag', /--jinja/],
    ['Unsupported param: tools', /--jinja/],
    ["This model's maximum context length is 4096 tokens", /context of 4096 tokens.*CLERK_AGENT_MAX_STEPS/],
    [
      'Trying to keep the first 5000 tokens when context the overflows. However, the model is loaded with context length of only 4096 tokens',
      /context of 4096 tokens/,
    ],
  ])('%s', (message, hint) => {
    expect(hintFor(message, at)).toMatch(hint);
  });

  it('Azure: the deployment name, not the model name', () => {
    const hint = hintFor('The API deployment for this resource does not exist.', {
      status: 404,
      baseUrl: 'https://acme.openai.azure.com/openai/v1',
      model: 'gpt-4o',
    });
    expect(hint).toMatch(/deployment name \(not the model name\)/);
    expect(hintFor('not found', { status: 404, baseUrl: 'http://127.0.0.1:1/v1', model: 'x' })).toBeUndefined();
  });

  it('contextFigure: a number, null for an overflow without one, undefined when not about context', () => {
    expect(contextFigure('the request exceeds the available context size, try increasing it')).toBeNull();
    expect(contextFigure('n_ctx_slot = 2048, n_prompt = 3000')).toBe(2048);
    expect(contextFigure('bad request')).toBeUndefined();
  });
});

describe('rejectedFields', () => {
  const all = ['strict', 'parallel_tool_calls'] as const;
  it.each([
    ['body.tools.0.function.strict: Extra inputs are not permitted', ['strict']],
    ['Unrecognized request argument supplied: parallel_tool_calls', ['parallel_tool_calls']],
    ['unknown field in request', ['strict', 'parallel_tool_calls']],
    ['"auto" tool choice requires --enable-auto-tool-choice', []],
    ['messages must not be empty', []],
  ])('%s', (message, expected) => {
    expect(rejectedFields(message, [...all])).toEqual(expected);
  });

  it('never names a field that was not sent', () => {
    expect(rejectedFields('strict is not allowed', ['parallel_tool_calls'])).toEqual([]);
  });
});

describe('tool-call ids', () => {
  it('keeps a given id, replaces a missing, empty or repeated one, and never issues the same id twice', () => {
    const ids = createToolCallIds();
    const used = new Set<string>();
    expect(ids.assign('call_a', used)).toBe('call_a');
    const dup = ids.assign('call_a', used);
    expect(dup).not.toBe('call_a');
    const blank = ids.assign('  ', used);
    const missing = ids.assign(undefined, used);
    for (const id of [dup, blank, missing]) expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(new Set([dup, blank, missing]).size).toBe(3);
  });

  it('draws again when the random source repeats itself', () => {
    let n = 0;
    const repeating = () => Uint8Array.from({ length: 9 }, () => (n++ < 18 ? 1 : n)); // same id twice, then new
    const ids = createToolCallIds(repeating);
    const a = ids.assign(undefined, new Set());
    const b = ids.assign(undefined, new Set());
    expect(a).not.toBe(b);
  });
});

describe('stripThinking', () => {
  it.each([
    ['<think>plan</think>\nAnswer.', 'Answer.'],
    ['<think>only thinking, cut off', ''],
    ['plan without an opening tag</think>Answer.', 'Answer.'],
    ['No thinking here.', 'No thinking here.'],
  ])('%s', (content, expected) => {
    expect(stripThinking(content)).toBe(expected);
  });
});
