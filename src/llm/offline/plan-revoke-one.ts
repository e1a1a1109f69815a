/**
 * "Revoke the pending invitation" (singular, no email): list the pending app invitations. Exactly one is revoked
 * (after approval, like every change); several become one question naming them all, and only the one the user
 * picks is revoked.
 */
import { act, say } from './mutation-step.js';
import type { Recency } from './intent-types.js';
import type { PlanStep, PlanContext } from './plan-context.js';
import { readAllPages } from './paging.js';
import { field } from './results.js';
import { askFor, matchAnswer, readFailed, stopped } from './resolve.js';
import { mentions } from './mentioned.js';

type Obj = Record<string, unknown>;

/** The invitation created last (by created_at) among `items`. */
export function newestOf(items: Obj[], oldest = false): Obj | undefined {
  const at = (i: Obj): number => {
    const v = i.created_at;
    return typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  };
  return [...items].filter((i) => Number.isFinite(at(i))).sort((a, b) => (oldest ? -1 : 1) * (at(b) - at(a)))[0];
}

/** "sent 2026-11-25": the date shown on the card, so "the newest" is checked by the person approving. */
export function sentOn(i: Obj): string {
  const v = i.created_at;
  const iso = typeof v === 'number' ? new Date(v).toISOString() : typeof v === 'string' ? v : '';
  return iso ? `, sent ${iso.slice(0, 16).replace('T', ' ')} UTC` : '';
}

/**
 * Revokes the single pending app invitation, or asks which one. `newest`: "the newest invitation" — the pending
 * one created last, with its date on the card.
 */
export function planRevokeOnePending(ctx: PlanContext, recency?: Recency): PlanStep {
  const newest = recency !== undefined;
  const paged = readAllPages(ctx, 'clerk_invitations_list', { status: 'pending', limit: 100 });
  if (paged.kind === 'pending') return ctx.pending();
  if (paged.kind === 'failed') return readFailed(paged.env, 'invitations');
  const pending = paged.items.filter((i) => (field(i, 'status') ?? 'pending') === 'pending');
  if (pending.length === 0)
    return say('There are no pending app invitations, so there is nothing to revoke. Nothing was changed.');
  const end = newest ? newestOf(pending, recency === 'oldest') : undefined;
  // "the app invite we sent to the consultant": the one pending invitation whose address (or the part before
  // its @) the message says (mentioned.ts); otherwise the question below.
  const said = pending.filter((i) => {
    const email = field(i, 'email_address') ?? '';
    return email !== '' && (mentions(ctx.turn.request, email) || mentions(ctx.turn.request, email.split('@')[0]!));
  });
  let chosen: Obj = end ?? (said.length === 1 ? said[0]! : pending[0]!);
  if (pending.length > 1 && !end && said.length !== 1) {
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
      label: `revoke the ${newest ? `${recency} pending ` : ''}app invitation of ${email} (${id}${newest ? sentOn(chosen) : ''})`,
      done: () => `Revoked the app invitation of ${email}`,
    },
  ]);
}
