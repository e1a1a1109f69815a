/**
 * "Drop his org membership" ends a membership (never deletes an organization), and an invitation after an
 * allowlisting of the same address is a sign-up invitation. Five shapes each, none of them scenario text.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack } from './drive.js';

const parse = (text: string) => parseRequest(text, 0);

describe('ending a membership', () => {
  it.each([
    ['ann@x.test left Umbrella. please drop her org membership', undefined],
    ['end ann@x.test’s membership in Umbrella', 'Umbrella'],
    ['Ann Lee quit Umbrella — revoke her membership', undefined],
    ["kill Ann Lee's team membership at Umbrella", 'Umbrella'],
    ['ann@x.test was offboarded from Umbrella, remove her organization membership', undefined],
  ])('%s → a membership removal, never an organization deletion', (text, org) => {
    const intent = parse(text);
    expect(intent.kind).toBe('membership_remove');
    if (org) expect(intent).toMatchObject({ org: { kind: 'name', value: org } });
  });

  it('all of her memberships is every organization she is in', () => {
    expect(parse('drop all of her memberships, ann@x.test is gone')).toMatchObject({
      kind: 'membership_remove',
      everyOrg: true,
    });
  });

  it('through the loop: the one organization the message names', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Offboarding: kevin@globex.test is leaving Globex today. Please end his org membership.',
    );
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_org_membership_delete']);
    await stack.cancel(turn);
  });
});

describe('an invitation to an address the same message allowlists', () => {
  it.each([
    'allowlist *@newco.test and then invite ann@newco.test',
    'add *@newco.test to the allowlist, then send an invitation to ann@newco.test',
    'please allow ann@newco.test to sign up and send her an invite: ann@newco.test',
    'allowlist ann@newco.test; invite ann@newco.test',
    'put *@newco.test on the allowlist + invite ann@newco.test',
  ])('%s → an app invitation', (text) => {
    const intent = parse(text);
    expect(intent.kind).toBe('sequence');
    const steps = (intent as { steps: Array<{ kind: string; app?: boolean }> }).steps;
    expect(steps.find((s) => s.kind === 'invite')).toMatchObject({ app: true });
  });

  it('an organization said for the invitation keeps it an organization invitation', () => {
    const intent = parse('allowlist *@newco.test, then invite ann@newco.test to Umbrella');
    const steps = (intent as { steps: Array<{ kind: string; app?: boolean; org?: unknown }> }).steps;
    expect(steps.find((s) => s.kind === 'invite')).toMatchObject({ app: false, org: { value: 'Umbrella' } });
  });

  it('an address the message does not allowlist still asks which organization', () => {
    const intent = parse('allowlist *@newco.test, then invite bob@other.test');
    const steps = (intent as { steps: Array<{ kind: string; app?: boolean }> }).steps;
    expect(steps.find((s) => s.kind === 'invite')).toMatchObject({ app: false });
  });
});
