/**
 * Plans a mistyped-invitation replacement: find the pending invitation of the old address (in the organization,
 * or among app invitations), then two gated calls — revoke it, and invite the right address with the same role.
 * No pending invitation for the old address means nothing to replace, and nothing is sent.
 */
import { act, say } from './mutation-step.js';
import type { Intent } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { orgText, roleWord } from './plan-orgs.js';
import { asPage, field } from './results.js';
import { readFailed, requireOrg, stopped } from './resolve.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/** Revokes the old invitation and sends the corrected one. */
export function planReinvite(ctx: PlanContext, intent: Of<'reinvite'>): PlanStep {
  const { oldEmail, newEmail } = intent;
  if (!intent.org) {
    const env = ctx.read('clerk_invitations_list', { query: oldEmail, status: 'pending' });
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, 'invitations');
    const old = asPage(env.result).items.find((i) => field(i, 'email_address')?.toLowerCase() === oldEmail);
    if (!old)
      return say(
        `There is no pending app invitation for ${oldEmail}, so there is nothing to replace. (For an organization invitation, name the organization.) Nothing was changed.`,
      );
    const id = field(old, 'id')!;
    return act(ctx, [
      {
        name: 'clerk_invitation_revoke',
        args: { invitation_id: id },
        label: `revoke the app invitation of ${oldEmail} (${id})`,
        done: () => `Revoked the app invitation of ${oldEmail}`,
      },
      {
        name: 'clerk_invitation_create',
        args: { email_address: newEmail },
        label: `invite ${newEmail} to sign up to the app`,
        done: () => `Invited ${newEmail} to the app`,
      },
    ]);
  }
  const org = requireOrg(ctx, intent.org);
  if (!org.ok) return stopped(ctx, org);
  const o = org.value;
  const env = ctx.read('clerk_org_invitations_list', {
    organization_id: o.id,
    email_address: oldEmail,
    status: 'pending',
  });
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the invitations of ${orgText(o)}`);
  const old = asPage(env.result).items.find(
    (i) => field(i, 'email_address')?.toLowerCase() === oldEmail && (field(i, 'status') ?? 'pending') === 'pending',
  );
  if (!old)
    return say(
      `There is no pending invitation for ${oldEmail} to ${o.name}, so there is nothing to replace. Nothing was changed.`,
    );
  const id = field(old, 'id')!;
  const role = intent.role ?? field(old, 'role') ?? 'org:member';
  const calls: Call[] = [
    {
      name: 'clerk_org_invitation_revoke',
      args: { organization_id: o.id, invitation_id: id },
      label: `revoke the invitation of ${oldEmail} to ${orgText(o)} (${id})`,
      done: () => `Revoked the invitation of ${oldEmail} to ${orgText(o)}`,
    },
    {
      name: 'clerk_org_invitation_create',
      args: { organization_id: o.id, email_address: newEmail, role },
      label: `invite ${newEmail} to ${orgText(o)} as ${roleWord(role)} (the same role as before)`,
      done: () => `Invited ${newEmail} to ${orgText(o)} as ${roleWord(role)}`,
    },
  ];
  return act(ctx, calls);
}
