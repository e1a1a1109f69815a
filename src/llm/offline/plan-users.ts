/**
 * Plans for user requests: lists and counts, look-ups, ban/unban/lock/unlock/delete (one call per user, skipping
 * no-ops we can see), "let … sign in again" (unban or unlock, whichever applies), create and update.
 */
import { creatorInside } from './creator.js';
import { act, say, withJsonArgs } from './mutation-step.js';
import { analyze } from './entities.js';
import type { Fields, Intent, Ref, UserFilter } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { asObject, asPage, toUser, userLabel, type UserRow } from './results.js';
import { askFor, LISTED_USERS, readFailed, requestWords, resolveUsers, stopped } from './resolve.js';
import { usersNamed } from './listed-names.js';
import { toRef, userRefsAnywhere } from './refs.js';
import { parseLooseJson } from './entities.js';
import { day, plural, table } from './summarize.js';
import { planUnblock } from './plan-unblock.js';
import { readAllPages } from './paging.js';
import { organizationInstead } from './metadata-owner.js';
import { planOrgUpdate } from './plan-orgs.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/** The three metadata fields of a user (JSON arguments of clerk_user_update). */
export const METADATA = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;

/** "Jane Doe <jane@example.com> (user_…)" or just the id. */
export function userText(u: UserRow): string {
  return u.stub ? `user ${u.id}` : `${userLabel(u)} (${u.id})`;
}

/** The label from a mutation result when it carries the user, else the one we had. */
function labelFrom(result: unknown, fallback: UserRow): string {
  const o = asObject(result);
  if (o && typeof o.id === 'string' && o.id.startsWith('user_')) {
    const u = toUser(o);
    if (u.name || u.email) return `${userLabel(u)} (${u.id})`;
  }
  return userText(fallback);
}

/** One line per reference that matched no user. */
export function missingNotes(missing: Ref[]): string[] {
  return missing.map((r) =>
    r.kind === 'email'
      ? `No user has the email ${r.value}.`
      : r.kind === 'id'
        ? `No user has the id ${r.value}.`
        : r.kind === 'pronoun' || (r.kind === 'mention' && r.pronoun)
          ? `I don't know who "${r.kind === 'mention' ? r.pronoun : r.value}" refers to: name the user (email, id or name).`
          : r.kind === 'mention'
            ? `I couldn't tell which user you mean: no user's name or email is in what you wrote. Name them by email.`
            : r.kind === 'role'
              ? `Nobody in ${r.org} has the ${r.value.replace(/^org:/, '')} role (I listed its members with that role).`
              : r.kind === 'inviter'
                ? `I couldn't tell who sent the invitation to ${r.value}: I read the organization invitations to that address${r.org ? ` in ${r.org}` : ''} and found no single sender (app invitations do not record one). Name the person by email.`
                : `No user matches "${r.value}".`,
  );
}

function filterArgs(f: UserFilter, count: boolean): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (f.query) args.query = f.query;
  if (f.emailQuery) args.email_address_query = f.emailQuery;
  if (f.banned !== undefined) args.banned = f.banned;
  if (f.created?.after !== undefined) args.created_at_after = f.created.after;
  if (f.created?.before !== undefined) args.created_at_before = f.created.before;
  if (f.active?.after !== undefined) args.last_active_at_after = f.active.after;
  if (f.active?.before !== undefined) args.last_active_at_before = f.active.before;
  if (f.signIn?.after !== undefined) args.last_sign_in_at_after = f.signIn.after;
  if (f.signIn?.before !== undefined) args.last_sign_in_at_before = f.signIn.before;
  args.limit = count || f.locked !== undefined ? 500 : Math.min(f.limit ?? 100, 500);
  return args;
}

/** "3 banned users who joined within the last week" (n undefined → without the number). */
function usersPhrase(f: UserFilter, n: number | undefined, atLeast = false): string {
  const adjectives: string[] = [];
  if (f.banned === true) adjectives.push('banned');
  if (f.banned === false) adjectives.push('non-banned');
  if (f.locked === true) adjectives.push('locked');
  if (f.locked === false) adjectives.push('unlocked');
  const clauses: string[] = [];
  if (f.query) clauses.push(`matching "${f.query}"`);
  if (f.emailQuery) clauses.push(`with an email containing "${f.emailQuery}"`);
  if (f.created) clauses.push(`who signed up ${f.created.label}`);
  if (f.active) clauses.push(`active ${f.active.label}`);
  if (f.signIn) clauses.push(`who have not signed in ${f.signIn.label.replace(/^not /, '')}`);
  const noun = n === 1 ? 'user' : 'users';
  const count = n === undefined ? '' : `${atLeast ? 'at least ' : ''}${n} `;
  return `${count}${[...adjectives, noun].join(' ')}${clauses.length > 0 ? ` ${clauses.join(', ')}` : ''}`;
}

/** A table of users. */
function usersTable(rows: UserRow[]): string {
  return table(
    ['Name', 'Email', 'Status', 'Signed up', 'Last sign-in', 'ID'],
    rows.map((u) => [u.name, u.email, status(u), day(u.createdAt), day(u.lastSignInAt), u.id]),
  );
}

function status(u: UserRow): string {
  return [u.banned ? 'banned' : '', u.locked ? 'locked' : ''].filter(Boolean).join(', ') || 'active';
}

/** Users list / count. Counts (and the locked filter, which Clerk cannot apply) page through the whole list. */
export function planUsersList(ctx: PlanContext, intent: Of<'users_list'>): PlanStep {
  if (intent.filter.order) return planUsersOrdered(ctx, intent);
  const args = filterArgs(intent.filter, intent.count);
  const whole = intent.count || intent.filter.locked !== undefined;
  let items: Array<Record<string, unknown>>;
  let capped: boolean;
  let total: number | undefined;
  if (whole) {
    const paged = readAllPages(ctx, 'clerk_users_list', args);
    if (paged.kind === 'pending') return ctx.pending();
    if (paged.kind === 'failed') return readFailed(paged.env, 'users');
    ({ items, total } = paged);
    capped = !paged.complete;
  } else {
    const env = ctx.read('clerk_users_list', args);
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, 'users');
    const page = asPage(env.result);
    items = page.items;
    total = page.total;
    // We know the page size we asked for: a short page is complete, whatever the "more may exist" note says.
    capped = page.items.length >= (args.limit as number);
  }
  let rows = items.map(toUser);
  const checked = rows.length;
  if (intent.filter.locked !== undefined) rows = rows.filter((u) => u.locked === intent.filter.locked);
  const n = intent.filter.locked === undefined && total !== undefined ? total : rows.length;
  const phrase = usersPhrase(intent.filter, n, capped && total === undefined);
  const scope =
    intent.filter.locked !== undefined ? ` (checked ${capped ? 'the first ' : 'all '}${checked} users)` : '';
  if (intent.count) return say(`There ${n === 1 && !capped ? 'is' : 'are'} ${phrase}${scope}.`);
  if (rows.length === 0) return say(`There are no ${usersPhrase(intent.filter, undefined)}${scope}.`);
  if (intent.filter.limit !== undefined && Object.keys(intent.filter).length === 1) {
    return say(`The ${plural(rows.length, 'newest user').replace(/^\d+ /, `${rows.length} `)}:\n${usersTable(rows)}`);
  }
  const shown =
    capped && intent.filter.locked === undefined
      ? ` (the first ${items.length}; add a filter or a smaller window to see others)`
      : scope;
  return say(`${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}${shown}:\n${usersTable(rows)}`);
}

/** "the oldest account", "the 3 newest users": Clerk sorts (order_by), so one short read answers it. */
function planUsersOrdered(ctx: PlanContext, intent: Of<'users_list'>): PlanStep {
  const f = intent.filter;
  const n = f.limit ?? 1;
  const args = { ...filterArgs({ ...f, limit: n }, false), order_by: f.order };
  const env = ctx.read('clerk_users_list', args);
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, 'users');
  const rows = asPage(env.result).items.map(toUser);
  const word = f.order === '+created_at' ? 'oldest' : 'newest';
  if (rows.length === 0) return say(`There are no ${usersPhrase({ ...f, limit: undefined }, undefined)}.`);
  if (n === 1)
    return say(
      `The ${word} ${usersPhrase({ ...f, limit: undefined }, 1).replace(/^1 /, '')} is ${userText(rows[0]!)}, signed up ${day(rows[0]!.createdAt)}.`,
    );
  return say(
    `The ${rows.length} ${word} ${usersPhrase({ ...f, limit: undefined }, rows.length).replace(/^\d+ /, '')}:\n${usersTable(rows)}`,
  );
}

/** One user in detail. */
function userDetails(u: UserRow): string {
  const lines = [
    `${userLabel(u)}`,
    `  id: ${u.id}`,
    `  status: ${status(u)}`,
    `  signed up: ${day(u.createdAt)} · last active: ${day(u.lastActiveAt)} · last sign-in: ${day(u.lastSignInAt)}`,
  ];
  if (u.username) lines.splice(2, 0, `  username: ${u.username}`);
  // (A phone number and an external id are facts people ask about too: "does he have a phone on his account?")
  // (Only when the read carried it: a long page's slim rows leave phones out, so no phone there is no "none".)
  if (u.phone) lines.push(`  phone: ${u.phone}`);
  if (u.externalId) lines.push(`  external id: ${u.externalId}`);
  if (u.publicMetadata && typeof u.publicMetadata === 'object' && Object.keys(u.publicMetadata).length > 0)
    lines.push(`  public metadata: ${JSON.stringify(u.publicMetadata)}`);
  return lines.join('\n');
}

/** "Is X locked?": the yes/no answer before the details (empty when the question asked for no state). */
function stateAnswer(u: UserRow, asks: 'locked' | 'banned' | undefined): string {
  if (!asks) return '';
  const is = asks === 'locked' ? u.locked : u.banned;
  return `${is ? 'Yes' : 'No'}: ${userText(u)} is ${is ? '' : 'not '}${asks} right now. Nothing was changed.\n`;
}

/** "who is X" / "show user_…": reads, then details (or a table when a name matches several). */
export function planUserLookup(ctx: PlanContext, intent: Of<'user_lookup'>): PlanStep {
  const emails = intent.refs.filter((r) => r.kind === 'email').map((r) => r.value);
  const envs: Array<{ ref: Ref | undefined; env: ReturnType<PlanContext['read']> }> = [];
  if (emails.length > 0) envs.push({ ref: undefined, env: ctx.read('clerk_users_list', { email_address: emails }) });
  for (const r of intent.refs) {
    if (r.kind === 'id') envs.push({ ref: r, env: ctx.read('clerk_user_get', { user_id: r.value }) });
    if (r.kind === 'name') envs.push({ ref: r, env: ctx.read('clerk_users_list', { query: r.value }) });
  }
  if (envs.some((e) => !e.env)) return ctx.pending();
  const parts: string[] = [];
  for (const { ref, env } of envs) {
    if (!env) continue;
    if (env.status === 'error' && env.httpStatus === 404 && ref) {
      parts.push(`No user has the id ${ref.value}.`);
      continue;
    }
    if (env.status !== 'ok') return readFailed(env, ref?.value ?? emails.join(', '));
    const rows = asPage(env.result).items.map(toUser);
    if (!ref) {
      for (const e of emails) {
        const u = rows.find((row) => row.email?.toLowerCase() === e);
        parts.push(u ? `${stateAnswer(u, intent.asks)}${userDetails(u)}` : `No user has the email ${e}.`);
      }
    } else if (rows.length === 0) parts.push(`No user matches "${ref.value}".`);
    else if (rows.length === 1) parts.push(`${stateAnswer(rows[0]!, intent.asks)}${userDetails(rows[0]!)}`);
    else parts.push(`${plural(rows.length, 'user')} match "${ref.value}":\n${usersTable(rows)}`);
  }
  return say(parts.join('\n\n'));
}

const VERB_WORDS: Record<string, [string, string]> = {
  clerk_user_ban: ['ban', 'Banned'],
  clerk_user_unban: ['unban', 'Unbanned'],
  clerk_user_lock: ['lock', 'Locked'],
  clerk_user_unlock: ['unlock', 'Unlocked'],
  clerk_user_delete: ['permanently delete', 'Deleted'],
};

/** A call that changes one user, with plan and summary words. */
export function userCall(
  action: string,
  u: UserRow,
  args: Record<string, unknown> = {},
  words?: [string, string],
): Call {
  const [verb, past] = words ?? VERB_WORDS[action] ?? [action, `Done: ${action}`];
  return {
    name: action,
    args: { user_id: u.id, ...args },
    label: `${verb} ${userText(u)}`,
    done: (result) => `${past} ${action === 'clerk_user_delete' ? userText(u) : labelFrom(result, u)}`,
  };
}

/** ban / unban / lock / unlock / delete. */
export function planUserAction(ctx: PlanContext, intent: Of<'user_action'>): PlanStep {
  if (intent.unblock) return planUnblock(ctx, intent);
  const res = resolveUsers(ctx, intent.targets);
  if (!res.ok) return stopped(ctx, res);
  const { found, missing } = res.value;
  // "block spam@x.test" with no such user: the address is kept from signing up (the blocklist), not a ban.
  const blocked = intent.block ? missing.filter((r) => r.kind === 'email') : [];
  const unmatched = missing.filter((r) => !blocked.includes(r));
  if (found.length === 0 && blocked.length === 0)
    return say(`${missingNotes(unmatched).join('\n')}\nNothing was changed.`);
  const notes = [
    ...missingNotes(unmatched),
    ...blocked.map((r) => `No user has the email ${r.value}, so blocking it means the sign-up blocklist.`),
  ];
  const calls: Call[] = blocked.map((r) => ({
    name: 'clerk_blocklist_create',
    args: { identifier: r.value },
    label: `add ${r.value} to the blocklist`,
    done: () => `Added ${r.value} to the blocklist`,
  }));
  for (const u of found) {
    const noop = u.stub
      ? undefined
      : intent.action === 'clerk_user_ban' && u.banned
        ? 'is already banned'
        : intent.action === 'clerk_user_unban' && !u.banned
          ? 'is not banned'
          : intent.action === 'clerk_user_lock' && u.locked
            ? 'is already locked'
            : intent.action === 'clerk_user_unlock' && !u.locked
              ? 'is not locked'
              : undefined;
    if (noop) notes.push(`${userText(u)} ${noop}, so there is nothing to do.`);
    else calls.push(userCall(intent.action, u));
  }
  return act(ctx, calls, notes);
}

/** "let X sign in again": unban if banned, unlock if locked. */
export function planRestoreSignIn(ctx: PlanContext, intent: Of<'user_restore_sign_in'>): PlanStep {
  const res = resolveUsers(ctx, intent.targets, { state: true });
  if (!res.ok) return stopped(ctx, res);
  const { found, missing } = res.value;
  const notes = missingNotes(missing);
  const calls: Call[] = [];
  for (const u of found) {
    if (u.banned) calls.push(userCall('clerk_user_unban', u));
    if (u.locked) calls.push(userCall('clerk_user_unlock', u));
    if (!u.banned && !u.locked) notes.push(`${userText(u)} is neither banned nor locked, so they can already sign in.`);
  }
  return act(ctx, calls, notes);
}

/** "create a user …". */
export function planUserCreate(ctx: PlanContext, intent: Of<'user_create'>): PlanStep {
  const fields: Fields = { ...intent.fields };
  if (!fields.email_address && !fields.phone_number && !fields.username) {
    const email = askFor(ctx, 'What email address should the new user have?', (a) => analyze(a).ents.emails[0]);
    if (!email.ok) return stopped(ctx, email);
    fields.email_address = [email.value];
  }
  const args = withJsonArgs(fields, METADATA);
  const name = [fields.first_name, fields.last_name].filter(Boolean).join(' ');
  const email = Array.isArray(fields.email_address) ? String(fields.email_address[0]) : undefined;
  const who = [name, email ? `<${email}>` : ''].filter(Boolean).join(' ') || String(fields.username ?? 'a new user');
  const extras = [
    fields.username ? `username ${String(fields.username)}` : '',
    fields.password ? 'a password' : '',
    fields.skip_password_requirement ? 'no password' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return act(ctx, [
    {
      name: 'clerk_user_create',
      args,
      label: `create user ${who}${extras ? ` with ${extras}` : ''}`,
      done: (result) => {
        const o = asObject(result);
        return `Created user ${o ? `${userLabel(toUser(o))} (${String(o.id)})` : who}`;
      },
    },
  ]);
}

/** Words for a field change: "first name → Janet". */
export function changeText(fields: Fields): string {
  return Object.entries(fields)
    .map(([k, v]) =>
      k.endsWith('metadata')
        ? metadataText(k.replace('_', ' '), v)
        : `${k.replace(/_/g, ' ')} → ${typeof v === 'string' ? v : JSON.stringify(v)}`,
    )
    .join(', ');
}

/**
 * A metadata merge in words. A key set to null is deleted by Clerk, so it is said as a removal ("remove the key
 * region from public metadata"), never as a merge of a null the reader has to decode.
 */
function metadataText(where: string, v: unknown): string {
  const entries = v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : [];
  const removed = entries.filter(([, x]) => x === null).map(([k]) => k);
  if (removed.length === 0) return `merge ${JSON.stringify(v)} into ${where}`;
  const keys = `the key${removed.length > 1 ? 's' : ''} ${removed.join(', ')}`;
  const kept = entries.filter(([, x]) => x !== null);
  return kept.length === 0
    ? `remove ${keys} from ${where}`
    : `merge ${JSON.stringify(Object.fromEntries(kept))} into ${where} and remove ${keys}`;
}

/**
 * "change her last name to doe-harrington" typed all in lower case: a person's name is written with capitals
 * ("Doe-Harrington"), as an admin would enter it. A name typed with any capital is kept exactly as typed.
 */
function withNameCase(fields: Fields): Fields {
  const out: Fields = { ...fields };
  for (const k of ['first_name', 'last_name'] as const) {
    const v = out[k];
    if (typeof v === 'string' && /^[a-z][a-z'’ -]*$/.test(v))
      out[k] = v.replace(/(^|[\s'’-])([a-z])/g, (_m, sep: string, ch: string) => `${sep}${ch.toUpperCase()}`);
  }
  return out;
}

/** Profile or metadata updates. */
export function planUserUpdate(ctx: PlanContext, intent: Of<'user_update'>): PlanStep {
  // "clear the region key in Foo's metadata": an organization's metadata, when the listing says so.
  const org = organizationInstead(ctx, intent.target, intent.fields);
  if (!org.ok) return stopped(ctx, org);
  if (org.value) return planOrgUpdate(ctx, { kind: 'org_update', org: org.value, fields: intent.fields });
  // ("the woman who initially made Foo … her family name is X now": the organization's creator.)
  const creatorOf = intent.target ? undefined : creatorInside(ctx.turn.request);
  let target: Ref | undefined = intent.target ?? (creatorOf ? { kind: 'creator', value: creatorOf } : undefined);
  // ("joanna doesn't do nights any more, take the shift key off her metadata": the one person the request names,
  // typed in lower case so no reader saw a name, found in the listing; several or none → asked, as before.)
  if (!target) {
    const named = oneUserNamed(ctx);
    if (named === 'pending') return ctx.pending();
    // (By address when it has one, so the card names the person.)
    if (named)
      target = named.email ? { kind: 'email', value: named.email.toLowerCase() } : { kind: 'id', value: named.id };
  }
  if (!target) {
    const r = askFor(
      ctx,
      'Which user should I update (email, id or name)?',
      (a) => userRefsAnywhere(analyze(a))[0] ?? toRef(a, analyze(a).ents),
    );
    if (!r.ok) return stopped(ctx, r);
    target = r.value;
  }
  let fields = intent.fields;
  if (Object.keys(fields).length === 0) {
    const r = askFor(ctx, 'What metadata should I set (a JSON object, for example {"plan": "pro"})?', (a) =>
      parseLooseJson(a.slice(a.indexOf('{'), a.lastIndexOf('}') + 1)),
    );
    if (!r.ok) return stopped(ctx, r);
    fields = { public_metadata: r.value };
  }
  fields = withNameCase(fields);
  const res = resolveUsers(ctx, [target]);
  if (!res.ok) return stopped(ctx, res);
  const u = res.value.found[0];
  if (!u) return say(`${missingNotes(res.value.missing).join('\n')}\nNothing was changed.`);
  return act(
    ctx,
    [userCall('clerk_user_update', u, withJsonArgs(fields, METADATA), [`update`, 'Updated'])].map((c) => ({
      ...c,
      label: `${c.label}: ${changeText(fields)}`,
    })),
  );
}

/** Both kinds of lookups needed by "rename X to Y" when X could be a user or an organization. */
export function renameCandidates(
  ctx: PlanContext,
  name: string,
): { users?: UserRow[]; orgs?: Array<{ name: string; slug: string }>; outcome?: PlanStep } {
  const u = ctx.read('clerk_users_list', { query: name });
  const o = ctx.read('clerk_organizations_list', { query: name });
  if (!u || !o) return { outcome: ctx.pending() };
  if (u.status !== 'ok') return { outcome: readFailed(u, `"${name}"`) };
  if (o.status !== 'ok') return { outcome: readFailed(o, `"${name}"`) };
  return {
    users: asPage(u.result).items.map(toUser),
    orgs: asPage(o.result).items.map((x) => ({ name: String(x.name ?? ''), slug: String(x.slug ?? '') })),
  };
}

/** The one listed user the request names (listed-names.ts), 'pending' while the listing is read, else undefined. */
function oneUserNamed(ctx: PlanContext): UserRow | 'pending' | undefined {
  const env = ctx.read('clerk_users_list', { limit: LISTED_USERS });
  if (!env) return 'pending';
  if (env.status !== 'ok') return undefined;
  const named = usersNamed(requestWords(ctx), asPage(env.result).items.map(toUser));
  return named.length === 1 ? named[0] : undefined;
}
