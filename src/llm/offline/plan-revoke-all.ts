/**
 * "Revoke every invitation still pending [for Foo]": list the pending ones, then one gated revoke per invitation. A long
 * list is not turned into dozens of approvals: above MAX_BULK the user is asked to narrow it down.
 */
import { act, say } from './mutation-step.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { readAllPages } from './paging.js';
import { field } from './results.js';
import { readFailed } from './resolve.js';
import type { OrgRow } from './results.js';

/** Most invitations revoked from one sentence. */
const MAX_BULK = 25;

/** Revokes every pending app invitation (org given: every pending invitation of that org). */
export function planRevokeAllPending(ctx: PlanContext, org?: OrgRow, orgLabel?: string): PlanStep {
  const paged = org
    ? readAllPages(ctx, 'clerk_org_invitations_list', { organization_id: org.id, status: 'pending', limit: 100 })
    : readAllPages(ctx, 'clerk_invitations_list', { status: 'pending', limit: 100 });
  if (paged.kind === 'pending') return ctx.pending();
  if (paged.kind === 'failed') return readFailed(paged.env, 'invitations');
  const where = org ? ` to ${orgLabel ?? org.name}` : '';
  const pending = paged.items.filter((i) => (field(i, 'status') ?? 'pending') === 'pending');
  if (pending.length === 0) return say(`There are no pending invitations${where}. Nothing was changed.`);
  if (pending.length > MAX_BULK || !paged.complete) {
    return say(
      `There are ${paged.complete ? '' : 'more than '}${pending.length} pending invitations${where}; that is too many to revoke one approval at a time. Name the ones to revoke (emails or ids). Nothing was changed.`,
    );
  }
  const calls: Call[] = pending.map((i) => {
    const id = field(i, 'id')!;
    const email = field(i, 'email_address') ?? id;
    return org
      ? {
          name: 'clerk_org_invitation_revoke',
          args: { organization_id: org.id, invitation_id: id },
          label: `revoke the invitation of ${email}${where} (${id})`,
          done: () => `Revoked the invitation of ${email}${where}`,
        }
      : {
          name: 'clerk_invitation_revoke',
          args: { invitation_id: id },
          label: `revoke the app invitation of ${email} (${id})`,
          done: () => `Revoked the app invitation of ${email}`,
        };
  });
  return act(ctx, calls);
}
