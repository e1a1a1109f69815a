/**
 * Round 4 of issue 15: reads asked indirectly (wanted-read.ts). A question inside "I need to know / could you tell
 * me / any idea", where someone is signed in said as devices, a person's date field said as a noun phrase, and a
 * role question that names no organization beside one the message names. Phrasings invented here; every one must
 * answer from reads and change nothing.
 */
import { describe, expect, it } from 'vitest';
import { dateFieldQuestion, embeddedQuestion, sessionQuestion } from '../../../src/llm/offline/wanted-read.js';
import { createStack } from './drive.js';

describe('the question inside an indirect one', () => {
  it.each([
    [
      'for the seating plan I need to know how many members Hooli has',
      'for the seating plan, how many members Hooli has',
    ],
    ['Could you tell me who has the admin role in Globex', 'who has the admin role in Globex'],
    ['we would like to find out how many users are banned', 'how many users are banned'],
    ['any idea which organizations Ann Lee is in?', 'which organizations Ann Lee is in?'],
    ['do you know how many orgs there are', 'how many orgs there are'],
  ])('%s → %s', (said, meant) => {
    expect(embeddedQuestion(said)).toBe(meant);
  });

  it.each(['I need to ban Ann Lee', 'tell me when you have banned Ann', 'we want to know that it worked'])(
    'leaves "%s" alone',
    (said) => {
      expect(embeddedQuestion(said)).toBeUndefined();
    },
  );
});

describe('devices someone is signed in on are their sessions', () => {
  it.each([
    ['How many devices is Ann Lee signed in on right now', 'how many sessions does Ann Lee have'],
    ['on how many browsers is Bob Stone logged in', 'how many sessions does Bob Stone have'],
    ['which machines is ⟦e0⟧ logged in from', 'list the sessions of ⟦e0⟧'],
    ['what phones are Dave Miller signed in on?', 'list the sessions of Dave Miller?'],
    ['how many laptops Grace Kim is currently logged in to', 'how many sessions does Grace Kim have'],
  ])('%s → %s', (said, meant) => {
    expect(sessionQuestion(said)).toBe(meant);
  });
});

describe("a person's date said as a noun phrase", () => {
  it.each([
    ['last sign-in for Bob Stone?', 'when did Bob Stone last sign in?'],
    ["Grace Kim's last login", 'when did Grace Kim last sign in'],
    ['audit: what is the sign-up date of ⟦e0⟧', 'audit. when did ⟦e0⟧ sign up'],
    ['the most recent activity for Dave Miller?', 'when was Dave Miller last active?'],
    ['quick one - last seen of Tom Baker', 'quick one. when was Tom Baker last active'],
  ])('%s → %s', (said, meant) => {
    expect(dateFieldQuestion(said)).toBe(meant);
  });

  it.each(['last sign-in for all users', 'who has the most recent login'])('leaves "%s" alone', (said) => {
    expect(dateFieldQuestion(said)).toBeUndefined();
  });
});

describe('indirect reads through the real stack change nothing', () => {
  it.each([
    [
      'For the offsite I need to know how many people are in the Globex org. Can you tell me?',
      /\bGlobex has \d+ members?/,
    ],
    ['How many devices is Dave Miller signed in on? just curious, leave them be', /Dave Miller .*has 3 sessions/],
    ['compliance check: last login for Grace Kim?', /Grace Kim/],
    ["Two questions on Initech: how many members are in the organisation, and who's got the admin role", /Bill/],
    ['Hooli renewal prep: how many people are in their org today, and who are the admins?', /Hooli has \d+ admins?/],
    ['Umbrella audit. Who are the admins?', /Umbrella.* has \d+ admins?/],
  ])('%s', async (said, answer) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(answer);
    expect(turn.text).not.toMatch(/didn't understand|did not act on/i);
  });
});
