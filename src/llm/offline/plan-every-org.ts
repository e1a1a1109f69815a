/**
 * "Take her out of every organization she's in": resolve the user(s), read the organizations each belongs to
 * (clerk_organizations_list with user_id — there is no per-user membership tool), and remove one membership per
 * organization, each a gated call. No organization is guessed: only those the read returned.
 */
import { act, say } from './mutation-step.js';
import type { Ref } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { missingNotes, userText } from './plan-users.js';
import { asPage, toOrg, type OrgRow, type UserRow } from './results.js';
import { readFailed, resolveUsers, stopped } from './resolve.js';

type RemoveCall = (action: 'clerk_org_membership_delete', org: OrgRow, u: UserRow) => Call;

/** Removes each user from every organization they belong to. */
export function planRemoveFromEveryOrg(ctx: PlanContext, users: Ref[], removeCall: RemoveCall): PlanStep {
  const res = resolveUsers(ctx, users);
  if (!res.ok) return stopped(ctx, res);
  const { found, missing } = res.value;
  const notes = missingNotes(missing);
  if (found.length === 0) return say(`${notes.join('\n')}\nNothing was changed.`);
  const reads = found.map((u) => ({ u, env: ctx.read('clerk_organizations_list', { user_id: [u.id], limit: 100 }) }));
  if (reads.some((r) => !r.env)) return ctx.pending();
  const calls: Call[] = [];
  for (const { u, env } of reads) {
    if (env!.status !== 'ok') return readFailed(env!, `the organizations of ${userText(u)}`);
    const orgs = asPage((env as { result: unknown }).result).items.map(toOrg);
    if (orgs.length === 0) notes.push(`${userText(u)} is not in any organization.`);
    for (const o of orgs) calls.push(removeCall('clerk_org_membership_delete', o, u));
  }
  return act(ctx, calls, notes);
}
