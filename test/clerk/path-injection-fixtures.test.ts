import { describe, expect, it } from 'vitest';
import { checkCase, checkValid, HOSTILE_IDS, pathParamCases } from './path-injection-cases.js';
import { fixtureActions } from './fixtures.js';

describe('path injection (fixture actions)', () => {
  const cases = pathParamCases(fixtureActions);

  it('covers every fixture with a path param, including both plans', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cases)('%s: valid ids reach the expected path', async (_label, action) => {
    await checkValid(action);
  });

  it.each(cases)('%s: hostile ids are refused before sending', async (_label, action, param) => {
    for (const id of HOSTILE_IDS) expect(await checkCase(action, param, id)).toBe('refused');
  });
});
