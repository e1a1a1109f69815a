/**
 * Round 3 (issue 15): casual and clipped wording reaches the same intent as the plain request. Each table holds
 * five invented shapes of one request (terse, hedged, typo'd, pasted, subject-first); none is a scenario's text.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import type { Intent } from '../../../src/llm/offline/intent-types.js';

const NOW = Date.UTC(2026, 10, 15);
const parse = (text: string): Intent => parseRequest(text, NOW);
const steps = (i: Intent): Intent[] => (i.kind === 'sequence' ? i.steps : [i]);

describe('clipped resource words (lexicon CLIPPED)', () => {
  it.each([
    'revoke all pending invs to the Umbrella org',
    'pls cancel every pending inv for Umbrella',
    'revoke all pending invitations to the Umbrella org',
    'for the Umbrella org revoke all pending invs',
    'can you revoke all the pending invs to Umbrella?',
  ])('%s → revoke every pending invitation of the organization', (text) => {
    const i = parse(text);
    expect(i.kind).toBe('org_invitation_revoke');
    if (i.kind === 'org_invitation_revoke') {
      expect(i.all).toBe(true);
      expect(i.org?.value.toLowerCase()).toContain('umbrella');
    }
  });
});

describe('a pronoun owner of sessions signs that person out', () => {
  it.each([
    'rita moss lost her laptop. revoke all her sess',
    'rita moss lost her laptop, pls kill all her active sessions',
    'rita moss left her phone in a cab - end her sessions',
    'Rita Moss lost her phone. Could you nuke all her open sesions?',
    'rita moss lost her tablet. revoke all of her sessions please',
  ])('%s', (text) => {
    const i = parse(text);
    expect(i.kind).toBe('sign_out');
    if (i.kind === 'sign_out') expect(i.targets[0]?.value.toLowerCase()).toBe('rita moss');
  });
  it('a report naming where the person works still names the person', () => {
    const i = parse('rita moss from globex billing lost her laptop, can u revoke all her sessions');
    expect(i.kind === 'sign_out' && i.targets[0]?.value.toLowerCase()).toBe('rita moss');
  });
});

describe('giving access back restores sign-in', () => {
  it.each([
    'ann kim (ann@k.test) won her appeal, give her access back',
    'ann@k.test was cleared. give her back access',
    'ann@k.test was cleared, please give her back her access',
    'ann@k.test appealed and won - give ann@k.test access back',
    'give ann@k.test her access back',
  ])('%s', (text) => {
    const i = parse(text);
    expect(i.kind).toBe('user_restore_sign_in');
    if (i.kind === 'user_restore_sign_in') expect(i.targets).toEqual([{ kind: 'email', value: 'ann@k.test' }]);
  });
  it('"give X access to an organization" stays a membership', () => {
    expect(parse('give ann@k.test access to Umbrella').kind).toBe('membership_add');
  });
});

describe('"lift the ban" with no "on X" is the ban of the person the message names', () => {
  it.each([
    'ann@k.test won the chargeback. lift the ban and clear the flag key from her private metadata',
    'ann@k.test won the chargeback - please lift her ban and clear the flag key from her private metadata',
    'ann@k.test: reverse the ban and erase the flag key from her private metadata',
    'Billing says ann@k.test is fine. Lift the ban, and wipe the flag key from her private metadata.',
    'ann@k.test was cleared so remove the ban and clear the flag key from her private metadata',
  ])('%s → unban, then the metadata edit', (text) => {
    const got = steps(parse(text));
    expect(got.map((s) => s.kind)).toEqual(['user_action', 'user_update']);
    const [ban, meta] = got;
    expect(ban?.kind === 'user_action' && ban.action).toBe('clerk_user_unban');
    expect(meta?.kind === 'user_update' && meta.fields).toEqual({ private_metadata: { flag: null } });
  });
  it('"the ban list" and "the ban reason" are not a ban', () => {
    expect(JSON.stringify(parse('clear the ban reason from ann@k.test private metadata'))).not.toContain('unban');
  });
});
