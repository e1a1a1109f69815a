/**
 * Plans for memberships: member lists and counts, one membership, add, role changes (read the membership first;
 * create it when the user is not a member yet) and removal.
 */
import { act, say } from './mutation-step.js';
import type { Intent, Ref } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { orgOrAsk, orgText, roleWord } from './plan-orgs.js';
import { missingNotes, userText } from './plan-users.js';
import { asObject, asPage, type Envelope, field, toMember, toUser, type OrgRow, type UserRow } from './results.js';
import {
  firstStop,
  mentionedOrg,
  orgOfRoleRefs,
  readFailed,
  requireOrg,
  resolveUsers,
  stopped,
  type Res,
} from './resolve.js';
import { plural, table } from './summarize.js';
import { isPossessiveOrg, orgOfUser } from './plan-org-of-user.js';
import { planRemoveFromEveryOrg } from './plan-every-org.js';
import { planInvite } from './plan-invitations.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/** Members of one org (or how many). */
export function planMembersList(ctx: PlanContext, intent: Of<'members_list'>): PlanStep {
  // "what team is X on? who holds billing over there?": X's own organization (one → it, several → asked).
  if (!intent.org && intent.ofUser) {
    const own = orgOfUser(ctx, intent.ofUser, 'whose members I should list');
    if (!own.ok) return stopped(ctx, own);
    return planMembersList(ctx, { ...intent, org: own.value.org, ofUser: undefined });
  }
  const ref = orgOrAsk(ctx, intent.org, 'Which organization?');
  if (!ref.ok) return stopped(ctx, ref);
  const org = requireOrg(ctx, ref.value);
  if (!org.ok) return stopped(ctx, org);
  const args: Record<string, unknown> = { organization_id: org.value.id, limit: intent.count ? 500 : 100 };
  if (intent.role) args.role = [intent.role];
  const env = ctx.read('clerk_org_memberships_list', args);
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the members of ${orgText(org.value)}`);
  const page = asPage(env.result);
  const rows = page.items.map(toMember);
  const n = page.total ?? rows.length;
  const who = intent.role ? `${roleWord(intent.role)}s` : 'members';
  // ("how many of them are admins?": the count by role is stated, when the listing holds them all and has several.)
  const holders = (role: string, k: number): string =>
    role === 'org:member' || k > 3
      ? ''
      : `: ${rows
          .filter((m) => m.role === role)
          .map((m) => m.name ?? m.email ?? m.userId)
          .join(', ')}`;
  const byRole = new Map<string, number>();
  for (const m of rows) byRole.set(m.role, (byRole.get(m.role) ?? 0) + 1);
  const counts =
    !intent.role && rows.length === n && byRole.size > 1
      ? ` (${[...byRole.entries()]
          .sort((a, b) => b[1] - a[1])
          // (A role few hold is named with its holders: "how many are there, and who is the admin?" is answered.)
          .map(([role, k]) => `${k} ${roleWord(role)}${k === 1 ? '' : 's'}${holders(role, k)}`)
          .join(', ')})`
      : '';
  if (intent.count) return say(`${org.value.name} has ${n} ${n === 1 ? who.replace(/s$/, '') : who}${counts}.`);
  if (rows.length === 0) return say(`${org.value.name} has no ${who}.`);
  if (intent.pick) return pickRecent(ctx, intent.pick, org.value.name, who, rows);
  return say(
    `${org.value.name} has ${n} ${n === 1 ? who.replace(/s$/, '') : who}${counts}:\n${table(
      ['Name', 'Email', 'Role', 'User ID'],
      rows.map((m) => [m.name, m.email, roleWord(m.role), m.userId]),
    )}`,
  );
}

/** "…, and of those, who signed in most recently?": the members' users (second lookup), the latest date wins. */
function pickRecent(
  ctx: PlanContext,
  pick: 'last_sign_in' | 'last_active',
  orgName: string,
  who: string,
  rows: Array<ReturnType<typeof toMember>>,
): PlanStep {
  const env = ctx.read('clerk_users_list', { user_id: rows.map((m) => m.userId), limit: 100 });
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the ${who} of ${orgName}`);
  const users = asPage(env.result).items.map(toUser);
  const date = (u: UserRow): string | null => (pick === 'last_sign_in' ? u.lastSignInAt : u.lastActiveAt);
  const verb = pick === 'last_sign_in' ? 'signed in' : 'was active';
  const lines = users.map(
    (u) =>
      `- ${userText(u)}: ${date(u) ? `last ${verb.replace('was ', '')} ${date(u)!.slice(0, 16).replace('T', ' ')} UTC` : `never ${verb}`}`,
  );
  const dated = users.filter((u) => date(u)).sort((a, b) => Date.parse(date(b)!) - Date.parse(date(a)!));
  const top = dated[0];
  const tie = top && dated[1] && date(dated[1]) === date(top);
  const answer = !top
    ? `None of them has ${pick === 'last_sign_in' ? 'signed in' : 'been active'} yet.`
    : tie
      ? `${userText(top)} and ${userText(dated[1]!)} ${verb} at the same time, the most recently.`
      : `Of those, ${userText(top)} ${verb} most recently (${date(top)!.slice(0, 16).replace('T', ' ')} UTC).`;
  return say(`${orgName} has ${plural(users.length, who.replace(/s$/, ''))}:\n${lines.join('\n')}\n${answer}`);
}

/** Resolves one org and one or more users together (reads go out in parallel). */
function orgAndUsers(
  ctx: PlanContext,
  orgRefValue: Ref,
  users: Ref[],
): Res<{ org: OrgRow; users: UserRow[]; notes: string[] }> {
  const org = requireOrg(ctx, orgRefValue);
  const us = resolveUsers(ctx, users);
  const stop = firstStop(ctx, [org, us]);
  if (stop) return { ok: false, outcome: stop };
  const o = (org as { ok: true; value: OrgRow }).value;
  const { found, missing } = (us as { ok: true; value: { found: UserRow[]; missing: Ref[] } }).value;
  const notes = missingNotes(missing);
  if (found.length === 0) return { ok: false, outcome: say(`${notes.join('\n')}\nNothing was changed.`) };
  return { ok: true, value: { org: o, users: found, notes } };
}

/** "what role does X have in Y" / "is X a member of Y". */
export function planMembershipGet(ctx: PlanContext, intent: Of<'membership_get'>): PlanStep {
  if (!intent.org || !intent.user)
    return say('Tell me the user and the organization, for example "what role does jane@example.com have in Acme?".');
  const r = orgAndUsers(ctx, intent.org, [intent.user]);
  if (!r.ok) return stopped(ctx, r);
  const { org, users } = r.value;
  const u = users[0]!;
  const env = ctx.read('clerk_org_membership_get', { organization_id: org.id, user_id: u.id });
  if (!env) return ctx.pending();
  if (env.status === 'error' && env.httpStatus === 404)
    return say(`${intent.asks ? 'No: ' : ''}${userText(u)} is not a member of ${orgText(org)}.`);
  if (env.status !== 'ok') return readFailed(env, `the membership of ${userText(u)}`);
  const m = toMember(asObject(env.result) ?? {});
  const since = field(asObject(env.result) ?? {}, 'created_at');
  // (Asked about a member: any membership is one; asked about another role: that role exactly.)
  const yes = intent.asks && (intent.asks === 'org:member' || m.role === intent.asks);
  return say(
    `${intent.asks ? (yes ? 'Yes: ' : 'No: ') : ''}${userText(u)} is ${m.role === 'org:admin' ? 'an admin' : m.role === 'org:member' ? 'a member' : `a member with the ${m.role.replace(/^org:/, '')} role`} of ${orgText(org)} (role ${m.role}${since ? `, since ${since.slice(0, 10)}` : ''}).`,
  );
}

export function membershipCall(
  action: 'clerk_org_membership_create' | 'clerk_org_membership_update' | 'clerk_org_membership_delete',
  org: OrgRow,
  u: UserRow,
  role?: string,
): Call {
  const words = {
    clerk_org_membership_create: [
      `add ${userText(u)} to ${orgText(org)} as ${roleWord(role ?? '')}`,
      `Added ${userText(u)} to ${orgText(org)} as ${roleWord(role ?? '')}`,
    ],
    clerk_org_membership_update: [
      `change the role of ${userText(u)} in ${orgText(org)} to ${roleWord(role ?? '')}`,
      `${userText(u)} is now ${roleWord(role ?? '')} of ${orgText(org)}`,
    ],
    clerk_org_membership_delete: [
      `remove ${userText(u)} from ${orgText(org)}`,
      `Removed ${userText(u)} from ${orgText(org)}`,
    ],
  }[action];
  return {
    name: action,
    args: { organization_id: org.id, user_id: u.id, ...(role ? { role } : {}) },
    label: words[0]!,
    done: () => words[1]!,
  };
}

/** "add X to Y [as role]". */
export function planMembershipAdd(ctx: PlanContext, intent: Of<'membership_add'>): PlanStep {
  // "add new.hire@x.test to Foo" when no account has that address: nobody can be made a member, but they can be
  // invited to Foo (with the role asked for). Only when every address is unknown: a mix stays as it was (the card
  // would otherwise mix two kinds of change the admin did not tell apart).
  const unknown = unknownAddresses(ctx, intent);
  if (unknown === 'pending') return ctx.pending();
  if (unknown.length > 0)
    return planInvite(ctx, {
      kind: 'invite',
      emails: unknown,
      ...(intent.org ? { org: intent.org } : {}),
      app: false,
      role: intent.role ?? 'org:member',
      fields: {},
    });
  // Read each membership first: someone who is already a member is said so ("not sure whether someone already
  // did"), never re-added — a second create would only fail, and the admin asked for a state, not a call.
  const read = readMemberships(ctx, intent.org, intent.users, 'Which organization should I add them to?');
  if (!('envs' in read)) return read;
  const { org, users, notes, envs } = read;
  // "… with the same role": each user's role in the organization they come from, read before anything is proposed
  // (no membership there → nothing is guessed; the admin is told).
  const roles = new Map<string, string>();
  if (intent.roleFrom) {
    const from = readMemberships(ctx, intent.roleFrom, intent.users, 'Which organization should the role come from?');
    if (!('envs' in from)) return from;
    from.users.forEach((u, i) => {
      const env = from.envs[i]!;
      const role = env.status === 'ok' ? toMember(asObject(env.result) ?? {}).role : undefined;
      if (role) roles.set(u.id, role);
      else notes.push(`${userText(u)} has no role in ${from.org.name} to keep, so I did not add them to ${org.name}.`);
    });
  }
  const calls: Call[] = [];
  users.forEach((u, i) => {
    const env = envs[i]!;
    if (intent.roleFrom && !roles.has(u.id)) return;
    const wanted = roles.get(u.id) ?? intent.role;
    if (env.status === 'error' && env.httpStatus === 404)
      calls.push(membershipCall('clerk_org_membership_create', org, u, wanted));
    else if (env.status !== 'ok')
      notes.push(
        `I couldn't read the membership of ${userText(u)}: ${env.status === 'error' ? env.message : env.status}.`,
      );
    else {
      const role = toMember(asObject(env.result) ?? {}).role;
      notes.push(
        `${userText(u)} is already a member of ${org.name}${role ? ` (role ${role})` : ''}, so there is nothing to add.${role && !intent.roleFrom && intent.role && role !== intent.role ? ` Ask me to change the role if it should be ${intent.role}.` : ''}`,
      );
    }
  });
  return act(ctx, calls, notes);
}

/** The addresses of a membership add when every target is an address no account has; [] otherwise. */
function unknownAddresses(ctx: PlanContext, intent: Of<'membership_add'>): string[] | 'pending' {
  if (intent.roleFrom || intent.users.length === 0 || intent.users.some((u) => u.kind !== 'email')) return [];
  const emails = intent.users.map((u) => u.value);
  // (The same read the user lookup makes — resolve.ts resolveUsers — so it is made once.)
  const env = ctx.read('clerk_users_list', { email_address: emails });
  if (!env) return 'pending';
  return env.status === 'ok' && asPage(env.result).items.length === 0 ? emails : [];
}

/**
 * A membership change of role holders with no organization named: the organization the request names. And a
 * first name in a change of one organization's memberships means a member of it ("remove Chris from Globex": of
 * the users named Chris, the one in Globex; several there still make a question).
 */
function withRoleOrg<T extends { org?: Ref; users: Ref[] }>(ctx: PlanContext, intent: T): Res<T> {
  if (intent.org) {
    const org = intent.org;
    const users = intent.users.map((u) => (u.kind === 'name' && !u.org ? { ...u, org: org.value } : u));
    return { ok: true, value: { ...intent, users } };
  }
  const org = orgOfRoleRefs(ctx, intent.users);
  if (!org.ok) return org;
  if (!org.value) return { ok: true, value: intent };
  const users = intent.users.map((u) => (u.kind === 'role' && !u.org ? { ...u, org: org.value!.value } : u));
  return { ok: true, value: { ...intent, org: org.value, users } };
}

/** "make X an admin of Y": read the membership, then update it (or create it when X is not a member). */
export function planMembershipSetRole(ctx: PlanContext, said: Of<'membership_set_role'>): PlanStep {
  // (An organization the frame reader looked for by name and found none of: the request named none.)
  const mentioned = mentionedOrg(ctx, said.org);
  if (!mentioned.ok) return stopped(ctx, mentioned);
  const given = { ...said, org: mentioned.value };
  const withOrg = withRoleOrg(ctx, given);
  if (!withOrg.ok) return stopped(ctx, withOrg);
  let intent = withOrg.value;
  const only = intent.users[0];
  if ((!intent.org || isPossessiveOrg(intent.org)) && only && intent.users.length === 1) {
    const found = orgOfUser(
      ctx,
      only,
      `become ${roleWord(intent.role) === 'admin' ? 'an admin' : `a ${roleWord(intent.role)}`}`,
    );
    if (!found.ok) return stopped(ctx, found);
    intent = { ...intent, org: found.value.org, users: [found.value.user] };
  }
  const read = readMemberships(ctx, intent.org, intent.users, 'In which organization?');
  if (!('envs' in read)) return read;
  const { org, users, notes, envs } = read;
  const calls: Call[] = [];
  users.forEach((u, i) => {
    const env = envs[i]!;
    if (env.status === 'error' && env.httpStatus === 404) {
      notes.push(`${userText(u)} is not a member of ${org.name} yet, so I'll add them with that role.`);
      calls.push(membershipCall('clerk_org_membership_create', org, u, intent.role));
    } else if (env.status !== 'ok') {
      notes.push(
        `I couldn't read the membership of ${userText(u)}: ${env.status === 'error' ? env.message : env.status}.`,
      );
    } else if (toMember(asObject(env.result) ?? {}).role === intent.role) {
      notes.push(
        `${userText(u)} is already ${intent.role === 'org:admin' ? 'an admin' : `a ${roleWord(intent.role)}`} of ${org.name}.`,
      );
    } else {
      calls.push(membershipCall('clerk_org_membership_update', org, u, intent.role));
    }
  });
  return act(ctx, calls, notes);
}

/** "remove X from Y". */
export function planMembershipRemove(ctx: PlanContext, said: Of<'membership_remove'>): PlanStep {
  if (said.everyOrg) return planRemoveFromEveryOrg(ctx, said.users, membershipCall);
  const mentioned = mentionedOrg(ctx, said.org);
  if (!mentioned.ok) return stopped(ctx, mentioned);
  // No organization named: the one the user is in ("their organization"), or asked.
  const given =
    said.org?.kind === 'mention' && !mentioned.value
      ? { ...said, org: { kind: 'name' as const, value: 'their' } }
      : { ...said, org: mentioned.value };
  const withOrg = withRoleOrg(ctx, given);
  if (!withOrg.ok) return stopped(ctx, withOrg);
  let intent = withOrg.value;
  const only = intent.users[0];
  // "take X out of her organization": the one organization X is in (or a question listing them).
  if (isPossessiveOrg(intent.org) && only && intent.users.length === 1) {
    const found = orgOfUser(ctx, only, 'leave', true);
    if (!found.ok) return stopped(ctx, found);
    intent = { ...intent, org: found.value.org, users: [found.value.user] };
  }
  const ref = orgOrAsk(ctx, intent.org, 'Which organization should I remove them from?');
  if (!ref.ok) return stopped(ctx, ref);
  const r = orgAndUsers(ctx, ref.value, intent.users);
  if (!r.ok) return stopped(ctx, r);
  return act(
    ctx,
    r.value.users.map((u) => membershipCall('clerk_org_membership_delete', r.value.org, u)),
    r.value.notes,
  );
}

/** Each user's membership of `org` (a 404 envelope when there is none); undefined while a read is still pending. */
/**
 * The organization (asked for with `question` when none is named), the users, and each one's membership read:
 * or the step to take instead (a question, a stop, or waiting for the reads).
 */
function readMemberships(
  ctx: PlanContext,
  orgRef: Ref | undefined,
  userRefs: Ref[],
  question: string,
): { org: OrgRow; users: UserRow[]; notes: string[]; envs: Envelope[] } | PlanStep {
  const ref = orgOrAsk(ctx, orgRef, question);
  if (!ref.ok) return stopped(ctx, ref);
  const r = orgAndUsers(ctx, ref.value, userRefs);
  if (!r.ok) return stopped(ctx, r);
  const { org, users } = r.value;
  const envs = users.map((u) => ctx.read('clerk_org_membership_get', { organization_id: org.id, user_id: u.id }));
  if (envs.some((e) => e === undefined)) return ctx.pending();
  return { ...r.value, envs: envs as Envelope[] };
}
