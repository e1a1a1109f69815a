/**
 * Truthful wording through the real agent loop: "Nothing was changed" never appears in a turn where a change ran,
 * and "Nothing to change" names the lookups that showed it.
 */
import { describe, expect, it } from 'vitest';
import { readConversation } from '../../../src/llm/offline/conversation.js';
import { nothingToChange, truthfulText } from '../../../src/llm/offline/truthful.js';
import { createStack } from './drive.js';

describe('truthful wording', () => {
  it('never says "Nothing was changed" after a change of the same request executed', async () => {
    const stack = createStack();
    const plan = await stack.say('unban sam.taylor@globex.test and ban nobody@nowhere.test');
    expect(plan.status).toBe('paused');
    expect(plan.pending.map((c) => c.action)).toEqual(['clerk_user_unban']);
    expect(plan.text).toMatch(/No user has the email nobody@nowhere\.test/);
    expect(plan.text).not.toMatch(/nothing (?:was|to) change/i);
    const done = await stack.decide(plan, true);
    expect(done.text).toMatch(/Unbanned Sam Taylor/);
    expect(done.text).not.toMatch(/nothing (?:was|to) change/i);
  });

  it('finds a pending organization invitation before saying there is none', async () => {
    const stack = createStack();
    const turn = await stack.say('revoke the pending invite to bighead@hooli.test');
    expect(turn.pending.map((c) => c.action)).toEqual(['clerk_org_invitation_revoke']);
    expect(turn.text).toMatch(/revoke the invitation of bighead@hooli\.test to Hooli/);
    await stack.cancel(turn);
    const none = await stack.say('revoke the invitation to nobody@x.test');
    expect(none.pending).toEqual([]);
    expect(none.text).toMatch(/I checked the app invitations and the pending invitations of all \d+ organizations/);
  });

  it('still says "Nothing was changed" when nothing ran', async () => {
    const stack = createStack();
    const turn = await stack.say('unban jane@example.com');
    expect(turn.status).toBe('done');
    expect(turn.text).toMatch(/not banned.*\n?Nothing was changed\./);
  });

  it('removes the claim only when a mutation in this request succeeded', () => {
    const messages = [
      { role: 'user' as const, content: 'ban jane@example.com' },
      {
        role: 'assistant' as const,
        content: null,
        toolCalls: [{ id: 'c1', name: 'clerk_user_ban', arguments: '{"user_id":"user_1"}' }],
      },
      { role: 'tool' as const, toolCallId: 'c1', content: '{"ok":true,"result":{"id":"user_1"}}' },
    ];
    const ran = readConversation(messages)!;
    expect(truthfulText('Banned Jane.\nNothing was changed.', ran)).toBe('Banned Jane.');
    const denied = readConversation([
      ...messages.slice(0, 2),
      { role: 'tool' as const, toolCallId: 'c1', content: '{"ok":false,"denied":true,"reason":"no"}' },
    ])!;
    expect(truthfulText('Not done.\nNothing was changed.', denied)).toBe('Not done.\nNothing was changed.');
  });

  it('"Nothing to change" lists what was looked up, and admits when nothing was', () => {
    const looked = readConversation([
      { role: 'user', content: 'unlock lee@initech.test' },
      {
        role: 'assistant',
        content: null,
        toolCalls: [{ id: 'c1', name: 'clerk_users_list', arguments: '{"email_address":["lee@initech.test"]}' }],
      },
      { role: 'tool', toolCallId: 'c1', content: '{"ok":true,"result":{"data":[{"id":"user_1"}],"total_count":1}}' },
    ])!;
    expect(nothingToChange(looked)).toMatch(
      /found nothing that needs it:\n- clerk_users_list \(email_address=lee@initech\.test\): 1 found/,
    );
    const none = readConversation([{ role: 'user', content: 'do the thing' }])!;
    expect(nothingToChange(none)).toMatch(/no lookup was made/);
  });
});
