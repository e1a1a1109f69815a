/**
 * Whose metadata: a possessive pronoun ("in her public metadata") takes the person another clause names. (A name
 * typed without the possessive apostrophe, "maria garcias metadata", is not read: stripping the "s" would break
 * every name that ends in one.)
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

describe('the owner of the metadata', () => {
  it('"unban zoe@mail.test and clear the ban_reason in her private metadata": her is zoe', () => {
    expect(parseRequest('unban zoe@mail.test and clear the ban_reason in her private metadata', NOW)).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'user_action', action: 'clerk_user_unban' },
        { kind: 'user_update', target: { kind: 'email', value: 'zoe@mail.test' } },
      ],
    });
  });

  it('a possessive with no antecedent stays a pronoun (the planner asks), never a guess', () => {
    expect(parseRequest('set beta = true in her public metadata', NOW)).toMatchObject({
      kind: 'user_update',
      target: { kind: 'pronoun' },
    });
  });
});

describe('a pronoun takes the one person another clause acts on, however typed', () => {
  it.each([
    'pls unban omar haddad and also clear out the ban_reason in his private metadata',
    'unlock rita moss, then remove the region key from her public metadata',
  ])('%j: the metadata edit is for that person', (text) => {
    const intent = parseRequest(text, NOW) as { kind: string; steps?: Array<{ kind: string; target?: unknown }> };
    expect(intent.kind).toBe('sequence');
    const update = intent.steps?.find((s) => s.kind === 'user_update');
    expect(update?.target).toMatchObject({ kind: 'name' });
  });
});
