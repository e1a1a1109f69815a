/**
 * "Revoke the pending invitation" (singular, no email): list the pending app invitations. Exactly one is revoked
 * (after approval, like every change); several become one question naming them all, and only the one the user
 * picks is revoked.
 */
import { act, say } from './mutation-step.js';
import type { PlanStep, PlanContext } from './plan-context.js';
import { readAllPages } from './paging.js';
import { field } from './results.js';
import { askFor, matchAnswer, readFailed, stopped } from './resolve.js';

type Obj = Record<string, unknown>;

/** Revokes the single pending app invitation, or asks which one. */
export function planRevokeOnePending(ctx: PlanContext): PlanStep {
  const paged = readAllPages(ctx, 'clerk_invitations_list', { status: 'pending', limit: 100 });
  if (paged.kind === 'pending') return ctx.pending();
  if (paged.kind === 'failed') return readFailed(paged.env, 'invitations');
  const pending = paged.items.filter((i) => (field(i, 'status') ?? 'pending') === 'pending');
  if (pending.length === 0)
    return say('There are no pending app invitations, so there is nothing to revoke. Nothing was changed.');
  let chosen: Obj = pending[0]!;
  if (pending.length > 1) {
    const emails = pending.map((i) => field(i, 'email_address') ?? field(i, 'id') ?? '?');
    const list = pending.length <= 10 ? `: ${emails.slice(0, -1).join(', ')} and ${emails[emails.length - 1]}` : '';
    const r = askFor(
      ctx,
      `There are ${pending.length} pending invitations${list}. Which one should I revoke?`,
      (answer) => {
        const lower = answer.toLowerCase();
        const byText = pending.filter((i) =>
          [field(i, 'email_address'), field(i, 'id')].some((k) => k && lower.includes(k.toLowerCase())),
        );
        if (byText.length === 1) return byText[0];
        return matchAnswer(answer, pending, (i) => [field(i, 'email_address') ?? '', field(i, 'id') ?? '']);
      },
    );
    if (!r.ok) return stopped(ctx, r);
    chosen = r.value;
  }
  const id = field(chosen, 'id')!;
  const email = field(chosen, 'email_address') ?? id;
  return act(ctx, [
    {
      name: 'clerk_invitation_revoke',
      args: { invitation_id: id },
      label: `revoke the app invitation of ${email} (${id})`,
      done: () => `Revoked the app invitation of ${email}`,
    },
  ]);
}
