/**
 * Every resource's fields, said the way people say them: metadata in prose (a flag, a key removed with the null
 * that deletes it), OAuth scopes named by the field alone, JWT lifetime and skew, organization settings.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';

const parse = (text: string) => parseRequest(text, 0);

describe('fields in prose', () => {
  it('removes a metadata key with a null (Clerk deletes keys set to null)', () => {
    expect(parse("remove the 'region' key from jane@example.com's public metadata")).toMatchObject({
      kind: 'user_update',
      target: { kind: 'email', value: 'jane@example.com' },
      fields: { public_metadata: { region: null } },
    });
  });

  it('marks a flag as true', () => {
    expect(parse('mark jane@example.com as a beta_tester in public metadata')).toMatchObject({
      kind: 'user_update',
      fields: { public_metadata: { beta_tester: true } },
    });
  });

  it('reads "remove" without metadata as something else entirely', () => {
    expect(parse('remove jane@example.com from Globex')).toMatchObject({ kind: 'membership_remove' });
  });

  it('sets OAuth scopes when the field names the resource', () => {
    expect(parse('set the scopes of the Zapier Integration app to profile, email and public_metadata')).toMatchObject({
      kind: 'named_update',
      resource: 'oauth',
      ref: { kind: 'name', value: 'Zapier Integration' },
      fields: { scopes: 'profile email public_metadata' },
    });
  });

  it.each([
    ['set the lifetime of the supabase template to 120 seconds', { lifetime: 120 }],
    ["change the hasura template's clock skew to 10 seconds", { allowed_clock_skew: 10 }],
  ])('JWT template: %s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'named_update', resource: 'jwt', fields });
  });

  it.each([
    ['set max members of Globex to 50', { max_allowed_memberships: 50 }],
    ['change the slug of Initech to initech-corp', { slug: 'initech-corp' }],
  ])('organization: %s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'org_update', fields });
  });
});
