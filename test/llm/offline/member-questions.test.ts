/**
 * Questions about an organization's members asked in two parts ("how many …, and who are the admins?"): a part
 * that names no organization asks about the one the other part (or the message) names; "how many people are in
 * Foo" counts Foo's members (users have no place to be "in"); "their org" is the organization named elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack, NOW } from './drive.js';

type Step = { kind: string; org?: { value: string }; role?: string; count?: boolean };

function steps(text: string): Step[] {
  const intent = parseRequest(text, NOW) as Step & { steps?: Step[] };
  return intent.steps ?? [intent];
}

describe('two-part member questions', () => {
  it.each([
    ['how many people are in Initech, and who are the admins?', 'Initech', 'org:admin'],
    ['How many members does Hooli have and who are the viewers?', 'Hooli', 'org:viewer'],
    ['For the Wayne call tomorrow: how many people are in their org, and who are the admins?', 'Wayne', 'org:admin'],
    ['quick q - how many users are in Stark? and who are its billing people?', 'Stark', 'org:billing'],
    ['how many members does Wayne have, and who holds the admin role?', 'Wayne', 'org:admin'],
    ['At Umbrella, how many people are there in the org right now and who are the guests', 'Umbrella', 'org:guest'],
  ])('%s', (text, org, role) => {
    expect(steps(text).map((s) => [s.kind, s.org?.value, s.role, s.count])).toEqual([
      ['members_list', org, undefined, true],
      ['members_list', org, role, false],
    ]);
  });

  it('a lone "who are the admins?" names no organization (the planner asks which)', () => {
    expect(parseRequest('who are the admins?', NOW)).toEqual({ kind: 'members_list', role: 'org:admin', count: false });
  });

  it('"how many people are in the app" still counts users', () => {
    expect(parseRequest('how many people are in the app', NOW)).toEqual(
      expect.objectContaining({ kind: 'users_list', count: true }),
    );
  });

  it('answers both parts from the membership list, changing nothing', async () => {
    const stack = createStack();
    const turn = await stack.say('how many people are in Globex, and who are the admins?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Globex has 9 members/);
    expect(turn.text).toMatch(/Laura Martinez/);
    expect(turn.text).toMatch(/Bob Stone/);
  });
});

describe("the members of a user's own organization, asked after it", () => {
  it.each([
    ["which organization is Dana Lee in, and who's the admin there?", 'Dana Lee', 'org:admin'],
    ['what org is omar@x.test in and who are the admins', 'omar@x.test', 'org:admin'],
    ['Which company is Raj Patel in? Who is the billing person there?', 'Raj Patel', 'org:billing'],
    ['which teams is kim@x.test on, and who are the viewers?', 'kim@x.test', 'org:viewer'],
    ['Quick q: which org is Ann Park part of, and who are the admins there', 'Ann Park', 'org:admin'],
  ])('%s', (text, who, role) => {
    const [orgs, members] = steps(text) as Array<Step & { memberRef?: { value: string }; ofUser?: { value: string } }>;
    expect(orgs?.kind).toBe('orgs_list');
    expect(orgs?.memberRef?.value).toBe(who);
    expect(members).toEqual(
      expect.objectContaining({ kind: 'members_list', role, ofUser: expect.objectContaining({ value: who }) }),
    );
    expect(members?.org).toBeUndefined();
  });

  it("lists the admins of the user's one organization, read from the user (changing nothing)", async () => {
    const stack = createStack();
    const turn = await stack.say("which organization is Richard Hendricks in, and who's the admin there?");
    expect(turn.pending).toEqual([]);
    expect(turn.reads.some((r) => r.action === 'clerk_organizations_list' && Array.isArray(r.args.user_id))).toBe(true);
    expect(turn.text).toMatch(/Hooli has 1 admin/);
    expect(turn.text).toMatch(/Gavin Belson/);
  });
});

describe('a pronoun in a second question means the person the first question is about', () => {
  it.each([
    ['quick q, what orgs is dana lee in and what role does she have in each one?', 'dana lee'],
    ['which teams is omar haddad on? what role does he hold in each?', 'omar haddad'],
    ['Random question: what orgs is raj patel in, and what role does he have in each one', 'raj patel'],
  ])('%s', (text, who) => {
    expect(parseRequest(text, NOW)).toEqual({ kind: 'roles_every_org', user: { kind: 'name', value: who } });
  });
});
