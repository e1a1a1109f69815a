/**
 * Bulk changes by a filter the API can answer: "lock every user at @spam.test", "unban everyone who is banned",
 * "ban all users with an @evil.test address". The users are listed first (one read with the filter), then one
 * change per listed user that is not already in the asked state is proposed in one step, each gated (the card
 * numbers them). Never a change on a user the listing did not return; more than MAX_TARGETS users and the model
 * asks to narrow the filter instead. A bulk request without such a filter is still refused (intents.ts).
 */
import type { Sentence } from './entities.js';
import type { Intent, Ref, UserFilter } from './intent-types.js';
import { act, say } from './mutation-step.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { userCall } from './plan-users.js';
import { asPage, toUser, type UserRow } from './results.js';
import { readFailed } from './resolve.js';

/** Most changes proposed from one listing. */
export const MAX_TARGETS = 25;
const LIST_LIMIT = 100;
const ACTIONS = {
  ban: 'clerk_user_ban',
  unban: 'clerk_user_unban',
  lock: 'clerk_user_lock',
  unlock: 'clerk_user_unlock',
} as const;
type BulkAction = (typeof ACTIONS)[keyof typeof ACTIONS];
export type BulkIntent = Extract<Intent, { kind: 'bulk_user_action' }>;

// ("ban the users at @x.test": the plural with a filter is every one of them.)
const ALL =
  /^(ban|unban|lock|unlock)\s+(?:all(?:\s+(?:the|of the))?|every|each|everyone|everybody|anyone|the(?=\s+(?:users|accounts|people)\b))\b(.*)$/i;

const SKIP_STATE =
  /\s*\(?\s*,?\s*(?:skip(?:ping)?|except(?:\s+for)?|excluding|but\s+not|leave\s+out|leaving\s+out|ignor(?:e|ing)|other\s+than|minus|not)\s+(?:(?:anyone|anybody|those|the\s+ones|people|users|accounts|whoever|any)\s+)?(?:who(?:'s|’s|\s+is|\s+are|\s+were)\s+|that(?:'s|’s|\s+is|\s+are)\s+)?(?:already\s+|currently\s+)?(banned|locked)\b(?:[^)]*\))?/gi;

/** True when `said` only keeps out the users already in the state the bulk change asks for (the plan skips them). */
export function skipsAskedState(said: string, intent: Intent): boolean {
  if (intent.kind !== 'bulk_user_action') return false;
  const asked = state(intent.action);
  const found = [...said.matchAll(SKIP_STATE)];
  return found.length > 0 && found.every((m) => m[1]!.toLowerCase() === asked);
}

/** A bulk user change with a filter, or undefined (no filter named: the caller refuses as before). */
export function parseBulkUserAction(c: string, s: Sentence): BulkIntent | undefined {
  const m = c.match(ALL);
  if (!m || /⟦[ei]\d+⟧/.test(c)) return undefined;
  const action = ACTIONS[m[1]!.toLowerCase() as keyof typeof ACTIONS];
  // "(ignoring those already locked)": the users already in the asked state, which the plan skips anyway — no
  // filter (it would select exactly the users that need no change).
  const rest = m[2]!.replace(SKIP_STATE, (said, st: string) => (st.toLowerCase() === state(action) ? '' : said));
  // "@junk.test", "whose address is on junk.test", "users at junk.test": a host said as an email domain.
  const host =
    rest.match(/@⟦h(\d+)⟧/) ??
    rest.match(
      /⟦h(\d+)⟧\s+(?:e-?mails?|e-?mail\s+addresse?s?|addresse?s?|domain|accounts?|users?|people|members?|customers?)\b/i,
    ) ??
    rest.match(/\b(?:at|from|on|using|with|under)\s+(?:an?\s+|the\s+)?⟦h(\d+)⟧/i);
  const wild = rest.match(/⟦w(\d+)⟧/);
  const domain = host
    ? s.ents.hosts[Number(host[1])]
    : wild
      ? s.ents.wildcards[Number(wild[1])]!.replace(/^\*?@/, '')
      : undefined;
  const filter: UserFilter = {};
  if (domain) filter.emailQuery = `@${domain}`;
  if (/\b(?:who (?:is|are)|that (?:is|are)|currently)?\s*banned\b/i.test(rest)) filter.banned = true;
  if (/\blocked(?:\s+out)?\b/i.test(rest)) filter.locked = true;
  if (Object.keys(filter).length === 0) return undefined;
  return { kind: 'bulk_user_action', action, filter, ...(domain ? { domain } : {}) };
}

/** Lists the filtered users, then proposes one change per user that needs it (at most MAX_TARGETS). */
export function planBulkUserAction(ctx: PlanContext, intent: BulkIntent): PlanStep {
  const args: Record<string, unknown> = { limit: LIST_LIMIT };
  if (intent.filter.emailQuery) args.email_address_query = intent.filter.emailQuery;
  if (intent.filter.banned !== undefined) args.banned = intent.filter.banned;
  const env = ctx.read('clerk_users_list', args);
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, 'users');
  const page = asPage(env.result);
  const what = describe(intent);
  const matching = page.items.map(toUser).filter((u) => matches(u, intent));
  const kept = keptOut(matching, intent.except ?? []);
  if (!kept.ok) return say(kept.message);
  const listed = matching.filter((u) => !kept.users.includes(u));
  const targets = listed.filter((u) => needsChange(u, intent.action));
  const total = page.total ?? page.items.length;
  const narrow = 'Narrow it down (for example by email domain or sign-up date) and ask again. Nothing was changed.';
  // Complete when every user of the total came back, or (no total: Clerk's user list is a bare array) when fewer
  // than the limit did. The compaction note may only say that the items were slimmed, so it is not the test.
  const complete = page.total !== undefined ? page.items.length >= page.total : page.items.length < LIST_LIMIT;
  if (!complete)
    return say(
      `I listed ${what}, but the listing came back incomplete (${page.items.length} of ${total} users), so I can't be sure to act on every one and no other. ${narrow}`,
    );
  if (targets.length > MAX_TARGETS)
    return say(
      `That is ${targets.length} users (${what}) — more than the ${MAX_TARGETS} I change from one request. ${narrow}`,
    );
  if (targets.length === 0)
    return say(
      listed.length === 0
        ? `I listed ${what} and found none, so there is nothing to ${verb(intent.action)}. Nothing was changed.`
        : `I listed ${what}: all ${listed.length} already ${state(intent.action)}. Nothing to change.`,
    );
  const calls: Call[] = targets.map((u) => userCall(intent.action, u));
  const skipped = listed.length - targets.length;
  const notes = [
    `(${what}: ${matching.length} listed${kept.users.length > 0 ? `, ${kept.users.length} kept out as you asked (${kept.users.map((u) => u.name ?? u.email ?? u.id).join(', ')})` : ''}${skipped > 0 ? `, ${skipped} already ${state(intent.action)}` : ''}; each change is approved on its own — \`a\` approves the rest.)`,
    ...kept.notes,
  ];
  return act(ctx, calls, notes);
}

/**
 * The listed users an exception names ("except X"): by email or id exactly, by name when it is one listed user's
 * full name or one of its words. A name that fits several listed users, or none, stops the change (fail closed: the
 * wrong one could be changed); an address or id that fits none is said, and nobody is kept out for it.
 */
function keptOut(
  listed: UserRow[],
  refs: Ref[],
): { ok: true; users: UserRow[]; notes: string[] } | { ok: false; message: string } {
  const users: UserRow[] = [];
  const notes: string[] = [];
  for (const ref of refs) {
    const v = ref.value.toLowerCase().trim();
    const hits = listed.filter((u) => {
      if (ref.kind === 'email') return (u.email ?? '').toLowerCase() === v;
      if (ref.kind === 'id') return u.id === ref.value;
      const name = (u.name ?? '').toLowerCase();
      return name === v || name.split(/\s+/).includes(v) || (u.username ?? '').toLowerCase() === v;
    });
    if (hits.length > 1)
      return {
        ok: false,
        message: `"${ref.value}", whom you kept out, fits ${hits.length} of the users listed (${hits.map((u) => u.name ?? u.email ?? u.id).join(', ')}), so I can't tell whom to leave alone. Say their email, and ask again. Nothing was changed.`,
      };
    // (An address or id that is not listed is simply not among them. A name or description that fits nobody may be a
    // slip for one who is — "viktor krane", "the credential-stuffing guy" — so it stops the change: fail closed.)
    if (hits.length === 0 && ref.kind !== 'email' && ref.kind !== 'id')
      return {
        ok: false,
        message: `I can't tell who "${ref.value}", whom you kept out, is among the users listed, so doing it would risk changing exactly them. Say their email, and ask again. Nothing was changed.`,
      };
    if (hits.length === 0) notes.push(`${ref.value}, whom you kept out, is not among them.`);
    else users.push(hits[0]!);
  }
  return { ok: true, users, notes };
}

function matches(u: UserRow, intent: BulkIntent): boolean {
  if (intent.domain && !(u.email ?? '').toLowerCase().endsWith(`@${intent.domain}`)) return false;
  if (intent.filter.banned !== undefined && u.banned !== intent.filter.banned) return false;
  if (intent.filter.locked !== undefined && u.locked !== intent.filter.locked) return false;
  return true;
}

function needsChange(u: UserRow, action: BulkAction): boolean {
  if (action === 'clerk_user_ban') return !u.banned;
  if (action === 'clerk_user_unban') return u.banned;
  if (action === 'clerk_user_lock') return !u.locked;
  return u.locked;
}

function describe(intent: BulkIntent): string {
  const parts = [
    intent.filter.banned ? 'banned' : '',
    intent.filter.locked ? 'locked' : '',
    'users',
    intent.domain ? `with an @${intent.domain} address` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function verb(action: BulkAction): string {
  return action.replace('clerk_user_', '');
}

function state(action: BulkAction): string {
  return {
    clerk_user_ban: 'banned',
    clerk_user_unban: 'not banned',
    clerk_user_lock: 'locked',
    clerk_user_unlock: 'not locked',
  }[action];
}
