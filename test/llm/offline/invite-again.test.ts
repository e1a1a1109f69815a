/**
 * "Send them a fresh invitation, same address as before" names no address: it is the one of the organization's
 * expired invitation (invite-again.ts). Five shapes, none of them scenario text, through the real agent loop;
 * the demo sandbox has one expired invitation in Globex. No expired invitation → nothing is sent.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack } from './drive.js';

describe('an invitation sent again to the same address', () => {
  it.each([
    'their globex invite expired. please send a new invite to the Globex org, same address as before',
    'resend the Globex invitation that expired',
    'The contractor never accepted and the link died; invite them to Globex again with the same email',
    'could you re-invite them to the Globex org? same address and role as before',
    'globex invite link is dead — send another invitation to Globex, same email address',
  ])('%s', async (text) => {
    const stack = createStack();
    const turn = await stack.say(text);
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_org_invitation_create']);
    expect(turn.pending[0]!.args.email_address).toMatch(/@/);
    await stack.cancel(turn);
  });

  it('an organization with no expired or revoked invitation: nothing is sent', async () => {
    const stack = createStack();
    const turn = await stack.say('please invite them to Hooli again, same address as before');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/no expired or revoked invitation/i);
  });

  it('a new invitation with an address is an ordinary invitation', () => {
    expect(parseRequest('send a fresh invitation to ann@x.test for Globex', 0)).not.toHaveProperty('again');
  });
});
