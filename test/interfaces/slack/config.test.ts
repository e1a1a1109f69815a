/** Slack settings: one clear line naming the variable for missing or malformed values; never a token echoed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeSlackApi } from '../../../src/interfaces/slack/testing/fake-web-api.js';
import { run } from '../../../src/commands/slack.js';
import { ConfigError, loadSlackConfig } from '../../../src/config.js';

const fail = (env: Record<string, string>) => {
  try {
    loadSlackConfig(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadSlackConfig', () => {
  it('reads HTTP mode with defaults', () => {
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' });
    expect(c).toMatchObject({ appToken: undefined, apiUrl: 'https://slack.com/api/', port: 3000, channels: [] });
  });

  it('reads Socket Mode, channels, the approvers channel and the API URL', () => {
    const c = loadSlackConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_APP_TOKEN: 'xapp-1-A1-xyz',
      SLACK_CHANNELS: 'C012AB3CD, G0PRIVATE1',
      SLACK_APPROVERS_CHANNEL: 'C0APPROVE',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(c).toMatchObject({
      appToken: 'xapp-1-A1-xyz',
      signingSecret: undefined,
      channels: ['C012AB3CD', 'G0PRIVATE1'],
      approversChannel: 'C0APPROVE',
      apiUrl: 'http://127.0.0.1:9999/api/',
    });
  });

  it('names the variable and never echoes a token', () => {
    expect(fail({}).message).toMatch(/^SLACK_BOT_TOKEN is not set/);
    const wrongKind = 'xoxp-user-token-secret-123';
    const e1 = fail({ SLACK_BOT_TOKEN: wrongKind, SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' });
    expect(e1).toBeInstanceOf(ConfigError);
    expect(e1.message).toContain('SLACK_BOT_TOKEN');
    expect(e1.message).not.toContain(wrongKind);
    const badApp = 'xoxb-not-an-app-token-999';
    const e2 = fail({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: badApp });
    expect(e2.message).toContain('SLACK_APP_TOKEN');
    expect(e2.message).not.toContain(badApp);
    const badSecret = 'has spaces and !!! in it';
    const e3 = fail({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: badSecret });
    expect(e3.message).toContain('SLACK_SIGNING_SECRET');
    expect(e3.message).not.toContain(badSecret);
    expect(fail({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }).message).toContain('SLACK_SIGNING_SECRET is not set');
    expect(
      fail({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_CHANNELS: '#general' }).message,
    ).toContain('SLACK_CHANNELS');
    expect(fail({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'nope' }).message).toContain(
      'SLACK_API_URL',
    );
    for (const e of [e1, e2, e3]) expect(e.message.split('\n')).toHaveLength(1);
  });
});

describe('clerk-agent slack (start-up errors)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('prints one line naming the variable, exit 2, no stack, no token', async () => {
    const token = 'xoxb-this-is-secret-but-malformed!';
    vi.stubEnv('SLACK_BOT_TOKEN', token);
    vi.stubEnv('SLACK_SIGNING_SECRET', 'abcdef0123456789abcdef');
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    expect(await run([])).toBe(2);
    expect(err.join('')).toMatch(/^clerk-agent slack: SLACK_BOT_TOKEN does not look like a bot token[^\n]*\n$/);
    expect(err.join('')).not.toContain(token);
  });

  it('refuses an unknown flag and a bad port', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    expect(await run(['--nope'])).toBe(2);
    expect(await run(['--port', 'abc'])).toBe(2);
    expect(err.join('')).toContain('unknown option --nope');
    expect(err.join('')).toContain('--port must be a number');
  });

  it('a refused token or an unreachable Web API: one line, exit 1, no token', async () => {
    const token = 'xoxb-refused-by-slack-123';
    const fake = await startFakeSlackApi();
    fake.fail('auth.test', 'invalid_auth');
    vi.stubEnv('SLACK_BOT_TOKEN', token);
    vi.stubEnv('SLACK_SIGNING_SECRET', 'abcdef0123456789abcdef');
    vi.stubEnv('SLACK_API_URL', fake.url);
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    const data = mkdtempSync(path.join(tmpdir(), 'slack-cmd-'));
    expect(await run(['--data', data, '--port', '0', '--host', '127.0.0.1'])).toBe(1);
    await fake.close();
    vi.stubEnv('SLACK_API_URL', 'http://127.0.0.1:1/api');
    expect(await run(['--data', data, '--port', '0', '--host', '127.0.0.1'])).toBe(1);
    const text = err.join('');
    expect(text.split('\n').filter((l) => l !== '')).toEqual([
      expect.stringMatching(/^clerk-agent slack: Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/),
      expect.stringMatching(/^clerk-agent slack: Cannot reach the Slack Web API at http:\/\/127\.0\.0\.1:1\/api\//),
    ]);
    expect(text).not.toContain(token);
  });
});
