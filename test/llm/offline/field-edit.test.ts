/**
 * The one field reader (field-edit.ts): every field of every resource, its value said in any of the usual ways.
 * Phrasings are invented (five shapes per request: terse, key=value, stated, hedged, pasted), never scenario text.
 * The table's parameter names are checked against the real update actions, so the reader can only ever propose a
 * parameter the API accepts.
 */
import { describe, expect, it } from 'vitest';
import { allActions } from '../../../src/actions/index.js';
import { FIELD_WORDS } from '../../../src/llm/offline/lexicon.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import type { Intent } from '../../../src/llm/offline/intent-types.js';

const NOW = Date.UTC(2026, 10, 15);
const parse = (text: string): Intent => parseRequest(text, NOW);

/** The text is an update of the named resource `name` with exactly `fields`. */
function expectNamedUpdate(text: string, fields: Record<string, unknown>, name: string): void {
  const i = parse(text);
  expect(i.kind).toBe('named_update');
  if (i.kind === 'named_update') {
    expect(i.fields).toEqual(fields);
    expect(i.ref?.value.toLowerCase()).toBe(name);
  }
}

describe('the field table is the API schema', () => {
  const UPDATE = {
    org: 'clerk_organization_update',
    user: 'clerk_user_update',
    jwt: 'clerk_jwt_template_update',
    oauth: 'clerk_client_update',
  } as const;
  it.each(FIELD_WORDS.map((w) => [w.resource, w.param] as const))(
    '%s.%s is a parameter of its update action',
    (r, p) => {
      const action = allActions.find((a) => a.name === UPDATE[r]);
      expect(Object.keys(action!.params.shape)).toContain(p);
    },
  );
});

describe('organization fields', () => {
  it.each([
    [
      'umbrella: name="Umbrella Group", max_allowed_memberships=80',
      { name: 'Umbrella Group', max_allowed_memberships: 80 },
    ],
    ['umbrella org: slug = umbrella-group', { slug: 'umbrella-group' }],
    ['set the seat limit of the Umbrella org to 80', { max_allowed_memberships: 80 }],
    ["Umbrella's member cap should be 80 now", { max_allowed_memberships: 80 }],
    [
      'for the umbrella org, name = "Umbrella Group" and slug = umbrella-group',
      { name: 'Umbrella Group', slug: 'umbrella-group' },
    ],
  ])('%s', (text, fields) => {
    const i = parse(text);
    expect(i.kind).toBe('org_update');
    if (i.kind === 'org_update') {
      expect(i.fields).toEqual(fields);
      expect(i.org?.value.toLowerCase()).toBe('umbrella');
    }
  });

  it.each([
    'our workspace "Umbrella" should now read "Umbrella Group"',
    'the Umbrella workspace should be called Umbrella Group from now on',
    'Hi, quick one. Our company "Umbrella" should now be named "Umbrella Group". Thanks, Ada',
    'the "Umbrella" org needs to be renamed to Umbrella Group',
    'rename the Umbrella org to Umbrella Group',
  ])('a new name said of the organization itself: %s', (text) => {
    const i = parse(text);
    expect(i).toEqual({
      kind: 'org_update',
      org: { kind: 'name', value: 'Umbrella' },
      fields: { name: 'Umbrella Group' },
    });
  });
});

describe('OAuth scopes are edited, never the app deleted', () => {
  it.each([
    ['drop public_metadata from the Relay oauth app scopes', { remove_scopes: ['public_metadata'] }],
    ['the oauth app called relay: remove public_metadata from its scopes', { remove_scopes: ['public_metadata'] }],
    ['relay oauth app scopes -> profile email', { scopes: 'profile email' }],
    ['for the Relay oauth app set the scopes to exactly profile, email', { scopes: 'profile email' }],
    ['add the openid scope to the Relay oauth app', { add_scopes: ['openid'] }],
  ])('%s', (text, fields) => expectNamedUpdate(text, fields, 'relay'));
});

describe('JWT template times', () => {
  it.each([
    ['hasura jwt: lifetime = 10 minutes', { lifetime: 600 }],
    ['the hasura template clock skew should be 20s', { allowed_clock_skew: 20 }],
    ['hasura jwt template lifetime -> 3600', { lifetime: 3600 }],
    ['bump the lifetime of the hasura template to 2 hours', { lifetime: 7200 }],
    ['set the hasura jwt template allowed_clock_skew to 15', { allowed_clock_skew: 15 }],
  ])('%s', (text, fields) => expectNamedUpdate(text, fields, 'hasura'));
});

describe('a value that is pointed at, not written, is never read as the value', () => {
  it.each(['umbrella: slug -> the new one', 'umbrella org: name = something'])('%s', (text) => {
    const i = parse(text);
    expect(JSON.stringify(i)).not.toMatch(/"name":"that"|"slug":"the new one"/);
  });
});

describe('what an OAuth app may still read is its scope list (the word "scopes" unsaid)', () => {
  it.each([
    ['the relay oauth app shouldnt get public_metadata anymore, just profile + email', { scopes: 'profile email' }],
    ['ops note: the Relay integration should only keep profile and email', { scopes: 'profile email' }],
    ['Relay app must not read private metadata any more', { remove_scopes: ['private_metadata'] }],
    [
      "after the audit — the Relay integration shouldn't be able to read public metadata",
      { remove_scopes: ['public_metadata'] },
    ],
    ['relay oauth app: only profile, email', { scopes: 'profile email' }],
  ])('%s', (text, fields) => expectNamedUpdate(text, fields, 'relay'));
});

describe('a second field after "and" shares the first one\'s verb', () => {
  it.each([
    ['umbrella org: name should be Umbrella Group and the slug umbrella-group'],
    ['for the umbrella org the name needs to be Umbrella Group and the slug umbrella-group'],
    ['umbrella rebranded. name shld be Umbrella Group and the slug umbrella-group'],
  ])('%s', (text) => {
    const i = parse(text);
    expect(i.kind === 'org_update' && i.fields).toEqual({ name: 'Umbrella Group', slug: 'umbrella-group' });
  });
});

describe('metadata said in prose', () => {
  it.each([
    [
      "umbrella renewed. set their org's plan to gold in the public metadata",
      'org_update',
      { public_metadata: { plan: 'gold' } },
    ],
    [
      'clear out the legacy_id in ana@k.test private metadata',
      'user_update',
      { private_metadata: { legacy_id: null } },
    ],
    [
      'remove the legacy_id thing from ana@k.test private metadata',
      'user_update',
      { private_metadata: { legacy_id: null } },
    ],
    ["set ana@k.test's tier to gold in her public metadata", 'user_update', { public_metadata: { tier: 'gold' } }],
  ])('%s', (text, kind, fields) => {
    const i = parse(text);
    expect(i.kind).toBe(kind);
    expect('fields' in i && i.fields).toEqual(fields);
  });
});

describe('a quoted error message is not a template name', () => {
  it('the template named next to the word "template" wins', () => {
    const i = parse("seeing 'clock skew detected' errors. bump the allowed clock skew on the hasura templat to 20 sec");
    expect(i).toMatchObject({ kind: 'named_update', ref: { value: 'hasura' }, fields: { allowed_clock_skew: 20 } });
  });
});

describe('the member limit said as a count', () => {
  it.each([
    ['Umbrella Corp renewed. Could we maybe bump their organization to allow 30 memberships?', 'Umbrella Corp'],
    ['umbrella downgraded, so their organization should be capped at 30 memberships from now on', undefined],
    ['umbrella upgraded their plan so they can have up to 30 ppl in their org now. pls raise the limit', 'umbrella'],
    ['please limit the Umbrella org to 30 members', 'Umbrella'],
    [
      "Umbrella Corp currently has no cap. Their contract says 30 seats. Could we set their organization's maximum memberships to 30?",
      'Umbrella Corp',
    ],
  ])('%s', (text, org) => {
    const i = parse(text);
    expect(i.kind).toBe('org_update');
    if (i.kind === 'org_update') {
      expect(i.fields).toEqual({ max_allowed_memberships: 30 });
      if (org) expect(i.org?.value).toBe(org);
    }
  });
});

describe('support-desk wording', () => {
  it.each([
    [
      "as per change request CR-12 kindly rename the OAuth application 'Relay' as 'Relay (old)'",
      { name: 'Relay (old)' },
    ],
    [
      'user Ana Kim (ana@k.test) is requesting to change her username from anak to ana.kim. Kindly do the needful.',
      { username: 'ana.kim' },
    ],
    [
      'customer Umbrella Corp is wanting their URL slug to be umbrella-corp instead of umbrella. Kindly update.',
      { slug: 'umbrella-corp' },
    ],
  ])('%s', (text, fields) => {
    const i = parse(text);
    expect('fields' in i && i.fields).toEqual(fields);
  });

  it('"we are requesting that all users at @x are locked" is the bulk lock of that domain', () => {
    const i = parse(
      'As a precaution we are requesting that all the users whose email id is ending with @leaky.test are locked till further notice.',
    );
    expect(i).toMatchObject({ kind: 'bulk_user_action', action: 'clerk_user_lock', domain: 'leaky.test' });
  });
  it('"ending" is a word, never corrected to "pending"', () => {
    expect(JSON.stringify(parse('lock every user whose email is ending with @leaky.test'))).not.toMatch(/pending/);
  });
});

describe('a question or a description of a field changes nothing', () => {
  it.each([
    'Is it possible that the tokens from the hasura template really live only about a minute?',
    'what is the lifetime set on the hasura template exactly?',
    'the token we mint from the hasura JWT template expires after a minute',
    'does the umbrella org have a member cap of 30?',
  ])('%s', (text) => {
    expect(JSON.stringify(parse(text))).not.toMatch(/named_update|org_update/);
  });
  it('the field named in the request wins over a time only described', () => {
    const i = parse(
      "the token from the hasura JWT template expires after a minute. Could we maybe raise that template's lifetime to five minutes?",
    );
    expect(i).toMatchObject({ kind: 'named_update', ref: { value: 'hasura' }, fields: { lifetime: 300 } });
  });
  it('a lead-in before a colon is no metadata key', () => {
    const i = parse(
      'A bit of context: we open the beta next week and the flag reads beta_tester from public metadata. Please set beta_tester = true in ana@k.test public metadata.',
    );
    expect(JSON.stringify(i)).not.toContain('"context"');
  });
});

describe('a URL an OAuth app should accept is one more redirect URI', () => {
  it.each([
    'The fix is to also allow https://stage.relay.test/cb on the Relay OAuth app.',
    'please also allow https://stage.relay.test/cb on the Relay oauth app, keep the old one',
    'Relay oauth app: also accept https://stage.relay.test/cb',
  ])('%s', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'named_update',
      ref: { value: 'Relay' },
      fields: { add_redirect_uris: ['https://stage.relay.test/cb'] },
    });
  });
});

describe('a claim whose value is a template expression', () => {
  it.each([
    'Please add a claim called team_id with the value {{org.id}} to the hasura JWT template, keep the others',
    'So, is it possible that we add a claim team_id with the value {{org.id}} to the hasura JWT template?',
    'add the claim team_id = {{org.id}} to the hasura template',
  ])('%s', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'named_update',
      ref: { value: 'hasura' },
      fields: { claim_change: { key: 'team_id', value: '{{org.id}}' } },
    });
  });
  it('broken JSON is still reported', () => {
    expect(parse('set ana@k.test public metadata to {plan: }')).toMatchObject({ kind: 'unknown' });
  });
});
