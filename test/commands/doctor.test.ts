/**
 * `clerk-agent doctor` against a good fake model server, each broken fake, an unreachable port, and the sandbox
 * (in-process and served over loopback HTTP as a "remote" Clerk). Asserts the ✓/✗ lines, the exit code, that the
 * probe changes nothing, and that no secret is ever printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/commands/doctor.js';
import { createSandbox, type Sandbox, type SandboxServer, serveSandbox } from '../../src/sandbox/index.js';
import { completion, type FakeServer, type RawReply, startFakeServer } from '../llm/compat/fake-server.js';

const MODEL_KEY = 'sk-doctor-model-key-abcdef123456';
const closing: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c.close();
});

const models = (...ids: string[]): RawReply => ({
  body: { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) },
});
const echoCall: RawReply = {
  body: completion(
    {
      content: null,
      tool_calls: [{ id: 'p1', type: 'function', function: { name: 'doctor_echo', arguments: '{"word":"ping"}' } }],
    },
    'tool_calls',
  ),
};

async function fake(chat: RawReply[], list: RawReply | undefined = models('good-model')): Promise<FakeServer> {
  const server = await startFakeServer({ chat, ...(list ? { models: list } : {}) });
  closing.push(server);
  return server;
}

function sandbox(): Sandbox {
  const s = createSandbox({ seed: 'demo' });
  closing.push(s);
  return s;
}

async function doctor(env: Record<string, string>, box: Sandbox = sandbox()) {
  const lines: string[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'doctor-'));
  const code = await runDoctor({
    env: { CLERK_AGENT_DATA_DIR: dataDir, ...env },
    write: (line) => lines.push(line),
    app: { sandbox: box },
  });
  return { code, lines, text: lines.join('\n'), box };
}

const modelEnv = (server: FakeServer, model = 'good-model') => ({
  OPENAI_BASE_URL: server.baseUrl,
  OPENAI_MODEL: model,
  OPENAI_API_KEY: MODEL_KEY,
});

describe('clerk-agent doctor', () => {
  it('sandbox + offline model: every check passes, exit 0', async () => {
    const { code, text } = await doctor({});
    expect(text).toMatch(/^✓ config: parsed \(model: offline; Clerk: local sandbox\)/m);
    expect(text).toMatch(/^✓ Clerk: the local sandbox answers/m);
    expect(text).toMatch(/^✓ model: the built-in offline model/m);
    expect(text).not.toMatch(/✗/);
    expect(code).toBe(0);
  });

  it('a good server: endpoint, listed, a real tool call, strict accepted, no streaming needed; nothing changes', async () => {
    const server = await fake([echoCall]);
    const { code, text, lines, box } = await doctor(modelEnv(server));
    expect(lines).toEqual([
      expect.stringMatching(
        /^✓ config: parsed \(model: good-model @ http:\/\/127\.0\.0\.1:\d+\/v1; Clerk: local sandbox\)$/,
      ),
      '✓ Clerk: the local sandbox answers (demo data, nothing real is touched)',
      expect.stringMatching(/^✓ model endpoint: http:\/\/127\.0\.0\.1:\d+\/v1 answers \(1 model listed\)$/),
      '✓ model listed: "good-model"',
      '✓ tool calling: the model answered with a real tool call (doctor_echo)',
      '✓ strict schemas: accepted',
      '✓ streaming: not required (the agent reads plain JSON replies, and this server sent one)',
      'All checks passed: the agent can work with this configuration.',
    ]);
    expect(code).toBe(0);
    // One probe, with the one harmless tool and nothing of Clerk's.
    expect(server.posts).toHaveLength(1);
    const tools = server.posts[0]!.body.tools as Array<{ function: { name: string } }>;
    expect(tools.map((t) => t.function.name)).toEqual(['doctor_echo']);
    expect(box.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(text).not.toContain(MODEL_KEY);
  });

  const broken: Array<{ name: string; chat: RawReply[]; list?: RawReply | null; model?: string; line: RegExp }> = [
    {
      name: 'model without tool support (Ollama 400)',
      chat: [{ status: 400, body: { error: { message: 'gemma:2b does not support tools' } } }],
      line: /^✗ tool calling: .*"gemma:2b does not support tools".*cannot use tools/m,
    },
    {
      name: 'no tool parser (vLLM auto tool choice)',
      chat: [
        {
          status: 400,
          body: {
            object: 'error',
            message: '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
          },
        },
      ],
      line: /^✗ tool calling: .*--enable-auto-tool-choice --tool-call-parser <parser/m,
    },
    {
      name: 'tool call written as text (Hermes)',
      chat: [
        {
          body: completion(
            { content: '<tool_call>{"name":"doctor_echo","arguments":{"word":"ping"}}</tool_call>' },
            'stop',
          ),
        },
      ],
      line: /^✗ tool calling: the model wrote its tool call \(doctor_echo\) as text.*--jinja/m,
    },
    {
      name: 'tool call written as bare JSON',
      chat: [{ body: completion({ content: '{"name": "doctor_echo", "parameters": {"word": "ping"}}' }, 'stop') }],
      line: /^✗ tool calling: the model wrote its tool call \(doctor_echo\) as text/m,
    },
    {
      name: 'answers in words only',
      chat: [{ body: completion({ content: 'Sure! ping' }, 'stop') }],
      line: /^✗ tool calling: the model answered in words instead of calling the tool/m,
    },
    {
      name: 'model not listed and not found',
      chat: [{ status: 404, body: { error: { message: 'model "good-model" not found, try pulling it first' } } }],
      list: models('llama3.1:8b', 'qwen2.5:7b'),
      line: /^✗ model listed: "good-model" is not offered by .*; it offers: llama3\.1:8b, qwen2\.5:7b\. Set OPENAI_MODEL/m,
    },
    {
      name: 'key rejected',
      chat: [{ status: 401, body: { error: { message: `Incorrect API key provided: ${MODEL_KEY}` } } }],
      list: { status: 401, body: { error: { message: `Incorrect API key provided: ${MODEL_KEY}` } } },
      line: /^✗ model endpoint: .* rejected OPENAI_API_KEY \(401/m,
    },
    {
      name: 'an HTML proxy page instead of the server',
      chat: [
        {
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: '<html><head><title>Sign in</title></head></html>',
        },
      ],
      list: null,
      line: /^✗ tool calling: .*HTML page "Sign in"/m,
    },
    {
      name: 'a body that never ends',
      chat: [{ body: completion({ content: 'x' }, 'stop'), hangAfterHeaders: true }],
      line: /^✗ tool calling: no complete answer from the model .* within 1 s/m,
    },
  ];

  it.each(broken.map((b) => [b.name, b] as const))('a broken server: %s → ✗ with the fix, exit 1', async (_n, b) => {
    const server = await fake(b.chat, b.list === null ? undefined : (b.list ?? models('good-model')));
    const { code, text, box } = await doctor({ ...modelEnv(server, b.model), CLERK_AGENT_MODEL_TIMEOUT_MS: '1000' });
    expect(text).toMatch(b.line);
    expect(code).toBe(1);
    expect(text).toMatch(/problems? found/);
    expect(text).not.toContain(MODEL_KEY);
    expect(box.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('strict rejected with 400: retried without it, reported as not accepted, still exit 0', async () => {
    const server = await fake([
      { status: 400, body: { error: { message: 'Unrecognized request argument supplied: strict' } } },
      echoCall,
    ]);
    const { code, text } = await doctor(modelEnv(server));
    expect(text).toMatch(/^✓ tool calling: the model answered with a real tool call/m);
    expect(text).toMatch(/^– strict schemas: not accepted by this server/m);
    expect(code).toBe(0);
  });

  it('an unreachable port: ✗ model endpoint with the fix, model checks skipped, exit 1', async () => {
    const server = await fake([echoCall]);
    const port = server.port;
    await server.close();
    const { code, text } = await doctor({ OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_MODEL: 'm' });
    expect(text).toMatch(
      new RegExp(
        `^✗ model endpoint: cannot reach OPENAI_BASE_URL http://127\\.0\\.0\\.1:${port}/v1 \\(connection refused\\)`,
        'm',
      ),
    );
    expect(text).toMatch(/^– model checks skipped/m);
    expect(code).toBe(1);
  });

  describe('Clerk over HTTP (the sandbox served on 127.0.0.1 as a "remote" instance)', () => {
    async function served(): Promise<{ box: Sandbox; server: SandboxServer }> {
      const box = sandbox();
      const server = await serveSandbox(box);
      closing.push(server);
      return { box, server };
    }

    it('key accepted: reachable, test instance, one read and no write', async () => {
      const { box, server } = await served();
      const before = box.requests.length;
      const { code, text } = await doctor({ CLERK_SECRET_KEY: box.secretKey, CLERK_API_URL: server.url });
      expect(text).toContain(`✓ Clerk: ${server.url} reachable, key accepted, test instance (sk_test_ key)`);
      expect(box.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
      expect(text).not.toContain(box.secretKey);
      expect(code).toBe(0);
    });

    it('wrong key: ✗ with where to get the right one, and the key is never printed', async () => {
      const { server } = await served();
      const wrong = 'sk_live_wrongwrongwrongwrong1234';
      const { code, text } = await doctor({ CLERK_SECRET_KEY: wrong, CLERK_API_URL: server.url });
      expect(text).toMatch(/^✗ Clerk: CLERK_SECRET_KEY rejected by .*\(401.*Clerk Dashboard → API Keys/m);
      expect(text).not.toContain(wrong);
      expect(code).toBe(1);
    });

    it('Clerk unreachable: ✗ cannot reach CLERK_API_URL', async () => {
      const { server } = await served();
      const url = server.url;
      await server.close();
      const { code, text } = await doctor({ CLERK_SECRET_KEY: 'sk_test_abcdefghijklmnop', CLERK_API_URL: url });
      expect(text).toMatch(/^✗ Clerk: cannot reach CLERK_API_URL/m);
      expect(code).toBe(1);
    });
  });

  it('a configuration that does not parse: one ✗ line, exit 2', async () => {
    const { code, lines } = await doctor({ CLERK_SECRET_KEY: 'not-a-key' });
    expect(lines).toEqual([expect.stringMatching(/^✗ config: CLERK_SECRET_KEY does not look like a Clerk secret key/)]);
    expect(code).toBe(2);
  });

  it('the real CLI: `clerk-agent doctor` prints the lines and exits non-zero when the model cannot work', async () => {
    const server = await fake([{ status: 400, body: { error: { message: 'tiny:1b does not support tools' } } }]);
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-cli-'));
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const cli = path.resolve(import.meta.dirname, '../../src/cli.ts');
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(OPENAI_|CLERK_)/.test(k)) env[k] = v;
    const result = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', tsx, cli, 'doctor'], {
        cwd: dir,
        env: { ...env, CLERK_AGENT_DATA_DIR: dir, ...modelEnv(server) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(result.out).toMatch(/^✓ Clerk: the local sandbox answers/m);
    expect(result.out).toMatch(/^✗ tool calling: .*tiny:1b does not support tools/m);
    expect(result.out).not.toContain(MODEL_KEY);
    expect(result.code).toBe(1);
  });
});

describe('configuration errors point to doctor', () => {
  it('a ConfigError from chat and a model that cannot be reached both say "run clerk-agent doctor" in their one line', async () => {
    const { runChat, closedPort } = await import('../interfaces/repl/cli-support.js');
    const bad = await runChat([], { env: { CLERK_SECRET_KEY: 'not-a-key' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('Run `clerk-agent doctor`');

    const port = await closedPort();
    const run = await runChat(['list users'], { env: { OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } });
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`cannot reach OPENAI_BASE_URL http://127.0.0.1:${port}/v1`);
    expect(errors[0]).toContain('Run `clerk-agent doctor`');
  });
});

describe('clerk-agent doctor, a hung server', () => {
  it('a server that accepts connections and never answers: ✗ with "did not answer", model checks skipped, exit 1', async () => {
    const server = await fake([{ hangBeforeHeaders: true }], { hangBeforeHeaders: true });
    const { code, text } = await doctor(modelEnv(server));
    expect(text).toMatch(/^✗ model endpoint: .* did not answer GET \/models within 2.5 s/m);
    expect(text).toMatch(/^– model checks skipped/m);
    expect(server.posts).toHaveLength(0);
    expect(code).toBe(1);
  });
});

describe('clerk-agent doctor, credentials in URLs', () => {
  it('a user:password in OPENAI_BASE_URL: ✗ config without echoing it, exit 2', async () => {
    const { code, text } = await doctor({ OPENAI_BASE_URL: 'http://admin:hunter2secret@127.0.0.1:1/v1' });
    expect(text).toMatch(/^✗ config: OPENAI_BASE_URL must not contain a user name or password/m);
    expect(text).not.toContain('hunter2secret');
    expect(code).toBe(2);
  });

  it('a query in OPENAI_BASE_URL (Azure api-version) is sent with every request but never printed', async () => {
    const server = await fake([echoCall]);
    const { code, text } = await doctor({
      OPENAI_BASE_URL: `${server.baseUrl}?api-version=querysecret123`,
      OPENAI_MODEL: 'good-model',
    });
    expect(text).toMatch(/^✓ tool calling/m);
    expect(server.posts[0]!.path).toBe('/v1/chat/completions?api-version=querysecret123');
    expect(text).not.toContain('querysecret123');
    expect(code).toBe(0);
  });
});
