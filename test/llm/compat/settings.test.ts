/**
 * The two new settings, read only in src/config.ts: CLERK_AGENT_MODEL_TIMEOUT_MS (the overall model deadline) and
 * CLERK_AGENT_VERBOSE (compatibility notices on stderr), and their wiring through the composition root.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/app.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { completion, type FakeServer, startFakeServer } from './fake-server.js';

let server: FakeServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

describe('CLERK_AGENT_MODEL_TIMEOUT_MS', () => {
  const base = { OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' };
  it('is absent by default (the adapter then uses 30 s) and read when set', () => {
    const unset = loadConfig(base).model;
    expect(unset.kind === 'openai' && unset.timeoutMs).toBe(undefined);
    const set = loadConfig({ ...base, CLERK_AGENT_MODEL_TIMEOUT_MS: '45000' }).model;
    expect(set.kind === 'openai' && set.timeoutMs).toBe(45_000);
  });

  it.each(['abc', '0', '999', '600001', '1.5'])('rejects %s with a ConfigError naming the variable', (value) => {
    expect(() => loadConfig({ ...base, CLERK_AGENT_MODEL_TIMEOUT_MS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, CLERK_AGENT_MODEL_TIMEOUT_MS: value })).toThrow(/CLERK_AGENT_MODEL_TIMEOUT_MS/);
  });
});

describe('CLERK_AGENT_VERBOSE', () => {
  it('is off by default; when on, the app reports a compatibility adjustment on stderr (and never a key)', async () => {
    expect(loadConfig({}).verbose).toBeUndefined();
    server = await startFakeServer({
      chat: [
        { status: 400, body: { error: { message: 'Unrecognized request argument supplied: parallel_tool_calls' } } },
        { body: completion({ content: 'hello' }, 'stop') },
      ],
    });
    const key = 'sk-verbose-test-key-1234567890';
    const config = loadConfig({ OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: key, CLERK_AGENT_VERBOSE: '1' });
    expect(config.verbose).toBe(true);
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const app = await createApp(config, { sandbox: createSandbox({ seed: 'demo' }), auditFile: null });
    try {
      const outcome = await app.agent.run('hi');
      expect(outcome.status).toBe('done');
    } finally {
      await app.close();
    }
    const notices = written.filter((l) => l.includes('parallel_tool_calls'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^clerk-agent: .* rejected `parallel_tool_calls`.*retried without it/);
    expect(written.join('')).not.toContain(key);
  });
});
