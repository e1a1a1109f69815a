/** Entities, relative dates and intent routing of the offline model (the parts the phrasing suite relies on). */
import { describe, expect, it } from 'vitest';
import { DAY, NOW } from './drive.js';
import { parseDateWindow, parseInactiveSpan } from '../../../src/llm/offline/dates.js';
import { analyze, parseLooseJson, roleKey } from '../../../src/llm/offline/entities.js';
import { allExamples } from '../../../src/llm/offline/examples.js';
import { parseIntent } from '../../../src/llm/offline/intents.js';

const TODAY = Math.floor(NOW / DAY) * DAY;

describe('entities', () => {
  it('finds emails, ids by prefix, quoted names, JSON, URLs, hosts and wildcards', () => {
    const s = analyze(
      'Ban A@X.test, user_2abc and "Chris Park"; claims {"role":"admin"} at https://app.example.com/cb for blog.example.com and *@acme.test',
    );
    expect(s.ents.emails).toEqual(['a@x.test']);
    expect(s.ents.ids).toEqual([{ prefix: 'user', value: 'user_2abc' }]);
    expect(s.ents.quoted).toEqual(['Chris Park']);
    expect(s.ents.json).toEqual([{ role: 'admin' }]);
    expect(s.ents.urls).toEqual(['https://app.example.com/cb']);
    expect(s.ents.hosts).toEqual(['blog.example.com']);
    expect(s.ents.wildcards).toEqual(['*@acme.test']);
    expect(s.masked).not.toMatch(/a@x\.test|user_2abc|Chris Park/);
  });

  it('prefers the longest id prefix (orginv_ over org_, orgmem_ …)', () => {
    expect(analyze('revoke orginv_123abc and org_456def').ents.ids.map((i) => i.prefix)).toEqual(['orginv', 'org']);
  });

  it('parses hand-typed JSON leniently and rejects what is not an object', () => {
    expect(parseLooseJson("{plan: 'pro', seats: 3,}")).toEqual({ plan: 'pro', seats: 3 });
    expect(parseLooseJson('{not json')).toBeUndefined();
    expect(analyze('set metadata to {plan: pro tier}').ents.badJson).toEqual(['{plan: pro tier}']);
  });

  it('maps role words to Clerk role keys', () => {
    expect(roleKey('admin')).toBe('org:admin');
    expect(roleKey('an administrator')).toBe('org:admin');
    expect(roleKey('member')).toBe('org:member');
    expect(roleKey('org:billing')).toBe('org:billing');
    expect(roleKey('wizard')).toBeUndefined();
  });
});

describe('relative dates (UTC days, Unix ms)', () => {
  it('understands today, yesterday, this week, last N days, this month, ISO dates', () => {
    expect(parseDateWindow('who signed up today', NOW)).toEqual({ after: TODAY - 1, label: 'today' });
    expect(parseDateWindow('yesterday', NOW)).toEqual({ after: TODAY - DAY - 1, before: TODAY, label: 'yesterday' });
    expect(parseDateWindow('this week', NOW)).toEqual({ after: NOW - 7 * DAY, label: 'in the last 7 days' });
    expect(parseDateWindow('in the last 30 days', NOW)).toEqual({
      after: NOW - 30 * DAY,
      label: 'in the last 30 days',
    });
    expect(parseDateWindow('past two weeks', NOW)).toEqual({ after: NOW - 14 * DAY, label: 'in the last 2 weeks' });
    expect(parseDateWindow('this month', NOW)).toEqual({ after: Date.UTC(2026, 10, 1) - 1, label: 'this month' });
    expect(parseDateWindow('since 2026-11-01', NOW)).toEqual({
      after: Date.UTC(2026, 10, 1) - 1,
      label: 'since 2026-11-01',
    });
    expect(parseDateWindow('list users', NOW)).toBeUndefined();
  });

  it('turns inactivity spans into a cutoff', () => {
    expect(parseInactiveSpan("haven't signed in for 90 days", NOW)).toEqual({
      before: NOW - 90 * DAY,
      label: 'not in the last 90 days',
    });
  });
});

describe('intent routing', () => {
  const kind = (text: string) => parseIntent(text, NOW);
  it.each([
    ['remove *@acme.test from the allowlist', 'list_remove'],
    ['remove spam@mailinator.com from the blocklist', 'list_remove'],
    ['remove Jane from Acme', 'membership_remove'],
    ['remove the ban on jane@example.com', 'user_action'],
    ['delete the Hooli organization', 'org_delete'],
    ['delete the supabase JWT template', 'named_delete'],
    ['delete domain blog.example.com', 'named_delete'],
    ['allow jane@example.com to sign in again', 'user_restore_sign_in'],
    ['allow *@acme.test', 'list_add'],
    ['block spam@x.test from signing up', 'list_add'],
    ['block user jane@example.com', 'user_action'],
    ['unblock jane@example.com', 'user_action'],
    ['set max members of Initech to 25', 'org_update'],
    ['list users created in the last 7 days', 'users_list'],
    ['kick Dave out of Acme', 'membership_remove'],
    ['kick Dave out', 'sign_out'],
    ['make Dave an admin of Acme', 'membership_set_role'],
    ['add Dave to Acme', 'membership_add'],
    ['add user dave2@acme.test', 'user_create'],
    ['rename Acme to Acme Corp', 'rename_any'],
    ['rename the Acme org to Acme Corp', 'org_update'],
    ['invite bob@acme.test to Acme', 'invite'],
    ['revoke the invitation for newhire@acme.test', 'invitation_revoke'],
    ['ban everyone', 'refuse'],
    ['delete all users', 'refuse'],
    ['sign out everyone', 'refuse'],
    ['remove all organizations', 'refuse'],
    ['set jane@example.com metadata to {plan: pro tier}', 'unknown'],
    ['what is the weather', 'unknown'],
    ['thanks', 'smalltalk'],
  ])('%s → %s', (text, expected) => {
    expect(kind(text).kind).toBe(expected);
  });

  it('keeps every target of a multi-target request', () => {
    const intent = kind('ban a@x.test, b@x.test and Dave Miller');
    expect(intent).toEqual({
      kind: 'user_action',
      action: 'clerk_user_ban',
      targets: [
        { kind: 'email', value: 'a@x.test' },
        { kind: 'email', value: 'b@x.test' },
        { kind: 'name', value: 'Dave Miller' },
      ],
    });
  });

  it('reads roles, orgs and invitation options', () => {
    expect(kind('invite bob@acme.test to Acme as admin, expiring in 7 days, without sending an email')).toEqual({
      kind: 'invite',
      emails: ['bob@acme.test'],
      org: { kind: 'name', value: 'Acme' },
      app: false,
      role: 'org:admin',
      fields: { expires_in_days: 7, notify: false },
    });
  });
});

describe('help examples', () => {
  it('are all understood (none falls back to "didn\'t understand")', () => {
    const misunderstood = allExamples().filter((e) =>
      ['unknown', 'refuse', 'smalltalk', 'help'].includes(parseIntent(e, NOW).kind),
    );
    expect(misunderstood).toEqual([]);
  });
});
