/**
 * Compound requests ("sign dave@x.test out everywhere, remove him from Acme and ban him"): every step is planned
 * with the same context. Reads of all steps go out together; a clarifying question of any step is asked before
 * anything changes; then the mutations of all steps are proposed as one plan (each call still gated); finally the
 * per-step summaries are joined. A step that cannot act (nobody found, already banned) says why in the plan.
 */
import type { Intent } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';

/** True when `step` names, as its organization, the organization `earlier` creates. */
function usesResultOf(step: Intent, earlier: Intent): boolean {
  if (earlier.kind !== 'org_create' || typeof earlier.fields.name !== 'string') return false;
  const org = 'org' in step ? step.org : undefined;
  return org?.kind === 'name' && org.value.toLowerCase() === earlier.fields.name.toLowerCase();
}

/** Words for a step not planned yet. */
function describe(step: Intent): string {
  if (step.kind === 'membership_add')
    return `add ${step.users.map((u) => u.value).join(', ')} to ${step.org?.value ?? 'it'} as ${step.role.replace(/^org:/, '')}`;
  if (step.kind === 'invite')
    return `invite ${step.emails.join(', ')} to ${step.org?.value ?? 'it'} as ${step.role.replace(/^org:/, '')}`;
  return `do the next step (${step.kind.replace(/_/g, ' ')})`;
}

/** The tool and arguments of a call: what makes two proposed calls the same change. */
function callKey(call: Call): string {
  return `${call.name} ${JSON.stringify(call.args)}`;
}

const APPROVAL_LINE = /\n?(?:This|Each) needs your approval\.$/;

/** Plans each step and combines the outcomes. `planOne` is the single-intent dispatcher. */
export function planSequence(
  ctx: PlanContext,
  steps: Intent[],
  planOne: (ctx: PlanContext, intent: Intent) => PlanStep,
): PlanStep {
  const outcomes: Array<{ outcome: PlanStep; reading: boolean }> = [];
  const outcomeState: Array<PlanContext['acted']> = [];
  for (const [i, step] of steps.entries()) {
    // A step that uses what an earlier step creates waits until that step has run; if it did not run, it is not
    // attempted (and says so).
    const source = steps.slice(0, i).findIndex((earlier) => usesResultOf(step, earlier));
    if (source >= 0 && outcomeState[source] !== 'done') {
      const why =
        outcomeState[source] === 'proposed' || outcomeState[source] === undefined
          ? `Once that is done, I'll ${describe(step)}.`
          : `I did not ${describe(step)}, because the step it depends on was not done.`;
      outcomes.push({ outcome: { kind: 'say', text: why }, reading: false });
      outcomeState.push(undefined);
      continue;
    }
    const before = ctx.needs.length;
    ctx.acted = undefined;
    const outcome = planOne(ctx, step);
    outcomes.push({ outcome, reading: ctx.needs.length > before });
    outcomeState.push(ctx.acted);
  }
  if (outcomes.some((o) => o.reading)) return ctx.pending();
  const question = outcomes.find((o) => o.outcome.kind === 'say' && o.outcome.text.trim().endsWith('?'));
  if (question) return question.outcome;
  const calls: Call[] = [];
  const texts: string[] = [];
  // Two parts of one message that ask the same thing of the same record ("undo the ban and let her back in")
  // are one change: a call already in the plan is not proposed again, and its words are not said twice.
  const seen = new Set<string>();
  for (const { outcome } of outcomes) {
    if (outcome.kind === 'calls') {
      const fresh = outcome.calls.filter((c) => !seen.has(callKey(c)));
      for (const c of fresh) seen.add(callKey(c));
      calls.push(...fresh);
      if (outcome.text && fresh.length > 0) texts.push(outcome.text.replace(APPROVAL_LINE, '').trim());
    } else if (!texts.includes(outcome.text.trim())) texts.push(outcome.text.trim());
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
