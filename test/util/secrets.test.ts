/**
 * The one secret rule: every secret form, alone, glued to a word, and inside JSON-encoded strings (once and twice
 * encoded), plus the ordinary words it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { containsSecret, isSecretField, redact, redactDeep } from '../../src/util/secrets.js';

const SECRETS = {
  'Clerk test key': 'sk_test_AbC123xyz0987654321QWERTY',
  'Clerk live key': 'sk_live_Q2xlcmtTZWNyZXRLZXlGb3JUZXN0czEy',
  'OpenAI legacy key': 'sk-AbCdEfGhIjKlMnOpQrStUvWx0123456789abcdef',
  'OpenAI project key': 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789',
  'Slack bot token': 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  'Slack user token': 'xoxp-123456789012-1234567890123-AbCdEf',
  'Slack app token': 'xapp-1-A0123456789-1234567890123-abcdef0123456789',
} as const;

/** The part of each secret that must never survive (the whole body after the prefix). */
const body = (secret: string) => secret.slice(8);

describe('redact: key shapes', () => {
  it.each(Object.entries(SECRETS))('%s: alone, in a sentence, after a newline, glued to a word', (_name, secret) => {
    for (const text of [secret, `the key is ${secret}.`, `line\n${secret}`, `(${secret})`, `token_${secret}`]) {
      const out = redact(text);
      expect(out, text).not.toContain(body(secret));
      expect(containsSecret(text), text).toBe(true);
    }
  });

  it.each(Object.entries(SECRETS))('%s: inside a JSON-encoded string, once and twice', (_name, secret) => {
    const once = JSON.stringify({ note: `rotated:\n${secret}\tdone` });
    const twice = JSON.stringify(once);
    for (const text of [once, twice]) {
      const out = redact(text);
      expect(out, text).not.toContain(body(secret));
      expect(JSON.parse(out), 'the text stays valid JSON').toBeTruthy();
    }
  });

  it('Clerk keys glued to a word are caught once the key body is long', () => {
    expect(redact(`CLERK_${SECRETS['Clerk live key']}`)).not.toContain('sk_live_');
    expect(redact(`prefix${SECRETS['Clerk live key']}`)).not.toContain('sk_live_');
  });

  it('bearer tokens and Authorization headers, in text and in JSON', () => {
    expect(redact('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]');
    expect(redact('authorization=Basic dXNlcjpwYXNzd29yZA==')).toBe('authorization=[redacted]');
    const json = JSON.stringify({ headers: { Authorization: 'Bearer eyJhbGciOi.payload.sig' } });
    expect(redact(json)).not.toContain('eyJhbGciOi');
    expect(redact(JSON.stringify(json))).not.toContain('eyJhbGciOi');
  });

  it('known values (the configured key, the state key) are replaced wherever they appear', () => {
    const stateKey = 'correct-horse-battery-staple';
    expect(redact(`signed with ${stateKey}!`, [stateKey])).toBe('signed with [redacted]!');
    expect(containsSecret(`x${stateKey}x`, [stateKey])).toBe(true);
    expect(containsSecret('nothing here', [stateKey])).toBe(false);
  });

  it('leaves ordinary words and identifiers alone', () => {
    const clean = [
      'task-force risk_level disk-usage clerk_user_ban',
      'task_test_runner and disk_live_view',
      'password_enabled: true, skip_password_checks=false',
      'the key is in the drawer; a token of thanks',
      'publishable_key: pk_test_Y2xlcmsuZXhhbXBsZS5jb20k',
      'user_2abcDEF orgmem_123 inv_456 sess_789',
    ];
    for (const text of clean) {
      expect(redact(text), text).toBe(text);
      expect(containsSecret(text), text).toBe(false);
    }
  });
});

describe('redact: secret-named fields in text', () => {
  it.each([
    ['password: hunter2', 'password: [redacted]'],
    ['password=hunter2&next=1', 'password=[redacted]&next=1'],
    ["client_secret='abc def'", "client_secret='[redacted]'"],
    ['CLERK_AGENT_STATE_KEY=s3cr3t-value', 'CLERK_AGENT_STATE_KEY=[redacted]'],
    ['SLACK_SIGNING_SECRET: 8f7e6d', 'SLACK_SIGNING_SECRET: [redacted]'],
    ['{ stripeSecretKey: "rk_abc" }', '{ stripeSecretKey: "[redacted]" }'],
    ['passwordless: true, password_hasher=bcrypt', 'passwordless: true, password_hasher=bcrypt'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('JSON fields keep their quotes, once and twice encoded', () => {
    const once = JSON.stringify({ user: 'jane', password: 'hunter2 with spaces', signing_key: 'abc' });
    expect(JSON.parse(redact(once))).toEqual({ user: 'jane', password: '[redacted]', signing_key: '[redacted]' });
    const twice = JSON.stringify(once);
    expect(JSON.parse(JSON.parse(redact(twice)))).toEqual({
      user: 'jane',
      password: '[redacted]',
      signing_key: '[redacted]',
    });
  });

  it('leaves JSON literals and empty values alone, and finds a pair inside another value', () => {
    const json = JSON.stringify({ password: null, api_key: '', enabled: true, note: 'password: hunter2' });
    expect(JSON.parse(redact(json))).toEqual({
      password: null,
      api_key: '',
      enabled: true,
      note: 'password: [redacted]',
    });
  });

  it('long hex values in key-named fields (an HMAC key), but not short or non-hex ones', () => {
    const hex = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(redact(`hmac_key=${hex}`)).toBe('hmac_key=[redacted]');
    expect(redact(JSON.stringify({ webhook_token: hex }))).toBe('{"webhook_token":"[redacted]"}');
    expect(redact('idempotency_key=abc123')).toBe('idempotency_key=abc123');
  });

  it('is idempotent: redacted text has nothing left to redact', () => {
    const text = `password: x, ${SECRETS['Clerk test key']}, Authorization: Bearer abc, {"api_key":"k"}`;
    const once = redact(text);
    expect(redact(once)).toBe(once);
    expect(containsSecret(once)).toBe(false);
  });
});

describe('redactDeep', () => {
  it('masks secret-named fields and secret-shaped strings, returns clean input itself, never mutates', () => {
    const clean = { a: 1, b: ['x'], password_enabled: true };
    expect(redactDeep(clean)).toBe(clean);
    const dirty = {
      args: { password: 'hunter22', note: `key ${SECRETS['Clerk test key']}` },
      list: [SECRETS['OpenAI project key']],
      env: { OPENAI_API_KEY: 'anything', CLERK_AGENT_STATE_KEY: 'x'.repeat(10) },
      hmac: { state_hmac_key: 'ab'.repeat(32), key_id: 'ab'.repeat(32) },
      empty: { password: '' },
    };
    expect(redactDeep(dirty)).toEqual({
      args: { password: '[redacted]', note: 'key [redacted Clerk key]' },
      list: ['[redacted API key]'],
      env: { OPENAI_API_KEY: '[redacted]', CLERK_AGENT_STATE_KEY: '[redacted]' },
      hmac: { state_hmac_key: '[redacted]', key_id: 'ab'.repeat(32) },
      empty: { password: '' },
    });
    expect(dirty.args.password).toBe('hunter22');
  });

  it('passes known values down', () => {
    expect(redactDeep({ a: ['my-known-secret-value'] }, ['my-known-secret-value'])).toEqual({ a: ['[redacted]'] });
  });

  it('isSecretField names the fields whatever their value', () => {
    const secret = [
      'password',
      'client_secret',
      'CLERK_SECRET_KEY',
      'SLACK_BOT_TOKEN',
      'totp_secret',
      'stripeSecretKey',
    ];
    for (const name of [...secret, 'apiKey', 'client-secret', 'hashed_password'])
      expect(isSecretField(name), name).toBe(true);
    for (const name of ['password_enabled', 'publishable_key', 'secretive', 'token_count', 'first_name', 'monkey'])
      expect(isSecretField(name), name).toBe(false);
  });
});
