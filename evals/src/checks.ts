/** Explicit state checks (`expect.checks`): reads through the sandbox API with partial matching. */
import { partialMatch } from './match.js';
import { apiGet, asList, type ApiTarget } from './refs.js';
import type { Scenario } from './schema.js';

/** One `expect.checks` entry. */
export type StateCheck = Scenario['expect']['checks'][number];

/** Run one check; returns a problem description, or undefined when it holds. */
export async function evaluateCheck(target: ApiTarget, check: StateCheck): Promise<string | undefined> {
  let body: unknown;
  try {
    body = await apiGet(target, check.get);
  } catch (err) {
    if (check.absent && /→ 404/.test((err as Error).message)) return undefined;
    return `request failed (${(err as Error).message})`;
  }
  if (check.absent) return 'expected 404 (gone), but it still exists';
  const items = Array.isArray(body) || (body && typeof body === 'object' && 'data' in body) ? asList(body) : null;
  if (check.expect) {
    const ok = items ? items.some((x) => partialMatch(check.expect, x)) : partialMatch(check.expect, body);
    if (!ok) return `nothing matches ${JSON.stringify(check.expect)}`;
  }
  if (check.none && items?.some((x) => partialMatch(check.none, x)))
    return `an item matches ${JSON.stringify(check.none)}, expected none`;
  return undefined;
}
