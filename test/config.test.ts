import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('defaults to the sandbox and the offline model with no environment', () => {
    const config = loadConfig({});
    expect(config.model).toEqual({ kind: 'offline' });
    expect(config.clerk.kind).toBe('sandbox');
    expect(config.dryRun).toBe(false);
    expect(config.exposePrivateMetadata).toBe(false);
    expect(config.maxStepsPerTurn).toBe(12);
  });

  it('uses an OpenAI-compatible model when a key or base URL is set', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-abc' }).model).toMatchObject({ kind: 'openai', model: 'gpt-4o-mini' });
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1/', OPENAI_MODEL: 'llama3' }).model).toEqual({
      kind: 'openai',
      apiKey: undefined,
      baseUrl: 'http://127.0.0.1:1234/v1',
      model: 'llama3',
    });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-abc', CLERK_AGENT_MODEL: 'offline' }).model).toEqual({ kind: 'offline' });
  });

  it('uses a real instance with a secret key and flags sk_live_ keys as live', () => {
    const live = loadConfig({ CLERK_SECRET_KEY: 'sk_live_abcdefghijkl' });
    expect(live.clerk).toEqual({
      kind: 'remote',
      secretKey: 'sk_live_abcdefghijkl',
      apiUrl: 'https://api.clerk.com/v1',
      live: true,
    });
    const test = loadConfig({ CLERK_SECRET_KEY: 'sk_test_abcdefghijkl', CLERK_API_URL: 'http://127.0.0.1:4010/v1' });
    expect(test.clerk).toMatchObject({ kind: 'remote', apiUrl: 'http://127.0.0.1:4010/v1', live: false });
  });

  it('names the variable to fix and never echoes a secret', () => {
    const bad = fail({ CLERK_SECRET_KEY: 'pk_test_notasecretkey123' });
    expect(bad).toBeInstanceOf(ConfigError);
    expect(bad.message).toContain('CLERK_SECRET_KEY');
    expect(bad.message).not.toContain('pk_test_notasecretkey123');
    expect(fail({ OPENAI_BASE_URL: 'not a url' }).message).toContain('OPENAI_BASE_URL');
    expect(fail({ OPENAI_BASE_URL: 'ftp://x' }).message).toContain('http');
    expect(fail({ CLERK_API_URL: 'http://127.0.0.1:1/v1' }).message).toContain('CLERK_SECRET_KEY');
    expect(fail({ CLERK_AGENT_MAX_STEPS: '0' }).message).toContain('CLERK_AGENT_MAX_STEPS');
    expect(fail({ CLERK_AGENT_MODEL: 'gpt-4o' }).message).toContain('OPENAI_API_KEY');
  });

  it('lets flags override the environment', () => {
    const config = loadConfig(
      { CLERK_AGENT_DRY_RUN: 'false' },
      { dryRun: true, dataDir: '/tmp/x-data', model: 'offline' },
    );
    expect(config.dryRun).toBe(true);
    expect(config.dataDir).toBe('/tmp/x-data');
    expect(config.clerk).toEqual({ kind: 'sandbox', dataDir: '/tmp/x-data/sandbox' });
  });
});

describe('CLERK_AGENT_REQUEST_TIMEOUT_MS', () => {
  it('defaults to 30 s for a whole Clerk request and accepts whole milliseconds', () => {
    expect(loadConfig({}).clerkRequestTimeoutMs).toBe(30_000);
    expect(loadConfig({ CLERK_AGENT_REQUEST_TIMEOUT_MS: '5000' }).clerkRequestTimeoutMs).toBe(5_000);
  });

  it('refuses a value that is not a sensible number of milliseconds, naming the variable', () => {
    for (const bad of ['abc', '-1', '0', '1.5', '9999999']) {
      const error = fail({ CLERK_AGENT_REQUEST_TIMEOUT_MS: bad });
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toContain('CLERK_AGENT_REQUEST_TIMEOUT_MS');
    }
  });
});
