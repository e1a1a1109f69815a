/**
 * Round 15 of the offline model: service-desk forms, requests said twice or by a stand-in verb, conditions that are
 * the change's own precondition, indirect yes/no questions, people described by the invitation they sent or the
 * organization described by who created it (in the passive), a new name said as how someone is shown, and guards
 * against values and references read from the wrong words. Invented phrasings on the demo seed. Tests marked
 * (safety) were seen to fail with their guard removed.
 */
import { describe, expect, it } from 'vitest';
import { oddMetadataKey, parseRequest } from '../../../src/llm/offline/request.js';
import { withoutFormFields } from '../../../src/llm/offline/ticket-form.js';
import { imperatives } from '../../../src/llm/offline/request-form.js';
import { roleRef } from '../../../src/llm/offline/refs.js';
import { keptValues } from '../../../src/llm/offline/exceptions.js';
import { analyze } from '../../../src/llm/offline/entities.js';
import { createStack, NOW } from './drive.js';

const parse = (text: string) => parseRequest(text, NOW);
const actions = (turn: { pending: Array<{ action: string; args: Record<string, unknown> }> }) =>
  turn.pending.map((p) => p.action);

describe('service-desk forms', () => {
  it("drops a form's bookkeeping fields, and its title when the description asks for something", () => {
    const form = [
      'Number: CHG0040111',
      'Type: Standard change',
      'Priority: 2 - High',
      'Requester: Web Team',
      'Category: Portal > Domains',
      'Short description: Retire shop satellite domain',
      'Description:',
      'The shop moved. Please remove the satellite domain shop.example.com.',
    ].join('\n');
    const out = withoutFormFields(form);
    expect(out).not.toMatch(/CHG0040111|Standard change|Priority|Category|Retire shop/);
    expect(out).toMatch(/Requester: Web Team/);
    expect(out).toMatch(/Please remove the satellite domain shop\.example\.com/);
  });

  it('keeps the title when the description only tells the story (the title is then the ask)', () => {
    const form = [
      'Ticket #9001',
      'Priority: Low',
      'Summary: Set my username to noah.w',
      'Description: Signed up with email only and the page loops forever.',
    ].join('\n');
    expect(withoutFormFields(form)).toMatch(/Summary: Set my username to noah\.w/);
  });

  it('a single "Status:" line is no form', () => {
    expect(withoutFormFields('Status: urgent\nplease lock dave@acme.test')).toBe(
      'Status: urgent\nplease lock dave@acme.test',
    );
  });

  it('a change-request form whose headline would read as a user deletion deletes the domain only', async () => {
    const stack = createStack();
    const turn = await stack.say(
      [
        'Number: CHG0040112',
        'Priority: 3 - Moderate',
        'Category: Portal > Domains',
        'Short description: Decommission blog satellite domain',
        'Description:',
        'Please remove the satellite domain blog.example.com from sign-in. The primary domain stays.',
      ].join('\n'),
    );
    expect(actions(turn)).toEqual(['clerk_domain_delete']);
  });
});

describe('a request said twice, or by a stand-in', () => {
  it('"archive his login, i.e. delete it" is the deletion', () => {
    expect(parse('Dave Miller left the company - archive his account, i.e. delete it.')).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_delete',
      targets: [{ kind: 'name', value: 'Dave Miller' }],
    });
  });

  it('a purpose clause with any subject is no part of the request', () => {
    expect(
      parse("Please put tier = gold in Chloe Dubois's public metadata so the billing squad can find her."),
    ).toMatchObject({ kind: 'user_update', fields: { public_metadata: { tier: 'gold' } } });
  });

  it('a metadata key said as its owner\'s property, with "as" for "to"', () => {
    expect(parse('Kindly update the badge number of Omar Haddad as B-17 in his private metadata.')).toMatchObject({
      kind: 'user_update',
      target: { kind: 'name', value: 'Omar Haddad' },
      fields: { private_metadata: { badge_number: 'B-17' } },
    });
    expect(parse('Kindly set the tier of Initech organisation as gold in its metadata.')).toMatchObject({
      kind: 'org_update',
      fields: { public_metadata: { tier: 'gold' } },
    });
  });

  it('"make X as admin" names X, not "X as"', () => {
    expect(parse('Kindly make Priya as admin in Globex organisation.')).toMatchObject({
      users: [{ kind: 'name', value: 'Priya' }],
      role: 'org:admin',
    });
  });

  it('"if she isn\'t locked yet, go ahead" after a check is the lock; the planner reads the state', async () => {
    const stack = createStack();
    const turn = await stack.say('Is dave@acme.test locked? If not, go ahead.');
    expect(actions(turn)).toEqual(['clerk_user_lock']);
  });

  it('a stand-in after an affirmed state could be several things and is not read as a change', async () => {
    const stack = createStack();
    const turn = await stack.say('Is sam.taylor@globex.test banned? If he is, go ahead.');
    expect(turn.pending).toEqual([]);
  });

  it('"make sure X stays banned; if he isn\'t, do the needful" answers "already" for a banned user', async () => {
    const stack = createStack();
    const turn = await stack.say('Make sure Sam Taylor stays banned. If he is not banned, do the needful.');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/already banned/i);
  });
});

describe("conditions that are the change's own precondition", () => {
  it('a restore asked "if she got shut out" checks itself, and "if not, leave everything" asks nothing more', async () => {
    const stack = createStack();
    const turn = await stack.say(
      "Noah Wilson (noah@example.com) says the site keeps bouncing him. Could you get him back in if he got locked out? If he wasn't locked out after all, don't touch anything.",
    );
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/neither banned nor locked/i);
  });

  it('any other condition still stops the change (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say('please delete noah@example.com if he has been locked out');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/condition/i);
  });
});

describe('questions asked indirectly', () => {
  it('"can you check if X is still part of Foo" is the membership question', () => {
    expect(parse('Can you check if Priya Patel is still part of Acme?')).toMatchObject({ kind: 'membership_get' });
  });

  it('"let me know if you need anything" asks no question and the request stands', () => {
    expect(parse('let me know if you need anything else. lock dave@acme.test')).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_lock',
    });
  });

  it('an invitation\'s status asked about, with "do not resend", lists it and changes nothing', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'One query. The invite that went to newhire@acme.test, has it been accepted yet? Please revert, do not resend.',
    );
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/pending/);
  });

  it('"still pending? if so, pull it" revokes the pending invitation', async () => {
    const stack = createStack();
    const turn = await stack.say('is the invitation to newhire@acme.test still pending? if so pull it');
    expect(actions(turn)).toEqual(['clerk_invitation_revoke']);
  });

  it('"has X accepted? if so, cancel it" never revokes: an accepted invitation is not the pending one (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say('has newhire@acme.test accepted the invite? if so, cancel it');
    expect(turn.pending).toEqual([]);
  });

  it('"how many folks are on the Acme workspace" counts Acme\'s members', () => {
    expect(parse('How many folks are on the Acme workspace right now?')).toMatchObject({
      kind: 'members_list',
      count: true,
    });
  });
});

describe('references', () => {
  it('whoever sent an invitation is the person the change is for, never the invited address (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Whoever sent the Acme invite to contractor@acme.test - loop them into Stark Industries as an admin too.',
    );
    expect(actions(turn)).toEqual(['clerk_org_membership_create']);
    expect(turn.text).toMatch(/Alice Chen/);
    expect(turn.text).not.toMatch(/contractor@acme\.test \(user_/);
  });

  it('an invitation with no recorded sender finds nobody, and the reply says where it looked', async () => {
    const stack = createStack();
    const turn = await stack.say('lock the admin who invited nobody@nowhere.test');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/organization invitations to that address/);
  });

  it('an organization said in the passive by who created it is renamed, never the person (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      "Please rename the organisation which was set up by Bill Lumbergh to 'Initech Global'.",
    );
    expect(actions(turn)).toEqual(['clerk_organization_update']);
    expect(turn.pending[0]!.args.name).toBe('Initech Global');
  });

  it('a thing of someone\'s ("Kim\'s tablet") is never a role held in an organization "Kim" (safety)', () => {
    expect(roleRef("Kim's tablet")).toBeUndefined();
    expect(roleRef("Dave's laptop")).toBeUndefined();
    // (A role word still is: "Globex's contractors".)
    expect(roleRef("Globex's contractors")).toMatchObject({ kind: 'role', value: 'org:contractor', org: 'Globex' });
  });

  it("a report about a thing of someone's makes that someone the pronoun's antecedent", () => {
    const read = parse("Dave's tablet went missing on the train. Sign him out everywhere please.");
    expect(JSON.stringify(read)).not.toMatch(/org:tablet/);
    expect(read).toMatchObject({ kind: 'sign_out', targets: [{ value: 'Dave' }] });
  });

  it('the writer\'s address beside "I" is who the request is about', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Please make sure I (bob@globex.test) have admin rights in the Globex organisation. If I already have them, just tell me.',
    );
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/already an admin of Globex/);
  });

  it('a domain described by a word of its host and "satellite"; a word no host holds only describes', async () => {
    for (const said of ['please retire the blog satellite domain', 'could you get rid of the extra satellite domain']) {
      const stack = createStack();
      const turn = await stack.say(said);
      expect(actions(turn)).toEqual(['clerk_domain_delete']);
      expect(turn.text).toMatch(/blog\.example\.com/);
    }
  });

  it('in an invitation message, "take it back" revokes it', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'I sent an invitation to newhire@acme.test by mistake. Can we take it back before she signs up?',
    );
    expect(actions(turn)).toEqual(['clerk_invitation_revoke']);
  });
});

describe('names said as how someone is shown', () => {
  it('"show her as First Last" and "change her surname" change the surname only', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Chloe Dubois got married and would like the site to list her as Chloe Martin from now on. Could you change her surname for her?',
    );
    expect(turn.pending.map((p) => p.args)).toEqual([{ user_id: expect.any(String), last_name: 'Martin' }]);
  });

  it('"has asked that his first name be shown in full as X", with an aside between dashes', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'John Smith of the book group — a former librarian, very exact — has asked that his first name be shown in full as "Jonathan".',
    );
    expect(turn.pending.map((p) => p.args)).toEqual([{ user_id: expect.any(String), first_name: 'Jonathan' }]);
  });

  it('a username is one word: a phrase read as one is never proposed (safety)', () => {
    expect(parse('set the username of liam.t@mail.test to liam turner')).toMatchObject({ kind: 'unknown' });
    expect(parse("change Liam Turner's username to new one please")).toMatchObject({ kind: 'unknown' });
  });
});

describe('letters', () => {
  it('a described person before the name, then "she", is that person', () => {
    expect(
      parse(
        'Secondly, a lovely young lady, Miss Aisha Bello, visited our Poetry Circle last week. She would like to join. Could she be added to the Poetry Circle as an ordinary member?',
      ),
    ).toMatchObject({ kind: 'membership_add', users: [{ kind: 'name', value: 'Aisha Bello' }], role: 'org:member' });
  });

  it('an exception in a sentence that names no set narrows nothing; in one that does, it still stops (safety)', async () => {
    const ok = createStack();
    const turn = await ok.say(
      'Please set John Smith\'s first name to "Jonathan", as he says nobody uses John except his mother.',
    );
    expect(actions(turn)).toEqual(['clerk_user_update']);
    const kept = createStack();
    const refused = await kept.say("revoke all of dave@acme.test's sessions except the one on his iPhone");
    expect(refused.pending).toEqual([]);
  });

  it('misspelt and fond words around a membership add', () => {
    expect(parse('plese could you pop young Mr Noah Wilson into the Acme grup as an ordinery memebr?')).toMatchObject({
      kind: 'membership_add',
      users: [{ kind: 'name', value: 'Noah Wilson' }],
      role: 'org:member',
    });
  });

  it('a role word misspelt twice before "manager" is still the role', () => {
    expect(parse("pls chnage kevin@globex.test's role in the globex org to biling manager")).toMatchObject({
      kind: 'membership_set_role',
      role: 'org:billing',
    });
  });
});

describe('the object of "get / have X <participle>"', () => {
  it('never runs past a new clause: a participle of the condition is not the request (safety)', () => {
    expect(imperatives('please get ⟦e0⟧ sorted if he got locked')).not.toMatch(/^\s*(?:please\s+)?lock\b/);
    expect(imperatives('can you have ⟦e0⟧ helped when she gets banned')).not.toMatch(/\bban\s+⟦e0⟧/);
    // (The request itself is still read: "please get X unlocked".)
    expect(imperatives('please get ⟦e0⟧ unlocked')).toMatch(/\bunlock\s+⟦e0⟧/);
  });

  it('"get him back in if he got locked out" restores sign-in, never locks', () => {
    expect(parse('Could you get noah@example.com back in if he got locked out?')).toMatchObject({
      kind: 'user_restore_sign_in',
    });
  });
});

describe('values and owners said around the metadata', () => {
  it("a ticket's labels are never metadata keys (safety)", () => {
    const read = parse(
      "Requester: Gavin Belson (Hooli)\nPlease delete the beta_flag key from gavin@hooli.test's unsafe metadata entirely.",
    );
    expect(JSON.stringify(read)).not.toMatch(/"Requester"/);
    expect(oddMetadataKey({ kind: 'user_update', fields: { public_metadata: { Requester: 'x' } } } as never)).toBe(
      'Requester',
    );
    // (A key that happens to share a label's word, typed as a key, is a key.)
    expect(
      oddMetadataKey({ kind: 'user_update', fields: { public_metadata: { priority: 'high' } } } as never),
    ).toBeUndefined();
  });

  it('the owner said before the metadata and the pair on the line after "as:"', () => {
    expect(
      parse(
        "Please record it on the Initech organisation in the portal's private metadata as:\n  renewal_date: 2027-03-01\nNothing else.",
      ),
    ).toMatchObject({
      kind: 'org_update',
      org: { kind: 'name', value: 'Initech' },
      fields: { private_metadata: { renewal_date: '2027-03-01' } },
    });
  });

  it('"must no longer be granted the X scope" takes the scope away', () => {
    expect(parse('The "Internal Dashboard" OAuth app must no longer be granted the email scope.')).toMatchObject({
      kind: 'named_update',
      resource: 'oauth',
      fields: { remove_scopes: ['email'] },
    });
  });

  it('"rename it to that" after a name the message says was chosen', () => {
    expect(
      parse('The Hooli team met and agreed on "Hooli Cloud". Please change the org\'s name to that.'),
    ).toMatchObject({ kind: 'org_update', org: { kind: 'name', value: 'Hooli' }, fields: { name: 'Hooli Cloud' } });
  });
});

describe('office English and relative clauses', () => {
  it('"the same organisation in which X is there" and "to whatever organisation X is in" are X\'s organization', async () => {
    for (const said of [
      'Kindly add the user Wei Zhang in the same organisation in which Happy Hogan is there, as member only.',
      'add Wei Zhang to whatever organisation Happy Hogan is in, as a member',
    ]) {
      const stack = createStack();
      const turn = await stack.say(said);
      expect(actions(turn)).toEqual(['clerk_org_membership_create']);
      expect(turn.text).toMatch(/Stark Industries/);
    }
  });

  it('a sign-up invitation is an invitation to the application', () => {
    expect(parse('Please send a sign-up invitation to ravi.k@example.com')).toMatchObject({
      kind: 'invite',
      emails: ['ravi.k@example.com'],
      app: true,
    });
  });

  it('"the said user" after a described person is that person', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'The user who is from Sales department in Acme is serving notice. Kindly lock the account of the said user. Do not delete.',
    );
    expect(actions(turn)).toEqual(['clerk_user_lock']);
  });

  it('"every user who is a member of Foo" is the members of Foo, and "lock only - no bans, …" names nobody (safety)', () => {
    const read = parse(
      'Lock the login of every account that is a member of the Umbrella Corp organisation. Lock only - no bans, no deletions, we will look at each one next week.',
    );
    expect(read).toMatchObject({ kind: 'org_members_bulk', change: { action: 'clerk_user_lock' } });
    // (Read as names, "only - no bans" and "no deletions" had been two users to look up and lock.)
    expect(read).not.toHaveProperty('targets');
  });
});

describe('forms that name the record on one line and the change on another', () => {
  it('"Application: Foo (OAuth app)" then "Change: PKCE to be made mandatory"', () => {
    expect(
      parse(
        'Dear Team,\nApplication: Internal Dashboard (OAuth app)\nChange: PKCE to be made mandatory\nKindly do the needful.',
      ),
    ).toMatchObject({
      kind: 'named_update',
      resource: 'oauth',
      ref: { kind: 'name', value: 'Internal Dashboard' },
      fields: { pkce_required: true },
    });
  });

  it('a key stripped "off" someone\'s metadata is taken from their metadata', () => {
    expect(parse("can you strip the beta_flag key off Noah Wilson's public metadata?")).toMatchObject({
      kind: 'user_update',
      target: { kind: 'name', value: 'Noah Wilson' },
      fields: { public_metadata: { beta_flag: null } },
    });
  });
});

describe('groups, clubs and accounts on the site', () => {
  it('a name said with a group word is an organization to delete, never a person (safety)', () => {
    for (const said of [
      'Would you be so kind as to do away with the Hooli Readers group entirely?',
      'please close the Initech Chess club',
    ])
      expect(parse(said)).toMatchObject({ kind: 'org_delete' });
  });

  it('"X\'s portal account" is X\'s account', () => {
    expect(parse("Please lock Chris's portal account until he has a new laptop.")).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_lock',
      targets: [{ kind: 'name', value: 'Chris' }],
    });
  });

  it('"everyone who is at present barred should be let back in" unbans every banned user (listed first)', () => {
    expect(parse('This winter everyone who is at present barred from the site should be let back in.')).toMatchObject({
      kind: 'bulk_user_action',
      action: 'clerk_user_unban',
      filter: { banned: true },
    });
  });
});

describe("found by the fresh pair's forbidden readings", () => {
  it('a change on everyone in an organization keeps out the roles the message keeps out (safety)', async () => {
    for (const said of [
      'Set every member of Stark Industries who is not an admin to viewer.',
      'Set every member of Stark Industries to viewer, admins unchanged.',
    ]) {
      const stack = createStack();
      const turn = await stack.say(said);
      expect(turn.pending.length).toBeGreaterThan(0);
      expect(turn.text).not.toMatch(/Pepper Potts/);
    }
  });

  it('"skip X" in its own sentence keeps X out of a bulk change (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'lock every @outlook.test account, there is a wave of bad logins. skip ryan, he is fine',
    );
    expect(turn.pending.length).toBeGreaterThan(0);
    expect(turn.text).not.toMatch(/lock Ryan Murphy/);
    expect(turn.text).toMatch(/kept out as you asked \(Ryan Murphy\)/);
  });

  it('an organization said as the topic before a colon is where the invitations are revoked (safety)', () => {
    expect(parse('globex: revoke all the pending invites pls, new process next quarter')).toMatchObject({
      kind: 'org_invitation_revoke',
      all: true,
    });
    // (A label before the colon is no organization.)
    expect(parse('FYI: revoke all the pending invites')).toMatchObject({ kind: 'invitation_revoke', all: true });
  });

  it('a record named only as kept is never the one a deletion falls back to (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say('please delete the jwt templat of supabse, not used. the one for hasura we keep!');
    // (The typo names no template, so it asks which; it never picks the one said as kept.)
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Which one should I delete\?/);
  });
});

describe('lists named up front, and entries said to stay', () => {
  it('"changes to the allowlist: … remove x@y" removes the entry, never deletes the user (safety)', () => {
    const read = parse(
      'Please make these changes to the sign-up allowlist: 1. add *@rovers.test; and 2. remove old.partner@globex.test.',
    );
    expect(JSON.stringify(read)).not.toMatch(/clerk_user_delete/);
    expect(read).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'list_add', list: 'allowlist', identifiers: ['*@rovers.test'] },
        { kind: 'list_remove', list: 'allowlist', identifiers: ['old.partner@globex.test'] },
      ],
    });
  });

  it('the lead that announces the list is no ask of its own (nothing reported as not acted on)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'please make the following changes to the allowlist: 1. add *@rovers.test; and 2. remove partner@globex.test',
    );
    expect(actions(turn)).toEqual(['clerk_allowlist_create', 'clerk_allowlist_delete']);
    expect(turn.text).not.toMatch(/did not act on/);
  });

  it('an address or pattern a sentence says is to remain unchanged is kept out (safety)', () => {
    const typed = analyze(
      'Remove old@globex.test. The allowlist (including the entry for *@acme.test) is to remain unchanged.',
    );
    expect(keptValues(typed.masked, typed.ents)).toEqual(['*@acme.test']);
    // (A sentence that also asks for a change keeps nothing.)
    const asks = analyze('Remove *@acme.test, the rest is to remain unchanged.');
    expect(keptValues(asks.masked, asks.ents)).toEqual([]);
  });

  it('an entry a sentence says is to remain unchanged is not removed', () => {
    const read = parse(
      'add *@rovers.test to the allowlist and remove the entry for old.partner@globex.test from it. The allowlist (including the entry for *@acme.test) is to remain unchanged.',
    );
    expect(JSON.stringify(read)).not.toMatch(/\*@acme\.test/);
  });

  it('"all addresses at the domain foo.test (i.e. *@foo.test)" is the entry, not a domain to create', () => {
    expect(
      parse('Please add all email addresses at the domain rovers.test (i.e. *@rovers.test) to the allowlist.'),
    ).toMatchObject({ kind: 'list_add', list: 'allowlist', identifiers: ['*@rovers.test'] });
  });
});
