/**
 * Round 16 of the offline model: a metadata write read by its parts wherever they stand, polite wishes whose subject
 * is the thing, defined terms, a value pointed at, sentences that only limit a request, and guards against a
 * limit read as an ask. Invented phrasings on the demo seed. Tests marked (safety) were seen to fail with their
 * guard removed.
 */
import { describe, expect, it } from 'vitest';
import { withoutConstraints } from '../../../src/llm/offline/constraints.js';
import { withDefinedTerms } from '../../../src/llm/offline/defined-term.js';
import { analyze } from '../../../src/llm/offline/entities.js';
import type { Intent } from '../../../src/llm/offline/intent-types.js';
import { correctParticiples, correctTypos } from '../../../src/llm/offline/lexicon.js';
import { withoutRestated } from '../../../src/llm/offline/merge-steps.js';
import { readParts } from '../../../src/llm/offline/metadata-slots.js';
import { normalize } from '../../../src/llm/offline/normalize.js';
import { memberNotOrg, parseRequest, readMessage } from '../../../src/llm/offline/request.js';
import { createStack, NOW } from './drive.js';

const parse = (text: string) => parseRequest(text, NOW);
const actions = (turn: { pending: Array<{ action: string; args: Record<string, unknown> }> }) =>
  turn.pending.map((p) => p.action);
const parts = (text: string) => readParts(normalize(readMessage(text)));

describe('a metadata write read by its parts', () => {
  it('finds kind, key and value in any order', () => {
    expect(parts('could you put in the private metadata too the crm_ref ab_77 for the org Globex')).toEqual({
      kind: 'private_metadata',
      key: 'crm_ref',
      value: 'ab_77',
    });
    expect(parts('Their code K-9 has been issued; it is to be kept in its public metadata, key partner_code.')).toEqual(
      { kind: 'public_metadata', key: 'partner_code', value: 'K-9' },
    );
  });

  it('takes the last value introduced as the new one ("is A now, swap it with B")', () => {
    expect(parts('In her private metadata the payout_ref is pr_111 now, please swap it with pr_222.')?.value).toBe(
      'pr_222',
    );
  });

  it('proposes nothing when two keys or two kinds are said, or when the message asks a question', () => {
    expect(parts('set crm_ref and erp_ref in the private metadata of jane@example.com to x_1')).toBeUndefined();
    expect(parts('copy crm_ref ab_77 from the public metadata into the private metadata')).toBeUndefined();
    expect(parts('Does jane@example.com have a crm_ref in her private metadata? It should be ab_77')).toBeUndefined();
  });

  it('a sentence saying what stays names no key', () => {
    expect(
      parts('Record the badge_no B-17 in the public metadata of dave@acme.test. His home_site stays as it is.'),
    ).toEqual({ kind: 'public_metadata', key: 'badge_no', value: 'B-17' });
  });

  it('writes a private key the model cannot see, on the one organization the message names', async () => {
    const stack = createStack();
    const turn = await stack.say('For the org Globex, could you put in the private metadata too the crm_ref ab_77?');
    expect(turn.pending.map((p) => [p.action, p.args])).toEqual([
      ['clerk_organization_update', { organization_id: expect.any(String), private_metadata: { crm_ref: 'ab_77' } }],
    ]);
  });

  it('a key with "stripe" in it is never a removal (safety)', () => {
    const intent = parse(
      'Maria Garcia (maria@example.com) moved banks. Please update the "stripe_payout_ref" value held in her private metadata to po_55.',
    );
    expect(JSON.stringify(intent)).not.toMatch(/"remove":true|null/);
  });
});

describe('polite wishes, defined terms and values pointed at', () => {
  it('"we would be grateful if X could be locked" is a request, not a condition', async () => {
    const stack = createStack();
    const turn = await stack.say('We would be grateful if the account of jane@example.com could be locked.');
    expect(actions(turn)).toEqual(['clerk_user_lock']);
  });

  it('a negated polite wish asks for nothing', async () => {
    const stack = createStack();
    const turn = await stack.say('We would be grateful if jane@example.com could not be banned for now.');
    expect(actions(turn)).not.toContain('clerk_user_ban');
  });

  it('a defined term is said as what it names', () => {
    const s = analyze(
      'Please amend the JWT template named "hasura" (the "Template"): the Template\'s lifetime is 600.',
    );
    const out = withDefinedTerms(s.masked, s.ents);
    expect(out).not.toMatch(/Template|\(/);
    expect(out).toMatch(/the template ⟦q0⟧'s lifetime/);
  });

  it('a defined term reaches the record it names', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Please amend the JWT template named "hasura" (the "Template") so that tokens issued under the Template have a lifetime of 600 seconds.',
    );
    expect(turn.pending.map((p) => [p.action, p.args.lifetime])).toEqual([['clerk_jwt_template_update', 600]]);
  });

  it('"change the name to reflect this" takes the name the message says it now is', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'The shop is now "Globex Retail". Please change the name of the org Globex to reflect this.',
    );
    expect(turn.pending.map((p) => p.args.name)).toEqual(['Globex Retail']);
  });

  it('an update that says no field beside an update of the same record is no second ask', () => {
    const steps: Intent[] = [
      { kind: 'named_update', resource: 'jwt', fields: { lifetime: 300 } },
      { kind: 'named_update', resource: 'jwt', fields: {} },
    ];
    expect(withoutRestated(steps)).toEqual([steps[0]]);
    // (An empty update of another kind of record stays: it is asked about.)
    const other: Intent[] = [steps[0]!, { kind: 'org_update', fields: {} }];
    expect(withoutRestated(other)).toHaveLength(2);
  });
});

describe('sentences that only limit a request', () => {
  it('drops "don\'t delete or ban him yet", a subject line and "X stays as it is"', () => {
    expect(withoutConstraints("Lock dave@acme.test till Monday. Don't delete or ban him yet")).toBe(
      'Lock dave@acme.test till Monday',
    );
    expect(withoutConstraints('RE: ban appeal\nPlease unlock dave@acme.test.')).toBe('Please unlock dave@acme.test.');
    expect(withoutConstraints('Make Ann an admin of Foo. The viewer there stays as it is.')).toBe(
      'Make Ann an admin of Foo',
    );
  });

  it('keeps a sentence that also asks, a question, a lasting state and a removal said as "not retained"', () => {
    const kept = [
      'In Foo revoke the newest invite, the other one stays.',
      'Could you alter the template so its tokens remain usable a day.',
      'Which templates exist and for how long does a token remain valid?',
      'The region entry should not be retained. Remove it from her account.',
      "Don't delete Ann, ban her instead.",
    ];
    for (const text of kept) expect(withoutConstraints(text)).toBe(text);
  });

  it('a limit never becomes the ask: "lock the newest account. don\'t delete or ban it"', async () => {
    const stack = createStack();
    const turn = await stack.say("someone odd signed up, the newest account. can you lock it? don't delete or ban it");
    expect(actions(turn)).toEqual(['clerk_user_lock']);
  });

  it('a memo subject that names an act is no ask (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say('RE: ban review\nACTION: dave@acme.test to be unlocked.');
    expect(actions(turn)).not.toContain('clerk_user_ban');
  });

  it('whoever a limiting sentence names stays out of a bulk change (safety)', async () => {
    for (const kept of ['Viktor Crane stays banned.', 'viktor.crane@outlook.test is to remain banned.']) {
      const stack = createStack();
      const turn = await stack.say(`Please unban every banned account. ${kept}`);
      expect(actions(turn)).toEqual(['clerk_user_unban', 'clerk_user_unban']);
      expect(JSON.stringify(turn.pending)).not.toMatch(/user_2WHoud37sEtAv1qkVAXp700001u/);
    }
  });

  it('whoever a limiting sentence names is never the target of a change (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say('Lock jane@example.com now. jane@example.com stays as she is.');
    expect(turn.pending).toEqual([]);
  });
});

describe('guards', () => {
  it('who speaks a chat line is never whom "him" means (behaviour: the transcript reader also keeps speakers out)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      [
        '[8:02 PM] chris: this one guy ethan@mail.test spams scam links in every channel',
        '[8:03 PM] chris: got receipts if u want',
        'can u ban him pls',
      ].join('\n'),
    );
    expect(JSON.stringify(turn.pending)).not.toMatch(/user_2zeWJUSkSsPw0IZdB157l00000E/);
  });

  it("an organization's invitations are never revoked as application invitations (safety)", async () => {
    const stack = createStack();
    const turn = await stack.say(
      'First list the org invitations of Acme Corp that are pending. Then revoke all of them.',
    );
    expect(actions(turn)).not.toContain('clerk_invitation_revoke');
  });

  it('chat fillers are no part of the request', async () => {
    const stack = createStack();
    const turn = await stack.say('ngl just kick dave@acme.test from acme lol');
    expect(actions(turn)).toEqual(['clerk_org_membership_delete']);
  });

  it('"accts" in a bulk undo is accounts', () => {
    expect(parse('all currently banned accts to be unbanned.')).toMatchObject({
      kind: 'bulk_user_action',
      action: 'clerk_user_unban',
    });
  });
});

describe('slips of the keys', () => {
  it('a short verb with a letter typed early, and a list word used as a verb', () => {
    expect(correctTypos('can u bnan jane')).toBe('can u ban jane');
    expect(correctTypos('pls whitelst her')).toBe('pls whitelist her');
  });

  it('a misspelt participle where a passive puts one, and nothing else', () => {
    expect(correctParticiples('his login could be unlokced')).toBe('his login could be unlocked');
    expect(correctParticiples('she should get remvoed from Foo')).toBe('she should get removed from Foo');
    for (const text of ['it was locked', 'it has been listed', 'the org is named Foo', 'the file was used'])
      expect(correctParticiples(text)).toBe(text);
  });

  it('a polite wish with misspelt words still asks', async () => {
    const stack = createStack();
    const turn = await stack.say('We would be most gratefull if the acount of lee@initech.test could be unlokced.');
    expect(actions(turn)).toEqual(['clerk_user_unlock']);
  });

  it('a misspelt template name is the one template it is a slip of, never the one the message keeps', async () => {
    const stack = createStack();
    const turn = await stack.say('please delete the supabsae jwt template');
    expect(turn.pending.map((p) => [p.action, p.args.template_id])).toEqual([
      ['clerk_jwt_template_delete', 'jtmp_2tvWaeY96PFeezvjT15wz00004q'],
    ]);
    const kept = await createStack().say('pls get rid of the jwt templat for supabsae, the hasura one we keep');
    expect(JSON.stringify(kept.pending)).not.toMatch(/jtmp_2z29VnbyKqu5CHa9XfLpf00004p/);
  });
});

describe('asides and casual forms', () => {
  it('an identifier in brackets after a name is which record, never a new value', () => {
    const intent = parse('Raise the member limit of organization "Globex" (slug globex) from 10 to 30.');
    expect(intent).toMatchObject({ kind: 'org_update', fields: { max_allowed_memberships: 30 } });
    expect(JSON.stringify(intent)).not.toMatch(/"slug"/);
  });

  it('"can ya" is "can you"', () => {
    expect(parse("can ya set hooli's member cap to 12?")).toMatchObject({
      kind: 'org_update',
      fields: { max_allowed_memberships: 12 },
    });
  });

  it('"put K to false" in a message about metadata writes the key, never adds anyone to an org called "false"', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Jane Doe asked us to stop the digest mails. In her public metadata, put digest to false.',
    );
    expect(turn.pending.map((p) => [p.action, p.args.public_metadata])).toEqual([
      ['clerk_user_update', { digest: false }],
    ]);
  });

  it('"take X off admin at Foo" keeps the membership and drops the role', () => {
    expect(parse('take dave@acme.test off admin at acme')).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:member',
    });
  });
});

describe('readings the message itself shows are wrong (safety)', () => {
  it('"remove his membership of the Foo organisation" removes him, never deletes the organization', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Kim Lee (kim.lee@acme.test) has left. Action needed: remove his membership of the Acme Inc organisation today. His user record is NOT to be deleted.',
    );
    expect(actions(turn)).not.toContain('clerk_organization_delete');
    expect(parse('remove him from the Acme Inc organization')).toMatchObject({ kind: 'membership_remove' });
    // (The reading a forwarded leaver notice had produced.)
    expect(memberNotOrg({ kind: 'org_delete', orgs: [{ kind: 'name', value: 'him from the Acme Inc' }] })).toEqual({
      kind: 'membership_remove',
      org: { kind: 'name', value: 'Acme Inc' },
      users: [{ kind: 'pronoun', value: 'him' }],
    });
  });

  it('a person vouched for is never whom "him" means', async () => {
    const stack = createStack();
    const turn = await stack.say(
      [
        '[7:15 PM] liamt: heads up mods',
        '[7:15 PM] liamt: some dude ethan (ethan@mail.test) is spamming "free coins" links',
        '[7:16 PM] liamt: two of my mates fell for it',
        'ban him pls, liam is legit',
      ].join('\n'),
    );
    expect(JSON.stringify(turn.pending)).not.toMatch(/user_2XWIsgzAkIscBEqX0lhV300001W/);
  });

  it('"with the same role as Y" is never guessed as the default role', async () => {
    const stack = createStack();
    for (const text of [
      'Invite kai@acme.test to Acme Inc with the same role that Tom Nguyen holds there.',
      'Invite kai@acme.test to the Acme Inc organisation with the same role currently held by Grace Kim.',
    ]) {
      const turn = await createStack().say(text);
      expect(turn.pending).toEqual([]);
      expect(turn.text).toMatch(/same role/i);
    }
    // (A person's own role is the move reader's: "same role he has now".)
    const own = await stack.say('move Omar Haddad from Acme to Globex, same role he has now');
    expect(own.pending.length).toBeGreaterThan(0);
  });

  it('an address said with the blocklist is not added to the allowlist', () => {
    const intent = parse(
      'Dear team, two matters. Firstly, the address new@globex.test must be permitted to sign up. Secondly, the address old@mailinator.com was blocked by mistake some time ago. Would it be possible to add new@globex.test to the allowlist, and to remove old@mailinator.com from the blocklist?',
    );
    const steps = (intent.kind === 'sequence' ? intent.steps : [intent]) as Array<Record<string, unknown>>;
    const on = (list: string) => steps.filter((s) => s.list === list).flatMap((s) => s.identifiers as string[]);
    expect(on('allowlist')).toEqual(['new@globex.test']);
    expect(on('blocklist')).toEqual(['old@mailinator.com']);
  });

  it('a record is never created under a "name" that is part of a sentence', async () => {
    const stack = createStack();
    const turn = await stack.say(
      "the Internal Dashboard app needs https://rota.example.test/cb as a redirect too, the old one must keep working, so add the new one don't swap it",
    );
    expect(actions(turn)).not.toContain('clerk_client_create');
  });
});
