/**
 * Every part of a request is accounted for: each clause that reads as an instruction is either in the plan (a
 * step of its kind, or a change to the parsed intent) or reported back as not acted on. Walks the phrasing suites
 * (all of which are fully understood, so none may report a clause), then checks that the report reaches the
 * answer through the real agent loop, in the plan before approval and in the summary after it.
 */
import { describe, expect, it } from 'vitest';
import { instructionClauses, understand } from '../../../src/llm/offline/accounting.js';
import { subSentence } from '../../../src/llm/offline/clauses.js';
import { unmask } from '../../../src/llm/offline/entities.js';
import type { Intent } from '../../../src/llm/offline/intent-types.js';
import { parseAnalyzed, parseWholeMessage, readMessage } from '../../../src/llm/offline/request.js';
import { createStack, NOW } from './drive.js';
import { PHRASINGS } from './phrasings.data.js';

const PASSIVE = new Set(['unknown', 'smalltalk', 'help', 'refuse']);
// Clauses the parser folds into a neighbour's step: the kind alone → the kinds it may become.
const FOLDS: Record<string, string[]> = {
  rename_any: ['org_update', 'named_update', 'user_update'],
  org_update: ['org_create'],
  user_action: ['user_restore_sign_in', 'sign_out'],
};

function kinds(intent: Intent): string[] {
  return intent.kind === 'sequence' ? intent.steps.flatMap(kinds) : [intent.kind];
}

describe('every recognised clause of the phrasing suites is placed or reported', () => {
  for (const p of PHRASINGS) {
    const text = Array.isArray(p.say) ? p.say[0]! : p.say;
    const whole = readMessage(text);
    const clauses = instructionClauses(whole);
    if (clauses.length < 2) continue;
    it(text, () => {
      const { intent, unplaced } = understand(text, NOW);
      const planned = kinds(intent);
      const influences = (clause: string): boolean =>
        JSON.stringify(parseAnalyzed({ ...whole, masked: whole.masked.replace(clause, '').trim() }, NOW)) !==
        JSON.stringify(intent);
      // A message read as a whole (no clause matters on its own) is one request, not parts.
      if (parseWholeMessage(whole) || !clauses.some(influences)) return;
      for (const clause of clauses) {
        if (unplaced.includes(unmask(clause, whole.ents))) continue;
        const alone = parseAnalyzed(subSentence(whole, clause), NOW).kind;
        const asStep = planned.includes(alone) || (FOLDS[alone] ?? []).some((k) => planned.includes(k));
        expect({ clause, placed: PASSIVE.has(alone) ? influences(clause) : asStep || influences(clause) }).toEqual({
          clause,
          placed: true,
        });
      }
      // The suites are requests the model fully understands: nothing may be reported as not acted on.
      expect(unplaced).toEqual([]);
    });
  }
});

describe('two-part requests across resources keep both parts', () => {
  it.each([
    [
      'Invite newbie@acme.test to Acme as admin and remove tom.nguyen@acme.test from Acme',
      ['invite', 'membership_remove'],
    ],
    [
      'Invite newbie@acme.test to Acme and also get sam.taylor@globex.test out of Globex',
      ['invite', 'membership_remove'],
    ],
    ['ban mallory@evil.test and revoke the invitation to consultant@example.com', ['user_action', 'invitation_revoke']],
    ['unlock lee@initech.test, then make him an admin of Initech', ['user_action', 'membership_set_role']],
    ['lock dave@acme.test and add spam@foo.test to the blocklist', ['user_action', 'list_add']],
    ['unban sam.taylor@globex.test and sign out chris@globex.test', ['user_action', 'sign_out']],
    ['delete the hasura template and unban sam.taylor@globex.test', ['named_delete', 'user_action']],
    [
      'please kick daniel@globex.test out of globex and make ivan@globex.test an admin there',
      ['membership_remove', 'membership_set_role'],
    ],
    ['set the max members of Stark Industries to 20 and rename it to Stark Intl', ['org_update']],
    [
      'give newdev@globex.test access to Globex as a member, and lock mallory@evil.test',
      ['membership_add', 'user_action'],
    ],
  ])('%s', (text, expected) => {
    const { intent, unplaced } = understand(text, NOW);
    expect(kinds(intent)).toEqual(expected);
    expect(unplaced).toEqual([]);
  });
});

describe('a clause the planner cannot place is reported, never dropped', () => {
  it('names the unplaced clause next to the plan', () => {
    const { intent, unplaced } = understand('Please unlock lee@initech.test and give him a hug', NOW);
    expect(intent).toMatchObject({ kind: 'user_action', action: 'clerk_user_unlock' });
    expect(unplaced).toEqual(['give him a hug']);
  });

  it('checks one instruction beside context sentences too', () => {
    const { intent, unplaced } = understand(
      'Our contractor dave@acme.test finished. Lock his account and send him a thank-you card.',
      NOW,
    );
    expect(intent).toMatchObject({ kind: 'user_action', action: 'clerk_user_lock' });
    expect(unplaced).toEqual(['send him a thank-you card']);
    const described = understand("we don't need the domain that is not the primary one anymore, delete it", NOW);
    expect(described.intent).toMatchObject({ kind: 'named_delete', resource: 'domain' });
    expect(described.unplaced).toEqual([]);
  });

  it('does not act when an exception it cannot apply would widen the change', async () => {
    const stack = createStack();
    const turn = await stack.say("revoke all of dave@acme.test's sessions except the one on his iPhone");
    expect(turn.status).toBe('done');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/I can't apply "except the one on his iPhone"/);
    expect(understand('ban mallory@evil.test and dave@acme.test but not dave@acme.test', NOW).intent.kind).toBe(
      'unknown',
    );
  });

  it('reports nothing for a constraint or a corrected request', () => {
    expect(understand("Rename Hooli to Hooli XYZ. Don't change the slug.", NOW).unplaced).toEqual([]);
    expect(understand('Delete dave@acme.test. Actually, ban him instead.', NOW).unplaced).toEqual([]);
  });

  it('says it in the plan before approval and in the summary after the change ran', async () => {
    const stack = createStack();
    const first = await stack.say('Unlock lee@initech.test and then sprinkle some magic on his profile');
    expect(first.status).toBe('paused');
    expect(first.pending.map((c) => c.action)).toEqual(['clerk_user_unlock']);
    expect(first.text).toMatch(/I did not act on: "sprinkle some magic on his profile"/);
    const done = await stack.decide(first, true);
    expect(done.status).toBe('done');
    expect(done.text).toMatch(/Unlocked/i);
    expect(done.text).toMatch(/I did not act on: "sprinkle some magic on his profile" .* on its own line/);
  });
});

describe('a wanted state is an instruction clause too', () => {
  it('"we must have X blocked" counts (so it is reported if nothing comes of it); "I need to know …" does not', () => {
    expect(
      instructionClauses(readMessage('ban zoe@mail.test. Honestly we must have the old thing over there blocked')),
    ).toEqual(['ban ⟦e0⟧', 'we must have the old thing over there blocked']);
    expect(instructionClauses(readMessage('ban zoe@mail.test. I need to know when it is done'))).toEqual(['ban ⟦e0⟧']);
  });

  it('"…, and I\'d also like that whole domain blocked" is planned, not dropped', async () => {
    const turn = await createStack().say(
      "can you unlock lee@initech.test, and I'd also like that whole domain blocked from signing up — *@spam.test",
    );
    expect(turn.pending.map((p) => p.action).sort()).toEqual(['clerk_blocklist_create', 'clerk_user_unlock']);
  });
});
