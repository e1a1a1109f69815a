/**
 * A follow-up that fixes one value after a failure ("try the slug initech-2 instead") re-plans the failed request
 * with that value; without a failure the same words are not treated as a correction.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/llm/model.js';
import { fieldFollowUp, withField } from '../../../src/llm/offline/follow-up.js';
import { call, complete, tool, user } from './messages.js';

const TAKEN = {
  ok: false,
  error: {
    kind: 'clerk',
    status: 422,
    code: 'form_identifier_exists',
    message: 'This organization slug is already taken.',
  },
};

function createTurn(result: unknown): Message[] {
  return [
    user('create an organization called Initech Labs with slug initech'),
    call('call_1_1', 'clerk_organization_create', { name: 'Initech Labs', slug: 'initech' }),
    tool('call_1_1', result),
    { role: 'assistant', content: 'Not done: slug taken.' },
  ];
}

describe('field follow-ups after a failure', () => {
  it('re-proposes the failed create with the new slug under a new call id', async () => {
    const r = await complete([
      ...createTurn(TAKEN),
      user('Hmm, that is the old company. Try the slug initech-labs instead.'),
    ]);
    expect(r.message.toolCalls).toEqual([
      {
        id: 'call_2_1',
        name: 'clerk_organization_create',
        arguments: JSON.stringify({ name: 'Initech Labs', slug: 'initech-labs' }),
      },
    ]);
  });

  it('is not a correction when nothing failed', async () => {
    const r = await complete([
      ...createTurn({
        ok: true,
        result: { object: 'organization', id: 'org_x', name: 'Initech Labs', slug: 'initech' },
      }),
      user('Use initech-labs as the slug then.'),
    ]);
    expect(r.message.toolCalls ?? []).not.toContainEqual(
      expect.objectContaining({ name: 'clerk_organization_create' }),
    );
  });

  it('reads the field and value in several phrasings', () => {
    expect(fieldFollowUp('Use acme-2 as the slug then.')).toEqual({ field: 'slug', value: 'acme-2' });
    expect(fieldFollowUp('ok, go with the name Wayne Labs')).toEqual({ field: 'name', value: 'Wayne Labs' });
    expect(fieldFollowUp('slug wayne-hq instead')).toEqual({ field: 'slug', value: 'wayne-hq' });
    expect(fieldFollowUp('use it as you like')).toBeUndefined();
  });

  it('replaces the value in the earlier request, or appends it', () => {
    expect(withField('create org Foo with slug foo', 'slug', 'foo-2')).toBe('create org Foo with slug foo-2');
    expect(withField('create org Foo.', 'slug', 'foo-2')).toBe('create org Foo with slug foo-2');
  });
});

describe('field follow-up values', () => {
  it('stops a value at the first lowercase word', () => {
    expect(fieldFollowUp('try the slug initech-labs instead please')).toEqual({ field: 'slug', value: 'initech-labs' });
  });
});
