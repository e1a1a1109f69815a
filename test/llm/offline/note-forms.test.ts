/**
 * Round 4 causes around targets: a move written as a note about the person ("X: out of A, into B"); an aside
 * after a comma or dash read into an organization's name ("… in Foo, please check") or as one more target
 * ("lock X, something's off with his logins"); a one-line message typed as a bullet.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

type Step = { kind: string; org?: { value: string }; users?: Array<{ value: string }>; role?: string };

describe('a move written as a note', () => {
  it.each([
    ['omar: out of hooli, into wayne as viewer', 'omar', 'hooli', 'wayne', 'org:viewer'],
    ['- dana@x.test: from Initech to Stark', 'dana@x.test', 'Initech', 'Stark', 'org:member'],
    ['Raj Patel - out of Umbrella and into Hooli as admin', 'Raj Patel', 'Umbrella', 'Hooli', 'org:admin'],
    ['kim@x.test: out of wayne, then into stark', 'kim@x.test', 'wayne', 'stark', 'org:member'],
    ['please move ann out of Stark and into Initech as member', 'ann', 'Stark', 'Initech', 'org:member'],
  ])('%s', (text, who, from, to, role) => {
    const intent = parseRequest(text, NOW) as { kind: string; steps: Step[] };
    expect(intent.kind).toBe('sequence');
    const [add, remove] = intent.steps;
    expect(add).toEqual(
      expect.objectContaining({ kind: 'membership_add', org: expect.objectContaining({ value: to }) }),
    );
    expect(add!.role).toBe(role);
    expect(add!.users?.map((u) => u.value)).toEqual([who]);
    expect(remove).toEqual(
      expect.objectContaining({ kind: 'membership_remove', org: expect.objectContaining({ value: from }) }),
    );
  });
});

describe('an aside is not part of a name', () => {
  it.each([
    ['make dana@x.test an admin in Hooli, please check first', 'Hooli'],
    ['Omar Haddad should be a viewer in Wayne - can you verify?', 'Wayne'],
    ['switch kim@x.test to member in Initech, thx so much', 'Initech'],
    ['promote raj@x.test to admin in Stark; he runs the team now', 'Stark'],
    ['make ann@x.test billing in Umbrella, if she is not already', 'Umbrella'],
  ])('the organization: %s', (text, org) => {
    const intent = parseRequest(text, NOW) as Step;
    expect(intent.kind).toBe('membership_set_role');
    expect(intent.org?.value).toBe(org);
  });

  it.each([
    ["lock omar's account for me, something's off with his sign-ins", ['omar']],
    ['ban dana@x.test, she has been spamming everyone', ['dana@x.test']],
    ['pls lock Raj Patel, his password seems leaked', ['Raj Patel']],
    ['unlock kim@x.test, it was a false alarm', ['kim@x.test']],
    ['lock ann@x.test and bo@x.test, their laptops got stolen', ['ann@x.test', 'bo@x.test']],
  ])('the targets: %s', (text, who) => {
    const intent = parseRequest(text, NOW) as { kind: string; targets?: Array<{ value: string }> };
    expect(intent.kind).toBe('user_action');
    expect(intent.targets?.map((t) => t.value)).toEqual(who);
  });

  it('a part that is only a description stays a target (a lookup says when nobody matches)', () => {
    const intent = parseRequest('lock amy@x.test, bo@x.test and their manager', NOW) as {
      targets: Array<{ value: string }>;
    };
    expect(intent.targets.map((t) => t.value)).toEqual(['amy@x.test', 'bo@x.test', 'their manager']);
  });

  it('a second organization after a comma is not cut off as an aside', () => {
    const intent = parseRequest('add dana@x.test to Acme, globex', NOW) as Step;
    expect(intent.org?.value).not.toBe('Acme');
  });

  it('names after commas are still several targets', () => {
    const intent = parseRequest('ban a@x.test, b@x.test and Dana Lee', NOW) as { targets: Array<{ value: string }> };
    expect(intent.targets.map((t) => t.value)).toEqual(['a@x.test', 'b@x.test', 'Dana Lee']);
  });
});

describe('a label before the question or request', () => {
  it.each([
    ["Quick q - who are Hooli's viewers?", 'members_list'],
    ['quick question: which orgs is dana@x.test in, and what is her role in each one?', 'roles_every_org'],
    ['Random question, who is the Wayne billing person', 'members_list'],
    ['Q: who are the admins of Initech', 'members_list'],
    ['quick one - lock omar@x.test', 'user_action'],
  ])('%s', (text, kind) => {
    expect(parseRequest(text, NOW).kind).toBe(kind);
  });

  it('promoting one and demoting another keeps each its own organization word', () => {
    const intent = parseRequest('promote kim@x.test to admin in Stark and demote raj@x.test to member', NOW) as {
      steps: Step[];
    };
    expect(intent.steps.map((s) => [s.kind, s.role, s.org?.value])).toEqual([
      ['membership_set_role', 'org:admin', 'Stark'],
      ['membership_set_role', 'org:member', undefined],
    ]);
  });
});

describe('a note that names a new organization', () => {
  it.each([
    ['new org: Acme Labs', 'Acme Labs'],
    ['New organisation - Hooli Research', 'Hooli Research'],
    ['new workspace: Stark Tower', 'Stark Tower'],
    ['new org: Wayne Labs. add kim@x.test to it as admin', 'Wayne Labs'],
    ['ok. new company: Initech West', 'Initech West'],
  ])('%s', (text, name) => {
    const intent = parseRequest(text, NOW) as {
      kind: string;
      fields?: { name?: string };
      steps?: Array<{ kind: string; fields?: { name?: string }; org?: { value: string } }>;
    };
    const create = intent.steps?.[0] ?? intent;
    expect(create.kind).toBe('org_create');
    expect(create.fields?.name).toBe(name);
    if (intent.steps)
      expect(intent.steps[1]).toEqual(
        expect.objectContaining({ kind: 'membership_add', org: expect.objectContaining({ value: name }) }),
      );
  });
});
