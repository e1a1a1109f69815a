/**
 * Plans for invitations: app invitations (list, create, revoke by email or id) and organization invitations
 * (list, create with a role, revoke by email or id). A missing organization is asked for, with "the app" as the
 * way to say "no organization".
 */
import { newestOf, planRevokeOnePending, sentOn } from './plan-revoke-one.js';
import { act, say, withJsonArgs } from './mutation-step.js';
import { analyze, roleKey } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { orgOrAsk, orgText, roleWord } from './plan-orgs.js';
import { orgRef } from './refs.js';
import { asObject, asPage, field, type OrgRow, toOrg, toUser } from './results.js';
import { askFor, readFailed, requireOrg, stopped } from './resolve.js';
import { day, plural, table } from './summarize.js';
import { planRevokeAllPending } from './plan-revoke-all.js';
import { orgInvitationFacts } from './two-lookups.js';
import { oldInvitation } from './invite-again.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/** Pending (or other) invitations of one org. */
export function planOrgInvitationsList(ctx: PlanContext, intent: Of<'org_invitations_list'>): PlanStep {
  const ref = orgOrAsk(ctx, intent.org, "Which organization's invitations should I list?");
  if (!ref.ok) return stopped(ctx, ref);
  const org = requireOrg(ctx, ref.value);
  if (!org.ok) return stopped(ctx, org);
  const args: Record<string, unknown> = { organization_id: org.value.id, limit: 100 };
  if (intent.status) args.status = intent.status;
  const env = ctx.read('clerk_org_invitations_list', args);
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the invitations of ${orgText(org.value)}`);
  const items = asPage(env.result).items;
  const what = `${intent.status ? `${intent.status} ` : ''}invitation`;
  if (items.length === 0) return say(`${org.value.name} has no ${what}s.`);
  // Who sent each one (the list gives only the inviter's id): one read of those users, so "who invited X?" is
  // answered by the listing itself.
  const inviterIds = [...new Set(items.map((i) => field(i, 'inviter_id')).filter((x): x is string => !!x))].sort();
  const names = new Map<string, string>();
  if (inviterIds.length > 0) {
    const users = ctx.read('clerk_users_list', { user_id: inviterIds, limit: 100 });
    if (!users) return ctx.pending();
    if (users.status === 'ok')
      for (const u of asPage(users.result).items.map(toUser)) names.set(u.id, u.name ?? u.email ?? u.id);
  }
  const inviterName = (i: Record<string, unknown>): string => {
    const id = field(i, 'inviter_id');
    return id ? (names.get(id) ?? id) : '—';
  };
  return say(
    `${org.value.name} has ${plural(items.length, what)}:\n${table(
      ['Email', 'Role', 'Status', 'Invited by', 'Created', 'ID'],
      items.map((i) => [
        field(i, 'email_address'),
        roleWord(field(i, 'role') ?? ''),
        field(i, 'status'),
        inviterName(i),
        day(field(i, 'created_at')),
        field(i, 'id'),
      ]),
    )}`,
  );
}

const APP =
  /^(?:the\s+)?(?:app|application|our app|my app|instance|platform|product|sign ?up|signup|site|no org(?:anization)?|none|just the app|app invitation|plain(?: app)? invitation)\b/i;

/** "invite X [to Y] [as role]": an app invitation or an org invitation per email. */
export function planInvite(ctx: PlanContext, intent: Of<'invite'>): PlanStep {
  let emails = intent.emails;
  let role = intent.role;
  if (emails.length === 0 && intent.again && intent.org && !intent.app) {
    const org = requireOrg(ctx, intent.org);
    if (!org.ok) return stopped(ctx, org);
    const old = oldInvitation(ctx, org.value);
    if (!old.ok) return stopped(ctx, old);
    emails = [old.value.email];
    if (intent.again.keepRole) role = old.value.role;
  }
  if (emails.length === 0) {
    const r = askFor(ctx, 'Which email address should I invite?', (a) => {
      const found = analyze(a).ents.emails;
      return found.length > 0 ? found : undefined;
    });
    if (!r.ok) return stopped(ctx, r);
    emails = r.value;
  }
  let target: Ref | 'app' | undefined = intent.app ? 'app' : intent.org;
  if (!target) {
    const r = askFor<{ target: Ref | 'app'; role?: string }>(
      ctx,
      `Which organization should I invite ${emails.join(', ')} to — or should it be a plain app invitation (say "the app")?`,
      (a) => {
        if (APP.test(a)) return { target: 'app' };
        const s = analyze(a.replace(/\s+as\s+(?:an?\s+)?(\S+)$/i, ''));
        const roleMatch = a.match(/\bas\s+(?:an?\s+)?(\S+)$/i);
        const ref = orgRef(s.masked.replace(/^(?:to|into|in)\s+/i, ''), s.ents);
        const newRole = roleMatch ? roleKey(roleMatch[1]!) : undefined;
        return ref ? { target: ref, ...(newRole ? { role: newRole } : {}) } : undefined;
      },
    );
    if (!r.ok) return stopped(ctx, r);
    target = r.value.target;
    if (r.value.role) role = r.value.role;
  }
  const extra = withJsonArgs(intent.fields, ['public_metadata']);
  // The expiry the user asked for is repeated in the plan and the summary, so they can check it was honoured.
  const days = intent.fields.expires_in_days;
  const expiry = typeof days === 'number' ? `, expiring in ${days} day${days === 1 ? '' : 's'}` : '';
  if (target === 'app') {
    return act(
      ctx,
      emails.map((e) => ({
        name: 'clerk_invitation_create',
        args: { email_address: e, ...extra },
        label: `invite ${e} to sign up to the app${expiry}${intent.fields.notify === false ? ' (no email sent)' : ''}`,
        done: (result: unknown) =>
          `Invited ${e} to the app (invitation ${field(asObject(result) ?? {}, 'id') ?? 'created'}, status ${field(asObject(result) ?? {}, 'status') ?? 'pending'})${expiry}`,
      })),
    );
  }
  const org = requireOrg(ctx, target);
  if (!org.ok) return stopped(ctx, org);
  const o = org.value;
  return act(
    ctx,
    emails.map((e) => ({
      name: 'clerk_org_invitation_create',
      args: { organization_id: o.id, email_address: e, role, ...extra },
      label: `invite ${e} to ${orgText(o)} as ${roleWord(role)}`,
      done: (result: unknown) =>
        `Invited ${e} to ${orgText(o)} as ${roleWord(role)} (invitation ${field(asObject(result) ?? {}, 'id') ?? 'created'})`,
    })),
  );
}

/** Revokes org invitations by email (found with a list read) or id. */
export function planOrgInvitationRevoke(ctx: PlanContext, intent: Of<'org_invitation_revoke'>): PlanStep {
  if (!intent.org && !intent.all && intent.ids.length === 0 && intent.emails.length > 0) {
    // No organization named: each address's pending invitation is looked for in every organization; the answer
    // is used when each address has exactly one, otherwise the organization is asked for.
    const found = intent.emails.map((e) => orgInvitationsOf(ctx, e, false));
    if (found.includes('pending')) return ctx.pending();
    if (found.every((f) => Array.isArray(f) && f.length === 1)) return act(ctx, (found as Call[][]).flat(), []);
    // None anywhere: say where it looked (a question about the organization could not find one either).
    if (found.every((f) => typeof f === 'string')) return say(found.join('\n'));
  }
  const ref = orgOrAsk(ctx, intent.org, 'Which organization is that invitation for?');
  if (!ref.ok) return stopped(ctx, ref);
  const org = requireOrg(ctx, ref.value);
  if (!org.ok) return stopped(ctx, org);
  const o = org.value;
  if (intent.all) return planRevokeAllPending(ctx, o, orgText(o));
  if (intent.newest && intent.emails.length === 0 && intent.ids.length === 0) {
    // "the most recent pending invite in Acme": its pending invitations, the one created last.
    const env = ctx.read('clerk_org_invitations_list', { organization_id: o.id, status: 'pending', limit: 100 });
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, `the invitations of ${orgText(o)}`);
    const pending = asPage(env.result).items.filter((i) => (field(i, 'status') ?? 'pending') === 'pending');
    const chosen = newestOf(pending, intent.newest === 'oldest');
    if (!chosen)
      return say(`${o.name} has no pending invitations, so there is nothing to revoke. Nothing was changed.`);
    const email = field(chosen, 'email_address') ?? '?';
    const id = field(chosen, 'id')!;
    return act(ctx, [
      {
        name: 'clerk_org_invitation_revoke',
        args: { organization_id: o.id, invitation_id: id },
        label: `revoke the ${intent.newest} pending invitation to ${orgText(o)}: ${email} (${id}${sentOn(chosen)})`,
        done: () => `Revoked the invitation of ${email} to ${orgText(o)}`,
      },
    ]);
  }
  if (intent.invitee && intent.emails.length === 0 && intent.ids.length === 0) {
    // "the Hooli invite for bighead": the pending invitation whose address starts with what was said (one → it;
    // several → asked; none → said so).
    const env = ctx.read('clerk_org_invitations_list', { organization_id: o.id, status: 'pending', limit: 100 });
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, `the invitations of ${orgText(o)}`);
    const word = intent.invitee.toLowerCase();
    const hits = asPage(env.result).items.filter((i) => {
      const local = (field(i, 'email_address') ?? '').toLowerCase().split('@')[0]!;
      return (
        (field(i, 'status') ?? 'pending') === 'pending' &&
        local
          .split(/[._+-]/)
          .concat(local)
          .includes(word)
      );
    });
    if (hits.length === 0)
      return say(
        `${o.name} has no pending invitation to an address starting with "${intent.invitee}" (I listed its pending invitations). Nothing was changed.`,
      );
    if (hits.length > 1)
      return say(
        `${o.name} has ${hits.length} pending invitations that could be "${intent.invitee}": ${hits.map((i) => field(i, 'email_address')).join(', ')}. Say which address, and I'll revoke that one. Nothing was changed.`,
      );
    const email = field(hits[0]!, 'email_address')!;
    return act(ctx, [revokeInvitationOf(o, email, field(hits[0]!, 'id')!)]);
  }
  const envs = intent.emails.map((e) => ({
    e,
    env: ctx.read('clerk_org_invitations_list', { organization_id: o.id, email_address: e, status: 'pending' }),
  }));
  if (envs.some((x) => !x.env)) return ctx.pending();
  const notes: string[] = [];
  const calls: Call[] = intent.ids.map((id) => ({
    name: 'clerk_org_invitation_revoke',
    args: { organization_id: o.id, invitation_id: id },
    label: `revoke invitation ${id} to ${orgText(o)}`,
    done: () => `Revoked invitation ${id} to ${orgText(o)}`,
  }));
  for (const { e, env } of envs) {
    if (env!.status !== 'ok') return readFailed(env!, `the invitations of ${orgText(o)}`);
    const pending = asPage((env as { result: unknown }).result).items.filter(
      (i) => field(i, 'email_address')?.toLowerCase() === e && (field(i, 'status') ?? 'pending') === 'pending',
    );
    if (pending.length === 0) notes.push(`There is no pending invitation for ${e} to ${o.name}.`);
    for (const i of pending) {
      calls.push(revokeInvitationOf(o, e, field(i, 'id')!));
    }
  }
  return act(ctx, calls, notes);
}

/** App invitations list. */
export function planInvitationsList(ctx: PlanContext, intent: Of<'invitations_list'>): PlanStep {
  const args: Record<string, unknown> = { limit: 100 };
  if (intent.status) args.status = intent.status;
  if (intent.query) args.query = intent.query;
  const env = ctx.read('clerk_invitations_list', args);
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, 'invitations');
  const items = asPage(env.result).items;
  const what = `${intent.status ? `${intent.status} ` : ''}invitation`;
  // An address with no app invitation may have an organization invitation: look there too (who sent it, which role).
  if (items.length === 0 && intent.query && /@/.test(intent.query) && (intent.status ?? 'pending') === 'pending') {
    const facts = orgInvitationFacts(ctx, intent.query);
    return facts === 'pending' ? ctx.pending() : say(facts);
  }
  if (items.length === 0) return say(`There are no ${what}s${intent.query ? ` for ${intent.query}` : ''}.`);
  return say(
    `${plural(items.length, what)}${intent.query ? ` for ${intent.query}` : ''}:\n${table(
      ['Email', 'Status', 'Created', 'Expires', 'ID'],
      items.map((i) => [
        field(i, 'email_address'),
        field(i, 'status'),
        day(field(i, 'created_at')),
        day(field(i, 'expires_at')),
        field(i, 'id'),
      ]),
    )}`,
  );
}

/** Revokes app invitations by email (found with a list read) or id. */
export function planInvitationRevoke(ctx: PlanContext, intent: Of<'invitation_revoke'>): PlanStep {
  if (intent.all) return planRevokeAllPending(ctx);
  if (intent.one) return planRevokeOnePending(ctx, intent.newest);
  const envs = intent.emails.map((e) => ({
    e,
    env: ctx.read('clerk_invitations_list', { query: e, status: 'pending' }),
  }));
  if (envs.some((x) => !x.env)) return ctx.pending();
  const notes: string[] = [];
  const calls: Call[] = intent.ids.map((id) => ({
    name: 'clerk_invitation_revoke',
    args: { invitation_id: id },
    label: `revoke invitation ${id}`,
    done: () => `Revoked invitation ${id}`,
  }));
  for (const { e, env } of envs) {
    if (env!.status !== 'ok') return readFailed(env!, 'invitations');
    const pending = asPage((env as { result: unknown }).result).items.filter(
      (i) => field(i, 'email_address')?.toLowerCase() === e && (field(i, 'status') ?? 'pending') === 'pending',
    );
    if (pending.length === 0) {
      // No app invitation: it may be an organization invitation. Look in every organization before saying
      // there is none (a second lookup built from the first), so "none" is only said when it is proven.
      const inOrgs = orgInvitationsOf(ctx, e);
      if (inOrgs === 'pending') return ctx.pending();
      if (typeof inOrgs === 'string') {
        // None pending anywhere: an earlier invitation that was revoked or accepted is the reason, so say "already".
        // (Clerk leaves revoked invitations out of a listing unless asked for them by status.)
        const reads = ['revoked', 'accepted'].map((status) =>
          ctx.read('clerk_invitations_list', { query: e, status, limit: 100 }),
        );
        if (reads.some((r) => !r)) return ctx.pending();
        const past = reads.flatMap((r) =>
          r!.status === 'ok'
            ? asPage(r!.result).items.filter((i) => field(i, 'email_address')?.toLowerCase() === e)
            : [],
        );
        const done = past[0];
        notes.push(
          done
            ? `The invitation to ${e} (${field(done, 'id')}) is already ${field(done, 'status')}, so there is nothing to revoke; ${inOrgs.charAt(0).toLowerCase()}${inOrgs.slice(1)}`
            : inOrgs,
        );
      } else calls.push(...inOrgs);
    }
    for (const i of pending) {
      const id = field(i, 'id')!;
      calls.push({
        name: 'clerk_invitation_revoke',
        args: { invitation_id: id },
        label: `revoke the app invitation of ${e} (${id})`,
        done: () => `Revoked the app invitation of ${e}`,
      });
    }
  }
  return act(ctx, calls, notes);
}

/**
 * Pending organization invitations of `email` in any organization (the organizations, then each one's pending
 * invitations for that address) as revoke calls; a sentence saying where it looked when there are none.
 */
function orgInvitationsOf(ctx: PlanContext, email: string, checkedApp = true): Call[] | string | 'pending' {
  const app = checkedApp ? 'app invitation' : 'organization invitation';
  const orgsEnv = ctx.read('clerk_organizations_list', { limit: 100 });
  if (!orgsEnv) return 'pending';
  if (orgsEnv.status !== 'ok')
    return `There is no pending ${app} for ${email}, and I could not list the organizations to look for an organization invitation.`;
  const orgs = asPage(orgsEnv.result).items.map(toOrg);
  const envs = orgs.map((o) =>
    ctx.read('clerk_org_invitations_list', { organization_id: o.id, email_address: email, status: 'pending' }),
  );
  if (envs.some((x) => !x)) return 'pending';
  const calls: Call[] = [];
  orgs.forEach((o, k) => {
    const env = envs[k]!;
    if (env.status !== 'ok') return;
    for (const i of asPage(env.result).items) {
      if (field(i, 'email_address')?.toLowerCase() !== email || (field(i, 'status') ?? 'pending') !== 'pending')
        continue;
      calls.push(revokeInvitationOf(o, email, field(i, 'id')!));
    }
  });
  return calls.length > 0
    ? calls
    : `There is no pending invitation for ${email}: I checked ${checkedApp ? 'the app invitations and ' : ''}the pending invitations of ${orgs.length >= 100 ? 'the first 100' : `all ${orgs.length}`} organizations.`;
}

/** Revoking the pending invitation `id` of `email` to `o` (found by listing the organization's invitations). */
function revokeInvitationOf(o: OrgRow, email: string, id: string): Call {
  return {
    name: 'clerk_org_invitation_revoke',
    args: { organization_id: o.id, invitation_id: id },
    label: `revoke the invitation of ${email} to ${orgText(o)} (${id})`,
    done: () => `Revoked the invitation of ${email} to ${orgText(o)}`,
  };
}
