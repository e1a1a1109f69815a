/**
 * A role stated as what someone should be, with or without an article ("X needs to be admin in Foo"), and an
 * organization followed by a time phrase ("… at Foo from now on"); and "instead of <value>" is not a correction.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

describe('a role stated as wanted', () => {
  it.each([
    ['zoe@mail.test needs to be admin in Umbrella', 'org:admin'],
    ['zoe@mail.test should be viewer at Umbrella from now on', 'org:viewer'],
    ['zoe@mail.test has to be a member of Umbrella going forward', 'org:member'],
    ['zoe@mail.test must become admin of Umbrella effective immediately', 'org:admin'],
  ])('%j → %s in Umbrella', (text, role) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'membership_set_role',
      org: { kind: 'name', value: 'Umbrella' },
      users: [{ kind: 'email', value: 'zoe@mail.test' }],
      role,
    });
  });
});

describe('"instead of" names the value replaced, not a change of mind', () => {
  it('a sentence with "instead of <value>" does not take back the request before it', () => {
    const intent = parseRequest('Lock zoe@mail.test today. Her badge reads Chairman instead of CEO, by the way.', NOW);
    expect(intent).toMatchObject({ kind: 'user_action', action: 'clerk_user_lock' });
  });

  it('"lock her instead of banning her" still replaces the ban', () => {
    expect(parseRequest('ban zoe@mail.test. Actually lock her instead of banning her', NOW)).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_lock',
    });
  });
});

describe('what a clause after the role or the lifetime says stays out of it', () => {
  it('"X should be admin in Foo from today, she is the new lead" changes the role in Foo', () => {
    expect(
      parseRequest('zoe@mail.test should be admin in Umbrella from today, she is the new team lead', NOW),
    ).toMatchObject({ kind: 'membership_set_role', org: { kind: 'name', value: 'Umbrella' }, role: 'org:admin' });
  });

  it.each([
    'the grafana template: sessions expire too quickly, we see 403 errors all day. set its lifetime to 10 minutes',
    'grafana jwt template - tokens expire way too soon and 500 people complained; lifetime should be 10 minutes',
  ])('a status code met clauses after "expire" is not the lifetime: %j', (text) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'named_update', fields: { lifetime: 600 } });
  });
});
