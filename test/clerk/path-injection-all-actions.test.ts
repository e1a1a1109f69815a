/** Every real action with a path param, against every hostile id (allActions comes from the registry). */
import { describe, expect, it } from 'vitest';
import { allActions } from '../../src/actions/index.js';
import { checkCase, checkValid, HOSTILE_IDS, pathParamCases } from './path-injection-cases.js';

describe('path injection (every action in allActions)', () => {
  const cases = pathParamCases(allActions);

  it('finds the actions that take ids in their path', () => {
    expect(allActions.length).toBe(48);
    expect(cases.length).toBeGreaterThan(25);
  });

  it.each(cases)('%s: valid ids reach the expected path', async (_label, action) => {
    await checkValid(action);
  });

  it.each(cases)('%s: hostile ids cannot change the path', async (_label, action, param) => {
    for (const id of HOSTILE_IDS) expect(['refused', 'sent']).toContain(await checkCase(action, param, id));
  });
});
