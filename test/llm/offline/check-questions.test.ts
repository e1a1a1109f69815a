/**
 * Round 2 of issue 15: questions that only check ("did we ever ban X?"), fields said as where they should go
 * ("X's seat limit needs to go up to 40"), a new name said as how it should show, and possessive pronouns for a
 * user's last sign-in. Each rule is tested on four phrasings invented here; the safety half checks that a check
 * never becomes a change.
 */
import { describe, expect, it } from 'vitest';
import { checkQuestion, checkQuestions } from '../../../src/llm/offline/checks.js';
import { imperatives } from '../../../src/llm/offline/request-form.js';
import { createStack } from './drive.js';

describe('check-only questions → state questions', () => {
  it.each([
    ['did we ever ban Ann Lee?', 'is Ann Lee banned?'],
    ['have you already locked ⟦e0⟧', 'is ⟦e0⟧ locked'],
    ['has anyone banned him yet?', 'is him banned?'],
    ['did someone actually lock Bob Stone before?', 'is Bob Stone locked?'],
    ['was she ever banned?', 'is she banned?'],
    ['has ⟦e0⟧ been locked already?', 'is ⟦e0⟧ locked?'],
  ])('%s → %s', (said, meant) => {
    expect(checkQuestion(said)).toBe(meant);
  });

  it.each(['ban Ann Lee', 'did we invite Ann Lee?', 'who banned Ann Lee?', 'was it banned?', 'we banned him'])(
    'leaves "%s" alone',
    (said) => {
      expect(checkQuestion(said)).toBe(said);
    },
  );

  it('drops a follow-up conditioned on the check, and only after a check', () => {
    expect(checkQuestions('Did we ever ban him? If not we should.')).toBe('is him banned?');
    expect(checkQuestions('Ban him. If not possible, lock him.')).toBe('Ban him. If not possible, lock him.');
  });

  it.each([
    'Bills are overdue for Sam Taylor. Did we ever ban him? If not I guess we should.',
    'Has anybody banned Sam Taylor yet? if not, please do',
    'was Sam Taylor ever banned? if so, leave it',
    'Sam Taylor keeps charging back. Have you already banned him?',
  ])('answers "%s" from the account and changes nothing', async (said) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Sam Taylor .* is banned right now/);
  });

  it('says "not" when the account is not in that state, still changing nothing', async () => {
    const stack = createStack();
    const turn = await stack.say('did we ever lock Peter Gibbons? if not we should');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/No: Peter Gibbons .* is not locked/);
  });
});

describe('a field said as where it should go', () => {
  it.each([
    ["Hooli's seat limit needs to go up to 40 members", "set Hooli's seat limit to 40 members"],
    ['the member cap of Globex should be raised to 25', 'set the member cap of Globex to 25'],
    ["Acme's slug has to change to acme-hq", "set Acme's slug to acme-hq"],
    ['they renewed so I think their org’s seat limit must go down to 5', 'they renewed, set the seat limit to 5'],
  ])('%s → %s', (said, meant) => {
    expect(imperatives(said)).toBe(meant);
  });

  it.each([
    'Ann Lee would like his surname to show as Lee-Park',
    'Ann Lee wants her last name to read as Lee-Park',
    'Ann Lee would like her surname to be Lee-Park',
    'Ann Lee asked for her family name to change to Lee-Park',
  ])('reads a new last name in "%s"', (said) => {
    expect(imperatives(said)).toMatch(/change the last name of (?:him|her) to Lee-Park$/);
  });

  it.each(["Hooli's seat limit should not go up to 40", 'the seat limit of Hooli must never be raised to 40'])(
    'leaves the negated "%s" alone',
    (said) => {
      expect(imperatives(said)).toBe(said);
    },
  );

  it('plans the limit for the organization the message names when it says "their org"', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Somebody at Stark renewed the plan today so I think their org’s seat limit needs to go up to 40 members.',
    );
    expect(turn.pending.map((p) => [p.action, p.args])).toEqual([
      ['clerk_organization_update', expect.objectContaining({ max_allowed_memberships: 40 })],
    ]);
  });
});

describe('possessive pronouns for the last sign-in', () => {
  it.each([
    'Peter Gibbons may have left. When was his last sign-in?',
    'Peter Gibbons has been quiet; what date was his last sign-in?',
    'Peter Gibbons seems inactive. Show me his last sign in.',
  ])('reads the named user in "%s"', async (said) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.reads.some((r) => JSON.stringify(r.args).includes('Peter Gibbons'))).toBe(true);
    expect(turn.text).toMatch(/last sign(?:ed)?[- ]in/);
  });
});

describe("an organization's member limit asked, never changed", () => {
  it.each([
    ['how many seats can Hooli have?', 'Hooli'],
    ['how many members is Hooli allowed to have in total?', 'Hooli'],
    ["what's the member limit of Hooli?", 'Hooli'],
    ['Someone at Hooli asked me how many members their org is allowed to have. Do you know?', 'Hooli'],
  ])('"%s" reads %s and changes nothing', async (said, org) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.reads.some((r) => r.action === 'clerk_organizations_list' && r.args.query === org)).toBe(true);
    expect(turn.text).toMatch(/\(max (?:\d+|unlimited)\)/);
  });

  it('still counts members for "how many members does X have"', async () => {
    const turn = await createStack().say('how many members does Hooli have?');
    expect(turn.reads.some((r) => r.action === 'clerk_org_memberships_list')).toBe(true);
  });
});

describe('creating an organization with someone as its admin', () => {
  it.each([
    'Natasha Romanoff wants her own space. Could you set up a new organization called Red Room, with her as its admin?',
    'please spin up an organization called Red Room with Natasha Romanoff as its first admin',
    'stand up a new workspace called Red Room, with Natasha Romanoff as the owner',
    'create an organization called Red Room with Natasha Romanoff as its admin',
  ])('"%s" asks to create it owned by her', async (said) => {
    const turn = await createStack().say(said);
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_organization_create']);
    expect(turn.pending[0]!.args).toMatchObject({ name: 'Red Room' });
    expect(String(turn.pending[0]!.args.created_by)).toMatch(/^user_/);
  });
});

describe('adding someone who is already a member', () => {
  it.each([
    'add hannah@acme.test to Acme as a member',
    'Hannah Schmidt cannot see Acme. Would it be at all possible to add her to the Acme org as a normal member?',
    'please put hannah@acme.test in Acme',
  ])('"%s" says so and asks for nothing', async (said) => {
    const turn = await createStack().say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/already a member of Acme/);
  });

  it('still asks to add someone who is not a member yet', async () => {
    const turn = await createStack().say('add zoe@mail.test to Stark as a member');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_org_membership_create']);
  });
});

describe('API field names, old → new values and trailing time adverbs', () => {
  it.each([
    ['hooli: max_allowed_memberships 10 -> 12', 'Hooli', 12],
    ['raise the member limit of Hooli from 10 to 12', 'Hooli', 12],
    ['set max_allowed_memberships on the Hooli org to 12 right now', 'Hooli', 12],
    ['Hooli max allowed memberships 10 → 12', 'Hooli', 12],
  ])('"%s" sets %s to %d', async (said, org, max) => {
    const turn = await createStack().say(said);
    expect(
      turn.reads.some(
        (r) => r.action === 'clerk_organizations_list' && String(r.args.query).toLowerCase() === org.toLowerCase(),
      ),
    ).toBe(true);
    expect(turn.pending.map((p) => [p.action, p.args.max_allowed_memberships])).toEqual([
      ['clerk_organization_update', max],
    ]);
  });

  it.each([
    'how many members does Hooli have rn?',
    'how many members does Hooli have right now',
    'how many members does Hooli have atm?',
  ])('"%s" counts the members', async (said) => {
    const turn = await createStack().say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.reads.some((r) => r.action === 'clerk_org_memberships_list')).toBe(true);
  });
});

describe('metadata said in prose, with the owner anywhere', () => {
  it.each([
    ["remove the shift key from Joanna Lee's public metadata", { shift: null }],
    ['joanna lee moved teams. get rid of the shift key in her public metadata', { shift: null }],
    [
      'Joanna Lee helped out — could you flag her as a pilot user in her public md (pilot_user: true)?',
      { pilot_user: true },
    ],
    ["put region = emea inside Joanna Lee's public metadata", { region: 'emea' }],
  ])('"%s" updates her metadata', async (said, meta) => {
    const turn = await createStack().say(said);
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_update']);
    expect(turn.pending[0]!.args.public_metadata).toEqual(meta);
  });
});

describe('a name field with no owner said takes the person the message names', () => {
  it.each([
    'lucas.martin@mail.test got married, last name should be Martin-Silva now',
    'lucas.martin@mail.test changed names; the surname should now be Martin-Silva',
    'Heads up: lucas.martin@mail.test got married. Last name needs to be Martin-Silva from now on',
    'lucas.martin@mail.test is back from leave, family name will be Martin-Silva',
  ])('"%s" changes his last name', async (said) => {
    const turn = await createStack().say(said);
    expect(turn.pending.map((p) => [p.action, p.args.last_name])).toEqual([['clerk_user_update', 'Martin-Silva']]);
  });

  it('leaves a negated one alone', async () => {
    const turn = await createStack().say(
      'lucas.martin@mail.test got married, last name should not be changed to Martin-Silva',
    );
    expect(turn.pending).toEqual([]);
  });
});
