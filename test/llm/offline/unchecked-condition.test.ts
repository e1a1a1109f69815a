/**
 * A change asked for only on a condition the model does not check is never shown as an unconditional card
 * (unchecked-condition.ts). Guards a safety property: before it, "is X banned? if not, delete her" proposed the
 * deletion with the condition gone. "if" meaning whether, politeness, apologies, "if not already" and a condition
 * on the change's own precondition (conditional.ts) still give the change.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { uncheckedCondition } from '../../../src/llm/offline/unchecked-condition.js';
import { createStack, NOW } from './drive.js';

describe('a change on a condition nobody checks changes nothing', () => {
  it.each([
    'is pat@corp.test banned? if not, delete her',
    'if lee@x.test is locked, ban him please',
    'unlock kim@x.test unless she is still on the fraud list',
    'ban omar@x.test if he has not signed in since March',
    'Hello team - could you delete the account ana@x.test, provided that her invoices are settled? Thanks, Jo',
    'pls lock user_2abc only if the audit flags him',
    'revoke the Foo invitation for zed@x.test as long as nobody accepted it',
  ])('%s', (text) => {
    const intent = parseRequest(text, NOW);
    expect(intent.kind).toBe('unknown');
    expect(intent.kind === 'unknown' && intent.reason).toMatch(/changed nothing: you asked for it only on a condition/);
  });

  it('through the real stack: no card, and the answer names the condition', async () => {
    const stack = createStack();
    const turn = await stack.say('is jane@example.com banned? if not, delete her');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/if not, delete her/);
    expect(turn.text).toMatch(/changed nothing/i);
  });
});

describe('what is not a condition on the change', () => {
  it.each([
    ['not sure if this is the right place, but please ban pat@corp.test', 'clerk_user_ban'],
    ['could you lock lee@x.test if possible', 'clerk_user_lock'],
    ['Sorry if this is a dumb question, can you unlock kim@x.test?', 'clerk_user_unlock'],
    ['please ban omar@x.test, if you have a minute', 'clerk_user_ban'],
    ['lock ana@x.test if she is not already locked', 'clerk_user_lock'],
    ['is jo@x.test banned? if not, ban her', 'clerk_user_ban'],
  ])('%s', (text, action) => {
    const intent = parseRequest(text, NOW);
    expect(intent).toMatchObject({ kind: 'user_action', action });
  });

  it('reads the condition as written', () => {
    expect(uncheckedCondition('delete ⟦e0⟧ unless he is an admin')).toBe('unless he is an admin');
    expect(uncheckedCondition('let me know if ⟦e0⟧ is banned')).toBeUndefined();
    expect(uncheckedCondition('ban ⟦e0⟧ if needed')).toBeUndefined();
  });
});
