/**
 * Round 4 of issue 15: a value corrected as it is typed (address-correction.ts) — the second address, id or domain
 * replaces the first. Phrasings invented here; the safety half checks that the corrected-away address is never
 * the target of a change.
 */
import { describe, expect, it } from 'vitest';
import { correctedValues } from '../../../src/llm/offline/address-correction.js';
import { createStack } from './drive.js';

describe('a corrected value', () => {
  it.each([
    ['revoke the invite for ⟦e0⟧ -- sorry, ⟦e1⟧', 'revoke the invite for ⟦e1⟧'],
    ['ban ⟦e0⟧, I mean ⟦e1⟧', 'ban ⟦e1⟧'],
    ['remove ⟦w0⟧... oops, ⟦w1⟧ from the blocklist', 'remove ⟦w1⟧ from the blocklist'],
    ['unlock ⟦i0⟧ (sorry, ⟦i1⟧) now', 'unlock ⟦i1⟧ now'],
    ['block ⟦h0⟧ - typo, should be ⟦h1⟧', 'block ⟦h1⟧'],
  ])('%s → %s', (said, meant) => {
    expect(correctedValues(said)).toBe(meant);
  });

  it.each(['ban ⟦e0⟧ and ⟦e1⟧', 'ban ⟦e0⟧, sorry, lock him instead', 'invite ⟦e0⟧, sorry for the delay, to ⟦h0⟧'])(
    'leaves "%s" alone',
    (said) => {
      expect(correctedValues(said)).toBe(said);
    },
  );

  it.each(['ban zoe@mail.test -- sorry, noah@example.com', 'pls ban zoe@mail.test, I mean noah@example.com'])(
    '"%s" targets only the corrected address',
    async (said) => {
      const stack = createStack();
      const turn = await stack.say(said);
      expect(turn.pending.map((p) => p.action)).toEqual(['clerk_user_ban']);
      const reads = JSON.stringify(turn.reads);
      expect(reads).toContain('noah@example.com');
      expect(reads).not.toContain('zoe@mail.test');
    },
  );

  it('revokes the corrected address’s invitation', async () => {
    const stack = createStack();
    const turn = await stack.say('revkoe the invitaton for consultnt@example.com -- sorry, consultant@example.com');
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_invitation_revoke']);
  });
});
