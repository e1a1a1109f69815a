/**
 * Round 13 of the offline model: a change said by its old and new values (the field found in the data), an
 * organization said by one distinguishing word ("the Engineering group"), the writer's sign-off never taken as the
 * person meant, a person said by what they are ("that parent") asked about rather than guessed. Invented phrasings on
 * the demo seed. Tests marked (safety) were seen to fail with their guard removed.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { byGroupWord } from '../../../src/llm/offline/listed-names.js';
import { createStack, NOW } from './drive.js';

describe('a change said by its old and new values', () => {
  it('reads the new value, never a plain word ("to match" is no value)', () => {
    expect(parseRequest('her badge says Sales; could you change it to Marketing?', NOW)).toMatchObject({
      kind: 'value_swap',
      to: 'Marketing',
    });
    expect(
      parseRequest('the login handle is "gracekim", she would like it like this: grace.k. ok?', NOW),
    ).toMatchObject({ kind: 'value_swap', to: 'grace.k' });
    expect(parseRequest('Bob Stone moved teams, can we update his profile to match?', NOW).kind).not.toBe('value_swap');
  });

  it('finds the field whose current value the message says: a username', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Grace Kim signs in with the short name "gracekim" and wants it with a dash, like this: grace-kim. Can you do that?',
    );
    expect(turn.pending.map((p) => [p.action, p.args.username])).toEqual([['clerk_user_update', 'grace-kim']]);
  });

  it('a metadata value, the key found in the record', async () => {
    const stack = createStack();
    const turn = await stack.say('Joanna Lee is on the night shift in her profile, could you change it to Early?');
    expect(turn.pending).toHaveLength(1);
    expect(JSON.stringify(turn.pending[0]!.args)).toMatch(/"shift":"Early"/);
  });

  it("an organization's member limit said in words", async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Stark Industries can only take ten people at the moment; could you raise what they are allowed to twelve?',
    );
    expect(turn.pending.map((p) => [p.action, p.args.max_allowed_memberships])).toEqual([
      ['clerk_organization_update', 12],
    ]);
  });

  it('proposes nothing when no setting holds a value the message says (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say('Joanna Lee says it shows Purple on her profile, could you change it to Green?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Nothing was changed/);
  });

  it('the name the record was found by is not a value said of it: "Stark Industries" is not the slug "stark"', async () => {
    const stack = createStack();
    const turn = await stack.say('the Stark Industries group holds 10 people, could you make it 15?');
    expect(turn.pending.map((p) => p.args.slug)).toEqual([undefined]);
    expect(turn.pending.map((p) => p.args.max_allowed_memberships)).toEqual([15]);
  });

  it('a number the field holds now, then the one wanted: the new one is set (safety)', () => {
    const intent = parseRequest('the Globex org only lets 25 people in. could we make it 30?', NOW);
    expect(JSON.stringify(intent)).not.toMatch(/"max_allowed_memberships":25/);
  });
});

describe('an organization said by one word of its name', () => {
  const orgs = [{ name: 'Northside Volunteers' }, { name: 'Northside Staff' }, { name: 'Parents Forum' }];
  it.each([
    ['please add her to the Volunteers group', 'Northside Volunteers'],
    ['put him in our staff team', 'Northside Staff'],
  ])('%s', (text, name) => expect(byGroupWord(text, orgs).map((o) => o.name)).toEqual([name]));

  it('a word several names share names none of them (safety)', () => {
    expect(byGroupWord('add her to the Northside group', orgs)).toEqual([]);
  });
});

describe("the writer's sign-off is not the person meant", () => {
  it('"…, thank you so much, Grace" leaves Grace out of a change on "them all" (safety)', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Hello, could you change every one of the members in Acme from member to viewer? Thank you so much, Grace',
    );
    expect(turn.pending.filter((p) => /grace/i.test(JSON.stringify(p)))).toEqual([]);
  });
});

describe('a person said by what they are is asked about, never guessed', () => {
  it('"pop that volunteer into Acme" names nobody, even with a name elsewhere (safety)', () => {
    const intent = parseRequest(
      'Whichever team Mr Stone is on, the volunteer from that team wants in. Could you pop that volunteer into Acme as a member?',
      NOW,
    );
    expect(intent).toMatchObject({ kind: 'unknown' });
    expect((intent as { reason?: string }).reason).toMatch(/who "(?:that )?volunteer" is/);
  });
});
