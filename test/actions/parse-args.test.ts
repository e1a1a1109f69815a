import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/actions/define-action.js';
import { allActions } from '../../src/actions/index.js';
import { parseToolArguments } from '../../src/actions/parse-args.js';

const action = (name: string): Action => allActions.find((a) => a.name === name)!;
const ok = (name: string, raw: string) => {
  const result = parseToolArguments(action(name), raw);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.args;
};
const fail = (name: string, raw: string) => {
  const result = parseToolArguments(action(name), raw);
  if (result.ok) throw new Error(`expected failure, got args ${JSON.stringify(result.args)}`);
  return result.message;
};

describe('parseToolArguments', () => {
  it('strips the nulls a strict-mode model sends for absent optionals', () => {
    const args = ok(
      'clerk_users_list',
      JSON.stringify({ query: 'jane', banned: null, limit: null, email_address: null, offset: 0 }),
    );
    expect(args).toEqual({ query: 'jane', offset: 0 });
    expect(Object.keys(args)).not.toContain('banned');
  });

  it('names the field, the expected type and the received value on a wrong type', () => {
    const message = fail('clerk_users_list', '{"limit":"ten"}');
    expect(message).toContain('clerk_users_list');
    expect(message).toContain('limit: expected a number, received "ten" (string)');
  });

  it('explains non-integers, out-of-range values and bad enum values', () => {
    expect(fail('clerk_users_list', '{"limit":2.5}')).toContain('limit: expected an integer, received 2.5 (number)');
    expect(fail('clerk_users_list', '{"limit":1000}')).toMatch(/limit: must be 1–500.*received 1000 \(number\)/);
    expect(fail('clerk_sessions_list', '{"status":"zombie"}')).toMatch(
      /status: expected one of "active" \| "revoked" .*received "zombie"/,
    );
    expect(
      fail(
        'clerk_org_invitation_create',
        '{"organization_id":"org_1","email_address":"a@b.c","role":"org:member","expires_in_days":999}',
      ),
    ).toMatch(/expires_in_days: .*365.*received 999/);
  });

  it('reports a missing required field', () => {
    expect(fail('clerk_user_ban', '{}')).toContain('user_id: required, expected a string, received nothing');
    expect(fail('clerk_user_ban', '{"user_id":null}')).toContain('user_id: required');
  });

  it('points at the element of an array', () => {
    expect(fail('clerk_users_list', '{"email_address":["a@b.c",3]}')).toContain(
      'email_address.1: expected a string, received 3 (number)',
    );
  });

  it('gives a clear message for malformed JSON, with an example', () => {
    const message = fail('clerk_user_ban', '{"user_id": "user_1"');
    expect(message).toMatch(/^Arguments for clerk_user_ban are not valid JSON \(/);
    expect(message).toContain('e.g. {"user_id":"…"}');
  });

  it('rejects JSON that is not an object', () => {
    expect(fail('clerk_user_ban', '["user_1"]')).toContain('must be a JSON object, received ["user_1"] (array)');
    expect(fail('clerk_user_ban', '42')).toContain('received 42 (number)');
  });

  it('treats empty arguments as {}', () => {
    expect(ok('clerk_blocklists_list', '')).toEqual({});
    expect(ok('clerk_domains_list', '  ')).toEqual({});
    expect(fail('clerk_user_get', '')).toContain('user_id: required');
  });

  it('rejects unknown fields and lists the allowed ones', () => {
    const message = fail('clerk_user_ban', '{"user_id":"user_1","reason":"spam"}');
    expect(message).toContain('unknown field "reason" (allowed: user_id)');
  });

  it('rejects __proto__ as an ordinary unknown field without polluting prototypes', () => {
    const message = fail('clerk_user_ban', '{"user_id":"user_1","__proto__":{"polluted":true}}');
    expect(message).toContain('unknown field "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects ids that would change the URL (empty, slashes, dot segments, spaces)', () => {
    for (const bad of ['', '..', '.', 'user_1/ban', 'a b', 'x?y']) {
      expect(fail('clerk_user_delete', JSON.stringify({ user_id: bad }))).toMatch(/user_id: must be an id/);
    }
    expect(ok('clerk_organization_get', '{"organization_id":"acme"}')).toEqual({ organization_id: 'acme' });
  });

  it('turns metadata JSON strings into real objects and keeps nulls inside them (null deletes a key)', () => {
    const args = ok(
      'clerk_user_update',
      JSON.stringify({ user_id: 'user_1', public_metadata: '{"plan":"pro","old":null}', first_name: null }),
    );
    expect(args).toEqual({ user_id: 'user_1', public_metadata: { plan: 'pro', old: null } });
  });

  it('also accepts a metadata object (lenient models) and keeps its nulls', () => {
    const args = ok(
      'clerk_organization_update',
      JSON.stringify({ organization_id: 'org_1', private_metadata: { tier: null, seats: 5 } }),
    );
    expect(args).toEqual({ organization_id: 'org_1', private_metadata: { tier: null, seats: 5 } });
  });

  it('explains metadata that is not a JSON object', () => {
    expect(fail('clerk_user_update', '{"user_id":"u_1","public_metadata":"plan=pro"}')).toContain(
      'public_metadata: expected a JSON object as a string',
    );
    expect(fail('clerk_user_update', '{"user_id":"u_1","public_metadata":"[1,2]"}')).toContain(
      'public_metadata: expected a JSON object',
    );
    expect(fail('clerk_user_update', '{"user_id":"u_1","public_metadata":7}')).toContain(
      'public_metadata: expected a JSON object as a string, e.g. "{\\"plan\\":\\"pro\\"}", received 7 (number)',
    );
  });

  it('parses JWT claims into an object', () => {
    const args = ok(
      'clerk_jwt_template_create',
      JSON.stringify({
        name: 'hasura',
        claims: '{"role":"{{user.public_metadata.role}}"}',
        lifetime: null,
        allowed_clock_skew: null,
      }),
    );
    expect(args).toEqual({ name: 'hasura', claims: { role: '{{user.public_metadata.role}}' } });
  });

  it('fills in hidden constants the API requires', () => {
    expect(ok('clerk_domain_create', '{"name":"blog.example.com","proxy_url":null}')).toEqual({
      name: 'blog.example.com',
      is_satellite: true,
    });
  });

  it('is idempotent: validated args validate again to the same values', () => {
    const samples: Array<[string, string]> = [
      ['clerk_user_update', JSON.stringify({ user_id: 'user_1', unsafe_metadata: '{"a":{"b":1}}' })],
      ['clerk_domain_create', '{"name":"x.example.com"}'],
      ['clerk_jwt_template_update', JSON.stringify({ template_id: 'jtmp_1', name: 'n', claims: '{}' })],
    ];
    for (const [name, raw] of samples) {
      const args = ok(name, raw);
      const again = action(name).params.safeParse(args);
      expect(again.success).toBe(true);
      expect(again.data).toEqual(args);
    }
  });

  it('caps the number of listed problems', () => {
    const raw = JSON.stringify({
      a: 1,
      limit: 'x',
      offset: 'y',
      banned: 'z',
      query: 1,
      name_query: 2,
      username: 3,
      phone_number: 4,
    });
    const message = fail('clerk_users_list', raw);
    expect(message).toMatch(/\(and \d+ more\)/);
  });
});
