/**
 * Field edits on users, organizations and metadata said in prose (issue 15, round 4). Each block is one CAUSE,
 * with phrasings invented here in different voices (terse, hedged, pasted mail, question, passive, notes); none is
 * an eval scenario's text.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';

const parse = (text: string) => parseRequest(text, 0);

describe('a metadata key whose value follows it as a participle, a wish, or side by side', () => {
  it.each([
    ['could you tag him in his public metadata with vip_tier set to gold? thanks', { vip_tier: 'gold' }, 'public'],
    ['put region eu-west into Omar Haddad’s public metadata', { region: 'eu-west' }, 'public'],
    [
      'Hi team,\n\nplease store crm_ref 88213 in bob@acme.test’s private metadata.\n\nThanks,\nJo',
      { crm_ref: 88213 },
      'private',
    ],
    ['onboarding_done should be true in jane@example.com’s metadata', { onboarding_done: true }, 'public'],
    ['beta_tester needs to be set to false in carl@x.test’s public metadata', { beta_tester: false }, 'public'],
    ['grace@kim.test -> public metadata, cohort being switched to spring', { cohort: 'spring' }, 'public'],
  ])('%s', (text, pairs, which) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', fields: { [`${which}_metadata`]: pairs } });
  });

  it('a ticket id before a colon is no key, and a value never runs into the word metadata', () => {
    const intent = parse('ticket OPS-77: dave@acme.test’s private metadata is fine');
    expect(JSON.stringify(intent)).not.toMatch(/OPS-77/);
  });

  it('"add the vip flag to …" names the entry, not a value', () => {
    expect(JSON.stringify(parse('add the vip flag to ann@x.test’s metadata'))).not.toMatch(/"vip":"flag"/);
  });
});

describe('a metadata key named in one clause and removed by a pointer in another', () => {
  it.each([
    [
      'ann@x.test’s private metadata still has legacy_crm_id from the old CRM. Remove that key.',
      'legacy_crm_id',
      'private',
    ],
    [
      'We dropped Zendesk, so the zendesk_ref field in Omar Haddad’s public metadata is stale - can you delete it?',
      'zendesk_ref',
      'public',
    ],
    [
      'Hello,\n\nbob@acme.test has oldPlanCode in his metadata from a migration.\nPlease get rid of it.\n\nCheers, Sam',
      'oldPlanCode',
      'public',
    ],
    [
      'there is a billing.customer entry in dave@acme.test’s private metadata. wipe that entry pls',
      'billing.customer',
      'private',
    ],
    ['the "tmp flag" key on jane@example.com’s public metadata - strip it out', 'tmp flag', 'public'],
  ])('%s', (text, key, which) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', fields: { [`${which}_metadata`]: { [key]: null } } });
  });

  it('two candidate keys fill nothing (a key is never guessed)', () => {
    const intent = parse('ann@x.test’s private metadata has legacy_id and old_plan. Remove that key.');
    expect(JSON.stringify(intent)).not.toMatch(/null/);
  });

  it('a pointer with no metadata named anywhere stays unread', () => {
    expect(JSON.stringify(parse('ann@x.test mentioned legacy_id. Remove that key.'))).not.toMatch(/metadata/);
  });
});

describe('a member limit said as a verb of limiting (or of letting have) with the organization in between', () => {
  it.each([
    ['cap Umbrella at 15 members', 'Umbrella', 15],
    ['could we limit the Wayne org to twelve seats please?', 'Wayne', 12],
    ['Stark Industries can have at most 80 people from now on', 'Stark Industries', 80],
    ['Hi,\n\nplease allow Acme to have up to 60 members.\n\nThanks, Lee', 'Acme', 60],
    ['restrict Globex to 5 users', 'Globex', 5],
  ])('%s', (text, org, n) => {
    expect(parse(text)).toMatchObject({
      kind: 'org_update',
      org: { kind: 'name', value: org },
      fields: { max_allowed_memberships: n },
    });
  });

  it('"let it have …" after another change of the same organization joins that change', () => {
    expect(parse('set the slug of Initrode to initrode-labs, and let it have up to 45 members')).toMatchObject({
      kind: 'org_update',
      org: { kind: 'name', value: 'Initrode' },
      fields: { slug: 'initrode-labs', max_allowed_memberships: 45 },
    });
  });
});

describe('an organization named by news (a report before a dash or in another sentence), then "the org"', () => {
  it.each([
    ['Wayne got acquired — the company should now be called "Wayne Group"', 'Wayne', { name: 'Wayne Group' }],
    [
      'Umbrella have merged with a rival. Please change the organization’s name to Umbrella One and its slug to umbrella-one.',
      'Umbrella',
      { name: 'Umbrella One', slug: 'umbrella-one' },
    ],
    [
      'Initech went through a relaunch, so show their workspace as "Initech 2" from now on',
      'Initech',
      { name: 'Initech 2' },
    ],
    ['Stark rebranded -- the org name should be Stark Intl', 'Stark', { name: 'Stark Intl' }],
    ['Stark rebranded – rename our org to Stark Intl please', 'Stark', { name: 'Stark Intl' }],
    ['fyi Acme was acquired - the org should read "Acme by Globex"', 'Acme', { name: 'Acme by Globex' }],
  ])('%s', (text, org, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'org_update', org: { kind: 'name', value: org }, fields });
  });

  it('news about a person before a dash gives no organization', () => {
    expect(parse('Dave Lee left the company — please lock his account')).not.toMatchObject({ kind: 'org_update' });
  });
});

describe('a user field asked for as a passive participle, by the person it belongs to', () => {
  it.each([
    [
      'Omar Haddad asked for his username to be changed to omar.h, could you do that?',
      { kind: 'name', value: 'Omar Haddad' },
      { username: 'omar.h' },
    ],
    [
      'ann@x.test wants her surname to be updated to Lee-Park',
      { kind: 'email', value: 'ann@x.test' },
      { last_name: 'Lee-Park' },
    ],
    [
      'Grace Kim has asked for her first name to be corrected to Gracie. Thanks!',
      { kind: 'name', value: 'Grace Kim' },
      { first_name: 'Gracie' },
    ],
    [
      'the username of bob@acme.test should be changed to bobby',
      { kind: 'email', value: 'bob@acme.test' },
      { username: 'bobby' },
    ],
    [
      'Hi,\n\nDave Lee requested that his last name be set to Lee-Smith.\n\nBest, Ops',
      { kind: 'name', value: 'Dave Lee' },
      { last_name: 'Lee-Smith' },
    ],
  ])('%s', (text, target, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', target, fields });
  });
});

describe('a new name stated as news about the person, then a request to update', () => {
  it.each([
    [
      'jo@x.test called; she goes by a different surname at work now, Alvarez. Could you update her profile?',
      'jo@x.test',
      { last_name: 'Alvarez' },
    ],
    [
      'Hello! My surname has changed to Mensah after the wedding, please update it. Login: kofi@mail.test',
      'kofi@mail.test',
      { last_name: 'Mensah' },
    ],
    [
      'Hi,\nI recently got married. Could you change my name from Lena Fischer to Lena Brandt? My account is lena@web.test.\nThanks, Lena',
      'lena@web.test',
      { last_name: 'Brandt' },
    ],
    ['pls fix the name on sam@x.test from Sam Taylor to Samuel Taylor', 'sam@x.test', { first_name: 'Samuel' }],
    [
      'his last name is now Okoro — tom@x.test. can you reflect that on his account?',
      'tom@x.test',
      { last_name: 'Okoro' },
    ],
  ])('%s', (text, email, fields) => {
    const intent = parse(text);
    expect(intent).toMatchObject({ kind: 'user_update', target: { kind: 'email', value: email }, fields });
    // only the part that changed
    expect(Object.keys((intent as { fields: object }).fields)).toEqual(Object.keys(fields));
  });

  it('a name change said beside another action is read clause by clause (the other action is not dropped)', () => {
    const intent = parse('lock sam@x.test and change his name from Sam Taylor to Sam Tyler');
    expect(intent.kind).toBe('sequence');
  });

  it('"don\'t update it yet" changes nothing', () => {
    expect(parse('my surname has changed to Mensah but don’t update it yet. kofi@mail.test')).not.toMatchObject({
      kind: 'user_update',
    });
  });
});

describe('a correction that says only the new value replaces the value before it', () => {
  it.each([
    ['set Umbrella’s slug to umbrella-eu. no wait, umbrella-emea.', { slug: 'umbrella-emea' }],
    ['cap Stark at 40 members - sorry, I meant 45', { max_allowed_memberships: 45 }],
    ['rename the Wayne org to Wayne Corp. Actually, make that "Wayne Group"', { name: 'Wayne Group' }],
    ['change Acme’s slug to acme-inc. correction: acme-co. slug only', { slug: 'acme-co' }],
    ['raise the member limit of Globex to 30. oops, 35 instead', { max_allowed_memberships: 35 }],
  ])('%s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'org_update', fields });
  });

  it('a rename of a user or organization takes the corrected name', () => {
    expect(parse('rename Wayne to Wayne Corp. sorry, Wayne Group')).toMatchObject({
      kind: 'rename_any',
      newName: 'Wayne Group',
    });
  });

  it('a correction whose value does not fit the field changes nothing', () => {
    expect(parse('cap Stark at 40 members. no wait, stark-eu')).toMatchObject({ kind: 'unknown' });
  });

  it('a correction naming another person is never a value swap', () => {
    expect(JSON.stringify(parse('set the username of ann@x.test to ann.x. no wait, bob@x.test'))).not.toMatch(
      /"username":"bob/,
    );
  });
});

describe('fields said with a verb of having, for a user named by a handle or as the subject', () => {
  it.each([
    [
      'the ci-runner user should have first name Build and last name Robot',
      { kind: 'name', value: 'ci-runner' },
      { first_name: 'Build', last_name: 'Robot' },
    ],
    ['give the ann.lee account the username ann.park', { kind: 'name', value: 'ann.lee' }, { username: 'ann.park' }],
    ['Grace Kim should have the last name Kim-Lee', { kind: 'name', value: 'Grace Kim' }, { last_name: 'Kim-Lee' }],
    [
      'bob@acme.test needs to have first name Robert',
      { kind: 'email', value: 'bob@acme.test' },
      { first_name: 'Robert' },
    ],
    [
      'the qa-bot user should get first name QA, and add squad: platform to its public metadata',
      { kind: 'name', value: 'qa-bot' },
      { first_name: 'QA', public_metadata: { squad: 'platform' } },
    ],
  ])('%s', (text, target, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', target, fields });
  });
});

describe('"while you\'re at it" before a second request keeps the request', () => {
  it.each([
    ['Ban Omar Haddad, and while you’re at it change his username to omar.banned', 'clerk_user_ban'],
    ['unlock ann@x.test - whilst you are in there, set her first name to Annie', 'clerk_user_unlock'],
    ['Lock Grace Kim and while ur at it set her last name to Kim-Lee', 'clerk_user_lock'],
  ])('%s', (text, action) => {
    const intent = parse(text) as { kind: string; steps: Array<{ kind: string; action?: string; target?: unknown }> };
    expect(intent.kind).toBe('sequence');
    expect(intent.steps[0]).toMatchObject({ action });
    expect(intent.steps[1]).toMatchObject({ kind: 'user_update' });
    // the name is the person's, never the capitalised verb before it
    expect(JSON.stringify(intent.steps[1]!.target)).not.toMatch(/Ban |Lock |unlock/);
  });
});

describe('organization metadata written or removed with any verb, owner said before "metadata"', () => {
  it.each([
    ['add tier: gold to Umbrella’s org metadata', 'Umbrella', { public_metadata: { tier: 'gold' } }],
    [
      'remove the legacy_plan key from Stark’s organization metadata',
      'Stark',
      { public_metadata: { legacy_plan: null } },
    ],
    ['pls put region eu into the private metadata of the Wayne org', 'Wayne', { private_metadata: { region: 'eu' } }],
    ['change tier to gold in Globex’s org metadata', 'Globex', { public_metadata: { tier: 'gold' } }],
    [
      'Hooli renewed — set plan to premium in the org’s public metadata',
      'Hooli',
      { public_metadata: { plan: 'premium' } },
    ],
  ])('%s', (text, org, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'org_update', org: { kind: 'name', value: org }, fields });
  });

  it('a new organization with metadata is still a creation', () => {
    expect(parse('add a new org called Foo Labs with public metadata {"a":1}')).toMatchObject({ kind: 'org_create' });
  });
});

describe('a member limit said as a count after a verb of raising/needing, or as "a limit of N"', () => {
  it.each([
    ['bump Wayne to 50 seats', 'Wayne', 50],
    ['Initrode needs 35 seats now', 'Initrode', 35],
    ['the Stark org should be able to have 75 members', 'Stark', 75],
    ['take Globex down to 10 members please', 'Globex', 10],
    ['Hooli signed a bigger contract, so their org needs a limit of 90 members.', 'Hooli', 90],
  ])('%s', (text, org, n) => {
    expect(parse(text)).toMatchObject({
      kind: 'org_update',
      org: { kind: 'name', value: org },
      fields: { max_allowed_memberships: n },
    });
  });

  it('a relative count ("5 more seats") is not a new limit', () => {
    expect(parse('Acme needs 5 more seats')).not.toMatchObject({ kind: 'org_update' });
  });

  it('a user is never read as the organization of a limit', () => {
    expect(parse('move bob@x.test to 3 users')).not.toMatchObject({ kind: 'org_update' });
  });
});

describe('a field said to be wrong, then what it should be (or OLD -> NEW, "V not W")', () => {
  it.each([
    ['Omar Haddad’s last name is misspelled, it should be Haddad not Hadad', { last_name: 'Haddad' }],
    ['ann@x.test’s first name is wrong - should be Anne (with an e)', { first_name: 'Anne' }],
    ['the surname on dave@acme.test is out of date, it should read Lee-Smith', { last_name: 'Lee-Smith' }],
    ['pls fix bob@acme.test’s last name from Smyth to Smith', { last_name: 'Smith' }],
    ['grace@kim.test’s username is a typo; it needs to be grace.kim', { username: 'grace.kim' }],
  ])('%s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', fields });
  });
});

describe('a metadata label before a colon, and a change that names no user in a message about one user', () => {
  it.each([
    [
      'ann@x.test was verified.\n1. unlock the account\n2. private metadata: set kyc_done to true',
      { private_metadata: { kyc_done: true } },
    ],
    ['ticket for bob@acme.test\n- public metadata: tier -> gold', { public_metadata: { tier: 'gold' } }],
    ['Re dave@acme.test. Public metadata: set plan to pro.', { public_metadata: { plan: 'pro' } }],
  ])('%s', (text, fields) => {
    const intent = parse(text) as { kind: string; steps?: unknown[] };
    const update = intent.kind === 'sequence' ? intent.steps!.at(-1) : intent;
    expect(update).toMatchObject({ kind: 'user_update', target: { kind: 'email' }, fields });
  });

  it('with two users named, the change names no user (the planner asks)', () => {
    const intent = parse('ann@x.test and bob@x.test wrote in. private metadata: set kyc_done to true') as {
      kind: string;
      target?: unknown;
    };
    expect(intent.kind === 'user_update' ? intent.target : undefined).toBeUndefined();
  });

  it('the value after "to" is never the user', () => {
    expect(parse('private metadata: set verified_on to "2026-01-02"')).not.toMatchObject({
      target: { value: '2026-01-02' },
    });
  });
});

describe('a value right after its field (after "set", or in a list after a topic), an owner before the field', () => {
  it.each([
    ['Please set external ID 55-123 on bob@acme.test', 'user_update', { external_id: '55-123' }],
    ['set first name Ann for ann@x.test', 'user_update', { first_name: 'Ann' }],
    [
      'Update Initech: name "Initech Two", slug initech-two',
      'org_update',
      { name: 'Initech Two', slug: 'initech-two' },
    ],
    ['Could the Wayne slug be changed to wayne-group?', 'org_update', { slug: 'wayne-group' }],
    ['the Stark member limit should be increased to 45', 'org_update', { max_allowed_memberships: 45 }],
    ["Globex's seat cap needs raising to 60", 'org_update', { max_allowed_memberships: 60 }],
  ])('%s', (text, kind, fields) => {
    expect(parse(text)).toMatchObject({ kind, fields });
    expect(JSON.stringify(parse(text))).toMatch(/"(?:target|org)":\{/);
  });
});

describe("a word of the field's own name is never the owner", () => {
  it.each([
    'could the URL slug of Globex be changed to globex-x?',
    'Wayne wants their URL slug to be wayne-x',
    'please make the Display name of the Wayne org read Wayne X',
  ])('%s', (text) => {
    expect(JSON.stringify(parse(text))).not.toMatch(/"value":"(?:URL|Display)"/);
  });
});

describe('a metadata owner typed lower-case with the possessive apostrophe left out', () => {
  it.each([
    [
      'can u remove the legacy_id thing from omar haddads private metadata',
      'omar haddad',
      { private_metadata: { legacy_id: null } },
    ],
    ['add vip: true to grace kims public metadata', 'grace kim', { public_metadata: { vip: true } }],
    ['pls set tier to gold in chris parks metadata', 'chris park', { public_metadata: { tier: 'gold' } }],
    ['store crm_ref 7 into lee wongs private metadata thx', 'lee wong', { private_metadata: { crm_ref: 7 } }],
    ['drop the beta key from sofia garcias public metadata', 'sofia garcia', { public_metadata: { beta: null } }],
  ])('%s', (text, name, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', target: { kind: 'name', value: name }, fields });
  });

  it('"the users metadata" names nobody', () => {
    expect(parse('clear the foo key from the users metadata')).not.toMatchObject({ target: { kind: 'name' } });
  });
});

describe('"our limit" is the limit of the organization the message names elsewhere ("do it for X")', () => {
  it.each([
    ['from tony:\n"can u bump our limit to 30 members"\ndo it for wayne enterprises thx', 'wayne enterprises', 30],
    ['Customer asks: please raise their seat cap to 25 seats.\nApply it to Initech.', 'Initech', 25],
    ['raise our limit to 12 members pls. do this for the Hooli org', 'Hooli', 12],
    ['we need our member limit raised to 40 members. make that change for globex please', 'globex', 40],
    ['lower the limit to 5 users. do the same for Umbrella', 'Umbrella', 5],
  ])('%s', (text, org, n) => {
    const intent = parse(text) as { kind: string; org?: { value: string }; fields: object };
    expect(intent).toMatchObject({ kind: 'org_update', fields: { max_allowed_memberships: n } });
    // never the word "limit" as an organization
    expect(intent.org?.value).toBe(org);
  });
});

describe('"my account" is the writer the message names by address', () => {
  it.each([
    [
      'Hi! Could you change the name on my account to Priya Shah? My email is priya@x.test. Thanks!',
      'priya@x.test',
      { first_name: 'Priya', last_name: 'Shah' },
    ],
    [
      'please update the username of my account to kofi.m - login kofi@mail.test',
      'kofi@mail.test',
      { username: 'kofi.m' },
    ],
    ['Hello, set the last name for my profile to Brandt. (lena@web.test)', 'lena@web.test', { last_name: 'Brandt' }],
  ])('%s', (text, email, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', target: { kind: 'email', value: email }, fields });
  });

  it('with no address in the message, "my account" names nobody (never a user called "account")', () => {
    expect(JSON.stringify(parse('change the name on my account to Priya Shah'))).not.toMatch(/"account"/);
  });
});

describe("a person's metadata whose key is an organization noun stays the person's", () => {
  it.each([
    ['her public metadata should include team: growth (jane@example.com)', { team: 'growth' }],
    ['add team: growth to jane@example.com’s public metadata', { team: 'growth' }],
    ['set company=Acme in bob@acme.test’s public metadata', { company: 'Acme' }],
  ])('%s', (text, pairs) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', fields: { public_metadata: pairs } });
  });
});

describe('a person\'s full name "is now" another, said of a person', () => {
  it.each([
    ['Sofia Garcia is now Sofia Martinez, can you update her profile?', 'Sofia Garcia', { last_name: 'Martinez' }],
    ['FYI Dave Lee goes by David Lee now, please fix his account', 'Dave Lee', { first_name: 'David' }],
    ['After the wedding Grace Kim is now Grace Park - update her name please', 'Grace Kim', { last_name: 'Park' }],
  ])('%s', (text, name, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', target: { kind: 'name', value: name }, fields });
  });

  it('an organization that "is now" another name is not read as a person', () => {
    expect(parse('Foo Corp is now Foo Group, please update the org')).not.toMatchObject({ kind: 'user_update' });
  });
});

describe('a person reported in lower case (signed up, wrote in, got married …) is who "her/his" means', () => {
  it.each([
    ['grace kim signed up for the pilot, pls put pilot = true in her public metadata', 'grace kim'],
    ['omar haddad got married. set married to true in his metadata', 'omar haddad'],
    ['lee wong registered for the beta - add beta: yes to his public metadata', 'lee wong'],
    ['sofia garcia emailed us; please store source=email in her private metadata', 'sofia garcia'],
    ['chris park wrote in, so flag him in his metadata with access_requested set to true', 'chris park'],
  ])('%s', (text, name) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', target: { kind: 'name', value: name } });
  });
});

describe('values ended by a dash aside, "ought to be", "make X\'s F V", arrows between metadata pairs', () => {
  it.each([
    [
      'Hello support,\n\nPlease update my surname to Nakamura - I got married in June.\nAccount: yuki@mail.test\n\nRegards,\nYuki',
      'user_update',
      { last_name: 'Nakamura' },
    ],
    ['The slug for Stark Industries ought to be stark', 'org_update', { slug: 'stark' }],
    ['Could you make Dave Lee’s username dlee2? thanks', 'user_update', { username: 'dlee2' }],
    ['in ann@x.test’s public metadata, plan -> pro please', 'user_update', { public_metadata: { plan: 'pro' } }],
    [
      'ann@x.test public metadata: tier → gold, seats → 3',
      'user_update',
      { public_metadata: { tier: 'gold', seats: 3 } },
    ],
  ])('%s', (text, kind, fields) => {
    expect(parse(text)).toMatchObject({ kind, fields });
  });
});

describe('a user named by address or id, and the name they should be called', () => {
  it.each([
    ['dave@acme.test should be called David Miller from now on', { first_name: 'David', last_name: 'Miller' }],
    ['user_2XWIsgzAkIscBEqX0lhV300001W should be named Liam T', { first_name: 'Liam', last_name: 'T' }],
    ['bob@acme.test is now called Robert Stone', { first_name: 'Robert', last_name: 'Stone' }],
    ['so jo@x.test needs to be renamed to Joanna Smith', { first_name: 'Joanna', last_name: 'Smith' }],
  ])('%s', (text, fields) => {
    expect(parse(text)).toMatchObject({ kind: 'user_update', fields });
  });

  it('a name that is not written (lower case, "something else") changes nothing', () => {
    expect(parse('dave@acme.test should be called something else')).not.toMatchObject({ kind: 'user_update' });
  });
});
