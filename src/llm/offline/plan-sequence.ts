/**
 * Compound requests ("sign dave@x.test out everywhere, remove him from Acme and ban him"): every step is planned
 * with the same context. Reads of all steps go out together; a clarifying question of any step is asked before
 * anything changes; then the mutations of all steps are proposed as one plan (each call still gated); finally the
 * per-step summaries are joined. A step that cannot act (nobody found, already banned) says why in the plan.
 */
import type { Intent } from './intent-types.js';
import type { Call, Outcome, PlanContext } from './plan-context.js';

const APPROVAL_LINE = /\n?(?:This|Each) needs your approval\.$/;

/** Plans each step and combines the outcomes. `planOne` is the single-intent dispatcher. */
export function planSequence(
  ctx: PlanContext,
  steps: Intent[],
  planOne: (ctx: PlanContext, intent: Intent) => Outcome,
): Outcome {
  const outcomes: Array<{ outcome: Outcome; reading: boolean }> = [];
  for (const step of steps) {
    const before = ctx.needs.length;
    const outcome = planOne(ctx, step);
    outcomes.push({ outcome, reading: ctx.needs.length > before });
  }
  if (outcomes.some((o) => o.reading)) return ctx.pending();
  const question = outcomes.find((o) => o.outcome.kind === 'say' && o.outcome.text.trim().endsWith('?'));
  if (question) return question.outcome;
  const calls: Call[] = [];
  const texts: string[] = [];
  for (const { outcome } of outcomes) {
    if (outcome.kind === 'calls') {
      calls.push(...outcome.calls);
      if (outcome.text) texts.push(outcome.text.replace(APPROVAL_LINE, '').trim());
    } else texts.push(outcome.text.trim());
  }
  if (calls.length === 0) return { kind: 'say', text: texts.filter(Boolean).join('\n') };
  const fresh = texts.length > 0 && outcomes.some((o) => o.outcome.kind === 'calls' && o.outcome.text !== undefined);
  if (!fresh) return { kind: 'calls', calls };
  return {
    kind: 'calls',
    calls,
    text: [...texts.filter(Boolean), `${calls.length === 1 ? 'This needs' : 'Each needs'} your approval.`].join('\n'),
  };
}
