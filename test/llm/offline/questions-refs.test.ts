/**
 * Questions that only check, and pronouns that need the order or the number of the people named (issue 15,
 * round 3). Shapes of my own: a statement asked back ("X is banned, right?") is a state question and never a
 * change; "when did they last sign in" after a role holder; "the former / the latter"; "does X have admin in
 * Y?" answered yes or no first.
 */
import { describe, expect, it } from 'vitest';
import { checkQuestions } from '../../../src/llm/offline/checks.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { matchAnswer } from '../../../src/llm/offline/resolve.js';
import { createStack } from './drive.js';

const parse = (text: string) => parseRequest(text, 0);

describe('a statement asked back is a state question', () => {
  it.each([
    ['Ann Lee is banned, right?', 'is Ann Lee banned?'],
    ["Ann Lee's still locked, isn't she?", 'is Ann Lee locked?'],
    ['Ann Lee is unlocked now, correct?', 'is Ann Lee unlocked?'],
    ['Ann Lee is already banned yeah?', 'is Ann Lee banned?'],
    ['Ann Lee is banned, I assume?', 'is Ann Lee banned?'],
  ])('%s → %s', (text, question) => {
    expect(checkQuestions(text)).toBe(question);
  });

  it('a follow-up conditioned on it changes nothing', () => {
    expect(parse('Ann Lee is banned, right? If she is, leave it.')).toMatchObject({
      kind: 'user_lookup',
      asks: 'banned',
    });
  });

  it('through the loop: an answer, no change', async () => {
    const stack = createStack();
    const turn = await stack.say('Sam Taylor is banned, right? if so leave it alone');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/^Yes/m);
  });
});

describe('pronouns that need who was named', () => {
  it('"they" after a role holder is that holder', () => {
    const intent = parse('who is the admin of Umbrella and when did they last sign in?');
    expect(intent).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'members_list', role: 'org:admin' },
        { kind: 'user_when', user: { kind: 'role', value: 'org:admin', org: 'Umbrella', one: true } },
      ],
    });
  });

  it.each([
    ['Nia Okafor and Carl Ray both left; lock the latter', 'Carl Ray'],
    ['Nia Okafor and Carl Ray both left; lock the former', 'Nia Okafor'],
    ['nia@x.test, then carl@x.test were reported. please lock the latter', 'carl@x.test'],
  ])('%s → %s', (text, who) => {
    expect(JSON.stringify(parse(text))).toContain(who);
  });

  it('with one person named, "the latter" names nobody', () => {
    expect(JSON.stringify(parse('Carl Ray is fine. lock the latter'))).not.toContain('Carl Ray');
  });
});

describe('a role asked about is answered yes or no', () => {
  it.each([
    ['does Ann Lee have admin in Umbrella?', 'org:admin'],
    ['has Ann Lee got the billing role at Umbrella?', 'org:billing'],
    ['is Ann Lee a viewer of Umbrella?', 'org:viewer'],
    ['is Ann Lee the billing person at Umbrella?', 'org:billing'],
    ['do Ann Lee have admin rights in Umbrella', 'org:admin'],
  ])('%s', (text, asks) => {
    expect(parse(text)).toMatchObject({ kind: 'membership_get', asks, org: { value: 'Umbrella' } });
  });

  it('through the loop: "No:" when the role differs, nothing changed', async () => {
    const stack = createStack();
    const turn = await stack.say('does Fatima Zahra have admin in Globex?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/^No: Fatima Zahra/m);
  });
});

describe('answers to "which one?" and requests passed on', () => {
  const people = [
    { n: 'Nia Okafor', e: 'nia@globex.test' },
    { n: 'Nia Park', e: 'nia.park@acme.test' },
  ];
  it.each([
    ['Sorry for the confusion, it is Nia Okafor from Globex.', 'Nia Okafor'],
    ['ah my bad - that is Nia Park, the Acme one', 'Nia Park'],
    ['go with nia.park@acme.test please', 'Nia Park'],
  ])('%s → %s', (answer, name) => {
    expect(matchAnswer(answer, people, (p) => [p.n, p.e])?.n).toBe(name);
  });

  it('an answer naming both, or only the shared first name, decides nothing', () => {
    expect(matchAnswer('Nia', people, (p) => [p.n, p.e])).toBeUndefined();
    expect(matchAnswer('both Nia Okafor and Nia Park', people, (p) => [p.n, p.e])).toBeUndefined();
  });

  it.each([
    'pepper says nia should be an admin in Umbrella',
    'Carl mentioned that nia needs to be an admin in Umbrella',
    'carl from sales told me nia should be an admin in Umbrella',
  ])('%s → nia becomes an admin (the messenger is nobody to change)', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'membership_set_role',
      users: [{ kind: 'name', value: 'nia' }],
      role: 'org:admin',
    });
  });
});
