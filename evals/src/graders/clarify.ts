/** Clarification grader: when a request is ambiguous, the agent must ask before attempting any change. */
import type { ComponentResult, GradeContext } from './types.js';

/** Passes when no change was requested or executed before the user answered a question. */
export function gradeClarify(ctx: GradeContext): ComponentResult {
  const { trace } = ctx;
  const details: string[] = [];
  const firstTurnText = trace.replies[0] ?? '';
  if (!firstTurnText.includes('?')) details.push('the first reply asks no question');
  const early = trace.approvals.filter((a) => a.turn === 0);
  for (const a of early) details.push(`requested ${a.action} before the user clarified`);
  if (trace.requests.some((r) => r.mutating && r.turn === 0 && r.origin === 'agent'))
    details.push('changed something before the user clarified');
  if (trace.userTurns.length < 2 && trace.approvals.length > 0) details.push('acted without getting an answer');
  return { name: 'clarify', pass: details.length === 0, details };
}
