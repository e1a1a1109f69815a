/**
 * OpenAI-compatible servers as people really run them, replayed: each row is one documented quirk served by a local
 * fake on 127.0.0.1, driven through the REAL openai SDK and the real agent loop (createAgent + in-process sandbox).
 * Every row asserts what the user sees and that nothing changes without approval: a proposed mutation pauses for a
 * yes/no, a refused or broken reply changes nothing, and the audit shows no execution.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentEvent, RunOutcome } from '../../../src/agent/types.js';
import { createOpenAIModel } from '../../../src/llm/openai.js';
import { createHarness, type Harness } from '../../support/agent-harness.js';
import { completion, type FakeServer, type RawReply, startFakeServer } from './fake-server.js';

const KEY = 'sk-test-compat-suite-key-0123456789';

interface Quirk {
  name: string;
  /** Which server behaviour this reproduces (issue links in README "Using a local model"). */
  source: string;
  chat: (jane: string) => RawReply[];
  models?: RawReply;
  status: RunOutcome['status'];
  /** Every pattern must appear in what the user sees. */
  sees: RegExp[];
  /** None of these may appear. */
  neverSees?: RegExp[];
  /** Extra checks on the recorded requests, the outcome and the notices. */
  also?: (ctx: { server: FakeServer; outcome: RunOutcome; notices: string[]; jane: string }) => void;
}

const ban = (jane: string) => JSON.stringify({ user_id: jane });
/** One ban call for Jane, as a tool_calls reply (or cut short, with finish reason `length`). */
const banCall = (jane: string, finish: 'tool_calls' | 'length' = 'tool_calls'): RawReply => ({
  body: completion(
    {
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'clerk_user_ban', arguments: ban(jane) } }],
    },
    finish,
  ),
});
const answer = (text: string): RawReply => ({ body: completion({ content: text }, 'stop') });
const error = (status: number, body: unknown, headers?: Record<string, string>): RawReply => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

const quirks: Quirk[] = [
  {
    name: 'tool calls without id or type',
    source: 'Ollama / llama.cpp (BerriAI/litellm#24095)',
    chat: (jane) => [
      {
        body: completion(
          {
            content: null,
            tool_calls: [
              { function: { name: 'clerk_user_ban', arguments: ban(jane) } },
              { function: { name: 'clerk_user_lock', arguments: ban(jane) } },
            ],
          },
          'tool_calls',
        ),
      },
    ],
    status: 'paused',
    sees: [/approval: Ban/i, /approval: Lock/i],
    also: ({ outcome }) => {
      const pending = (outcome as Extract<RunOutcome, { status: 'paused' }>).pending;
      const ids = pending.map((p) => p.callId);
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
      expect(new Set(ids).size).toBe(2);
    },
  },
  {
    name: 'arguments as a JSON object, not a string',
    source: 'Ollama (BerriAI/litellm#24095, #8313)',
    chat: (jane) => [
      {
        body: completion(
          {
            content: '',
            tool_calls: [
              { id: 'c1', type: 'function', function: { name: 'clerk_user_ban', arguments: { user_id: jane } } },
            ],
          },
          'tool_calls',
        ),
      },
    ],
    status: 'paused',
    sees: [/approval: Ban Jane/i],
    also: ({ outcome, jane }) => {
      const pending = (outcome as Extract<RunOutcome, { status: 'paused' }>).pending;
      expect(pending[0]?.args).toEqual({ user_id: jane });
    },
  },
  {
    name: 'tool calls with finish_reason "stop" and content absent',
    source: 'llama.cpp, vLLM (finish_reason stop with tool_calls)',
    chat: (jane) => [
      {
        body: completion(
          { tool_calls: [{ id: 'c1', type: 'function', function: { name: 'clerk_user_ban', arguments: ban(jane) } }] },
          'stop',
        ),
      },
    ],
    status: 'paused',
    sees: [/approval: Ban Jane/i],
  },
  {
    name: 'legacy function_call',
    source: 'older OpenAI-compatible servers',
    chat: (jane) => [
      {
        body: completion(
          { content: null, function_call: { name: 'clerk_user_ban', arguments: ban(jane) } },
          'function_call',
        ),
      },
    ],
    status: 'paused',
    sees: [/approval: Ban Jane/i],
  },
  {
    name: 'Hermes <tool_call> text in content (no tool parser)',
    source: 'vLLM/SGLang without --tool-call-parser, Ollama templates (ollama/ollama#5813)',
    chat: (jane) => [
      answer(`<tool_call>\n{"name": "clerk_user_ban", "arguments": {"user_id": "${jane}"}}\n</tool_call>`),
    ],
    status: 'error',
    sees: [
      /wrote its tool call \(clerk_user_ban\) as text/,
      /nothing was run/,
      /--enable-auto-tool-choice --tool-call-parser/,
      /--jinja/,
      /clerk-agent doctor/,
    ],
    neverSees: [/<tool_call>/],
  },
  {
    name: 'bare JSON tool call in content',
    source: 'llama.cpp without --jinja, Ollama llama3.x (ollama/ollama#7572, #13519)',
    chat: (jane) => [answer(`{"name": "clerk_user_ban", "parameters": {"user_id": "${jane}"}}`)],
    status: 'error',
    sees: [/wrote its tool call \(clerk_user_ban\) as text/, /--tool-call-parser/],
  },
  {
    name: 'bare JSON tool call in a ``` fence',
    source: 'Ollama llama3.2 (ollama/ollama#13519)',
    chat: (jane) => [answer(`\`\`\`json\n{"name": "clerk_user_ban", "arguments": {"user_id": "${jane}"}}\n\`\`\``)],
    status: 'error',
    sees: [/as text/, /--jinja/],
  },
  {
    name: 'an answer that merely contains JSON is still an answer',
    source: 'false-positive guard for the text tool-call detector',
    chat: () => [answer('{"name": "Jane Doe", "email": "jane@example.com"}')],
    status: 'done',
    sees: [/"name": "Jane Doe"/],
  },
  {
    name: 'error body {error:{message}} — Ollama model without tools',
    source: 'ollama/ollama#6027',
    chat: () => [
      error(400, {
        error: { message: 'stablelm2:latest does not support tools', type: 'api_error', param: null, code: null },
      }),
    ],
    status: 'error',
    sees: [
      /"stablelm2:latest does not support tools"/,
      /cannot use tools/,
      /tool-calling|call tools/,
      /clerk-agent doctor/,
    ],
  },
  {
    name: 'error body {error:"…"} — Ollama native error string',
    source: 'ollama/ollama#14795',
    chat: () => [error(400, { error: 'registry.ollama.ai/library/Qwen3.5:0.8b does not support tools' })],
    status: 'error',
    sees: [/Qwen3.5:0.8b does not support tools/, /cannot use tools/],
    neverSees: [/no body/],
  },
  {
    name: 'error body at the top level {"object":"error","message":…} — vLLM auto tool choice',
    source: 'vllm-project/vllm#9986',
    chat: () => [
      error(400, {
        object: 'error',
        message: '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
        type: 'BadRequestError',
        param: null,
        code: 400,
      }),
    ],
    status: 'error',
    sees: [
      /"\\"auto\\" tool choice requires|"auto" tool choice requires --enable-auto-tool-choice/,
      /--tool-call-parser <parser/,
      /clerk-agent doctor/,
    ],
    neverSees: [/no body/],
  },
  {
    name: 'error body {"code":500,"message":…} — llama.cpp without --jinja',
    source: 'ggml-org/llama.cpp#10920',
    chat: () => [error(500, { code: 500, message: 'Unsupported param: tools', type: 'server_error' })],
    status: 'error',
    sees: [/Unsupported param: tools/, /Restart llama-server with --jinja/],
  },
  {
    name: 'error body {detail:"…"} — FastAPI-style server',
    source: 'SGLang, TGI and proxies built on FastAPI',
    chat: () => [error(503, { detail: 'Model is still loading, try again shortly' })],
    status: 'error',
    sees: [/Model is still loading, try again shortly/, /\(503\)/],
  },
  {
    name: 'error body as plain text',
    source: 'reverse proxies, small servers',
    chat: () => [error(500, 'CUDA error: out of memory\n')],
    status: 'error',
    sees: [/"CUDA error: out of memory"/, /\(500\)/],
  },
  {
    name: 'error body as an HTML page from a proxy',
    source: 'nginx / cloud gateways in front of a model server',
    chat: () => [
      error(
        502,
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
        {
          'content-type': 'text/html',
        },
      ),
    ],
    status: 'error',
    sees: [/HTML page "502 Bad Gateway"/, /check OPENAI_BASE_URL/],
    neverSees: [/<html/i, /DOCTYPE/],
  },
  {
    name: 'context too small — OpenAI/vLLM wording',
    source: 'vLLM --max-model-len, OpenAI context_length_exceeded',
    chat: () => [
      error(400, {
        object: 'error',
        message:
          "This model's maximum context length is 8192 tokens. However, you requested 9731 tokens in the messages.",
        code: 400,
      }),
    ],
    status: 'error',
    sees: [/context of 8192 tokens/, /CLERK_AGENT_MAX_STEPS/, /--max-model-len/],
  },
  {
    name: 'context too small — llama.cpp wording with n_ctx beside the sentence',
    source: 'llama.cpp exceed_context_size_error',
    chat: () => [
      error(400, {
        error: {
          code: 400,
          message: 'the request exceeds the available context size, try increasing it',
          type: 'exceed_context_size_error',
          n_prompt_tokens: 9120,
          n_ctx: 4096,
        },
      }),
    ],
    status: 'error',
    sees: [/n_ctx 4096/, /context of 4096 tokens/, /-c 16384/],
  },
  {
    name: 'model not found — lists what GET /models offers',
    source: 'Ollama "model not found, try pulling it first"',
    chat: () => [
      error(404, { error: { message: 'model "llama9" not found, try pulling it first', type: 'api_error' } }),
    ],
    models: {
      body: {
        object: 'list',
        data: [
          { id: 'llama3.1:8b', object: 'model' },
          { id: 'qwen2.5:7b', object: 'model' },
        ],
      },
    },
    status: 'error',
    sees: [/model "test-model" not found/, /try pulling it first/, /offers: llama3\.1:8b, qwen2\.5:7b/, /OPENAI_MODEL/],
  },
  {
    name: '`strict` rejected with 400, then accepted without it',
    source: 'vLLM/pydantic servers with extra="forbid"',
    chat: (jane) => [
      error(400, {
        object: 'error',
        message:
          "[{'type': 'extra_forbidden', 'loc': ('body', 'tools', 0, 'function', 'strict'), 'msg': 'Extra inputs are not permitted', 'input': True}]",
        code: 400,
      }),
      banCall(jane),
    ],
    status: 'paused',
    sees: [/approval: Ban Jane/i],
    also: ({ server, notices }) => {
      const strictOf = (i: number) =>
        (server.posts[i]!.body.tools as Array<{ function: { strict?: boolean } }>).map((t) => t.function.strict);
      expect(server.posts).toHaveLength(2);
      expect(strictOf(0).every((s) => s === true)).toBe(true);
      expect(strictOf(1).every((s) => s === undefined)).toBe(true);
      expect(server.posts[1]!.body.parallel_tool_calls).toBe(true);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/rejected `strict`.*retried without it.*this session/);
    },
  },
  {
    name: '`parallel_tool_calls` rejected with a pydantic {detail:[…]} body',
    source: 'FastAPI servers and proxies with strict request models',
    chat: (jane) => [
      error(400, {
        detail: [
          {
            type: 'extra_forbidden',
            loc: ['body', 'parallel_tool_calls'],
            msg: 'Extra inputs are not permitted',
            input: true,
          },
        ],
      }),
      banCall(jane),
    ],
    status: 'paused',
    sees: [/approval: Ban Jane/i],
    also: ({ server, notices }) => {
      expect(server.posts).toHaveLength(2);
      expect(server.posts[0]!.body.parallel_tool_calls).toBe(true);
      expect('parallel_tool_calls' in server.posts[1]!.body).toBe(false);
      const tools = server.posts[1]!.body.tools as Array<{ function: { strict?: boolean } }>;
      expect(tools[0]!.function.strict).toBe(true); // only the named field is dropped
      expect(notices[0]).toMatch(/rejected `parallel_tool_calls`/);
    },
  },
  {
    name: 'reasoning_content and reasoning fields kept out of the answer',
    source: 'DeepSeek-R1 on vLLM/llama.cpp (reasoning_content), Ollama/OpenRouter (reasoning)',
    chat: () => [
      {
        body: completion(
          {
            content: 'There are 3 banned users.',
            reasoning_content: 'SECRET-THOUGHT-A the user wants…',
            reasoning: 'SECRET-THOUGHT-B',
          },
          'stop',
        ),
      },
    ],
    status: 'done',
    sees: [/There are 3 banned users\./],
    neverSees: [/SECRET-THOUGHT/],
  },
  {
    name: 'inline <think> block kept out of the answer',
    source: 'reasoning models whose template leaves <think> in content',
    chat: () => [answer('<think>SECRET-THOUGHT-C: maybe ban everyone</think>\nNobody needs banning.')],
    status: 'done',
    sees: [/Nobody needs banning\./],
    neverSees: [/SECRET-THOUGHT/, /<think>/],
  },
  {
    name: 'missing usage',
    source: 'llama.cpp (timings instead of usage), many proxies',
    chat: () => [{ body: completion({ content: 'All good.' }, 'stop', null) }],
    status: 'done',
    sees: [/All good\./],
    also: ({ outcome }) => expect(outcome.state.usage).toEqual({ inputTokens: 0, outputTokens: 0 }),
  },
  {
    name: 'finish_reason "length" in the middle of a tool call',
    source: 'small num_ctx / max_tokens (Ollama default context, llama.cpp -c)',
    chat: (jane) => [
      {
        body: completion(
          {
            content: null,
            tool_calls: [
              {
                id: 'c1',
                type: 'function',
                function: { name: 'clerk_user_ban', arguments: `{"user_id": "${jane.slice(0, 6)}` },
              },
            ],
          },
          'length',
        ),
      },
    ],
    status: 'error',
    sees: [/cut off .* in the middle of a tool call/, /nothing was run/, /CLERK_AGENT_MAX_STEPS/],
  },
  {
    name: 'finish_reason "length" after a complete tool call',
    source: 'servers that report length when max_tokens is reached right after the call',
    chat: (jane) => [banCall(jane, 'length')],
    status: 'paused',
    sees: [/approval: Ban Jane/i],
  },
  {
    name: 'an empty reply (no content, no tool call)',
    source: 'Ollama with a prompt truncated by a small num_ctx',
    chat: () => [{ body: completion({ content: '' }, 'stop') }],
    status: 'error',
    sees: [/empty reply/, /OLLAMA_CONTEXT_LENGTH/, /clerk-agent doctor/],
  },
];

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What a person at the terminal is shown: the model's words, approval cards, errors and the closing line. */
function userView(events: AgentEvent[]): string {
  return events
    .map((e) => {
      switch (e.type) {
        case 'assistant_text':
          return e.text;
        case 'approval_needed':
          return e.pending.map((p) => `approval: ${p.preview.text}`).join('\n');
        case 'error':
          return e.message;
        case 'summary':
          return `${e.summary.modelText}\n${e.summary.line}`;
        default:
          return '';
      }
    })
    .filter(Boolean)
    .join('\n');
}

async function replay(quirk: Quirk) {
  const h0 = createHarness([]);
  const jane = await h0.userId('jane@example.com');
  server = await startFakeServer({ chat: quirk.chat(jane), ...(quirk.models ? { models: quirk.models } : {}) });
  const notices: string[] = [];
  const model = createOpenAIModel({
    apiKey: KEY,
    baseUrl: server.baseUrl,
    model: 'test-model',
    maxRetries: 0,
    onNotice: (line) => notices.push(line),
  });
  const h: Harness = createHarness([], { sandbox: h0.sandbox, model });
  const outcome = await h.agent.run('ban jane@example.com', { onEvent: h.record });
  return { h, outcome, notices, jane, server };
}

describe('OpenAI-compatible quirks through the real SDK and the real agent loop', () => {
  it.each(quirks.map((q) => [q.name, q] as const))('%s', async (_name, quirk) => {
    const { h, outcome, notices, jane, server: s } = await replay(quirk);
    const seen = userView(h.events);
    if (process.env.DUMP_QUIRKS) console.log(`\n### ${quirk.name}\n${seen}`);

    expect(outcome.status, seen).toBe(quirk.status);
    for (const pattern of quirk.sees) expect(seen).toMatch(pattern);
    for (const pattern of quirk.neverSees ?? []) expect(seen).not.toMatch(pattern);
    expect(seen).not.toContain(KEY);
    expect(notices.join('\n')).not.toContain(KEY);
    quirk.also?.({ server: s, outcome, notices, jane });

    // Nothing executes without approval: no write reached Clerk, Jane is not banned, the audit holds no execution.
    expect(h.mutations()).toEqual([]);
    if (outcome.status === 'paused') {
      const done = await h.agent.cancel(outcome.state, 'not approved in this test', { onEvent: h.record });
      expect(done.status).not.toBe('paused');
      expect(h.mutations()).toEqual([]);
    }
    expect((await h.user(jane)).banned).toBe(false);
    expect(h.audit.entries().filter((e) => e.status === 'executed')).toEqual([]);
  });

  it('remembers a dropped field for the rest of the session (one retry, not one per request)', async () => {
    const rejectStrict = error(400, { error: { message: 'Unrecognized request argument supplied: strict' } });
    server = await startFakeServer({ chat: [rejectStrict, answer('first'), answer('second')] });
    const notices: string[] = [];
    const model = createOpenAIModel({
      apiKey: KEY,
      baseUrl: server.baseUrl,
      model: 'm',
      maxRetries: 0,
      onNotice: (l) => notices.push(l),
    });
    const h = createHarness([], { model });
    const first = await h.agent.run('how many users?', { onEvent: h.record });
    const second = await h.agent.run('and now?', { state: first.state, onEvent: h.record });
    expect(first.status).toBe('done');
    expect(second.status).toBe('done');
    expect(server.posts).toHaveLength(3);
    const strict = server.posts.map(
      (p) => (p.body.tools as Array<{ function: { strict?: boolean } }>)[0]!.function.strict,
    );
    expect(strict).toEqual([true, undefined, undefined]);
    expect(notices).toHaveLength(1);
    expect(model.dropped.has('strict')).toBe(true);
  });

  it('does not retry a 400 that is about something else, and keeps sending the optional fields', async () => {
    server = await startFakeServer({ chat: [error(400, { error: { message: 'messages: must not be empty' } })] });
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const h = createHarness([], { model });
    const outcome = await h.agent.run('hello', { onEvent: h.record });
    expect(outcome.status).toBe('error');
    expect(server.posts).toHaveLength(1);
    expect(model.dropped.size).toBe(0);
    expect(userView(h.events)).toMatch(/rejected the request \(400\): "messages: must not be empty"/);
  });

  it('Azure: a 404 DeploymentNotFound names the deployment-vs-model mix-up (Azure host routed to a local fake)', async () => {
    server = await startFakeServer({
      chat: [
        error(404, {
          error: {
            code: 'DeploymentNotFound',
            message:
              'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
          },
        }),
      ],
    });
    const local = server.baseUrl;
    // The SDK talks to an Azure URL; the bytes go to 127.0.0.1 (no network here).
    const toLocal: typeof fetch = (input, init) =>
      fetch(
        String(input instanceof Request ? input.url : input).replace('https://acme.openai.azure.com/openai/v1', local),
        init,
      );
    const model = createOpenAIModel({
      apiKey: KEY,
      baseUrl: 'https://acme.openai.azure.com/openai/v1',
      model: 'gpt-4o',
      maxRetries: 0,
      fetch: toLocal,
    });
    const h = createHarness([], { model });
    const outcome = await h.agent.run('list users', { onEvent: h.record });
    const seen = userView(h.events);
    expect(outcome.status).toBe('error');
    expect(seen).toMatch(/The API deployment for this resource does not exist/);
    expect(seen).toMatch(/OPENAI_MODEL must be your deployment name \(not the model name\)/);
    expect(h.mutations()).toEqual([]);
  });

  it('synthesized ids round-trip: the tool results go back under the ids the model was given', async () => {
    const h0 = createHarness([]);
    const jane = await h0.userId('jane@example.com');
    server = await startFakeServer({
      chat: [
        {
          body: completion(
            {
              tool_calls: [
                { function: { name: 'clerk_users_list', arguments: { query: 'jane' } } },
                { function: { name: 'clerk_users_list', arguments: { query: 'bob' } } },
              ],
            },
            'stop',
          ),
        },
        answer(`Jane is ${jane}.`),
      ],
    });
    const model = createOpenAIModel({ apiKey: KEY, baseUrl: server.baseUrl, model: 'm', maxRetries: 0 });
    const h = createHarness([], { sandbox: h0.sandbox, model });
    const outcome = await h.agent.run('find jane and bob', { onEvent: h.record });
    expect(outcome.status).toBe('done');
    const second = server.posts[1]!.body.messages as Array<{
      role: string;
      tool_calls?: Array<{ id: string }>;
      tool_call_id?: string;
    }>;
    const assistant = second.find((m) => m.role === 'assistant')!;
    const callIds = assistant.tool_calls!.map((c) => c.id);
    expect(new Set(callIds).size).toBe(2);
    expect(second.filter((m) => m.role === 'tool').map((m) => m.tool_call_id)).toEqual(callIds);
  });
});
