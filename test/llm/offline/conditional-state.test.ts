/**
 * Round 4 of issue 15: a change asked only on a condition about the target's own state ("is X banned? if not, ban
 * him") is that change, because the ban/unban/lock/unlock planners read the account first and answer "already".
 * Phrasings invented here, in several voices; the safety half checks that a condition which is NOT the verb's own
 * precondition is never turned into an unconditional change, and that an account already in the state changes
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { checkQuestions } from '../../../src/llm/offline/checks.js';
import { conditionalChanges } from '../../../src/llm/offline/conditional.js';
import { imperative } from '../../../src/llm/offline/request-form.js';
import { createStack } from './drive.js';

describe('a change on its own precondition → the bare change', () => {
  it.each([
    ['is Zoe Adams banned? if not, ban her', 'ban Zoe Adams'],
    ['Zoe Adams -> locked? if not go ahead and lock', 'lock Zoe Adams'],
    ['Monica Hall: banned? If not then please ban', 'ban Monica Hall'],
    ["if she's banned unban her, otherwise just tell me", 'unban her'],
    ['If Ahmed Ali is still locked, unlock him. Otherwise let me know.', 'unlock Ahmed Ali.'],
    ['can you check whether Tom Baker is locked and if not, lock him', 'lock Tom Baker'],
    ["lock Noah Wilson unless he's already locked", 'lock Noah Wilson'],
    ['pls ban olivia brown if she is not banned yet', 'ban olivia brown'],
    ['We only want to know if Ava Thompson is locked; if so, unlock her', 'unlock Ava Thompson'],
  ])('%s → %s', (said, meant) => {
    expect(conditionalChanges(said)).toBe(meant);
  });

  it.each([
    // A condition the verb does not check itself stays a condition (never widened into an unconditional change).
    ["if he's banned, lock him", "if he's banned, lock him"],
    ['is Zoe Adams banned? if so, ban her again', 'is Zoe Adams banned? if so, ban her again'],
    ['lock Noah Wilson if he is locked', 'lock Noah Wilson if he is locked'],
    ['why is Zoe Adams banned?', 'why is Zoe Adams banned?'],
    ['users banned?', 'users banned?'],
  ])('leaves "%s" alone', (said, meant) => {
    expect(conditionalChanges(said)).toBe(meant);
  });

  it.each([
    ['Could you check if Zoe Adams is banned?', 'is Zoe Adams banned?'],
    ['we just want to know whether Ahmed Ali is locked right now', 'is Ahmed Ali locked?'],
    ['Zoe Adams -> banned?', 'is Zoe Adams banned?'],
  ])('reads the check "%s" as the state question', (said, meant) => {
    expect(checkQuestions(said)).toBe(meant);
  });

  it('drops "if it already is, no need to do anything" after a request', () => {
    expect(conditionalChanges('make sure Ann Lee is locked. If it already is then fine, nothing to do, tell me.')).toBe(
      'make sure Ann Lee is locked.',
    );
  });
});

describe('conditional changes through the real stack', () => {
  it.each([
    'sam taylor => banned? if not, go ahead and ban',
    'Did anyone ban Sam Taylor already? If not, ban him pls',
    "ban sam.taylor@globex.test unless he's already banned",
  ])('"%s" on a banned account changes nothing and says so', async (said) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/already banned/);
  });

  it('says "not banned" for an unban conditioned on a ban the account does not have', async () => {
    const stack = createStack();
    const turn = await stack.say("Zoe Adams can't get in. if she's banned unban her, otherwise just tell me");
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Zoe Adams .*is not banned/);
  });

  it('proposes the change, gated, when the account is not in the state', async () => {
    const stack = createStack();
    const turn = await stack.say('is zoe@mail.test locked? if not, lock her');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_lock']);
    expect(turn.text).not.toMatch(/already/);
  });
});

describe('a participle before a noun describes, it asks for nothing', () => {
  it.each([
    'Need the list of currently banned users for the audit - names only.',
    "we'd like an overview of locked accounts please",
    'could you get me the banned users and their emails',
    'I want all locked people on one page for compliance',
    'pls need banned accounts for the board deck, read only',
  ])('"%s" lists and changes nothing', async (said) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.reads.map((r) => r.action)).toContain('clerk_users_list');
    expect(turn.reads.every((r) => !('query' in r.args))).toBe(true);
  });

  it.each([
    'we need a tally of banned users by next week',
    'I need the locked accounts and their sign-up dates',
    'please get the revoked invitations into a sheet',
  ])('request-form leaves "%s" alone (the participle is an adjective)', (said) => {
    expect(imperative(said)).toBe(said);
  });

  it('still reads "we need Zoe Adams banned" as the ban', async () => {
    const stack = createStack();
    const turn = await stack.say('we need Zoe Adams banned');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_ban']);
  });
});
