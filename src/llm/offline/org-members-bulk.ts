/**
 * A change on every member of one organization (round 13): "suspend all the accounts in the Wayne org", "move
 * each plain member of Foo down to viewer", "clear the whole team out of Foo but Ann", "put desk: B2 in the public
 * metadata of all people in Foo". The API answers the filter: the organization's membership list.
 *
 * Rule (reading): the message quantifies over people ("everybody", "all of the members", "every one of the
 * tutors") and speaks of an organization. The quantified phrase is replaced by one stand-in address and the message
 * is read again by the ordinary readers; when that reading is one change on exactly the stand-in (ban, unban, lock,
 * unlock, a role change, a removal from the organization, a metadata change), that change is made on every member.
 * Nothing else is read this way, so the readers decide what is asked and this file only decides on whom.
 *
 * Rule (plan): the one organization the message names is found by listing (none or several → asked to name it),
 * its memberships are listed, and the targets are the members with the role the message filters on ("plain
 * members", "set to viewer", "from viewer to member"). Anyone the message names by name is kept out — in a message
 * about everyone, a named person is the exception ("Ann keeps her role", "not Raj", "all but Ann") — and the
 * card says so. Members already in the asked state are skipped; at most MAX_TARGETS changes, each gated.
 */
import type { Sentence } from './entities.js';
import type { Fields, Intent } from './intent-types.js';
import { recordsNamed } from './listed-names.js';
import { act, say, withJsonArgs } from './mutation-step.js';
import type { Call, PlanContext, PlanStep } from './plan-context.js';
import { membershipCall } from './plan-members.js';
import { orgText, roleWord } from './plan-orgs.js';
import { changeText, METADATA, userCall } from './plan-users.js';
import { idUser, LISTED_USERS, readFailed } from './resolve.js';
import { asPage, type OrgRow, toMember, toOrg, toUser, type UserRow } from './results.js';
import { MAX_TARGETS } from './bulk.js';

export type MembersChange =
  | { kind: 'user_action'; action: 'clerk_user_ban' | 'clerk_user_unban' | 'clerk_user_lock' | 'clerk_user_unlock' }
  | { kind: 'set_role'; role: string }
  | { kind: 'remove' }
  | { kind: 'metadata'; fields: Fields };
type MembersBulk = Extract<Intent, { kind: 'org_members_bulk' }>;

const STAND_IN = 'every.member@members.invalid';
// The people quantified over. ("all of the tutors' logins", "every one of the coaches", "everybody else")
const EVERY =
  /\b(?:every(?:one|body)(?:\s+else)?|every\s+(?:single\s+)?(?:one\s+of\s+(?:the\s+|our\s+|their\s+)?[\w'’-]+|member|user|person|account)|all\s+(?:of\s+)?(?:the\s+|our\s+|their\s+|its\s+)?(?:[\w'’-]+\s+)?(?:members|people|users|accounts|accts|logins)|all\s+(?:of\s+)?(?:the\s+|its\s+)?members)\b/i;
// What follows the quantifier and only narrows it: "who is a plain member (there)", "now holding the viewer role".
const NARROWING =
  /^\s*(?:(?:who|that)(?:'s|’s|\s+is|\s+are)\s+(?:currently\s+|presently\s+|still\s+)?(?:an?\s+)?(?:regular\s+|plain\s+|ordinary\s+|normal\s+)?(?:member|viewer|admin)s?(?:\s+there)?|(?:(?:who|that)\s+)?(?:currently\s+|presently\s+|still\s+)?(?:holding|with|having|has|have|holds?)\s+the\s+(?:plain\s+|regular\s+|ordinary\s+)?["“]?\w+["”]?\s+role)/i;
// The organization said right after them: "of org foo", "in the Foo Bar org", "in Foo".
const ORG_AFTER =
  /^\s*(?:in|of|from|at|within)\s+(?:the\s+)?(?:(?:org|organi[sz]ation|group|team)\s+[\w&.'’-]+|[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*(?:\s+(?:org|organi[sz]ation|group|team|workspace)\b)?|[a-z][\w&'’-]*\s+(?:org|organi[sz]ation|group|team|workspace)\b)/;
// (Being a member speaks of an organization too: "all who are plain members over there".)
const ORG_WORD = /\b(?:org|orgs|organi[sz]ations?|group|grp|team|workspace|members?|membership)\b|\bin\s+there\b/i;

let reading = false;

/** A change on every member of an organization, or undefined. `read` is the ordinary reader (request.ts). */
export function parseMembersBulk(whole: Sentence, read: (text: string) => Intent): Intent | undefined {
  if (reading) return undefined;
  const text = whole.raw;
  const m = text.match(EVERY);
  if (!m || /\b(?:banned|barred|locked)\b/i.test(m[0])) return undefined;
  const at = m.index ?? 0;
  // The organization is spoken of in the quantifier's own sentence, and no address filter is ("all people with a
  // spam.test address" is a filter on users, bulk.ts).
  // (A line break alone ends no sentence: pasted memos wrap mid-sentence.)
  const before = text.slice(0, at);
  const start = Math.max(...[/[.?!]\s[^.?!]*$/, /\n\s*\n(?![\s\S]*\n\s*\n)/].map((re) => before.search(re)));
  const ends = text.slice(at).search(/[.?!](?:\s|$)|\n\s*\n/);
  const sentence = text.slice(start + 1, ends < 0 ? text.length : at + ends);
  if (!ORG_WORD.test(sentence) || /@|\b[\w-]+\.(?:test|com|org|net|io|dev|co)\b/i.test(sentence)) return undefined;
  const rest = text.slice(at + m[0].length).replace(NARROWING, '');
  // Read with the organization kept ("… STAND_IN of the Foo org who …"), then without it ("label STAND_IN
  // with …"): the first reading that is one change on the stand-in is the change.
  const orgLess = rest.replace(ORG_AFTER, '').replace(NARROWING, '');
  const orgKept = (rest.match(ORG_AFTER)?.[0] ?? '') + orgLess;
  reading = true;
  try {
    for (const after of [...new Set([orgKept, orgLess])]) {
      const reduced = `${text.slice(0, at)}${STAND_IN}${after}`;
      const change = changeOf(read(reduced), reduced);
      if (change) return { kind: 'org_members_bulk', change, text };
    }
    return undefined;
  } finally {
    reading = false;
  }
}

const only = (refs: Array<{ kind: string; value: string }> | undefined): boolean =>
  refs?.length === 1 && refs[0]!.value.toLowerCase() === STAND_IN;

function changeOf(intent: Intent, reduced: string): MembersChange | undefined {
  if (intent.kind === 'user_action' && intent.action !== 'clerk_user_delete' && only(intent.targets))
    return { kind: 'user_action', action: intent.action };
  if (intent.kind === 'membership_set_role' && only(intent.users)) return { kind: 'set_role', role: intent.role };
  if (intent.kind === 'membership_remove' && only(intent.users) && !intent.everyOrg) return { kind: 'remove' };
  // ("For each member of X: public metadata k = v": the stand-in said before the change is its owner.)
  if (
    intent.kind === 'user_update' &&
    (intent.target?.value.toLowerCase() === STAND_IN || (!intent.target && reduced.includes(STAND_IN))) &&
    Object.keys(intent.fields).length > 0 &&
    Object.keys(intent.fields).every((k) => k.endsWith('_metadata'))
  )
    return { kind: 'metadata', fields: intent.fields };
  return undefined;
}

/** The role the message narrows "everyone" to, if it says one. */
function roleFilter(text: string): string | undefined {
  const from =
    text.match(/\bfrom\s+["“]?(viewer|member|admin)["”]?\s+to\b/i) ??
    text.match(/\bset\s+to\s+["“]?(viewer|member|admin)["”]?/i);
  if (from) return `org:${from[1]!.toLowerCase()}`;
  // "every member who is billing role", "everyone holding the billing role", "who are admins": the role the
  // narrowing said (NARROWING takes these words out of the reading, so the plan must keep them — it once changed
  // every member when only the viewers were meant).
  const said =
    text.match(
      /\b(?:who|that)(?:'s|’s|\s+is|\s+are|\s+has|\s+have)\s+(?:currently\s+|presently\s+|still\s+)?(?:an?\s+|the\s+)?(admin|administrator|viewer|billing)s?(?:\s+role)?\b/i,
    ) ??
    text.match(
      /\b(?:holding|with|having|has|have|holds?|in)\s+(?:the\s+)?["“]?(?:org:)?(admin|administrator|viewer|billing)["”]?\s+role\b/i,
    );
  if (said) return said[1]!.toLowerCase().startsWith('admin') ? 'org:admin' : `org:${said[1]!.toLowerCase()}`;
  if (
    /\b(?:regular|plain|ordinary|normal)\s+members?\b|\b(?:holding|with|having|has|have)\s+(?:the\s+)?(?:plain\s+)?["“]?member["”]?\s+role\b|\bwho(?:'s|’s|\s+is|\s+are)\s+(?:currently\s+|presently\s+)?(?:an?\s+)?members?\b/i.test(
      text,
    )
  )
    return 'org:member';
  return undefined;
}

// The roles a message about everyone keeps out: "every member who is not an admin", "the non-admins", "except the
// admins", "admins unchanged", "leave admins and billing people as they are". (A role said this way was ignored once,
// and an admin was proposed for the change the message kept admins out of.)
const ROLE = '(admin|administrator|viewer|billing|member)s?';
const KEPT_OUT_ROLES: readonly RegExp[] = [
  new RegExp(`\\b(?:who|that)(?:'s|’s|\\s+is|\\s+are)\\s+not\\s+(?:an?\\s+)?${ROLE}\\b`, 'gi'),
  new RegExp(`\\bnon[- ]?${ROLE}\\b`, 'gi'),
  new RegExp(
    `\\b(?:except(?:\\s+for)?|but\\s+not|other\\s+than|apart\\s+from|excluding|save\\s+for|besides|not)\\s+(?:the\\s+|any\\s+|our\\s+)?${ROLE}(?:\\s+(?:and|&|or)\\s+(?:the\\s+)?${ROLE})?\\b`,
    'gi',
  ),
  new RegExp(
    `\\b${ROLE}(?:\\s+(?:and|&)\\s+${ROLE})?(?:\\s+(?:folks|people|users|accounts|holders))?\\s+(?:(?:are|is|stay|stays|remain|remains|keep|keeps|should\\s+(?:stay|remain|be\\s+left))\\s+)?(?:unchanged|untouched|as\\s+(?:is|they\\s+are)|alone|their\\s+role)\\b`,
    'gi',
  ),
  new RegExp(
    `\\bleave\\s+(?:the\\s+|any\\s+|our\\s+)?${ROLE}(?:\\s+(?:and|&)\\s+(?:the\\s+)?${ROLE})?(?:\\s+(?:folks|people|users|accounts|holders))?\\s+(?:alone|as\\s+(?:is|they\\s+are)|untouched|out)\\b`,
    'gi',
  ),
];

/** The roles the message keeps out of a change on everyone. */
export function keptOutRoles(text: string): Set<string> {
  const out = new Set<string>();
  for (const re of KEPT_OUT_ROLES)
    for (const m of text.matchAll(re))
      for (const word of m.slice(1).filter((w): w is string => w !== undefined))
        out.add(`org:${word.toLowerCase().replace(/^administrator$/, 'admin')}`);
  return out;
}

/** Lists the named organization's members and proposes one change per member who needs it. */
export function planMembersBulk(ctx: PlanContext, intent: MembersBulk): PlanStep {
  const orgsEnv = ctx.read('clerk_organizations_list', { limit: 100 });
  if (!orgsEnv) return ctx.pending();
  if (orgsEnv.status !== 'ok') return readFailed(orgsEnv, 'organizations');
  const orgs = asPage(orgsEnv.result).items.map(toOrg);
  const named = recordsNamed(intent.text, orgs);
  if (named.length !== 1)
    return say(
      `You asked for a change on every member of an organization, and I couldn't tell which organization (${named.length === 0 ? 'none I found is named' : `${named.map((o) => o.name).join(', ')} are all named`}). Nothing was changed. Say its name, for example "lock everyone in Acme".`,
    );
  const org = named[0]!;
  const membersEnv = ctx.read('clerk_org_memberships_list', { organization_id: org.id, limit: 100 });
  const usersEnv = ctx.read('clerk_users_list', { limit: LISTED_USERS });
  if (!membersEnv || !usersEnv) return ctx.pending();
  if (membersEnv.status !== 'ok') return readFailed(membersEnv, `the members of ${org.name}`);
  if (usersEnv.status !== 'ok') return readFailed(usersEnv, 'users');
  const page = asPage(membersEnv.result);
  if (page.total !== undefined && page.items.length < page.total)
    return say(
      `${org.name} has ${page.total} members and the listing returned ${page.items.length}, so I can't be sure to change every one and no other. Nothing was changed.`,
    );
  const users = new Map(asPage(usersEnv.result).items.map((o) => [String(o.id ?? ''), toUser(o)]));
  const role = roleFilter(intent.text);
  const excluded = keptOutRoles(intent.text);
  const all = page.items.map(toMember);
  const byRole = all.filter((x) => excluded.has(x.role)).length;
  const members = all.filter((x) => (!role || x.role === role) && !excluded.has(x.role));
  const rows: Array<{ u: UserRow; role: string }> = members.map((x) => ({
    // (A member the user listing did not return is still named by the membership row.)
    u: users.get(x.userId) ?? { ...idUser(x.userId), name: x.name, email: x.email, stub: false },
    role: x.role,
  }));
  // Whoever the message names is the exception, never a target.
  const keptOut = new Set(rows.filter((r) => namedIn(intent.text, r.u, rows)).map((r) => r.u.id));
  const listed = rows.filter((r) => !keptOut.has(r.u.id));
  const targets = listed.filter((r) => needsChange(r, intent.change));
  const what = `the ${role ? `${roleWord(role)}s` : 'members'} of ${orgText(org)}`;
  if (targets.length > MAX_TARGETS)
    return say(
      `That is ${targets.length} members — more than the ${MAX_TARGETS} I change from one request. Nothing was changed.`,
    );
  if (targets.length === 0)
    return say(
      listed.length === 0
        ? `I listed ${what} and found nobody to change. Nothing was changed.`
        : `I listed ${what}: all ${listed.length} are already as asked. Nothing to change.`,
    );
  const calls = targets.map((r) => callFor(intent.change, org, r.u));
  const kept = rows.filter((r) => keptOut.has(r.u.id)).map((r) => r.u.name ?? r.u.email ?? r.u.id);
  const skipped = listed.length - targets.length;
  return act(ctx, calls, [
    `(${what}: ${rows.length} listed${byRole > 0 ? ` (${byRole} more kept out by role: ${[...excluded].map((r) => roleWord(r)).join(', ')})` : ''}${kept.length > 0 ? `, ${kept.length} kept out because your message names them (${kept.join(', ')})` : ''}${skipped > 0 ? `, ${skipped} already as asked` : ''}; each change is approved on its own — \`a\` approves the rest.)`,
  ]);
}

/**
 * True when `text` names `u` in any way — address, full name, or a capitalised first or last name no other member
 * shares. Unlike the readers' name finder, a name said as an exception ("not Raj", "save for Ann") counts: here
 * that is exactly what is looked for.
 */
function namedIn(text: string, u: UserRow, rows: Array<{ u: UserRow }>): boolean {
  const has = (key: string, caseSensitive = false): boolean =>
    key.length >= 3 &&
    new RegExp(
      `(?<![\\p{L}\\d@._-])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d@-])`,
      caseSensitive ? 'u' : 'iu',
    ).test(text);
  if (u.email && has(u.email)) return true;
  if (u.name && /\s/.test(u.name) && has(u.name)) return true;
  return (u.name ?? '')
    .split(/\s+/)
    .some(
      (w) =>
        /^\p{Lu}/u.test(w) &&
        rows.filter((r) => (r.u.name ?? '').split(/\s+/).includes(w)).length === 1 &&
        has(w, true),
    );
}

function needsChange(r: { u: UserRow; role: string }, change: MembersChange): boolean {
  if (change.kind === 'set_role') return r.role !== change.role;
  if (change.kind !== 'user_action') return true;
  if (change.action === 'clerk_user_ban') return !r.u.banned;
  if (change.action === 'clerk_user_unban') return r.u.banned;
  if (change.action === 'clerk_user_lock') return !r.u.locked;
  return r.u.locked;
}

function callFor(change: MembersChange, org: OrgRow, u: UserRow): Call {
  if (change.kind === 'user_action') return userCall(change.action, u);
  if (change.kind === 'set_role') return membershipCall('clerk_org_membership_update', org, u, change.role);
  if (change.kind === 'remove') return membershipCall('clerk_org_membership_delete', org, u);
  const call = userCall('clerk_user_update', u, withJsonArgs(change.fields, METADATA), ['update', 'Updated']);
  return { ...call, label: `${call.label}: ${changeText(change.fields)}` };
}
