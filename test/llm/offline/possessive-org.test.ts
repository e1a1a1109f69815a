/**
 * "her organization" in place of an organization's name is the organization of the person the request is about:
 * read from Clerk, never guessed — one → that one, several → a question, none → nothing to remove.
 */
import { describe, expect, it } from 'vitest';
import { createStack } from './drive.js';

describe('a possessive instead of the organization', () => {
  it.each([
    'take bob@globex.test out of his org',
    'remove bob@globex.test from his organisation',
    'kick Bob Stone out of his own organization',
  ])('%j: the one organization he is in', async (text) => {
    const turn = await createStack().say(text);
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_org_membership_delete']);
    expect(turn.text).toMatch(/from Globex/);
  });

  it('several organizations: asks which, proposes nothing', async () => {
    const turn = await createStack().say('remove jane@example.com from her org');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/belongs to .* and .*\. Which organization should I remove them from\?/);
  });

  it('no organization: nothing to remove, nothing proposed (and no organization called "her" is looked up)', async () => {
    const turn = await createStack().say('remove zoe@mail.test from her organization');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/not in any organization, so there is nothing to remove/);
    expect(turn.reads.some((r) => r.action === 'clerk_organizations_list' && r.args.query === 'her')).toBe(false);
  });
});

describe('a clarified name is not asked about twice', () => {
  it('"take Lee out of their organization" → which Lee? → "Joanna Lee" → removed from her one organization', async () => {
    const stack = createStack();
    const asked = await stack.say('take Lee out of their organization');
    expect(asked.pending).toEqual([]);
    expect(asked.text).toMatch(/Which one do you mean/);
    const answered = await stack.say('Joanna Lee', asked.outcome.state);
    expect(answered.text).not.toMatch(/Which one do you mean/);
    expect(answered.pending.map((p) => p.action)).toEqual(['clerk_org_membership_delete']);
    expect(answered.text).toMatch(/Joanna Lee/);
  });
});
