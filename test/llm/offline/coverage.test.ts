/** The phrasing suite covers every one of the 48 actions with at least two different requests. */
import { describe, expect, it } from 'vitest';
import { allActions } from '../../../src/actions/index.js';
import { PHRASINGS } from './phrasings.data.js';

describe('phrasing suite coverage', () => {
  const phrasingsPerAction = new Map<string, Set<string>>(allActions.map((a) => [a.name, new Set<string>()]));
  for (const p of PHRASINGS) {
    const key = (Array.isArray(p.say) ? p.say : [p.say]).join(' / ').toLowerCase();
    for (const [action] of [...(p.reads ?? []), ...(p.pending ?? [])]) phrasingsPerAction.get(action)?.add(key);
  }

  it('has at least 150 requests', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(150);
  });

  it('names only real actions', () => {
    const known = new Set(allActions.map((a) => a.name));
    const used = PHRASINGS.flatMap((p) => [...(p.reads ?? []), ...(p.pending ?? [])].map(([a]) => a));
    expect(used.filter((a) => !known.has(a))).toEqual([]);
  });

  it('reaches all 48 actions, each by at least two distinct phrasings', () => {
    expect(allActions).toHaveLength(48);
    const thin = [...phrasingsPerAction]
      .filter(([, set]) => set.size < 2)
      .map(([name, set]) => `${name} (${set.size})`);
    expect(thin).toEqual([]);
  });

  it('reaches every mutating action through pending calls (not only as a read)', () => {
    const pendingActions = new Set(PHRASINGS.flatMap((p) => (p.pending ?? []).map(([a]) => a)));
    const missing = allActions.filter((a) => a.risk !== 'read' && !pendingActions.has(a.name)).map((a) => a.name);
    expect(missing).toEqual([]);
  });

  it('includes clarification, refusal and "didn\'t understand" cases', () => {
    expect(PHRASINGS.filter((p) => p.asks).length).toBeGreaterThanOrEqual(5);
    expect(
      PHRASINGS.filter((p) => p.answer && /won't|didn't understand/.test(p.answer.source)).length,
    ).toBeGreaterThanOrEqual(4);
  });
});
