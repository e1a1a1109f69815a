/**
 * "the other <role holder>" / "the <role holder> who isn't X": one holder of a role, leaving out whoever the message
 * names (in that clause or another). Safety: the person kept out is never the target; with nobody named to leave
 * out, or several holders left, the planner asks.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack, NOW } from './drive.js';

type Target = { kind: string; value: string; org?: string; one?: boolean; except?: string[] };

function targetsOf(text: string): Target[] {
  const intent = parseRequest(text, NOW) as { targets?: Target[]; users?: Target[] };
  return intent.targets ?? intent.users ?? [];
}

describe('the other holder of a role', () => {
  it.each([
    ['Initech has 2 admins; Omar is legit. pls lock the other Initech admin', 'org:admin', 'Initech', ['Omar']],
    ['ban the Hooli viewer who isn’t Dana Lee', 'org:viewer', 'Hooli', ['Dana Lee']],
    [
      'Stark billing people: kim@x.test is fine. Lock the remaining Stark billing person asap',
      'org:billing',
      'Stark',
      ['kim@x.test'],
    ],
    ["lock Wayne's admin other than Raj", 'org:admin', 'Wayne', ['Raj']],
    ['Could you demote the Umbrella admin that is not Ann Park to member?', 'org:admin', 'Umbrella', ['Ann Park']],
  ])('%s', (text, role, org, except) => {
    expect(targetsOf(text)).toEqual([expect.objectContaining({ kind: 'role', value: role, org, one: true, except })]);
  });

  it('with nobody named, "the other" keeps no one out and stays one person (so several holders are asked about)', () => {
    expect(targetsOf('lock the other Initech admin')).toEqual([
      expect.objectContaining({ kind: 'role', value: 'org:admin', org: 'Initech', one: true, except: [] }),
    ]);
  });

  it('locks the holder the message does not name, never the one it names', async () => {
    const stack = createStack();
    const turn = await stack.say('Globex has two admins. Laura Martinez is legit. Lock the other Globex admin please.');
    expect(turn.pending.map((c) => c.action)).toEqual(['clerk_user_lock']);
    expect(turn.text).toMatch(/Bob Stone/);
    expect(turn.text).not.toMatch(/Laura/);
    await stack.cancel(turn);
  });

  it('asks which holder when nobody is named to leave out', async () => {
    const stack = createStack();
    const turn = await stack.say('lock the other Globex admin');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Which one/i);
    expect(turn.text).toMatch(/Laura Martinez/);
    expect(turn.text).toMatch(/Bob Stone/);
  });

  it('changes nobody when the only holders are the ones kept out', async () => {
    const stack = createStack();
    for (const text of [
      'ban the Globex admin who is not Laura Martinez and not Bob Stone',
      'ban the Globex admin who is not Laura Martinez or Bob Stone',
    ]) {
      const turn = await stack.say(text);
      expect(turn.pending).toEqual([]);
    }
    const kept = await stack.say('lock the Globex admin other than Laura');
    expect(kept.pending.map((c) => c.action)).toEqual(['clerk_user_lock']);
    expect(kept.text).toMatch(/Bob Stone/);
    await stack.cancel(kept);
  });
});
