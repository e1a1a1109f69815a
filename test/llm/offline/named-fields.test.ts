/**
 * Round 4 (issue 15): field edits on OAuth applications and JWT templates, one cause per block, five invented
 * phrasings per cause in different voices (terse, hedged, pasted mail, typo'd/notes, subject-first). Never
 * scenario text. Each block names the general cause the rule removes.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import type { Intent } from '../../../src/llm/offline/intent-types.js';
import { SEED_FACTS as F } from '../../../src/sandbox/index.js';
import { createStack } from './drive.js';

const NOW = Date.UTC(2026, 10, 15);
const parse = (text: string): Intent => parseRequest(text, NOW);

function update(text: string): { ref?: string; fields: Record<string, unknown> } {
  const i = parse(text);
  expect(i.kind).toBe('named_update');
  if (i.kind !== 'named_update') return { fields: {} };
  return { ...(i.ref ? { ref: i.ref.value.toLowerCase() } : {}), fields: i.fields };
}

describe('a new name ends where the sentence goes on (new-name.ts)', () => {
  // Cause: a rename's value ran to the end of the clause, so a courtesy, a purpose or a second request became
  // part of the name.
  it.each([
    ['rename the Metrics Hub oauth app to Data Hub please', 'data hub'],
    [
      'Hi team, could you rename the Metrics Hub OAuth app to "Data Hub" so partners see the new brand? Thanks, Ravi',
      'data hub',
    ],
    ['the Metrics Hub OAuth app should now be called Data Hub, nothing else changes', 'data hub'],
    ['Metrics Hub oauth app needs to be renamed to Data Hub because marketing asked', 'data hub'],
    ["The OAuth app with 'metrics' in its name - rename it to Data Hub pls", 'data hub'],
  ])('%s', (text, name) => {
    const u = update(text);
    expect(String(u.fields.name).toLowerCase()).toBe(name);
    expect(u.ref).toMatch(/metrics/);
  });
});

describe('a scope list holds scope names only (scope-names.ts)', () => {
  // Cause: any word after "scope" ("too", "also", "anymore") was read as a scope name; a scope added later in
  // the same clause was lost.
  it.each([
    ["rename the Metrics Hub OAuth app to 'Data Hub' and grant it the openid scope too", ['openid'], 'Data Hub'],
    ['for the Metrics Hub oauth app, add the offline_access scope as well', ['offline_access'], undefined],
    ['Metrics Hub oauth app: grant it offline_access as well', ['offline_access'], undefined],
    ['please give the Metrics Hub OAuth app the private_metadata scope too', ['private_metadata'], undefined],
    ['rename the Metrics Hub oauth app to Data Hub, and hand it the openid scope too', ['openid'], 'Data Hub'],
  ])('%s', (text, scopes, name) => {
    const u = update(text);
    expect(u.fields.add_scopes).toEqual(scopes);
    expect(u.fields.scopes).toBeUndefined();
    expect(u.fields.name).toBe(name);
  });

  // Cause: a scope removed by its API name alone ("drop private_metadata") next to the app's scope list.
  it.each([
    ['metrics app -> scopes only profile + email. drop private_metadata', 'profile email', ['private_metadata']],
    [
      'The Metrics Hub oauth app: scopes just profile and email. remove private_metadata',
      'profile email',
      ['private_metadata'],
    ],
    ['metrics app: scopes = profile, email\nstrip openid', 'profile email', ['openid']],
  ])('%s', (text, scopes, removed) => {
    const u = update(text);
    expect(u.ref).toMatch(/metrics/);
    expect(u.fields.scopes).toBe(scopes);
    expect(u.fields.remove_scopes).toEqual(removed);
  });

  it('keeps "drop his public metadata" a user metadata request, never a scope edit', () => {
    const i = parse('drop his public metadata');
    expect(i.kind === 'named_update').toBe(false);
  });
});

describe('an app named by a lower-case word before "app" (intents-named.ts)', () => {
  it.each([
    ['metrics app shouldnt see private metadata anymore'],
    ['the metrics app should not get private_metadata any more'],
    ['fyi metrics app must no longer read private metadata'],
    ['set the metrics app scopes to profile email'],
    ['metrics app -> scopes only profile + email'],
  ])('%s', (text) => {
    expect(update(text).ref).toBe('metrics');
  });
});

describe('a new claim: key and value said apart (claim-change.ts)', () => {
  // Cause: the key said before "claim" or quoted after "called", the value after the template's name.
  it.each([
    ['add a "tier" claim to the grafana template with the value {{user.public_metadata.tier}}', 'tier'],
    [
      'Hello! Could the grafana JWT template also include a claim called "tier" whose value is {{user.public_metadata.tier}}? Thanks',
      'tier',
    ],
    ['grafana jwt - add a new tier claim, value = {{user.public_metadata.tier}}', 'tier'],
    ['we would like the grafana template to include a claim named tier set to {{user.public_metadata.tier}}', 'tier'],
    ['pls add an "tier" claim into the grafana template, with value {{user.public_metadata.tier}}', 'tier'],
  ])('%s', (text, key) => {
    const u = update(text);
    expect(u.ref).toBe('grafana');
    expect(u.fields.claim_change).toEqual({ words: [], key, value: '{{user.public_metadata.tier}}' });
  });
});

describe('a claim named by its own key (claim-change.ts)', () => {
  // Cause: a claim key written as a key (with - or _) and no word "claim" was not read as a claim change.
  it.each([
    ["grafana jwt template: x-grafana-team needs to say 'ops' now instead of 'dev'", 'ops', 'dev'],
    ['in the grafana template set x-grafana-team to ops', 'ops', undefined],
    ['grafana template -- x-grafana-team should now be ops', 'ops', undefined],
    ["Hi, on the grafana JWT template the x-grafana-team should read 'ops' rather than 'dev'. Thanks!", 'ops', 'dev'],
    ['on the grafana jwt, x-grafana-team = ops (was dev)', 'ops', undefined],
  ])('%s', (text, value, was) => {
    const u = update(text);
    expect(u.ref).toBe('grafana');
    expect(u.fields.claim_change).toEqual({
      words: ['x', 'grafana', 'team'],
      value,
      ...(was !== undefined ? { was } : {}),
    });
  });

  it('reads hyphenated English before a colon as no claim ("follow-up: …")', () => {
    const u = update('Audit follow-up: the grafana template tokens should live 5 minutes');
    expect(u.fields).toEqual({ lifetime: 300 });
  });
});

describe('a duration said from the old value to the new one (intents-named.ts jwtTimes)', () => {
  // Cause: "lifetime 60s -> 300s" took the first number (the old value).
  it.each([
    ['- grafana jwt: lifetime 60s -> 300s', { lifetime: 300 }],
    ['grafana template lifetime from 60 to 120 seconds please', { lifetime: 120 }],
    ['grafana jwt ttl 1 hour → 2 hours', { lifetime: 7200 }],
    ['set the grafana template clock skew 5s -> 10s', { allowed_clock_skew: 10 }],
    ['grafana template: token lifetime 300 => 900', { lifetime: 900 }],
  ])('%s', (text, fields) => {
    const u = update(text);
    expect(u.ref).toBe('grafana');
    expect(u.fields).toEqual(fields);
  });
});

describe('an OAuth app described by where it redirects (intents-named.ts redirectRef, plan-named.ts)', () => {
  // Cause: an app named by its redirect host, not its name, found nothing to look up.
  it.each([
    ['the OAuth app that redirects to partner.example.org — require PKCE on it', { pkce_required: true }],
    [
      'turn off the consent screen on the app whose callback is on partner.example.org',
      { consent_screen_enabled: false },
    ],
    ['require PKCE for the integration that sends people back to partner.example.org', { pkce_required: true }],
    ['pls enable pkce on the oauth app with a callback at https://partner.example.org/cb', { pkce_required: true }],
    ['make the app which points to partner.example.org a public client', { public: true }],
  ])('%s', (text, fields) => {
    const i = parse(text);
    expect(i).toMatchObject({
      kind: 'named_update',
      resource: 'oauth',
      ref: { value: 'partner.example.org', where: 'redirect' },
      fields,
    });
    // The URL that only says which app is meant never becomes a new redirect URI.
    if (i.kind === 'named_update') expect(i.fields.redirect_uris).toBeUndefined();
  });
});

describe('the planner acts only on the app whose redirect URI is on the host', () => {
  it('changes the one app redirecting to the host, after reading the list', async () => {
    const stack = createStack();
    const turn = await stack.say('the OAuth app that redirects to zapier.com - require PKCE on it');
    expect(turn.reads.map((r) => r.action)).toContain('clerk_clients_list');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_client_update']);
    expect(turn.pending[0]!.args).toEqual({ oauth_application_id: F.oauthApplications.zapier.id, pkce_required: true });
  });

  it('changes nothing when no app redirects to the host', async () => {
    const stack = createStack();
    const turn = await stack.say('the OAuth app that redirects to nowhere.example.net - require PKCE on it');
    expect(turn.pending).toEqual([]);
    expect(stack.sandbox.requests.filter((r) => r.mutating)).toEqual([]);
    expect(turn.text).toMatch(/No OAuth application has a redirect URI on nowhere\.example\.net/);
  });
});

describe('one claim removed, never the template (claim-change.ts parseClaimRemoval)', () => {
  // Cause: "remove the K claim from T" read as deleting template T.
  it.each([
    ['remove the tier claim from the grafana template', ['tier']],
    ['Hi - could you take the tier claim out of the grafana JWT template? It is no longer used. Thanks', ['tier']],
    ['grafana template -> drop claim tier', ['tier']],
    ["delete the grafana template's x-grafana-team claim", ['x', 'grafana', 'team']],
    ["grafana jwt: remove claim 'x-grafana-team' please", ['x', 'grafana', 'team']],
  ])('%s', (text, words) => {
    const u = update(text);
    expect(u.ref).toBe('grafana');
    expect(u.fields.claim_change).toEqual({ words, value: null, remove: true });
  });

  it('a claim removal whose claim cannot be read changes nothing (no delete of the template)', () => {
    expect(parse('delete the claims of the grafana template')).not.toMatchObject({ kind: 'named_delete' });
  });

  it('the planner sends the template with that one claim gone and every other claim kept', async () => {
    const stack = createStack();
    const turn = await stack.say('supabase template: drop the email claim, keep the others');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_jwt_template_update']);
    const sent = turn.pending[0]!.args.claims;
    const claims = (typeof sent === 'string' ? JSON.parse(sent) : sent) as Record<string, unknown>;
    expect(claims).toEqual({ aud: 'authenticated', role: 'authenticated', app_metadata: { provider: 'clerk' } });
  });
});

describe('a scope the app must no longer have (scope-names.ts deniedScopes)', () => {
  // Cause: "no longer needs / doesn't use X" named no verb the scope readers knew; a scope edit on an app named
  // without the word "OAuth" was read as a membership change.
  it.each([
    ['the metrics integration no longer needs the email scope', ['email']],
    ['metrics app doesnt use openid any more, please take it off', ['openid']],
    ['FYI the metrics app does not need private metadata', ['private_metadata']],
    ['remove the email scope from the metrics app', ['email']],
    ['Hello, our metrics app should not access public metadata. Regards, Kim', ['public_metadata']],
  ])('%s', (text, removed) => {
    const u = update(text);
    expect(u.ref).toBe('metrics');
    expect(u.fields.remove_scopes).toEqual(removed);
  });

  it('a question about a scope changes nothing', () => {
    expect(parse('does the metrics app still need the email scope?').kind).not.toBe('named_update');
  });
});

describe('OAuth flags said as "field on/off"', () => {
  it.each([
    ['Metrics Hub oauth app -> consent screen on', { consent_screen_enabled: true }],
    ['Metrics Hub oauth app: consent screen off', { consent_screen_enabled: false }],
    ['Metrics Hub OAuth app, pkce required', { pkce_required: true }],
  ])('%s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'named_update', resource: 'oauth', fields });
  });
});

describe("scopes moved into or out of an app's list are an edit, never a new app (scope-names.ts scopeListEdit)", () => {
  it.each([
    ["add openid to the metrics app's scopes", { add_scopes: ['openid'] }],
    ['please put offline_access into the metrics app’s scopes', { add_scopes: ['offline_access'] }],
    ['take email out of the scopes of the metrics app', { remove_scopes: ['email'] }],
    ["drop private metadata from the metrics app's scopes", { remove_scopes: ['private_metadata'] }],
    ['grant openid to the scopes of the metrics app', { add_scopes: ['openid'] }],
  ])('%s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'named_update', resource: 'oauth', ref: { value: 'metrics' }, fields });
  });
});

describe('a claim named right after the word "claim", and a template renamed anywhere in the clause', () => {
  it.each([
    ['grafana template: set claim tier = gold', ['tier'], 'gold'],
    ['in the grafana jwt template, claim tier -> gold', ['tier'], 'gold'],
    ['grafana template - change claim tier to gold pls', ['tier'], 'gold'],
  ])('%s', (text, words, value) => {
    expect(update(text)).toEqual({ ref: 'grafana', fields: { claim_change: { words, value } } });
  });

  it.each([
    ['rename JWT template grafana → grafana-prod'],
    ['the grafana template should be called grafana-prod'],
    ['grafana jwt template needs to be renamed to grafana-prod please'],
  ])('%s', (text) => {
    expect(update(text)).toEqual({ ref: 'grafana', fields: { name: 'grafana-prod' } });
  });
});

describe('a field of the app removed is never the app deleted', () => {
  it('"… public and drop its email scope": the app loses one scope, no delete anywhere', () => {
    const i = parse('make the Metrics Hub oauth app public and drop its email scope');
    expect(JSON.stringify(i)).not.toMatch(/named_delete/);
    expect(JSON.stringify(i)).toMatch(/"remove_scopes":\["email"\]/);
  });

  it.each([['remove the callback from the Metrics Hub oauth app'], ['delete pkce on the metrics oauth app']])(
    '%s → no delete of the app',
    (text) => {
      expect(JSON.stringify(parse(text))).not.toMatch(/named_delete/);
    },
  );

  it('an app described by its redirect host can still be deleted when that is what is asked', () => {
    expect(parse('delete the OAuth app that redirects to partner.example.org')).toMatchObject({
      kind: 'named_delete',
      refs: [{ value: 'partner.example.org', where: 'redirect' }],
    });
  });

  it('"<name> oauth: pkce on, consent off" names the app by the word before "oauth"', () => {
    expect(parse('metrics oauth: pkce on, consent off')).toMatchObject({
      kind: 'named_update',
      ref: { value: 'metrics' },
      fields: { pkce_required: true, consent_screen_enabled: false },
    });
  });
});

describe('short notes', () => {
  it('"the Foo one should only have …" names the app Foo', () => {
    expect(parse('The Metrics one should only have profile and email scopes going forward')).toMatchObject({
      kind: 'named_update',
      ref: { value: 'Metrics' },
      fields: { scopes: 'profile email' },
    });
  });

  it('"<template> → add claim K = V" adds the claim', () => {
    expect(update('grafana JWT → add claim tier = {{user.public_metadata.tier}}')).toEqual({
      ref: 'grafana',
      fields: { claim_change: { words: [], key: 'tier', value: '{{user.public_metadata.tier}}' } },
    });
  });
});

describe("how long a named template's tokens live is its lifetime (intents-named.ts tokensTimed)", () => {
  // Cause: "the foo tokens should last …" named no "template" or "lifetime", so the change was not understood.
  it.each([
    ['make the grafana tokens last 2 hours', 7200],
    ['grafana tokens should expire after 10 minutes, not 1', 600],
    ['Hi! Our grafana JWT tokens need to live for 30 minutes from now on. Thanks, Lee', 1800],
    ['pls set grafana tokens to expire in 15 min', 900],
    ['FYI - grafana tokens must last 1 hour now', 3600],
  ])('%s', (text, lifetime) => {
    expect(update(text)).toEqual({ ref: 'grafana', fields: { lifetime } });
  });

  it('session tokens are no template', () => {
    expect(parse('session tokens should expire after 10 minutes').kind).not.toBe('named_update');
  });
});
