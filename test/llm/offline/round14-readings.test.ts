/**
 * Round 14 of the offline model: metadata keys the data names (a key removed or changed when the message names it in
 * words or quotes, found in the record that is read), a key that is a word of the sentence never written, an
 * organization said as a person's ("look up which org X is in and …"), a member count that names the holders of a
 * rare role, and a few shapes of formal and texting English. Invented phrasings on the demo seed. Tests marked
 * (safety) were seen to fail with their guard removed.
 */
import { describe, expect, it } from 'vitest';
import { listedItems } from '../../../src/llm/offline/enumerated.js';
import { requestText } from '../../../src/llm/offline/quoted.js';
import type { Intent } from '../../../src/llm/offline/intent-types.js';
import { oddMetadataKey, parseRequest } from '../../../src/llm/offline/request.js';
import { createStack, NOW } from './drive.js';

const parse = (text: string) => parseRequest(text, NOW);

/** Every metadata key an intent would write. */
function keysOf(intent: unknown): string[] {
  const out: string[] = [];
  JSON.stringify(intent, (key, value) => {
    if (/_metadata$/.test(key) && value && typeof value === 'object') out.push(...Object.keys(value));
    return value;
  });
  return out;
}

describe('a metadata key the message names, found in the record', () => {
  it('removes the key an organization holds when the message names it and asks for it gone', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Initech: the "industry" value kept in its public metadata is outdated and has to be deleted entirely. Its plan value stays.',
    );
    expect(turn.pending.map((p) => [p.action, JSON.stringify(p.args.public_metadata)])).toEqual([
      ['clerk_organization_update', '{"industry":null}'],
    ]);
  });

  it('of several keys named, only the one in the sentence that asks (the one said to stay is kept)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'In the public metadata of Initech, the "industry" entry must be erased. The "plan" entry stays as it is.',
    );
    expect(turn.pending.map((p) => [p.action, JSON.stringify(p.args.public_metadata)])).toEqual([
      ['clerk_organization_update', '{"industry":null}'],
    ]);
    // (The card names the organization, not its id.)
    expect(turn.text).toMatch(/Initech/);
  });

  it('a key said as staying is never removed: "the plan value remains" writes no key "remains"', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Initech: the plan value in its public metadata remains as it is. The "industry" entry in that metadata should be removed.',
    );
    expect(turn.pending).toHaveLength(1);
    expect(turn.pending[0]!.args.public_metadata).toEqual({ industry: null });
  });

  it('a key said by the words it is made of, on a user the message names', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Joanna Lee (joanna@initech.test) no longer works shifts, so the shift entry in her public metadata must be erased.',
    );
    expect(turn.pending.map((p) => [p.action, JSON.stringify(p.args.public_metadata)])).toEqual([
      ['clerk_user_update', '{"shift":null}'],
    ]);
  });

  it('a key no record holds is never invented: nothing is proposed, and the reply says why', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'For Initech, the "region" entry of its public metadata is obsolete and must be erased; the rest remains.',
    );
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Nothing was changed/);
  });

  it('the person found by a value their profile holds, the key by its name, the new value quoted', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'At Hooli, the person whose public profile carries the title "CEO" should get that title corrected to "Founder".',
    );
    expect(turn.pending.map((p) => [p.action, JSON.stringify(p.args.public_metadata)])).toEqual([
      ['clerk_user_update', '{"title":"Founder"}'],
    ]);
  });
});

describe('a metadata key that is a word of the sentence is never written', () => {
  it.each([
    ['please set the value of "locale_hint" in public metadata to "fr" for lena@proton.test', { locale_hint: 'fr' }],
    ['the attribute "tier" has to be dropped from the public metadata of lena@proton.test', { tier: null }],
    ['for noah@example.com put unsafe meta color = blue', { color: 'blue' }],
  ])('%s', (text, meta) => {
    const intent = parse(text);
    expect(intent).toMatchObject({ kind: 'user_update' });
    expect(JSON.stringify(intent)).toContain(JSON.stringify(meta).slice(1, -1));
  });

  it('the guard: a change writing a key that is a grammar word is recognised (safety)', () => {
    expect(oddMetadataKey({ kind: 'user_update', fields: { public_metadata: { the: 'x' } } } as Intent)).toBe('the');
    expect(oddMetadataKey({ kind: 'user_update', fields: { public_metadata: { plan: 'x' } } } as Intent)).toBe(
      undefined,
    );
    expect(
      oddMetadataKey({
        kind: 'sequence',
        steps: [{ kind: 'org_update', fields: { private_metadata: { attribute: null } } }],
      } as Intent),
    ).toBe('attribute');
  });

  it('no reading writes "the", "attribute", "not" or "and" as a key', () => {
    for (const text of [
      'The value of "locale_hint" in her public metadata is to be changed from "de" to "de-CH" for lena@proton.test.',
      'the attribute "shift" is to be removed from the public metadata of joanna@initech.test, it is to be deleted and not set to an empty value',
      'the entry "plan" in the public metadata of lucas.martin@mail.test is to be changed from "pro" to "team"',
    ])
      expect(keysOf(parse(text)).filter((k) => /^(?:the|attribute|not|and|entry|value)$/i.test(k))).toEqual([]);
  });

  it('"for X, set …" keeps X when no pronoun stands for it', () => {
    expect(parse('for noah@example.com set unsafe metadata mode = compact')).toMatchObject({
      kind: 'user_update',
      target: { kind: 'email', value: 'noah@example.com' },
    });
  });
});

describe('formal and texting shapes', () => {
  it('a passive "shall be enabled" switches the setting on', () => {
    expect(parse('the consent screen should be enabled on the app "Zapier Integration"')).toMatchObject({
      kind: 'named_update',
      resource: 'oauth',
      fields: { consent_screen_enabled: true },
    });
  });

  it('a quoted name between a JWT field and its value', () => {
    expect(
      parse('the clock skew of the template called "hasura" should go down from 5 seconds to 3 seconds'),
    ).toMatchObject({ kind: 'named_update', fields: { allowed_clock_skew: 3 } });
  });

  it("a role's key repeated in brackets, and a role change said as a reassignment", () => {
    expect(parse('please make sure dave@acme.test holds the viewer role (org:viewer) in Acme Inc')).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:viewer',
    });
    expect(parse('the admin of Hooli is to be reassigned to the viewer role with immediate effect')).toMatchObject({
      kind: 'membership_set_role',
      users: [{ kind: 'role', value: 'org:admin', org: 'Hooli' }],
      role: 'org:viewer',
    });
  });

  it('an arrow before a question points at the question, never at a value', () => {
    expect(parse('small q -> what is the lifetime of the supabase jwt?')).toMatchObject({ kind: 'named_get' });
  });

  it('"make the X person an admin" creates nobody (safety)', () => {
    expect(parse("hooli billing person: make them admin, gavin's away").kind).not.toBe('user_create');
    expect(parse("the Hooli billing person → make them admin please, Gavin's away this week").kind).not.toBe(
      'user_create',
    );
    expect(parse('make a new user for tom.new@example.com')).toMatchObject({ kind: 'user_create' });
  });
});

describe("an organization said as a person's", () => {
  it('"look up which org X belongs to and limit that org to 12": the change on X\'s organization', async () => {
    const stack = createStack();
    const turn = await stack.say('look up which org nora@initech.test belongs to, and limit that org to 12 members');
    expect(turn.pending.map((p) => [p.action, p.args.max_allowed_memberships])).toEqual([
      ['clerk_organization_update', 12],
    ]);
    expect(turn.text).toMatch(/Initech/);
  });
});

describe('the organization of a person is read from their memberships', () => {
  it('never taken from the domain of their address: someone at @acme.test in no organization changes nothing (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say('check which org yuki@acme.test is in and cap that org at 30 members');
    expect(turn.pending).toEqual([]);
    expect(turn.text).not.toMatch(/Acme Inc \(org_/);
    expect(turn.text).toMatch(/not a member of any organization/);
  });
});

describe('questions about one organization', () => {
  it('a member count names the holders of a role few hold', async () => {
    const stack = createStack();
    const turn = await stack.say('how many members does Stark Industries have?');
    expect(turn.text).toMatch(/3 members/);
    expect(turn.text).toMatch(/Pepper Potts/);
  });

  it("a count of an organization's members is never answered with every user (safety)", () => {
    const intent = parse("how many members do they have in their team and who's the admin at Hooli?");
    const steps = intent.kind === 'sequence' ? intent.steps : [intent];
    expect(steps.some((s) => s.kind === 'users_list')).toBe(false);
  });
});

describe('lists and pasted chats', () => {
  it('a listed item that only says what stays adds no step of its own', () => {
    const items = listedItems('1) lock peter@initech.test\n2) His membership of Initech is to be kept as it is.');
    expect(items?.items).toHaveLength(2);
    const intent = parse('1) lock peter@initech.test\n2) His membership of Initech is to be kept as it is.');
    expect(JSON.stringify(intent)).toMatch(/clerk_user_lock/);
    expect(JSON.stringify(intent)).not.toMatch(/membership_remove|membership_set_role/);
  });

  it('"sort this one out" and "do what <name> says" hand a pasted chat over', () => {
    const chat = '[10:02] Ann Lee: please unlock my account ann@x.test\n[10:03] Support: on it';
    expect(requestText(`can you sort this one out for her\n${chat}`)).toMatch(/unlock my account/);
    expect(requestText(`just do what ann says pls\n${chat}`)).toMatch(/unlock my account/);
    expect(requestText(`lock bob@x.test\n${chat}`)).not.toMatch(/unlock my account/);
  });
});

describe('a state to reach, said as "make sure"', () => {
  it('"make sure X holds the viewer role in Foo" is that role change; "make sure X is in Foo" is the add', () => {
    expect(parse('could you ensure that Tom Nguyen holds the viewer role in Acme Inc?')).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:viewer',
    });
    expect(parse('pls make sure zoe adams is in the hooli org, add her if she is not in it yet')).toMatchObject({
      kind: 'membership_add',
      users: [{ kind: 'name', value: 'zoe adams' }],
    });
  });

  it('a thing is never a person: "make sure the nightly export is in place" changes nothing', () => {
    expect(parse('make sure the nightly export is in place').kind).not.toBe('membership_add');
  });

  it('when the state holds already, nothing changes and the reply says so', async () => {
    const stack = createStack();
    const turn = await stack.say('please make sure Priya Patel has admin rights in Acme Inc');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/already/i);
  });
});

describe('texting forms', () => {
  it('"cn u" and "ad X to Foo"', () => {
    expect(parse('cn u unlock lee@initech.test')).toMatchObject({ kind: 'user_action', action: 'clerk_user_unlock' });
    expect(parse('ad zoe adams to hooli as a viewer')).toMatchObject({ kind: 'membership_add', role: 'org:viewer' });
    expect(parse('the ad banner for Hooli looks off').kind).not.toBe('membership_add');
  });
});

describe('a question about one value a record holds', () => {
  it('answers the metadata value the question names, from the record it names', async () => {
    const stack = createStack();
    const turn = await stack.say('what tier of plan is Globex on at the moment?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Globex: plan is "pro"/);
  });

  it('a question naming no value the record holds is not understood, never answered with a guess', async () => {
    const stack = createStack();
    const turn = await stack.say('what colour is Globex painted?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/didn't understand/);
  });
});

describe('an organization taken away whole', () => {
  it('"whether the whole Foo group could be taken off the site" is the organization deleted, on a card', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Hooli has stopped trading, and I was asked whether the whole Hooli group could be removed from our platform for good.',
    );
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_organization_delete']);
    expect(turn.text).toMatch(/Hooli/);
  });

  it('the group named in an earlier sentence ("the whole group")', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'The Hooli group has wound down. Could the entire group be taken down from the site altogether, please?',
    );
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_organization_delete']);
  });

  it('the verb said last: "the organisation Foo completely delete"', () => {
    expect(parse('Please the organisation Hooli completely delete.')).toMatchObject({
      kind: 'org_delete',
      orgs: [{ kind: 'name', value: 'Hooli' }],
    });
  });

  it('a member taken out of a group is no deletion of the group', () => {
    expect(parse('remove Dave Miller from the whole Acme group please').kind).not.toBe('org_delete');
  });
});

describe('"whatever org X is in"', () => {
  it("adds to that person's organization, with the role said after the sentence", async () => {
    const stack = createStack();
    const turn = await stack.say('whatever org ada wong is in, can u put zoe adams in that one too? as a viewer pls');
    expect(turn.pending.map((p) => [p.action, p.args.role])).toEqual([['clerk_org_membership_create', 'org:viewer']]);
    expect(turn.text).toMatch(/Umbrella/);
  });
});

describe('JWT template changes said in prose', () => {
  it('"her advice, which I agree with, is to lower the skew on that template": the suggestion is the request', () => {
    expect(
      parse(
        'Tokens of the template called "hasura" fail on old laptops. His advice, which I agree with, is to raise the allowed clock skew on that template to 8 seconds.',
      ),
    ).toMatchObject({ kind: 'named_update', resource: 'jwt', fields: { allowed_clock_skew: 8 } });
  });

  it('a claim said with the template between it and its new value is that claim, never a rename (safety)', () => {
    const intent = parse("the default role claim of the hasura template should read 'editor' instead of 'user'");
    expect(intent).toMatchObject({
      kind: 'named_update',
      fields: { claim_change: { words: ['default', 'role'], value: 'editor' } },
    });
    expect(JSON.stringify(intent)).not.toMatch(/"name":/);
  });

  it('"the claim is X, it needs to say Y": the new value', () => {
    expect(parse("the default role claim on the hasura template is 'user', it needs to say 'staff' now")).toMatchObject(
      {
        fields: { claim_change: { words: ['default', 'role'], value: 'staff' } },
      },
    );
  });

  it('a message about a claim never renames the template (safety)', () => {
    const intent = parse(
      "the default role claim on the hasura template is 'user' - since the rename it should be 'staff'",
    );
    expect(JSON.stringify(intent)).not.toMatch(/"name":"staff"/);
    expect(parse('rename the hasura template to hasura-v2')).toMatchObject({ fields: { name: 'hasura-v2' } });
  });
});

describe('readings fixed after measuring heldout-29/30 (each had proposed a change not asked for)', () => {
  it('a new redirect for an existing app, the old one kept: the URI is added, never the list replaced (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Zapier Integration needs this callback too: https://hooks.example.com/zap/v3. Keep the current callback working as well.',
    );
    const update = turn.pending.find((p) => p.action === 'clerk_client_update');
    expect(update).toBeDefined();
    const uris = update!.args.redirect_uris as string[];
    expect(uris).toContain('https://hooks.example.com/zap/v3');
    expect(uris.length).toBeGreaterThan(1);
  });

  it('a brand-new setting for an existing app is no creation of a second app of that name (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'New callback for the Zapier Integration OAuth app: https://hooks.example.com/zap/v4.',
    );
    expect(turn.pending.map((p) => p.action)).not.toContain('clerk_client_create');
    expect(turn.text).toMatch(/already exists/);
  });
});
