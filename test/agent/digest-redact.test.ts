import { describe, expect, it } from 'vitest';
import { argsDigest, canonicalJson } from '../../src/agent/digest.js';
import { redact, redactDeep } from '../../src/util/secrets.js';

describe('canonicalJson / argsDigest', () => {
  it('ignores key order at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(argsDigest('clerk_user_ban', { a: 1, b: 2 })).toBe(argsDigest('clerk_user_ban', { b: 2, a: 1 }));
  });

  it('changes with the action or any argument', () => {
    const base = argsDigest('clerk_user_ban', { user_id: 'user_1' });
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(argsDigest('clerk_user_delete', { user_id: 'user_1' })).not.toBe(base);
    expect(argsDigest('clerk_user_ban', { user_id: 'user_2' })).not.toBe(base);
    expect(argsDigest('clerk_user_ban', { user_id: 'user_1', extra: true })).not.toBe(base);
  });
});

describe('redact', () => {
  it('scrubs Clerk, OpenAI and Slack keys and bearer tokens', () => {
    const text =
      'a sk_test_AbC123xyz b sk_live_Q9 c sk-proj-abcdefgh12 d xoxb-123-abc e Authorization: Bearer abc.def-ghi';
    const out = redact(text);
    expect(out).not.toMatch(/sk_(test|live)_|sk-proj|xoxb-|abc\.def/);
    expect(out).toContain('Bearer [redacted]');
  });

  it('leaves ordinary words alone', () => {
    expect(redact('task-force risk_level disk-usage clerk_user_ban')).toBe(
      'task-force risk_level disk-usage clerk_user_ban',
    );
  });

  it('deep-redacts values and secret fields, returning clean input unchanged', () => {
    const clean = { a: 1, b: ['x'] };
    expect(redactDeep(clean)).toBe(clean);
    const dirty = { args: { password: 'hunter22', note: 'key sk_test_zzz' }, list: ['sk-abcdefghijk'] };
    expect(redactDeep(dirty)).toEqual({
      args: { password: '[redacted]', note: 'key [redacted Clerk key]' },
      list: ['[redacted API key]'],
    });
    expect(dirty.args.password).toBe('hunter22'); // the input is not modified
  });
});
