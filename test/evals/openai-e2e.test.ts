/**
 * One scenario end to end through the REAL OpenAI adapter against a local chat.completions server on
 * 127.0.0.1:0 (scripted answers that read the tool results it is sent), recorded to a cassette, then replayed with
 * the server stopped: same result, no network.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cassettePath } from '../../evals/src/cassette.js';
import { runEvalCli } from '../../evals/src/cli.js';
import { only, run } from './support.js';

interface ChatMessage {
  role: string;
  content?: string | null;
  tool_calls?: unknown[];
}

/** The scripted "LLM": look Jane up, ban the id it finds in the tool result, then report. */
function answer(messages: ChatMessage[]): Record<string, unknown> {
  const tools = messages.filter((m) => m.role === 'tool');
  const reply = (message: Record<string, unknown>, finish: string) => ({
    id: `chatcmpl-${messages.length}`,
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'scripted-test-model',
    choices: [
      { index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: finish, logprobs: null },
    ],
    usage: { prompt_tokens: 1000 + messages.length, completion_tokens: 20, total_tokens: 1020 + messages.length },
  });
  const fn = (id: string, name: string, args: unknown) => ({
    id,
    type: 'function',
    function: { name, arguments: JSON.stringify(args) },
  });
  if (tools.length === 0)
    return reply(
      { tool_calls: [fn('call_1', 'clerk_users_list', { email_address: ['jane@example.com'] })] },
      'tool_calls',
    );
  if (tools.length === 1) {
    const found = JSON.parse(String(tools[0]!.content)) as { result: { data: Array<{ id: string }> } };
    return reply({ tool_calls: [fn('call_2', 'clerk_user_ban', { user_id: found.result.data[0]!.id })] }, 'tool_calls');
  }
  return reply({ content: 'Jane Doe (jane@example.com) has been banned.' }, 'stop');
}

let server: Server;
let baseUrl: string;
let hits = 0;
const dir = mkdtempSync(path.join(tmpdir(), 'cassettes-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      hits++;
      const body = JSON.parse(raw) as { messages: ChatMessage[] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(body.messages)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('OpenAI-compatible endpoint, record and replay', () => {
  it('records a cassette through the real adapter, then replays it offline with the same result', async () => {
    const recorded = only(
      await run('users.ban.by-email', {
        kind: 'openai',
        model: 'scripted-test-model',
        baseUrl,
        apiKey: 'sk-test-secret-never-stored',
        cassettes: { mode: 'record', dir },
      }),
    );
    expect(recorded.success).toBe(true);
    expect(hits).toBe(3);
    expect(recorded.metrics.modelCalls).toBe(3);
    expect(recorded.metrics.inputTokens).toBeGreaterThan(3000);
    expect(recorded.metrics.costUsd).toBeNull(); // no price for this model: never guessed

    const file = cassettePath(dir, 'scripted-test-model', 'users.ban.by-email', 1);
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(text).not.toContain('sk-test-secret-never-stored');

    await new Promise<void>((resolve) => server.close(() => resolve()));
    const replayed = only(
      await run('users.ban.by-email', {
        kind: 'openai',
        model: 'scripted-test-model',
        cassettes: { mode: 'replay', dir },
      }),
    );
    expect(hits).toBe(3); // nothing reached a server
    expect(replayed.success).toBe(true);
    expect(replayed.components).toEqual(recorded.components);
    expect(replayed.trace.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
      recorded.trace.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
    );
    expect(replayed.metrics.inputTokens).toBe(recorded.metrics.inputTokens);
  }, 60_000);

  it('replays through the CLI and writes the reports', async () => {
    const out = path.join(dir, 'out');
    const lines: string[] = [];
    const code = await runEvalCli(
      [
        '--model',
        'scripted-test-model',
        '--replay',
        '--cassettes',
        dir,
        '--filter',
        'users.ban.by-email',
        '--out',
        out,
      ],
      {},
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    expect(lines.join('\n')).toMatch(/\[1\/1\] users\.ban\.by-email t1 ✓/);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'report.html', 'results.json', 'summary.md']);
  }, 60_000);

  it('a changed prompt makes the cassette stale instead of silently answering', async () => {
    const t = only(
      await run(
        'users.ban.by-email',
        { kind: 'openai', model: 'scripted-test-model', cassettes: { mode: 'replay', dir } },
        { systemPrompt: 'A different prompt.' },
      ),
    );
    expect(t.success).toBe(false);
    expect(t.trace.termination).toBe('harness_error');
    expect(t.trace.error).toMatch(
      /is stale: request #1 \(POST \/chat\/completions\) was not recorded.*re-record with --record/,
    );
  }, 60_000);

  it('a missing cassette is a harness error that says how to fix it', async () => {
    const t = only(
      await run('users.ban.by-id', {
        kind: 'openai',
        model: 'scripted-test-model',
        cassettes: { mode: 'replay', dir },
      }),
    );
    expect(t.success).toBe(false);
    expect(t.trace.termination).toBe('harness_error');
    expect(t.trace.error).toMatch(/no cassette at .*users\.ban\.by-id.*t1\.jsonl: record it first with --record/);
  }, 60_000);
});
