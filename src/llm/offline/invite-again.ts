/**
 * "Their invite link is dead — send them a fresh invitation to Foo, same address and same role as before": the
 * address nobody typed is the one of the organization's expired invitation (a revoked one when none expired).
 * One such invitation → its address (and its role, when the request gives none); several → the one whose address
 * the message mentions ("Foo's temp person" → temp@…), else a question listing them. None → said, nothing sent.
 */
import { mentions } from './mentioned.js';
import type { PlanContext } from './plan-context.js';
import { asPage, field, type OrgRow } from './results.js';
import { askFor, matchAnswer, readFailed, type Res } from './resolve.js';
import { say } from './mutation-step.js';

export interface OldInvitation {
  email: string;
  role: string;
}

/** The one earlier invitation of `org` that a "fresh invitation, same address" means. */
export function oldInvitation(ctx: PlanContext, org: OrgRow): Res<OldInvitation> {
  const env = ctx.read('clerk_org_invitations_list', { organization_id: org.id, limit: 100 });
  if (!env) return { ok: false, outcome: 'pending' };
  if (env.status !== 'ok') return { ok: false, outcome: readFailed(env, `the invitations of ${org.name}`) };
  const items = asPage(env.result).items;
  const pendingTo = new Set(
    items.filter((i) => field(i, 'status') === 'pending').map((i) => field(i, 'email_address')?.toLowerCase()),
  );
  const byStatus = (status: string): OldInvitation[] =>
    items
      .filter((i) => field(i, 'status') === status && !pendingTo.has(field(i, 'email_address')?.toLowerCase()))
      .map((i) => ({ email: field(i, 'email_address') ?? '', role: field(i, 'role') ?? 'org:member' }))
      .filter((i) => i.email !== '');
  const expired = byStatus('expired');
  const old = expired.length > 0 ? expired : byStatus('revoked');
  if (old.length === 0)
    return {
      ok: false,
      outcome: say(
        `${org.name} has no expired or revoked invitation to send again (I listed its invitations). Nothing was changed. Which email address should I invite?`,
      ),
    };
  if (old.length === 1) return { ok: true, value: old[0]! };
  // "Foo's temp person": the one whose address (its part before the @) the message says.
  const said = old.filter((i) => mentions(ctx.turn.request, i.email.split('@')[0]!));
  if (said.length === 1) return { ok: true, value: said[0]! };
  return askFor(
    ctx,
    `${org.name} has ${old.length} earlier invitations that can no longer be used: ${old.map((i) => i.email).join(', ')}. Which address should I invite again?`,
    (a) => matchAnswer(a, old, (i) => [i.email, i.email.split('@')[0]!]),
  );
}
