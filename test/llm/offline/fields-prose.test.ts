/**
 * Fields said in prose (issue 15): durations in words, one claim of a JWT template described by its words, metadata
 * keys set with a gerund ("by setting x to y"), and a new organization name stated as news then referred to as
 * "that". Phrasings are invented here, not copied from the eval scenarios.
 */
import { describe, expect, it } from 'vitest';
import { applyClaimChange } from '../../../src/llm/offline/claim-change.js';
import { parseRequest, readMessage } from '../../../src/llm/offline/request.js';
import { withStatedName } from '../../../src/llm/offline/stated-value.js';

const parse = (text: string) => parseRequest(text, 0);

describe('JWT durations in words', () => {
  it.each([
    ['tokens from the grafana template should last three hours', { lifetime: 10800 }],
    ['the metabase JWT template should live for half an hour', { lifetime: 1800 }],
    [
      'tokens of the grafana template should live a day, and allow five seconds of clock skew',
      { lifetime: 86400, allowed_clock_skew: 5 },
    ],
  ])('%s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'named_update', resource: 'jwt', fields });
  });
});

describe('one claim of a JWT template, described in words', () => {
  it.each([
    [
      "in the grafana template the tenant id claim should be 'globex' instead of 'acme'",
      ['tenant', 'id'],
      'globex',
      'acme',
    ],
    ['set the org role claim of the metabase template to editor', ['org', 'role'], 'editor', undefined],
  ])('%s', (text, words, value, was) => {
    const intent = parse(text);
    expect(intent).toMatchObject({ kind: 'named_update', resource: 'jwt', fields: { claim_change: { words, value } } });
    expect((intent as unknown as { fields: { claim_change: { was?: unknown } } }).fields.claim_change.was).toBe(was);
  });

  const claims = {
    aud: 'grafana',
    'https://example.test/claims': { 'x-tenant-id': 'acme', 'x-tenant-name': 'Acme', 'x-org-role': 'user' },
    role: 'user',
  };

  it('changes the one nested key and keeps every other claim', () => {
    const r = applyClaimChange(claims, { words: ['tenant', 'id'], value: 'globex' });
    expect(r).toEqual({
      ok: true,
      path: ['https://example.test/claims', 'x-tenant-id'],
      claims: {
        ...claims,
        'https://example.test/claims': { ...claims['https://example.test/claims'], 'x-tenant-id': 'globex' },
      },
    });
    // the input is not mutated
    expect(claims['https://example.test/claims']['x-tenant-id']).toBe('acme');
  });

  it('refuses when the words fit several keys and the old value does not decide', () => {
    const r = applyClaimChange(claims, { words: ['tenant'], value: 'x' });
    expect(r.ok).toBe(false);
  });

  it('uses the old value to pick between keys the words fit', () => {
    const r = applyClaimChange(claims, { words: ['role'], value: 'viewer', was: 'user' });
    expect(r.ok).toBe(false); // both "role" and "x-org-role" hold "user": still ambiguous
    const one = applyClaimChange(claims, { words: ['tenant'], value: 'Globex', was: 'Acme' });
    expect(one).toMatchObject({ ok: true, path: ['https://example.test/claims', 'x-tenant-name'] });
  });

  it('says so when no key fits', () => {
    expect(applyClaimChange(claims, { words: ['plan'], value: 'pro' })).toMatchObject({ ok: false });
  });
});

describe('metadata keys set with a gerund', () => {
  it.each([
    [
      'mark sam@globex.test as a pilot user by setting pilot_user to true in his public metadata',
      { public_metadata: { pilot_user: true } },
    ],
    [
      'tag ann@acme.test as a partner, putting partner_tier to gold in her public metadata',
      { public_metadata: { partner_tier: 'gold' } },
    ],
  ])('%s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', fields });
  });
});

describe('a new organization name stated as news, then "that"', () => {
  it.each([
    [
      'Initech was renamed to Initech Global last week. Please change the org name to that.',
      'Initech',
      'Initech Global',
    ],
    [
      'Hooli is now called Hooli Cloud. Set the organization name to the new name and raise its member cap to 30.',
      'Hooli',
      'Hooli Cloud',
    ],
  ])('%s', (text, org, name) => {
    expect(parse(text)).toMatchObject({ kind: 'org_update', org: { kind: 'name', value: org }, fields: { name } });
  });

  it('leaves a message without the news as it was', () => {
    const plain = readMessage('Initech was fined last week. Please change the org name to that.');
    expect(withStatedName(plain)).toBe(plain);
  });
});

describe('a new value stated for a person, then "update it"', () => {
  it.each([
    [
      'Tom Nguyen changed his name. His new last name is Tran-Nguyen, please update his profile.',
      'Tom Nguyen',
      { last_name: 'Tran-Nguyen' },
    ],
    [
      'dave@acme.test asked us: her new username is dsmith2, can you change it?',
      'dave@acme.test',
      { username: 'dsmith2' },
    ],
  ])('%s', (text, who, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', target: { value: who }, fields });
  });

  it('does nothing when the message says not to update', () => {
    expect(parse("Ann Lee got married, her new last name is Smith but don't update it yet")).not.toMatchObject({
      kind: 'user_update',
    });
  });
});
