/**
 * Name → id resolution with read calls, the way an agent does it: emails through clerk_users_list
 * {email_address}, names through {query}, organizations through clerk_organizations_list {query}. A name that
 * matches several records becomes one clear question; the answer (by number, email, id or name) is used on the
 * next turn. Nothing here ever guesses between candidates; a misspelt name (fuzzy.ts) resolves only to the one
 * record nearest to it, shown in full on the approval card.
 */
import { listedItems } from './enumerated.js';
import { metaHolds } from './meta-described.js';
import { mentions, saysWord } from './mentioned.js';
import { analyze } from './entities.js';
import { lookupWords, nearest } from './fuzzy.js';
import type { Ref } from './intent-types.js';
import type { PlanStep, PlanContext } from './plan-context.js';
import {
  asObject,
  asPage,
  field,
  toMember,
  toOrg,
  toUser,
  userLabel,
  type Envelope,
  type OrgRow,
  type UserRow,
} from './results.js';
import { userRefsAnywhere } from './refs.js';
import { GROUP_NOUN, namesHolding, recordsNamed, shortFormHolders, usersNamed, withoutKept } from './listed-names.js';
import { heldRole } from './held-role.js';
import { creatorInside, orgCreatorIn } from './creator.js';
import { ADDRESS, POSSESSED_ORG, saysOrgOf, WHICH_ORG_IN } from './org-of-person.js';
import { joinedWindow } from './joined-when.js';

/** Most users one listing for a name in the text reads (Clerk's page limit). */
export const LISTED_USERS = 500;

// A "name" that is only pronouns and filler ("who that was", "sure she", "her"): no name stood where the reader
// looked, so the user is looked for in the whole request instead (listed-names.ts).
const NO_NAME =
  /^(?:[\s'’,]*\b(?:he|she|her|him|his|they|them|their|they'?ve|who|whoever|that|this|it|is|was|sure|be|just|wrote|said|the|one|person|user|account)\b)+[\s'’,]*/i;

/**
 * The request as the readers see it (pasted text that was not handed over is left out). Read once per turn: every
 * resolution of a step asks for it, and reading runs the whole message through the layout readers.
 */
const readRequests = new WeakMap<object, string>();
export function requestWords(ctx: PlanContext): string {
  let words = readRequests.get(ctx.turn);
  if (words === undefined) {
    // (A name alone after the last sentence — "… to hand, sorry! Margaret" — is the writer signing off: never whom
    // a "she" or a mention means.)
    words = analyze(ctx.turn.request).text.replace(/([.!?])\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?\s*$/, '$1');
    readRequests.set(ctx.turn, words);
  }
  return words;
}

/** A resolution: a value, or why the plan must stop here (reads pending, a question, an error). */
export type Res<T> = { ok: true; value: T } | { ok: false; outcome: PlanStep | 'pending' };

/** Users found, and the references that matched nobody. */
interface UsersFound {
  found: UserRow[];
  missing: Ref[];
}

const ok = <T>(value: T): Res<T> => ({ ok: true, value });
const stop = <T>(outcome: PlanStep | 'pending'): Res<T> => ({ ok: false, outcome });
const say = (text: string): PlanStep => ({ kind: 'say', text });

/** The outcome for a resolution that stopped (pending reads become the calls to make). */
export function stopped(ctx: PlanContext, res: { ok: false; outcome: PlanStep | 'pending' }): PlanStep {
  return res.outcome === 'pending' ? ctx.pending() : res.outcome;
}

/** First stop among several resolutions: pending reads win (so all reads go out together), then questions. */
export function firstStop(ctx: PlanContext, results: Array<Res<unknown>>): PlanStep | undefined {
  if (results.some((r) => !r.ok && r.outcome === 'pending')) return ctx.pending();
  for (const r of results) if (!r.ok) return r.outcome as PlanStep;
  return undefined;
}

/** "I couldn't look up X: …" for a failed read. */
export function readFailed(env: Envelope, what: string): PlanStep {
  const why =
    env.status === 'error'
      ? `${env.httpStatus ? `Clerk ${env.httpStatus}: ` : ''}${env.message}`
      : env.status === 'denied'
        ? 'the call was denied'
        : 'the call was not run';
  return say(`I couldn't look up ${what} (${why}). Nothing was changed.`);
}

/** A user known only by id (a stub: the card says "user <id>" until a read names them). */
export function idUser(id: string): UserRow {
  return {
    id,
    name: null,
    email: null,
    banned: false,
    locked: false,
    createdAt: null,
    lastActiveAt: null,
    lastSignInAt: null,
    stub: true,
  };
}

/** The user ids the most recent earlier request acted on or read by id ("ban her too"). */
function recentUserIds(ctx: PlanContext): string[] {
  const earlier = ctx.turn.earlier;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const m = earlier[i]!;
    if (m.role !== 'assistant' || !m.toolCalls) continue;
    const ids = m.toolCalls.flatMap((c) => {
      try {
        const args = JSON.parse(c.arguments) as Record<string, unknown>;
        return typeof args.user_id === 'string' && args.user_id.startsWith('user_') ? [args.user_id] : [];
      } catch {
        return [];
      }
    });
    if (ids.length > 0) return [...new Set(ids)];
  }
  return [];
}

/** Pronouns become the users of the previous request (read by id, so names and state are known). */
function expandPronouns(
  ctx: PlanContext,
  refs: Ref[],
): { refs: Ref[]; unknown: Ref[]; stop?: { ok: false; outcome: PlanStep | 'pending' } } {
  const out: Ref[] = [];
  const unknown: Ref[] = [];
  // (Stops with an answer: what was resolved so far, and why nothing more is.)
  const answer = (text: string) => ({ refs: out, unknown, stop: { ok: false as const, outcome: say(text) } });
  for (const r of refs) {
    if (r.kind === 'creator') {
      // "whoever created Foo": the organization, then its creator (Clerk's created_by), as a user id.
      const org = requireOrg(ctx, { kind: 'name', value: r.value });
      if (!org.ok) return { refs: out, unknown, stop: org };
      if (org.value.createdBy) out.push({ kind: 'id', value: org.value.createdBy });
      else unknown.push(r);
      continue;
    }
    if (r.kind === 'inviter') {
      // "whoever sent the Acme invite to x@y": the organization invitations to that address (in the organization
      // said, or in every one), and the one user who sent them (Clerk's inviter_id). None or several → nobody.
      let rows: OrgRow[];
      if (r.org) {
        const org = requireOrg(ctx, { kind: 'name', value: r.org });
        if (!org.ok) return { refs: out, unknown, stop: org };
        rows = [org.value];
      } else {
        const env = ctx.read('clerk_organizations_list', { limit: 100 });
        if (!env) return { refs: out, unknown, stop: { ok: false, outcome: 'pending' } };
        if (env.status !== 'ok')
          return { refs: out, unknown, stop: { ok: false, outcome: readFailed(env, 'organizations') } };
        rows = asPage(env.result).items.map(toOrg);
      }
      const envs = rows.map((o) =>
        ctx.read('clerk_org_invitations_list', { organization_id: o.id, email_address: r.value, limit: 100 }),
      );
      if (envs.some((e) => !e)) return { refs: out, unknown, stop: { ok: false, outcome: 'pending' } };
      const senders = new Set<string>();
      for (const e of envs)
        if (e?.status === 'ok')
          for (const i of asPage(e.result).items)
            if (field(i, 'email_address')?.toLowerCase() === r.value.toLowerCase() && field(i, 'inviter_id'))
              senders.add(field(i, 'inviter_id')!);
      if (senders.size === 1) out.push({ kind: 'id', value: [...senders][0]! });
      else unknown.push(r);
      continue;
    }
    if (r.kind === 'meta' || r.kind === 'nameless') {
      // "the CEO of Foo", "the user from the Finance department", "the account with no name": every user, then the
      // one whose public metadata holds that value, or the one with no name (one only; none or several → nobody).
      const env = ctx.read('clerk_users_list', { limit: LISTED_USERS });
      if (!env) return { refs: out, unknown, stop: { ok: false, outcome: 'pending' } };
      if (env.status !== 'ok')
        return { refs: out, unknown, stop: { ok: false, outcome: readFailed(env, describe(r)) } };
      // (Slim listings carry one "name" and a short public metadata; toUser reads either form.)
      const fits = asPage(env.result)
        .items.map(toUser)
        .filter((u) => (r.kind === 'meta' ? metaHolds(u.publicMetadata, r.value) : !(u.name ?? '').trim()));
      if (fits.length === 1) out.push({ kind: 'id', value: fits[0]!.id });
      else unknown.push(r);
      continue;
    }
    if (r.kind === 'joined') {
      // "whoever signed up last night": the users created in that window; exactly one is meant.
      const window = joinedWindow(r.value, ctx.now);
      const env = ctx.read('clerk_users_list', {
        created_at_after: window.after,
        created_at_before: window.before,
        limit: 10,
      });
      if (!env) return { refs: out, unknown, stop: { ok: false, outcome: 'pending' } };
      if (env.status !== 'ok')
        return { refs: out, unknown, stop: { ok: false, outcome: readFailed(env, describe(r)) } };
      const users = asPage(env.result).items.map(toUser);
      if (users.length === 1) out.push({ kind: 'id', value: users[0]!.id });
      else if (users.length === 0) unknown.push(r);
      else
        return answer(
          `${users.length} users signed up ${r.value}: ${users.map((u) => userLabel(u)).join('; ')}. Which one do you mean? Nothing was changed.`,
        );
      continue;
    }
    if (r.kind === 'newest' || r.kind === 'external') {
      // "the latest sign-up", "the account whose external ID equals crm-1": one read answers it, as a user id.
      const oldest = r.kind === 'newest' && r.value === 'oldest';
      const args =
        r.kind === 'newest'
          ? { order_by: oldest ? '+created_at' : '-created_at', limit: 1 }
          : { external_id: [r.value], limit: 10 };
      const env = ctx.read('clerk_users_list', args);
      if (!env) return { refs: out, unknown, stop: { ok: false, outcome: 'pending' } };
      if (env.status !== 'ok')
        return { refs: out, unknown, stop: { ok: false, outcome: readFailed(env, describe(r)) } };
      const items = asPage(env.result).items;
      // The newest (oldest) by created_at among what the read returned (not trusting the order); the external id
      // exactly.
      const ids =
        r.kind === 'newest'
          ? items
              .map(toUser)
              .sort((a, b) => (oldest ? -1 : 1) * (Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? '')))
              .slice(0, 1)
              .map((u) => u.id)
          : items.filter((u) => u.external_id === r.value).map((u) => String(u.id));
      if (ids.length === 0) unknown.push(r);
      for (const id of ids) out.push({ kind: 'id', value: id });
    } else if (r.kind === 'role') {
      // "Globex's admins": the organization, then its members with that role (two lookups), as user ids. With no
      // organization in the reference ("their organization"), the one organization the request names.
      const org = r.org
        ? requireOrg(ctx, r.org.startsWith('org_') ? { kind: 'id', value: r.org } : { kind: 'name', value: r.org })
        : requestOrg(ctx);
      if (!org.ok) return { refs: out, unknown, stop: org };
      const env = ctx.read('clerk_org_memberships_list', {
        organization_id: org.value.id,
        role: [r.value],
        limit: 100,
      });
      if (!env) return { refs: out, unknown, stop: { ok: false, outcome: 'pending' } };
      if (env.status !== 'ok')
        return {
          refs: out,
          unknown,
          stop: { ok: false, outcome: readFailed(env, `the members of ${org.value.name}`) },
        };
      const holding = asPage(env.result)
        .items.map(toMember)
        .filter((m) => m.role === r.value && m.userId);
      // "the other admin": the holders the message keeps out are never meant (none left → nobody matches).
      const members = holding.filter((m) => !(r.except ?? []).some((x) => isPerson(m, x)));
      const ids = members.map((m) => m.userId);
      if (ids.length > MAX_ROLE_TARGETS)
        return answer(
          `${ids.length} members of ${org.value.name} have the ${r.value.replace(/^org:/, '')} role — more than the ${MAX_ROLE_TARGETS} I act on from one request. Name them, or narrow it down. Nothing was changed.`,
        );
      if (ids.length === 0) unknown.push(r);
      if (r.one && ids.length > 1) {
        // "the person who holds the billing role": one person was meant and several hold it — ask which.
        const holders = members.map((m) => ({ id: m.userId, name: m.name, email: m.email }));
        const chosen = pick(
          ctx,
          holders,
          (h) => [h.name, h.email ? `<${h.email}>` : ''].filter(Boolean).join(' ') || h.id,
          (h) => [h.id, h.email ?? '', h.name ?? ''],
          `the ${r.value.replace(/^org:/, '')} role in ${org.value.name}`,
          'member',
        );
        if (!chosen.ok) return { refs: out, unknown, stop: chosen };
        out.push({ kind: 'id', value: chosen.value.id });
        continue;
      }
      for (const id of ids) out.push({ kind: 'id', value: id });
    } else if (r.kind !== 'pronoun') out.push(r);
    else {
      const ids = recentUserIds(ctx);
      // No earlier request to point back to: the person the request itself names ("monica … set her to member"),
      // looked for in the listing (one, or asked among several; none → not known, as before).
      if (ids.length === 0 && !/^(?:me|myself|i)$/i.test(r.value))
        out.push({ kind: 'mention', value: requestWords(ctx), pronoun: r.value });
      for (const id of ids) out.push({ kind: 'id', value: id });
    }
  }
  return { refs: out, unknown };
}

/**
 * A membership change whose users are "the user holding the guest role in their company" and that names no
 * organization: the role reference's organization is the change's organization (the one the request names).
 */
export function orgOfRoleRefs(ctx: PlanContext, users: Ref[]): Res<Ref | undefined> {
  const named = users.find((u) => u.kind === 'role' && u.org);
  if (named?.org) return ok({ kind: named.org.startsWith('org_') ? 'id' : 'name', value: named.org });
  if (!users.some((u) => u.kind === 'role')) return ok(undefined);
  const org = requestOrg(ctx);
  if (!org.ok) return org;
  return ok({ kind: 'id', value: org.value.id });
}

/** A described reference in words, for messages. */
function describe(r: Ref): string {
  if (r.kind === 'nameless') return 'the user with no name';
  if (r.kind === 'meta') return `the user whose profile says ${r.value.replace('=', ' ')}`;
  if (r.kind === 'inviter') return `the organization invitations to ${r.value}`;
  if (r.kind === 'joined') return `the user who signed up ${r.value}`;
  return r.kind === 'newest'
    ? `the ${r.value === 'oldest' ? 'oldest' : 'newest'} user`
    : r.kind === 'external'
      ? `the user with external id ${r.value}`
      : r.value;
}

/**
 * The one organization a request names, for a role reference that names none ("the person with billing
 * rights over there"): each capitalised word of the request is looked up, and only organizations whose
 * name or slug is that word (or starts with it) count. None or several → ask.
 */
function requestOrg(ctx: PlanContext): Res<OrgRow> {
  const words = [
    ...new Set(
      [...ctx.turn.request.matchAll(/(?<![\w@.⟦-])([A-Z][\w&-]{2,})(?![\w@-]|\.\w)/g)]
        .map((m) => m[1]!)
        .filter((w) => !NOT_ORG_WORD.test(w)),
    ),
  ].slice(0, 4);
  const found = new Map<string, OrgRow>();
  let pending = false;
  for (const word of words) {
    const env = ctx.read('clerk_organizations_list', { query: word });
    if (!env) pending = true;
    else if (env.status === 'ok')
      for (const o of asPage(env.result).items.map(toOrg)) {
        const w = word.toLowerCase();
        if (o.name.toLowerCase() === w || o.slug.toLowerCase() === w || o.name.toLowerCase().startsWith(`${w} `))
          found.set(o.id, o);
      }
  }
  if (pending) return stop('pending');
  if (found.size === 1) return ok([...found.values()][0]!);
  const asked = askFor(ctx, 'In which organization? (name or id)', (a) => a.replace(/[.!?]+$/, '').trim() || undefined);
  if (!asked.ok) return asked;
  return requireOrg(
    ctx,
    asked.value.startsWith('org_') ? { kind: 'id', value: asked.value } : { kind: 'name', value: asked.value },
  );
}

const NOT_ORG_WORD =
  /^(?:I|We|You|He|She|They|It|The|This|That|Please|Can|Could|Would|Our|My|Hey|Hi|Hello|Thanks|Ok|Okay|So|And|But|Also|Then|Sorry)$/;

/** True when `said` (a name, a word of a name, or an address) is this member. */
function isPerson(m: { name: string | null; email: string | null }, said: string): boolean {
  const x = said.trim().toLowerCase();
  if (x === '') return false;
  if (m.email && m.email.toLowerCase() === x) return true;
  return !!m.name && mentions(m.name, said);
}

/** Most users one role reference may stand for (the same cap as bulk changes). */
const MAX_ROLE_TARGETS = 25;

/**
 * The holder of the one role a text describes someone by, in the one organization it names (held-role.ts), when
 * the text names nobody: undefined when it describes no role or names no organization (the caller says not found).
 */
function byHeldRole(
  ctx: PlanContext,
  text: string,
  wider: string | undefined,
  asked: string | undefined,
  opts: { state?: boolean },
): Res<UserRow[] | undefined> {
  for (const t of wider && wider !== text ? [text, wider] : [text]) {
    const role = heldRole(t, asked);
    if (!role) continue;
    const org = resolveOrg(ctx, { kind: 'mention', value: t });
    if (!org.ok) return org;
    if (!org.value) continue;
    const users = resolveUsers(ctx, [{ kind: 'role', value: role, org: org.value.name, one: true }], opts);
    if (!users.ok) return users;
    return ok(users.value.found.length > 0 ? users.value.found : undefined);
  }
  return ok(undefined);
}

/** Resolves user references. `state: true` also reads users given by id (to know banned/locked). */
export function resolveUsers(ctx: PlanContext, given: Ref[], opts: { state?: boolean } = {}): Res<UsersFound> {
  const expanded = expandPronouns(ctx, given);
  if (expanded.stop) return expanded.stop;
  const refs = expanded.refs;
  const fromPronoun = new Set(
    refs
      .filter((r) => r.kind === 'id' && !given.some((g) => g.kind === 'id' && g.value === r.value))
      .map((r) => r.value),
  );
  let pending = false;
  const emails = refs.filter((r) => r.kind === 'email').map((r) => r.value);
  let emailRows: UserRow[] = [];
  if (emails.length > 0) {
    const env = ctx.read('clerk_users_list', { email_address: emails });
    if (!env) pending = true;
    else if (env.status !== 'ok') return stop(readFailed(env, emails.join(', ')));
    else emailRows = asPage(env.result).items.map(toUser);
  }
  const idRows = new Map<string, UserRow | null>();
  for (const r of refs.filter((x) => x.kind === 'id')) {
    if (!opts.state && !fromPronoun.has(r.value)) continue;
    const env = ctx.read('clerk_user_get', { user_id: r.value });
    if (!env) pending = true;
    else if (env.status === 'error' && env.httpStatus === 404) idRows.set(r.value, null);
    else if (env.status !== 'ok') return stop(readFailed(env, r.value));
    else idRows.set(r.value, toUser(asPage(env.result).items[0] ?? {}));
  }
  // A pronoun-and-filler "name" is looked for in the whole request instead.
  const refsNamed = refs.map(
    (r): Ref =>
      r.kind === 'name' && NO_NAME.test(r.value) && r.value.replace(NO_NAME, '').trim().length < 3
        ? { kind: 'mention', value: requestWords(ctx) }
        : r,
  );
  let listed: UserRow[] = [];
  const readListed = (): Res<UserRow[]> => {
    const env = ctx.read('clerk_users_list', { limit: LISTED_USERS });
    if (!env) return stop('pending');
    if (env.status !== 'ok') return stop(readFailed(env, 'users'));
    return ok(asPage(env.result).items.map(toUser));
  };
  if (refsNamed.some((r) => r.kind === 'mention')) {
    const all = readListed();
    if (!all.ok && all.outcome !== 'pending') return all;
    if (all.ok) listed = all.value;
    else pending = true;
  }
  const nameRows = new Map<string, UserRow[]>();
  for (const r of refsNamed.filter((x) => x.kind === 'name')) {
    const env = ctx.read('clerk_users_list', { query: r.value });
    if (!env) pending = true;
    else if (env.status !== 'ok') return stop(readFailed(env, `"${r.value}"`));
    else nameRows.set(r.value, asPage(env.result).items.map(toUser));
  }
  if (pending) return stop('pending');
  // A name that found nobody may be misspelt: look each of its words up, keep the records nearest to the name.
  for (const [name, rows] of nameRows) {
    if (rows.length > 0) continue;
    const near = nearUsers(ctx, name);
    if (!near.ok) return near;
    nameRows.set(name, near.value);
  }
  const grounded = new Set<string>();
  // A name that found nobody even so was read from the wrong words ("who that was"): the user the request names
  // anywhere, if exactly one, is the one meant (the card names them; several or none → not found, as before).
  for (const [name, rows] of nameRows) {
    if (rows.length > 0) continue;
    // (In a listed message the other items name other people: "1. unlock Jane Doe 2. update Zorro's metadata"
    // must never update Jane. A name typed as one — capitalised — not found is the answer there.)
    if (/^\p{Lu}/u.test(name.trim()) && listedItems(ctx.turn.request)) continue;
    if (listed.length === 0) {
      const all = readListed();
      if (!all.ok) return all;
      listed = all.value;
    }
    const named = usersNamed(requestWords(ctx), listed);
    if (named.length > 0) {
      nameRows.set(name, named);
      grounded.add(name);
    }
  }

  const found: UserRow[] = [];
  const missing: Ref[] = [...expanded.unknown];
  for (const r of refsNamed) {
    if (r.kind === 'mention') {
      let rows = usersNamed(r.value, listed);
      // (From the whole message, never someone the asking sentence names only as a bystander: "lock the sub covering
      // Angela's classes" after "Angela Torres returns on Monday" is not about Angela.)
      if (rows.length === 0 && r.wider)
        rows = usersNamed(withoutKept(r.wider), listed).filter((u) => !namedAsBystander(r.value, u));
      if (r.org && rows.length > 1) {
        const narrowed = membersAmong(ctx, r.org, rows);
        if (!narrowed.ok) return narrowed;
        if (narrowed.value.length > 0) rows = narrowed.value;
      }
      // "freeze the account of the guy that founded the Foo workspace": nobody named, the organization's creator.
      const creatorOf =
        rows.length === 0 ? (creatorInside(r.value) ?? (r.wider ? creatorInside(r.wider) : undefined)) : undefined;
      if (creatorOf) {
        const org = requireOrg(ctx, { kind: 'name', value: creatorOf });
        if (!org.ok) return org;
        const env = org.value.createdBy ? ctx.read('clerk_user_get', { user_id: org.value.createdBy }) : undefined;
        if (org.value.createdBy && !env) return stop('pending');
        if (env?.status === 'ok') {
          found.push(toUser(asPage(env.result).items[0] ?? {}));
          continue;
        }
      }
      // "the gentleman whose mobile is +44 7700 900123": nobody named, one telephone number — its one user.
      const phone = rows.length === 0 ? phoneInside(r.wider ?? r.value) : undefined;
      if (phone) {
        const env = ctx.read('clerk_users_list', { phone_number: [phone], limit: 10 });
        if (!env) return stop('pending');
        const hits = env.status === 'ok' ? asPage(env.result).items.map(toUser) : [];
        if (hits.length === 1) {
          found.push(hits[0]!);
          continue;
        }
      }
      if (rows.length === 0) {
        const held = byHeldRole(ctx, r.value, r.wider, r.asked, opts);
        if (!held.ok) return held;
        if (held.value) found.push(...held.value);
        else missing.push(r);
      } else if (rows.length === 1) found.push(rows[0]!);
      else {
        const chosen = pickNamed(ctx, rows, r.wider ?? r.value);
        if (!chosen.ok) return chosen;
        found.push(chosen.value);
      }
    } else if (r.kind === 'email') {
      const u =
        emailRows.find((row) => row.email?.toLowerCase() === r.value) ??
        emailRows.find((row) => JSON.stringify(row).toLowerCase().includes(`"${r.value}"`));
      if (u) found.push(u);
      else missing.push(r);
    } else if (r.kind === 'id') {
      const row = idRows.get(r.value);
      if (row === null) missing.push(r);
      else found.push(row ?? idUser(r.value));
    } else {
      let rows = nameRows.get(r.value) ?? [];
      if (grounded.has(r.value)) {
        const one = rows.length === 1 ? ok(rows[0]!) : pickNamed(ctx, rows, requestWords(ctx));
        if (!one.ok) return one;
        found.push(one.value);
        continue;
      }
      if (r.org && rows.length > 1) {
        const narrowed = membersAmong(ctx, r.org, rows);
        if (!narrowed.ok) return narrowed;
        if (narrowed.value.length > 0) rows = narrowed.value;
      }
      const choice = chooseUser(ctx, r.value, rows);
      if (!choice.ok) return choice;
      if (choice.value) found.push(choice.value);
      else {
        const held = byHeldRole(ctx, requestWords(ctx), undefined, undefined, opts);
        if (!held.ok) return held;
        if (held.value) found.push(...held.value);
        else missing.push(r);
      }
    }
  }
  // Users picked from the long listing were read in its slimmed form: each is read in full (state, dates) before
  // a plan states anything about them.
  const full: UserRow[] = [];
  for (const u of found) {
    if (!listed.includes(u)) {
      full.push(u);
      continue;
    }
    const env = ctx.read('clerk_user_get', { user_id: u.id });
    if (!env) pending = true;
    else if (env.status !== 'ok') return stop(readFailed(env, userLabel(u)));
    else full.push(toUser(asPage(env.result).items[0] ?? {}));
  }
  if (pending) return stop('pending');
  const seen = new Set<string>();
  return ok({ found: full.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true))), missing });
}

/**
 * "Chris at Globex": of the users the name found, those who belong to that organization (its member list, read
 * once). An organization that is not found, or has none of them, narrows nothing — the question lists them all.
 */
function membersAmong(ctx: PlanContext, orgName: string, rows: UserRow[]): Res<UserRow[]> {
  if (orgName.startsWith('org_')) return membersOf(ctx, orgName, rows);
  const env = ctx.read('clerk_organizations_list', { query: orgName });
  if (!env) return stop('pending');
  if (env.status !== 'ok') return ok([]);
  const lower = orgName.toLowerCase();
  const orgs = asPage(env.result)
    .items.map(toOrg)
    .filter(
      (o) =>
        o.name.toLowerCase() === lower ||
        o.slug.toLowerCase() === lower ||
        o.name.toLowerCase().startsWith(`${lower} `),
    );
  if (orgs.length !== 1) return ok([]);
  return membersOf(ctx, orgs[0]!.id, rows);
}

function membersOf(ctx: PlanContext, orgId: string, rows: UserRow[]): Res<UserRow[]> {
  const members = ctx.read('clerk_org_memberships_list', { organization_id: orgId, limit: 100 });
  if (!members) return stop('pending');
  if (members.status !== 'ok') return ok([]);
  const ids = new Set(
    asPage(members.result)
      .items.map(toMember)
      .map((m) => m.userId),
  );
  return ok(rows.filter((u) => ids.has(u.id)));
}

/** The one telephone number a text says, as E.164 ("+44 7700 900123" → "+447700900123"), or undefined. */
function phoneInside(text: string): string | undefined {
  const found = [...text.matchAll(/(?<![\w+])\+\d[\d ().-]{6,18}\d(?![\w])/g)].map(
    (m) => `+${m[0].replace(/\D/g, '')}`,
  );
  const distinct = [...new Set(found)];
  return distinct.length === 1 && distinct[0]!.length >= 9 ? distinct[0] : undefined;
}

/**
 * Users whose name is within a slip or two of `name`, found by looking up each of its words and each word's first
 * three letters (a slip later in the word — "Hanah", "daniels" — still finds the record to compare with). A name
 * typed as one word is compared with each word of a record's name too.
 */
function nearUsers(ctx: PlanContext, name: string): Res<UserRow[]> {
  const rows = new Map<string, UserRow>();
  let pending = false;
  const terms = lookupWords(name).flatMap((w) => (w.length >= 5 ? [w, w.slice(0, 3)] : [w]));
  for (const word of [...new Set(terms)]) {
    const env = ctx.read('clerk_users_list', { query: word });
    if (!env) pending = true;
    else if (env.status === 'ok') for (const u of asPage(env.result).items.map(toUser)) rows.set(u.id, u);
  }
  if (pending) return stop('pending');
  return ok(nearest(name, [...rows.values()], nameKeys(name)));
}

/** What a typed name is compared with: a record's name and username, and each word of its name when one was typed. */
function nameKeys(name: string): (u: UserRow) => Array<string | null | undefined> {
  const oneWord = !/\s/.test(name.trim());
  return (u) => [u.name, u.username, ...(oneWord ? (u.name ?? '').split(/\s+/) : [])];
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Narrows a name search to one user, or asks which one. `undefined` value = nobody matched. */
function chooseUser(ctx: PlanContext, name: string, rows: UserRow[]): Res<UserRow | undefined> {
  const lower = name.toLowerCase();
  const exact = rows.filter((u) => u.name?.toLowerCase() === lower || u.username?.toLowerCase() === lower);
  if (exact.length === 1) return ok(exact[0]);
  const tokens = words(name);
  const byWord = rows.filter((u) => {
    const hay = new Set(words(`${u.name ?? ''} ${u.email?.split('@')[0] ?? ''} ${u.username ?? ''}`));
    return tokens.every((t) => hay.has(t));
  });
  // A first name alone that is also the short form of someone else's ("sam": Sam Ortiz, and Samantha Reed) could
  // be either: asked, never guessed (round 18: a fresh set's forbidden lock of the other one).
  const shortOf = tokens.length === 1 && byWord.length === 1 ? shortFormHolders(tokens, rows, byWord) : [];
  if (shortOf.length > 0)
    return pick(
      ctx,
      [...byWord, ...shortOf],
      userLabel,
      (u) => [u.id, u.email ?? '', u.name ?? '', u.username ?? ''],
      name,
      'user',
      'user',
    );
  if (byWord.length === 1) return ok(byWord[0]);
  // No record has the name as written: one record within a slip or two of it is the one meant ("Gibons").
  const near = exact.length === 0 && byWord.length === 0 ? nearest(name, rows, nameKeys(name)) : [];
  if (near.length === 1) return ok(near[0]);
  const candidates = exact.length > 1 ? exact : byWord.length > 1 ? byWord : rows;
  if (candidates.length === 0) return ok(undefined);
  return pick(
    ctx,
    candidates,
    userLabel,
    (u) => [u.id, u.email ?? '', u.name ?? '', u.username ?? ''],
    name,
    'user',
    'user',
  );
}

/**
 * Asks which candidate was meant, or uses the next answer. An answer that names someone outside the list (an email
 * or id) is resolved afresh. Unmatched answers are skipped and the question is asked again.
 */
function pick<T extends { id: string }>(
  ctx: PlanContext,
  candidates: T[],
  label: (c: T) => string,
  keys: (c: T) => string[],
  term: string,
  noun: string,
  kind: 'user' | 'other' = 'other',
): Res<T> {
  // "the admin whose card says Legal", "the one who works in Sales": of several people, the one a profile value the request
  // says belongs to alone (each is read whole; none or several → asked, as before).
  const described = describedAmong(ctx, candidates);
  if (described === 'pending') return stop('pending');
  if (described) return ok(described);
  let retry = false;
  for (;;) {
    const answer = ctx.answer();
    if (answer === undefined) {
      const list = candidates
        .slice(0, 10)
        .map((c, i) => `  ${i + 1}. ${label(c)} (${c.id})`)
        .join('\n');
      const lead = retry ? "Sorry, I couldn't match that to one of them. " : '';
      const head =
        candidates.length === 1
          ? `The only ${noun} that partly matches "${term}" is`
          : `I found ${candidates.length} ${noun}s matching "${term}"`;
      const tail =
        candidates.length === 1
          ? 'Is that the one you mean (reply "yes", or give an email or id)'
          : `Which one do you mean — reply with a number${kind === 'user' ? ', email' : ''}, id or full name`;
      return stop(say(`${lead}${head}:\n${list}\n${tail}?`));
    }
    const chosen = matchAnswer(answer, candidates, keys);
    if (chosen) return ok(chosen);
    if (kind === 'user') {
      const refs = userRefsAnywhere(analyze(answer));
      if (refs.length > 0) {
        const res = resolveUsers(ctx, refs.slice(0, 1));
        if (!res.ok) return res;
        const u = res.value.found[0];
        if (u) return ok(u as unknown as T);
        return stop(say(`I couldn't find a user for ${refs[0]!.value}. Nothing was changed.`));
      }
    }
    retry = true;
  }
}

// Profile values too common to tell anyone apart by.
const PLAIN_VALUES = new Set(['true', 'false', 'yes', 'no', 'none', 'null', 'user', 'admin', 'member', 'pro', 'free']);

/** The one of several users (by user id) whose public profile value the request says and no other holds. */
function describedAmong<T extends { id: string }>(ctx: PlanContext, candidates: T[]): T | undefined | 'pending' {
  if (candidates.length < 2 || candidates.length > 5 || !candidates.every((c) => c.id.startsWith('user_')))
    return undefined;
  const text = requestWords(ctx);
  const reads = candidates.map((c) => ctx.read('clerk_user_get', { user_id: c.id }));
  if (reads.some((r) => !r)) return 'pending';
  const valuesOf = (i: number): string[] => {
    const env = reads[i]!;
    const rec = env.status === 'ok' ? asObject(env.result) : undefined;
    const meta = rec?.public_metadata;
    if (!meta || typeof meta !== 'object') return [];
    return Object.values(meta as Record<string, unknown>)
      .filter((v): v is string => typeof v === 'string' && v.trim().length >= 3 && !PLAIN_VALUES.has(v.toLowerCase()))
      .map((v) => v.toLowerCase());
  };
  const all = candidates.map((_, i) => valuesOf(i));
  const hits = candidates.filter((_, i) =>
    all[i]!.some((v) => saysWord(text, v) && all.every((other, k) => k === i || !other.includes(v))),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

const ORDINALS: Array<[RegExp, number]> = [
  [/^(?:the\s+)?(?:1|1st|first|one|#1|number one)\b/i, 0],
  [/^(?:the\s+)?(?:2|2nd|second|two|#2|number two)\b/i, 1],
  [/^(?:the\s+)?(?:3|3rd|third|three|#3)\b/i, 2],
  [/^(?:the\s+)?(?:4|4th|fourth|four|#4)\b/i, 3],
  [/^(?:the\s+)?(?:5|5th|fifth|five|#5)\b/i, 4],
];

/**
 * Matches an answer to one candidate by number, exact key, or words that fit exactly one candidate. An answer with
 * asides ("oops - Jo Lee, the one in support") is also read part by part: the parts that name a candidate must
 * all name the same one, and the parts that name nobody are asides.
 */
export function matchAnswer<T>(answer: string, candidates: T[], keys: (c: T) => string[]): T | undefined {
  const whole = matchWhole(answer, candidates, keys);
  if (whole !== undefined) return whole;
  // "Sorry for the confusion, it is Chris Evans from Globex.": the one candidate whose full name or address the
  // answer says word for word (a one-word key such as a first name never decides).
  const said = candidates.filter((c) => keys(c).some((k) => /[\s@]/.test(k.trim()) && mentions(answer, k)));
  if (said.length === 1) return said[0];
  const parts = answer.split(/\s*(?:[,;:()–—]|\s-\s|^\s*-\s)\s*/).filter((p) => p.trim() !== '');
  if (parts.length < 2) return undefined;
  // Parts are matched by name only: "the one in support" is an aside, not "the first one".
  const named = new Set(parts.map((p) => matchWhole(p, candidates, keys, true)).filter((c) => c !== undefined));
  return named.size === 1 ? [...named][0] : undefined;
}

function matchWhole<T>(answer: string, candidates: T[], keys: (c: T) => string[], byName = false): T | undefined {
  const a = answer
    .trim()
    .replace(/[.!?]+$/, '')
    .replace(/^(?:i mean|i meant|the one (?:at|with|from)|it'?s|it is|that'?s|that is|use|pick|choose|go with)\s+/i, '')
    .trim();
  if (
    !byName &&
    candidates.length === 1 &&
    /^(?:yes|yep|yeah|y|ok|okay|correct|right|that one|that's (?:it|the one)|sure)\b/i.test(a)
  )
    return candidates[0];
  if (!byName) {
    for (const [re, i] of ORDINALS) if (re.test(a) && a.split(/\s+/).length <= 4) return candidates[i];
    if (/^(?:the\s+)?last(?: one)?$/i.test(a)) return candidates[candidates.length - 1];
  }
  const lower = a.toLowerCase();
  const exact = candidates.filter((c) => keys(c).some((k) => k !== '' && k.toLowerCase() === lower));
  if (exact.length === 1) return exact[0];
  const tokens = words(a).filter(
    (t) => !['the', 'one', 'at', 'from', 'with', 'in', 'user', 'org', 'i', 'mean'].includes(t),
  );
  if (tokens.length === 0) return undefined;
  const byWords = candidates.filter((c) => {
    const hay = new Set(keys(c).flatMap(words));
    return tokens.every((t) => hay.has(t));
  });
  return byWords.length === 1 ? byWords[0] : undefined;
}

/** Asks which of several users a text names was meant. */
function pickNamed(ctx: PlanContext, rows: UserRow[], text: string): Res<UserRow> {
  return pick(
    ctx,
    rows,
    userLabel,
    (u) => [u.id, u.email ?? '', u.name ?? '', u.username ?? ''],
    sharedName(rows, text),
    'user',
    'user',
  );
}

/** True when a word of the person's name stands in `text` (where it named nobody, so only as a bystander). */
function namedAsBystander(text: string, u: UserRow): boolean {
  return (u.name ?? '')
    .split(/\s+/)
    .filter((w) => w.length >= 3)
    .some((w) => saysWord(text, w));
}

/** The words of the candidates' names the text has ("Wong" for Lee Wong and Ada Wong), for the question. */
function sharedName(rows: UserRow[], text: string): string {
  const said = (rows[0]?.name ?? '')
    .split(/\s+/)
    .filter((w) => w.length > 1 && new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '')}\\b`, 'i').test(text));
  return said.join(' ') || 'the name you gave';
}

/**
 * The organization `person` created (two lookups: the person by name, then the listed organizations' creator).
 * One → it; several → asked which; the person or their organization not found → undefined (the caller says so).
 */
export function orgByCreator(ctx: PlanContext, person: string, listed?: OrgRow[]): Res<OrgRow | undefined> {
  const env = ctx.read('clerk_users_list', { query: person });
  if (!env) return stop('pending');
  if (env.status !== 'ok') return stop(readFailed(env, `"${person}"`));
  const users = asPage(env.result).items.map(toUser);
  const exact = users.filter((u) => (u.name ?? '').toLowerCase() === person.toLowerCase() || u.email === person);
  const who = exact.length === 1 ? exact[0] : users.length === 1 ? users[0] : undefined;
  if (!who) return ok(undefined);
  let orgs = listed;
  if (!orgs) {
    const all = ctx.read('clerk_organizations_list', { limit: 100 });
    if (!all) return stop('pending');
    if (all.status !== 'ok') return stop(readFailed(all, 'organizations'));
    orgs = asPage(all.result).items.map(toOrg);
  }
  return oneOrg(
    ctx,
    orgs.filter((o) => o.createdBy === who.id),
    `the organizations ${who.name ?? person} created`,
  );
}

/** One of `rows`: none or one as it is, several asked about (`what` says which ones they are). */
function oneOrg(ctx: PlanContext, rows: OrgRow[], what: string): Res<OrgRow | undefined> {
  if (rows.length <= 1) return ok(rows[0]);
  return pick(
    ctx,
    rows,
    (o) => `${o.name} (slug ${o.slug})`,
    (o) => [o.id, o.name, o.slug],
    what,
    'organization',
  );
}

/**
 * The organization of the one user whose full (or first) name or address is `person` (undefined when nobody, or
 * several, has it). `possessive`: the message said "<person>'s organization" itself.
 */
function orgOfPerson(ctx: PlanContext, said: string, possessive = false): Res<OrgRow | undefined> {
  const person = said
    .replace(/[,.;:!?]+$/, '')
    .replace(/['’]s\s+(?:org|organi[sz]ation|group|team|class|cohort|company|workspace)$/i, '');
  const address = new RegExp(`^${ADDRESS}$`).test(person.trim());
  if (
    (!address && !/^[A-Za-z][\w'’-]+(?:\s+[A-Za-z][\w'’-]+)?$/.test(person.trim())) ||
    (!possessive && !saysOrgOf(ctx.turn.request, person))
  )
    return ok(undefined);
  const env = ctx.read('clerk_users_list', address ? { email_address: [person.trim()] } : { query: person });
  if (!env) return stop('pending');
  if (env.status !== 'ok') return stop(readFailed(env, `"${person}"`));
  const who = asPage(env.result)
    .items.map(toUser)
    // (A first name alone counts only when it is someone's whole first name: "Happy", not "Hap".)
    .filter(
      (u) =>
        (address && u.email?.toLowerCase() === person.trim().toLowerCase()) ||
        [u.name ?? '', (u.name ?? '').split(/\s+/)[0]!].some((n) => n.toLowerCase() === person.trim().toLowerCase()),
    );
  if (who.length !== 1) return ok(undefined);
  const orgs = ctx.read('clerk_organizations_list', { user_id: [who[0]!.id], limit: 100 });
  if (!orgs) return stop('pending');
  if (orgs.status !== 'ok') return stop(readFailed(orgs, `the organizations of ${who[0]!.name ?? person}`));
  const theirs = asPage(orgs.result).items.map(toOrg);
  // (Said as theirs and they are in none: said so, with what was read — never another organization instead.)
  if (possessive && theirs.length === 0)
    return stop(
      say(
        `${who[0]!.name ?? person} is not a member of any organization (I listed their organizations), so there is no organization of theirs to change. Nothing was changed.`,
      ),
    );
  return oneOrg(ctx, theirs, `the organizations ${who[0]!.name ?? person} is in`);
}

// Words for what kind of place an organization is ("the Northside clinic" for "Northside Animal Hospital"): when the
// name as said finds nothing, the other words must name one organization alone.
const PLACE_NOUNS =
  /^(?:clinic|hospital|practice|school|office|branch|store|shop|site|location|campus|company|firm|agency|page|portal)s?$/;

// Words that say "an organization", not which one ("the Coaches group").
const GROUP_NOUNS = new RegExp(`^(?:the|our|${GROUP_NOUN})s?$`);

// A remark run on after a name: a pronoun and its verb, or a word that starts a reason.
const REMARK_AFTER_NAME =
  /\s+(?:(?:she|he|they|we|i|it|that)(?:['’](?:s|re|ll|ve|m|d)|\s+(?:is|are|was|were|has|have|had|will|wants?|needs?|said|says))|because|cuz|since|as\s+(?:she|he|they)|so\s+(?:she|he|they|that)|who|which|thanks|thx|ty|pls|please|asap|lol|lmao)\b.*$/i;

/** Resolves one organization reference (id as is; name/slug via clerk_organizations_list {query}). */
function resolveOrg(ctx: PlanContext, ref: Ref): Res<OrgRow | undefined> {
  if (ref.kind === 'id') return ok({ id: ref.value, name: ref.value, slug: '', createdAt: null });
  if (ref.kind === 'newest') {
    // "the newest org": one read in creation order; the organization found is named on the card.
    const byAge = ctx.read('clerk_organizations_list', {
      order_by: ref.value === 'oldest' ? '+created_at' : '-created_at',
      limit: 1,
    });
    if (!byAge) return stop('pending');
    if (byAge.status !== 'ok') return stop(readFailed(byAge, 'organizations'));
    return ok(asPage(byAge.result).items.map(toOrg)[0]);
  }
  if (ref.kind === 'mention') {
    // "the Globex people", "their org" with the organization named anywhere: the listed organization the text names.
    const all = ctx.read('clerk_organizations_list', { limit: 100 });
    if (!all) return stop('pending');
    if (all.status !== 'ok') return stop(readFailed(all, 'organizations'));
    const orgs = asPage(all.result).items.map(toOrg);
    // "cap ann@x.test's organization at 30", "see which org ann@x.test is in and …": the one that person is in
    // (several → asked which) — read first, so an organization that only shares a word with the address (its
    // domain) is never taken for it.
    const owner = ref.value.match(POSSESSED_ORG) ?? ref.value.match(WHICH_ORG_IN);
    if (owner) return orgOfPerson(ctx, owner[1]!, true);
    let rows = recordsNamed(ref.value, orgs);
    if (rows.length === 0 && ref.wider) rows = recordsNamed(withoutKept(ref.wider), orgs);
    // "the workspace Ann Lee made": none named, the one that person created.
    if (rows.length === 0) {
      const creator = orgCreatorIn(ref.value) ?? (ref.wider ? orgCreatorIn(ref.wider) : undefined);
      if (creator) return orgByCreator(ctx, creator, orgs);
    }
    return oneOrg(ctx, rows, 'the organization you named');
  }
  // "globex she's our new co-lead", "initech because they asked": a name that runs on into a remark is looked up
  // without the remark.
  const trimmed = ref.value.replace(REMARK_AFTER_NAME, '').trim();
  if (trimmed !== ref.value && trimmed !== '') return resolveOrg(ctx, { ...ref, value: trimmed });
  const env = ctx.read('clerk_organizations_list', { query: ref.value });
  if (!env) return stop('pending');
  if (env.status !== 'ok') return stop(readFailed(env, `the organization "${ref.value}"`));
  let rows = asPage(env.result).items.map(toOrg);
  if (rows.length === 0) {
    // Nothing by that name: a misspelt one ("Globx") is matched against every organization.
    const all = ctx.read('clerk_organizations_list', { limit: 100 });
    if (!all) return stop('pending');
    if (all.status !== 'ok') return stop(readFailed(all, 'organizations'));
    const every = asPage(all.result).items.map(toOrg);
    rows = nearest(ref.value, every, (o) => [o.name, o.slug]);
    if (rows.length === 1) return ok(rows[0]);
    // "the initech clan", "our Lakeview clinic": the words said, less a word for a group, are whole words of one
    // organization's name alone.
    const said = ref.value
      .toLowerCase()
      .split(/[^\p{L}\d'’-]+/u)
      .filter((w) => w && !GROUP_NOUNS.test(w) && !PLACE_NOUNS.test(w));
    const held = namesHolding(said, every);
    if (rows.length === 0 && held.length === 1) return ok(held[0]);
    // "sea view" for "… Seaview", "the north gate office" for "Northgate": the words said, run together, are a run
    // of whole words of one name alone (dictated or typed apart).
    const glued = gluedNamesHolding(said, every);
    if (rows.length === 0 && held.length === 0 && glued.length === 1) return ok(glued[0]);
  }
  const lower = ref.value.toLowerCase();
  const exact = rows.filter(
    (o) => o.name.toLowerCase() === lower || o.slug.toLowerCase() === lower || o.id === ref.value,
  );
  if (exact.length === 1) return ok(exact[0]);
  const prefix = rows.filter(
    (o) =>
      o.name.toLowerCase().startsWith(`${lower} `) ||
      o.name.toLowerCase().startsWith(lower) ||
      o.slug.toLowerCase().startsWith(lower),
  );
  if (prefix.length === 1) return ok(prefix[0]);
  // "the Coaches group" for "Riverside Coaches": every word said is a whole word of one name alone.
  const byWords = namesHolding(
    lower.split(/[^\p{L}\d'’-]+/u).filter((w) => w && !GROUP_NOUNS.test(w)),
    rows,
  );
  if (exact.length === 0 && prefix.length === 0 && byWords.length === 1) return ok(byWords[0]);
  const candidates = exact.length > 1 ? exact : prefix.length > 1 ? prefix : rows;
  // "Ann Lee's group", "the same org as Ann Lee": no organization has the name, one person does — their
  // organization (one → it; several → asked which; never guessed).
  if (candidates.length === 0) return orgOfPerson(ctx, ref.value);
  return pick(
    ctx,
    candidates,
    (o) => `${o.name} (slug ${o.slug})`,
    (o) => [o.id, o.name, o.slug],
    ref.value,
    'organization',
  );
}

/** The organizations one of whose runs of name words, run together, is the words said run together. */
function gluedNamesHolding(said: string[], rows: OrgRow[]): OrgRow[] {
  const target = said.join('');
  if (said.length === 0 || target.length < 5) return [];
  return rows.filter((o) => {
    const words = o.name
      .toLowerCase()
      .split(/[^\p{L}\d'’-]+/u)
      .filter(Boolean);
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j <= words.length; j++)
        // (A run of the same words as said is a plain word match, found before; this is for other splits.)
        if (j - i !== said.length && words.slice(i, j).join('') === target) return true;
    return false;
  });
}

/**
 * An organization said only by a `mention` ref: the one the text names (as an id ref), or undefined when it names
 * none — the caller then treats the request as naming no organization ("their org" → the user's own).
 */
export function mentionedOrg(ctx: PlanContext, ref: Ref | undefined): Res<Ref | undefined> {
  if (ref?.kind !== 'mention') return ok(ref);
  const r = resolveOrg(ctx, ref);
  if (!r.ok) return r;
  // (By its exact name, so the card names it; names are looked up exactly first.)
  return ok(r.value ? { kind: 'name', value: r.value.name } : undefined);
}

/** An org that must exist: missing → a clear "not found" answer. */
/**
 * Whether words read as an organization's name name something else too: a capitalised word that is not part of
 * the organization's own name ("Ivan Petrov frm Globex" when Globex is found elsewhere in the message). Such a
 * reading is no ground for a permanent delete ("their portal workspace" or "the whole group" is).
 */
function namesOther(read: string, orgName: string): boolean {
  const own = new Set(orgName.toLowerCase().split(/\s+/));
  return read.split(/[\s,;()]+/).some((w) => /^\p{Lu}/u.test(w) && !own.has(w.toLowerCase()));
}

export function requireOrg(ctx: PlanContext, ref: Ref, { strict = false }: { strict?: boolean } = {}): Res<OrgRow> {
  let r = resolveOrg(ctx, ref);
  if (!r.ok) return r;
  // A name read from the wrong words ("their organization", "that latest") finds none: the one organization the
  // request names anywhere is the one meant (several or none → not found, as before). Not for a permanent delete
  // (`strict`): words misread as a name there ("remove X frm Globex organisation") must not find Globex to delete.
  if (!r.value && ref.kind === 'name') {
    const named = resolveOrg(ctx, { kind: 'mention', value: requestWords(ctx) });
    if (!named.ok && named.outcome === 'pending') return named;
    if (named.ok && named.value && (!strict || !namesOther(ref.value, named.value.name))) r = named;
  }
  if (!r.value && ref.kind === 'mention')
    return stop(
      say(
        'I couldn\'t tell which organization you mean: no organization\'s name is in what you wrote. Nothing was changed. Try "list organizations" to see them.',
      ),
    );
  if (!r.value)
    return stop(
      say(
        `I couldn't find an organization matching "${ref.value}". Nothing was changed. Try "list organizations" to see them.`,
      ),
    );
  return ok(r.value);
}

/** Picks one item from a list read by name (JWT templates, domains, OAuth apps, list entries). */
export function chooseNamed<T extends { id: string; name: string }>(
  ctx: PlanContext,
  items: T[],
  name: string,
  what: string,
): Res<T | undefined> {
  const lower = name.toLowerCase();
  const exact = items.filter((i) => i.name.toLowerCase() === lower || i.id === name);
  if (exact.length === 1) return ok(exact[0]);
  let partial = items.filter((i) => i.name.toLowerCase().includes(lower));
  // Nothing contains the name: a misspelt one ("supabse") is the item nearest to it, if only one is — compared with
  // the whole name and with each of its words, so a slip in one word of a longer name still finds it.
  if (partial.length === 0 && name !== '') partial = nearest(name, items, (i) => [i.name, ...i.name.split(/\s+/)]);
  if (partial.length === 1) return ok(partial[0]);
  if (partial.length === 0) return ok(undefined);
  return pick(
    ctx,
    partial,
    (i) => i.name,
    (i) => [i.id, i.name],
    name,
    what,
  );
}

/** Asks for a missing value; the parser turns the next answer into the value (undefined = ask again). */
export function askFor<T>(ctx: PlanContext, question: string, parse: (answer: string) => T | undefined): Res<T> {
  let retry = false;
  for (;;) {
    const answer = ctx.answer();
    if (answer === undefined) return stop(say(`${retry ? "Sorry, I couldn't use that. " : ''}${question}`));
    const value = parse(answer.trim());
    if (value !== undefined) return ok(value);
    retry = true;
  }
}
