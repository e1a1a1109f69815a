/** State grader: the final sandbox equals the target (reference actions replayed on the fixture), plus API checks. */
import { evaluateCheck } from '../checks.js';
import { diffStates, formatDiffLine } from '../state-diff.js';
import { normalizeState } from '../state-normalize.js';
import type { ComponentResult, GradeContext } from './types.js';

/** Compare the final state with the target; run the scenario's `checks` against the final sandbox. */
export async function gradeState(ctx: GradeContext): Promise<ComponentResult> {
  const { prepared } = ctx;
  const actual = normalizeState(ctx.finalState, prepared.knownIds, prepared.scenario.expect.state.ignore_fields);
  const details = diffStates(prepared.target, actual).map(formatDiffLine);
  for (const [i, check] of prepared.scenario.expect.checks.entries()) {
    const problem = await evaluateCheck(ctx.finalApi, check);
    if (problem) details.push(`checks[${i}] GET ${check.get}: ${problem}`);
  }
  return { name: 'state', pass: details.length === 0, details };
}
