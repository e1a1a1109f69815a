/**
 * A role given said as a passive ("could he be made an admin there?") and an addition said as a gerund ("she
 * needs adding to Foo"), five shapes each (none of them scenario text), plus an organization followed by what
 * it is for ("in our Foo org for that").
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';

const parse = (text: string) => parseRequest(text, 0);

describe('a role given as a passive', () => {
  it.each([
    'could Ann Kim be made an admin of Umbrella?',
    'Ann Kim should be made an admin in Umbrella',
    'Ann Kim runs the team now at Umbrella — could she be made an admin there?',
    'can Ann Kim get made an admin of Umbrella pls',
    'Ann Kim is the new lead; she should be appointed an admin of Umbrella',
  ])('%s → Ann Kim becomes an admin of Umbrella', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'membership_set_role',
      users: [{ kind: 'name', value: 'Ann Kim' }],
      role: 'org:admin',
      org: { kind: 'name', value: 'Umbrella' },
    });
  });

  it('a negated passive gives nobody a role', () => {
    expect(parse('Ann Kim should not be made an admin of Umbrella')).not.toMatchObject({ kind: 'membership_set_role' });
  });
});

describe('an addition said as a gerund', () => {
  it.each([
    'ann@x.test needs adding to Umbrella as a member',
    'ann@x.test just needs adding to the Umbrella org',
    'ann@x.test joined the team, so she needs adding to Umbrella',
    'New hire ann@x.test needs adding to Umbrella as a regular member',
    'ann@x.test will need adding to Umbrella',
  ])('%s → ann@x.test is added to Umbrella', (text) => {
    expect(parse(text)).toMatchObject({
      kind: 'membership_add',
      users: [{ kind: 'email', value: 'ann@x.test' }],
      org: { kind: 'name', value: 'Umbrella' },
    });
  });
});

describe('an organization followed by what it is for', () => {
  it.each(['give Ann Kim the billing role in the Umbrella org for that', 'make Ann Kim billing in Umbrella for now'])(
    '%s → Umbrella',
    (text) => {
      expect(parse(text)).toMatchObject({ org: { kind: 'name', value: 'Umbrella' } });
    },
  );
});

describe('a negated role move is never a move', () => {
  it.each([
    'Ann Kim should not be moved to admin in Umbrella',
    "Ann Kim shouldn't be made an admin of Umbrella",
    'Ann Kim must never be bumped to admin in Umbrella',
  ])('%s', (text) => {
    expect(parse(text).kind).not.toBe('membership_set_role');
  });
});
