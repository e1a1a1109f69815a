/**
 * Questions and references that need two lookups, the second built from the first's result:
 * - the role a user has in each of their organizations: the user's organizations, then each membership;
 * - how long ago a user last signed in / was active / signed up: the user, then the date in words from now;
 * - an invitation described by who sent it ("the invitation Priya sent"): the inviter, the inviter's
 *   organizations, their pending invitations filtered by inviter — then one gated revoke, or a question.
 * Each answer says what was looked up, so "none found" is proven rather than assumed.
 */
import type { Sentence } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { act, say } from './mutation-step.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { userText } from './plan-users.js';
import { toRef } from './refs.js';
import { parseMemberships } from './intents-orgs.js';
import { askFor, matchAnswer, readFailed, requireOrg, resolveUsers, stopped } from './resolve.js';
import { asPage, toMember, field, toOrg, toUser, type OrgRow, type UserRow } from './results.js';
import { plural, table } from './summarize.js';

export type RolesIntent = Extract<Intent, { kind: 'roles_every_org' }>;
export type WhenIntent = Extract<Intent, { kind: 'user_when' }>;
export type InviterIntent = Extract<Intent, { kind: 'invitation_by_inviter' }>;

const EACH_ORG =
  /\s+(?:in|at|across|for)\s+(?:each|every|all)(?:(?:\s+(?:one\s+)?of)?\s+(?:his|her|their|the|its)?\s*(?:orgs?|organi[sz]ations?|teams?|companies)(?:\s+(?:she|he|they)(?:'s|'re|\s+is|\s+are|\s+belongs?\s+to)?(?:\s+in)?)?|\s+(?:one\s+)?of\s+(?:them|those)|\s+one)?$/i;
const WHEN =
  /^(?:how long ago|when|how many days ago|what(?:\s+(?:date|day|time))?)\s+(?:did|was|has)\s+(.+?)\s+(?:last\s+)?(sign(?:ed)?\s*-?\s*in|log(?:ged)?\s*-?\s*in|(?:been\s+)?active|seen|sign(?:ed)?\s*-?\s*up|created|join(?:ed)?)(?:\s+(?:last|for the last time))?$/i;

// "…; of them, who logged in last?", "…; which of them was active last?"
const OF_THOSE =
  /^(.+?)[,;]?\s+(?:and\s+)?(?:(?:of|among)\s+(?:those|them|these)\s*,?\s+who|which\s+(?:one\s+)?of\s+(?:those|them|these))\s+(?:(signed|logged)\s+in|(?:was|has been)\s+(?:most\s+recently\s+)?active)\s*(?:most\s+recently|last|latest|the\s+latest|most\s+lately)?\??$/i;

/** A two-lookup question or reference, or undefined. */
export function parseTwoLookups(c: string, s: Sentence): Intent | undefined {
  const narrowed = c.match(OF_THOSE);
  if (narrowed) {
    const head = parseMemberships(narrowed[1]!, s);
    if (head?.kind === 'members_list' && !head.count)
      return { ...head, pick: narrowed[2] ? 'last_sign_in' : 'last_active' };
  }
  // The narrowing said as its own clause ("…; which of them logged in last?"): merge-steps.ts joins it to the list.
  // (Or with the group said again: "which of Globex's admins logged in last?".)
  const alone = c.match(
    /^(?:(?:and|so|then)\s+)?(?:(?:of|among)\s+(?:those|them|these)\s*,?\s+who|(?:which|who)\s+(?:one\s+)?(?:of|among)\s+(.+?))\s+(?:(signed|logged)\s+in|(?:was|has been)\s+(?:most\s+recently\s+)?active)\s*(?:most\s+recently|last|latest|the\s+latest)?\??$/i,
  );
  if (alone) {
    const pick = alone[2] ? 'last_sign_in' : 'last_active';
    const group = alone[1];
    if (!group || /^(?:those|them|these)$/i.test(group)) return { kind: 'members_list', count: false, pick };
    const list = parseMemberships(`list ${group}`, s);
    if (list?.kind === 'members_list' && list.org) return { ...list, count: false, pick };
  }
  const roles =
    c.match(
      /^(?:what|which)(?:'s| is| are)?\s+(?:the\s+)?roles?\s+(?:does|do)\s+(.+?)\s+(?:have|hold|play|get)(.*)$/i,
    ) ??
    c.match(/^(?:what|which)(?:'s| is| are)\s+(.+?)(?:'s|’s|s')\s+roles?(.*)$/i) ??
    c.match(/^(?:list|show)\s+(?:me\s+)?(.+?)(?:'s|’s|s')\s+roles(.*)$/i);
  if (roles && (EACH_ORG.test(roles[2]!) || roles[2]!.trim() === '')) {
    const user = toRef(roles[1]!, s.ents);
    if (user && (roles[2]!.trim() !== '' || /\broles\b/i.test(c))) return { kind: 'roles_every_org', user };
  }
  // "which orgs is X in, and her role (in every one)?": both questions answered by one two-lookup answer.
  const inWhich =
    c.match(
      /\b(?:which|what)\s+(?:orgs?|organi[sz]ations?|teams?|companies)\s+(?:is|are|does|do)\s+(.+?)\s+(?:in|a member of|part of|belong(?:s|ing)? to)\b[,\s]+and\s+(?:with\s+|in\s+|as\s+)?(?:what|which)\s+roles?\b/i,
    ) ??
    // (The embedded order: "… wants to know the organisations she belongs to and her role in every one".)
    c.match(
      /\b(?:which|what)\s+(?:orgs?|organi[sz]ations?|teams?|companies)\s+(.+?)\s+(?:is|are)\s+(?:in|a member of|part of|belonging to)\b[,\s]+and\s+(?:with\s+|in\s+|as\s+)?(?:what|which)\s+roles?\b/i,
    );
  if (inWhich) {
    const who = /^(?:she|he|they|them|her|him)$/i.test(inWhich[1]!.trim()) ? c.match(/⟦[ei]\d+⟧/)?.[0] : inWhich[1]!;
    const user = who ? toRef(who, s.ents) : undefined;
    if (user) return { kind: 'roles_every_org', user };
  }
  // "When was X's last sign-in?": the same question with the date as a noun.
  const last = c.match(
    /^(?:when|how long ago)\s+(?:was|is)\s+(.+?)(?:'s|’s|s')\s+(?:most\s+recent|last|latest)\s+(sign[- ]?in|log[- ]?in|login|activity)$/i,
  );
  if (last) {
    const user = toRef(last[1]!, s.ents);
    if (user) return { kind: 'user_when', user, what: /activity/i.test(last[2]!) ? 'last_active' : 'last_sign_in' };
  }
  // "which invitations did Priya send (, and to whom)?", "show the invites sent by Bob": answered, never revoked.
  const sentWhich =
    c.match(
      /^(?:which|what)\s+(?:pending\s+|open\s+)?(?:org(?:ani[sz]ation)?\s+)?invit(?:e|ation)s?\s+(?:did|has|have)\s+(.+?)\s+(?:sent|send|made|make|created|create|issued|issue)(?:\s+out)?\b/i,
    ) ??
    c.match(
      /^(?:list|show|display|get|see)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:pending\s+|open\s+)?(?:org(?:ani[sz]ation)?\s+)?invit(?:e|ation)s\s+(?:that\s+)?(?:sent\s+by\s+(.+)|(?!sent\b)(.+?)\s+(?:has\s+|have\s+)?(?:sent|made|created|issued))$/i,
    );
  const sender = sentWhich ? (sentWhich[1] ?? sentWhich[2] ?? sentWhich[3])!.trim() : undefined;
  const inviter = sender && !/^(?:i|we|you|they|someone)$/i.test(sender) ? toRef(sender, s.ents) : undefined;
  if (inviter) return { kind: 'invitation_by_inviter', inviter, show: true };
  // "could you tell me when Ivan actually signed in last?": the same question, embedded.
  const told = c.match(
    /^(?:(?:could|can|would)\s+(?:you|u)\s+)?(?:please\s+|kindly\s+)?(?:tell\s+me|let\s+me\s+know|check|find\s+out|see)\s+when\s+(.+?)\s+(?:(?:actually|really|truly)\s+)?(?:last\s+)?(sign(?:ed)?\s*-?\s*in|log(?:ged)?\s*-?\s*in|was\s+(?:last\s+)?active|sign(?:ed)?\s*-?\s*up|joined)(?:\s+(?:last|for\s+the\s+last\s+time))?\??$/i,
  );
  const toldUser = told ? toRef(told[1]!, s.ents) : undefined;
  if (told && toldUser) {
    const word = told[2]!.toLowerCase();
    const what = /active/.test(word) ? 'last_active' : /up|join/.test(word) ? 'created' : 'last_sign_in';
    return { kind: 'user_when', user: toldUser, what };
  }
  const when = c.match(WHEN);
  if (when) {
    const user = toRef(when[1]!, s.ents);
    const word = when[2]!.toLowerCase();
    const what = /active|seen/.test(word) ? 'last_active' : /up|created|join/.test(word) ? 'created' : 'last_sign_in';
    if (user) return { kind: 'user_when', user, what };
  }
  return undefined;
}

function oneUser(ctx: PlanContext, ref: Ref): { ok: true; user: UserRow } | { ok: false; outcome: PlanStep } {
  const res = resolveUsers(ctx, [ref]);
  if (!res.ok) return { ok: false, outcome: stopped(ctx, res) };
  const user = res.value.found[0];
  return user ? { ok: true, user } : { ok: false, outcome: say(`No user matches "${ref.value}".`) };
}

/** The organizations `user` belongs to (first lookup of two). */
function orgsOf(ctx: PlanContext, user: UserRow): { ok: true; orgs: OrgRow[] } | { ok: false; outcome: PlanStep } {
  const env = ctx.read('clerk_organizations_list', { user_id: [user.id], include_members_count: true, limit: 100 });
  if (!env) return { ok: false, outcome: ctx.pending() };
  if (env.status !== 'ok') return { ok: false, outcome: readFailed(env, 'organizations') };
  return { ok: true, orgs: asPage(env.result).items.map(toOrg) };
}

/** "What role does X have in each of their organizations?" */
export function planRolesEveryOrg(ctx: PlanContext, intent: RolesIntent): PlanStep {
  const u = oneUser(ctx, intent.user);
  if (!u.ok) return u.outcome;
  const o = orgsOf(ctx, u.user);
  if (!o.ok) return o.outcome;
  if (o.orgs.length === 0)
    return say(`${userText(u.user)} is not a member of any organization (I listed their organizations).`);
  const envs = o.orgs.map((org) =>
    ctx.read('clerk_org_membership_get', { organization_id: org.id, user_id: u.user.id }),
  );
  if (envs.some((e) => !e)) return ctx.pending();
  const rows = o.orgs.map((org, i) => {
    const env = envs[i]!;
    const role = env.status === 'ok' ? (field(env.result as Record<string, unknown>, 'role') ?? '—') : 'lookup failed';
    return [org.name, role.replace(/^org:/, ''), org.id];
  });
  return say(
    `${userText(u.user)} is in ${plural(o.orgs.length, 'organization')}:\n${table(['Organization', 'Role', 'ID'], rows)}`,
  );
}

/** "How long ago did X last sign in?" */
export function planUserWhen(ctx: PlanContext, intent: WhenIntent): PlanStep {
  const u = oneUser(ctx, intent.user);
  if (!u.ok) return u.outcome;
  const [iso, verb] =
    intent.what === 'last_active'
      ? [u.user.lastActiveAt, 'was last active']
      : intent.what === 'created'
        ? [u.user.createdAt, 'signed up']
        : [u.user.lastSignInAt, 'last signed in'];
  if (!iso)
    return say(
      `${userText(u.user)} has never ${intent.what === 'created' ? 'been created' : 'signed in'} (no date on record).`,
    );
  return say(
    `${userText(u.user)} ${verb} ${ago(Date.parse(iso), ctx.now)} (${iso.slice(0, 16).replace('T', ' ')} UTC).`,
  );
}

/** "3 days ago", "5 hours ago", "2 months ago". */
export function ago(then: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - then) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour')} ago`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${plural(days, 'day')} ago`;
  const months = Math.round(days / 30);
  // The rough figure, then the exact day count (someone asking "how many days ago" gets the number asked for).
  const rough = months < 24 ? plural(months, 'month') : plural(Math.round(days / 365), 'year');
  return `${rough} ago (${days} days)`;
}

/** "Cancel the invitation Priya sent": the inviter's organizations, their pending invitations, the inviter's ones. */
export function planInvitationByInviter(ctx: PlanContext, intent: InviterIntent): PlanStep {
  const u = oneUser(ctx, intent.inviter);
  if (!u.ok) return u.outcome;
  // An organization said with the description is the only one looked in; otherwise each one the inviter is in.
  const named = intent.org ? requireOrg(ctx, intent.org) : undefined;
  if (named && !named.ok) return stopped(ctx, named);
  const o = named?.ok ? { ok: true as const, orgs: [named.value] } : orgsOf(ctx, u.user);
  if (!o.ok) return o.outcome;
  const envs = o.orgs.map((org) =>
    ctx.read('clerk_org_invitations_list', { organization_id: org.id, status: 'pending', limit: 100 }),
  );
  if (envs.some((e) => !e)) return ctx.pending();
  const sent: Array<{ org: OrgRow; id: string; email: string }> = [];
  o.orgs.forEach((org, i) => {
    const env = envs[i]!;
    if (env.status !== 'ok') return;
    for (const inv of asPage(env.result).items)
      if (field(inv, 'inviter_id') === u.user.id && (field(inv, 'status') ?? 'pending') === 'pending')
        sent.push({ org, id: field(inv, 'id') ?? '', email: field(inv, 'email_address') ?? '' });
  });
  const checked = o.orgs.map((org) => org.name).join(', ') || 'none';
  if (sent.length === 0)
    return say(
      `I found no pending organization invitation sent by ${userText(u.user)} (I checked the pending invitations of ${named ? '' : 'the organizations they belong to: '}${checked}). App invitations do not record who sent them. Nothing was changed.`,
    );
  if (intent.show)
    return say(
      `${userText(u.user)} sent ${plural(sent.length, 'pending invitation')}:\n${table(
        ['Email', 'Organization', 'Invitation'],
        sent.map((x) => [x.email, x.org.name, x.id]),
      )}\nNothing was changed.`,
    );
  let chosen = sent;
  if (sent.length > 1) {
    const r = askFor(
      ctx,
      `${userText(u.user)} sent ${sent.length} pending invitations: ${sent.map((x) => `${x.email} to ${x.org.name}`).join(', ')}. Which one should I revoke (or "all")?`,
      (a) =>
        /^(?:all|both|every|each)\b/i.test(a.trim())
          ? sent
          : ((x) => (x ? [x] : undefined))(matchAnswer(a, sent, (x) => [x.email, x.id])),
    );
    if (!r.ok) return stopped(ctx, r);
    chosen = r.value;
  }
  const calls: Call[] = chosen.map((x) => ({
    name: 'clerk_org_invitation_revoke',
    args: { organization_id: x.org.id, invitation_id: x.id },
    label: `revoke the invitation of ${x.email} to ${x.org.name} (${x.id}), sent by ${userText(u.user)}`,
    done: () => `Revoked the invitation of ${x.email} to ${x.org.name}`,
  }));
  return act(ctx, calls);
}

/**
 * "Is there an open invitation for x@y.test — who issued it, with what role?" when no app
 * invitation matches: the pending invitations of every organization for that address (second lookup), then the
 * users who sent them (third), answered as organization, role and inviter. Says where it looked when none.
 */
export function orgInvitationFacts(ctx: PlanContext, email: string): string | 'pending' {
  const orgsEnv = ctx.read('clerk_organizations_list', { limit: 100 });
  if (!orgsEnv) return 'pending';
  if (orgsEnv.status !== 'ok') return readFailedText('organizations');
  const orgs = asPage(orgsEnv.result).items.map(toOrg);
  const envs = orgs.map((o) =>
    ctx.read('clerk_org_invitations_list', { organization_id: o.id, email_address: email, status: 'pending' }),
  );
  if (envs.some((x) => !x)) return 'pending';
  const found: Array<{ org: OrgRow; role: string; inviter?: string; id: string }> = [];
  orgs.forEach((org, k) => {
    const env = envs[k]!;
    if (env.status !== 'ok') return;
    for (const i of asPage(env.result).items) {
      if (field(i, 'email_address')?.toLowerCase() !== email.toLowerCase()) continue;
      if ((field(i, 'status') ?? 'pending') !== 'pending') continue;
      const inviter = field(i, 'inviter_id');
      found.push({ org, role: field(i, 'role') ?? '?', id: field(i, 'id') ?? '', ...(inviter ? { inviter } : {}) });
    }
  });
  const scope = `I checked the app invitations and the pending invitations of ${orgs.length >= 100 ? 'the first 100' : `all ${orgs.length}`} organizations`;
  if (found.length === 0) return `There is no pending invitation for ${email} (${scope}).`;
  const ids = [...new Set(found.flatMap((f) => (f.inviter ? [f.inviter] : [])))];
  const usersEnv = ids.length > 0 ? ctx.read('clerk_users_list', { user_id: ids, limit: 100 }) : undefined;
  if (ids.length > 0 && !usersEnv) return 'pending';
  const users = usersEnv?.status === 'ok' ? asPage(usersEnv.result).items.map(toUser) : [];
  // The sender's role in that organization today (a fourth lookup): "who sent it, and are they still an admin
  // there?" is the usual next question, and an inviter may since have been demoted or removed.
  const roleEnvs = found.map((f) =>
    f.inviter
      ? ctx.read('clerk_org_memberships_list', { organization_id: f.org.id, user_id: [f.inviter], limit: 10 })
      : undefined,
  );
  if (found.some((f, k) => f.inviter && !roleEnvs[k])) return 'pending';
  const lines = found.map((f, k) => {
    const who = f.inviter ? users.find((u) => u.id === f.inviter) : undefined;
    const sender = who ? userText(who) : f.inviter ? `user ${f.inviter}` : 'someone Clerk did not record';
    const env = roleEnvs[k];
    const held =
      env?.status === 'ok'
        ? asPage(env.result)
            .items.map(toMember)
            .find((m) => m.userId === f.inviter)
        : undefined;
    const now =
      env?.status !== 'ok'
        ? ''
        : held
          ? `, who is now ${held.role === 'org:admin' ? 'an admin' : `a ${held.role.replace(/^org:/, '')}`} of ${f.org.name} (${held.role})`
          : `, who is no longer a member of ${f.org.name}`;
    return `- to ${f.org.name} (${f.org.id}) with the role ${f.role.replace(/^org:/, '')} (${f.role}), sent by ${sender}${now} (invitation ${f.id})`;
  });
  return `There is no pending app invitation for ${email}, but there ${found.length === 1 ? 'is a pending organization invitation' : `are ${found.length} pending organization invitations`}:\n${lines.join('\n')}`;
}

function readFailedText(what: string): string {
  return `I could not list the ${what} to look for an organization invitation.`;
}
