/**
 * Second round of issue 15's general mechanisms: request forms reduced to the imperative (request-form.ts),
 * pasted layout (lines, bullets, quoted history, signature), and misspelt names matched against lookups
 * (fuzzy.ts). The safety half matters as much as the reach: a negated or past-tense sentence never becomes an
 * instruction, and a misspelt name that is close to two records is asked about, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { nearest, tolerance } from '../../../src/llm/offline/fuzzy.js';
import { imperative, layout } from '../../../src/llm/offline/request-form.js';
import { createStack } from './drive.js';

describe('request forms → the imperative', () => {
  it.each([
    ['⟦e0⟧ should be locked until further notice', 'lock ⟦e0⟧ until further notice'],
    ['⟦e0⟧ needs to be removed from Acme', 'remove ⟦e0⟧ from Acme'],
    ['⟦e0⟧ can be unbanned now', 'unban ⟦e0⟧ now'],
    ['the account for ⟦e0⟧ must be deleted', 'delete the account for ⟦e0⟧'],
    ['I need the ⟦h0⟧ domain gone', 'delete the ⟦h0⟧ domain'],
    ['we want ⟦e0⟧ gone from Globex', 'remove ⟦e0⟧ from Globex'],
    ['please get ⟦e0⟧ unlocked', 'unlock ⟦e0⟧'],
    ['can you make sure ⟦e0⟧ is banned', 'ban ⟦e0⟧'],
    ['is it possible to unlock Lee Wong', 'unlock Lee Wong'],
    ['⟦e0⟧ shouldn’t be on the blocklist anymore', 'remove ⟦e0⟧ from the blocklist'],
    ['⟦e0⟧ should no longer be in Initech', 'remove ⟦e0⟧ from Initech'],
    ["Umbrella Corp's slug should be umbrella-corp", "set Umbrella Corp's slug to umbrella-corp"],
    ['the lifetime of the hasura template should be 300', 'set the lifetime of the hasura template to 300'],
    // Context before the request in the same sentence stays; "she … taken out of" is "remove her from".
    [
      'Natasha (⟦e0⟧) no longer works with us, she needs to be taken out of Stark',
      'Natasha (⟦e0⟧) no longer works with us, remove her from Stark',
    ],
    ['could you possibly revoke the invitation to ⟦e0⟧', 'revoke the invitation to ⟦e0⟧'],
    ['Bob Stone should just be a regular member of Globex, not an admin', 'make Bob Stone a regular member of Globex'],
    [
      'the Zapier oauth app should only have the profile and email scopes',
      "set the Zapier oauth app's scopes to profile and email",
    ],
    ['*@x.test should be added to the blocklist', 'add *@x.test to the blocklist'],
  ])('%s → %s', (said, meant) => {
    expect(imperative(said)).toBe(meant);
  });

  // Safety: each of these must stay as it is — rewriting it would turn a report, a negation or a question into
  // a change nobody asked for.
  it.each([
    '⟦e0⟧ should not be banned',
    '⟦e0⟧ was banned yesterday',
    'is ⟦e0⟧ locked',
    'who should be removed from Acme',
    'nobody needs to be removed',
    'ban ⟦e0⟧',
    'she was taken out of Stark last week',
    'he should be taken to lunch',
    'who should be an admin of Globex',
    'Bob was an admin of Globex',
    '⟦e0⟧ doesn’t need to be removed from Acme after all',
    "⟦e0⟧ doesn't need to be removed from Acme after all",
    'we never want ⟦e0⟧ banned',
    'Bob Stone should not be an admin of Globex',
    // An answer to "which email?" keeps its words: the question's own parser reads the role from them.
    'Her email is ⟦e0⟧, and she should be a regular member',
  ])('leaves "%s" alone', (said) => {
    expect(imperative(said)).toBe(said);
  });

  it('never plans a change for "X doesn\'t need to be removed from Acme after all"', async () => {
    const stack = createStack();
    const turn = await stack.say("grace@acme.test doesn't need to be removed from Acme after all");
    expect(turn.pending).toEqual([]);
    expect(turn.reads.filter((r) => r.action === 'clerk_organizations_list')).toEqual([]);
    expect(turn.text).toMatch(/I changed nothing: "grace@acme\.test doesn't need to be removed/);
  });

  it('never plans a change for a negated passive ("X should not be banned")', async () => {
    const stack = createStack();
    const turn = await stack.say('mallory@evil.test should not be banned');
    expect(turn.pending).toEqual([]);
  });
});

describe('pasted layout', () => {
  it('makes each line or bullet a sentence', () => {
    expect(layout('few things:\n- unlock a@x.test\n- ban b@x.test\n* add c to the blocklist')).toBe(
      'few things. unlock a@x.test. ban b@x.test. add c to the blocklist.',
    );
  });

  it('drops quoted history and mail headers when the author wrote something', () => {
    const text = 'From: Kim\nSubject: access\n\nPlease lock x@y.test.\n\n> On Monday, Kim wrote:\n> delete everyone';
    expect(layout(text)).toBe('Please lock x@y.test.');
  });

  it('drops a signature block after a sign-off line', () => {
    expect(layout('Could you unban x@y.test?\n\nThanks in advance,\nRachel\nIT Security')).toBe(
      'Could you unban x@y.test?',
    );
  });

  it('keeps JSON spread over lines as it is', () => {
    const text = 'create a template called t with claims {\n "a": 1\n}';
    expect(layout(text)).toBe(text);
  });

  it('plans every request of a bulleted list', async () => {
    const stack = createStack();
    const turn = await stack.say('few things:\n- unlock lee@initech.test\n- lock zoe@mail.test');
    expect(turn.pending.map((p) => p.action).sort()).toEqual(['clerk_user_lock', 'clerk_user_unlock']);
  });
});

describe('misspelt names', () => {
  it('allows more slips in longer names, none in short ones', () => {
    expect(tolerance('Bob')).toBe(0);
    expect(tolerance('Globx')).toBe(1);
    expect(tolerance('Peter Gibons')).toBe(2);
  });

  it('returns only the nearest records, and none when nothing is close', () => {
    const names = ['Globex', 'Hooli', 'Initech', 'Umbrella Corp'];
    expect(nearest('Globx', names, (n) => [n])).toEqual(['Globex']);
    expect(nearest('Wayne Corp', names, (n) => [n])).toEqual([]);
    expect(nearest('Gleb', names, (n) => [n])).toEqual([]);
  });

  it('resolves a misspelt person to the one user that close, shown in full on the card', async () => {
    const stack = createStack();
    const turn = await stack.say('lock Peter Gibons');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_lock']);
    expect(turn.text).toMatch(/Peter Gibbons <peter@initech\.test>/);
  });

  it('resolves a misspelt organization against the full listing', async () => {
    const stack = createStack();
    const turn = await stack.say('add grace@acme.test to Globx as a member');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_org_membership_create']);
    expect(turn.text).toMatch(/Globex/);
  });

  it('returns every record at the smallest distance, so two equally close names are asked about', () => {
    expect(nearest('Lee Wung', ['Lee Wong', 'Lee Wang', 'Ada Wong'], (n) => [n])).toEqual(['Lee Wong', 'Lee Wang']);
  });

  it('a misspelt JWT template name resolves to the one template that close', async () => {
    const stack = createStack();
    const turn = await stack.say('pls delte the jwt templte supabse');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_jwt_template_delete']);
    expect(turn.text).toMatch(/supabase/);
  });
});

describe('references and questions (round 2)', () => {
  it("a word for the people holding a role ('Hooli's billing person') is a role reference", async () => {
    const stack = createStack();
    const turn = await stack.say("remove Hooli's billing person from the org");
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_org_membership_delete']);
    expect(turn.text).toMatch(/Monica Hall/);
  });

  it('a question followed by "and what …" asks both, about the same person', async () => {
    const stack = createStack();
    const turn = await stack.say("which orgs is Jane Doe in and what's her role in each?");
    expect(turn.pending).toEqual([]);
    expect(turn.reads.filter((r) => r.action === 'clerk_org_membership_get')).toHaveLength(2);
    expect(turn.text).toMatch(/Hooli[\s\S]*viewer/);
  });

  it("a metadata owner before \"'s … metadata\" wins over the value after 'to'", async () => {
    const stack = createStack();
    const turn = await stack.say("set Omar's private metadata employee_id to ACME-0042");
    expect(turn.pending.map((p) => [p.action, p.args.private_metadata])).toEqual([
      ['clerk_user_update', { employee_id: 'ACME-0042' }],
    ]);
  });
});
