/**
 * Intent patterns for organizations, memberships and invitations (app-level and organization-level).
 */
import { endOfName } from './new-name.js';
import { parseDateWindow } from './dates.js';
import type { Sentence } from './entities.js';
import { roleKey, unmask } from './entities.js';
import type { Fields, Intent, Recency, Ref } from './intent-types.js';
import { COUNT, READ } from './phrases.js';
import { orgRef, roleRef, splitOrgRefs, splitRefs, toRef } from './refs.js';
import { ACTION_VERB } from './clauses.js';
import { withRefOrg } from './org-context.js';
import { parseKeyValues } from './kv.js';

const ORG_WORD = /\b(?:orgs?|organi[sz]ations?|compan(?:y|ies)|teams?|workspaces?|tenants?)\b/i;
const ROLE =
  '(?:an?\\s+)?(admin|administrator|owner|member|basic member|regular member|normal member|plain member|ordinary member|billing(?: member| manager| admin)?|viewer|read-only member|org:[\\w:-]+)s?';
const EVERY_ORG =
  /^(?:every|each|all|any)\s+(?:of\s+)?(?:the\s+|her\s+|his\s+|their\s+|its\s+)?(?:orgs?|organi[sz]ations?|teams?|compan(?:y|ies)|workspaces?)\b/i;
const APP_WORDS =
  /^(?:the\s+)?(?:app|application|our app|my app|instance|platform|product|service|sign ?up|signup|site|website|clerk)$/i;

/** A chunk that names an org, unless it is really a date, a host or a list ("the last 7 days", "the allowlist"). */
function orgChunk(chunk: string | undefined, s: Sentence): Ref | undefined {
  if (!chunk) return undefined;
  if (parseDateWindow(chunk, 0)) return undefined;
  if (/\b(?:allow|block|deny)\s*list\b|\bwhitelist\b|\bblacklist\b/i.test(chunk)) return undefined;
  if (/^⟦[ehuwp]\d+⟧$/.test(chunk.trim())) return undefined;
  return orgRef(chunk, s.ents);
}

function hasOrgContext(c: string, s: Sentence): boolean {
  return (
    ORG_WORD.test(c) ||
    s.ents.ids.some((i) => i.prefix === 'org') ||
    /\bslug\b|\b(?:member(?:ship)?|seat) (?:limit|cap)\b|\bmax(?:imum)? (?:allowed )?(?:members|memberships)\b/i.test(c)
  );
}

/** A membership change of "Globex's admins" with no organization named: the role reference's organization. */
function withRoleOrg(intent: Intent): Intent {
  if (!('users' in intent) || !Array.isArray(intent.users) || ('org' in intent && intent.org)) return intent;
  const role = intent.users.find((u) => u.kind === 'role');
  return role?.org ? ({ ...intent, org: { kind: 'name', value: role.org } } as Intent) : intent;
}

// A subject that asks or negates ("who should be admin in Acme?", "nobody should be …") names nobody to change.
const NOT_A_SUBJECT =
  /^(?:who|whom|what|which|whoever|nobody|no\s+one|none|nothing|if|whether|when|why|how|it|this|that|there)\b/i;

/** A sub-parser's answer: an intent, undefined (not this phrasing, try the next) or null (stop: not a membership). */
type Parsed = Intent | undefined | null;

/** Member lists, one membership, add/remove members, role changes: the first sub-parser that answers wins. */
export function parseMemberships(c: string, s: Sentence): Intent | undefined {
  // Org settings ("set max members of Initech to 25") are organization updates, not role changes.
  if (/\b(?:max(?:imum)?|limit|cap|slug|metadata)\b/i.test(c)) return undefined;
  for (const parse of [
    parseMove,
    parseRoleChange,
    parseMemberRemoval,
    parseMemberAdd,
    parseOneMembership,
    parseMemberList,
  ]) {
    const intent = parse(c, s);
    if (intent === null) return undefined;
    if (intent) return withRefOrg(withRoleOrg(intent));
  }
  return undefined;
}

/**
 * "move X from A to B [as role]": add to B, then remove from A. Also said as a note about the person: "X: out of A,
 * into B as member", "X - from A to B".
 */
function parseMove(c: string, s: Sentence): Parsed {
  let m: RegExpMatchArray | null;
  if (
    (m = c.match(
      new RegExp(
        `^(?:(?:move|transfer|switch)\\s+(.+?)|(.+?)\\s*(?::|\\s-|–|—))\\s+(?:from|out\\s+of)\\s+(?:the\\s+)?(.+?)\\s*(?:,\\s*|\\s+)(?:and\\s+|then\\s+)*(?:to|into|in\\s+to|over\\s+to)\\s+(?:the\\s+)?(.+?)(?:\\s*,?\\s+(?:as|with (?:the )?role)\\s+${ROLE}|\\s*,?\\s+(?:as|with|w/|keeping|at)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+)?(same)\\b.*)?$`,
        'i',
      ),
    ))
  ) {
    const users = splitRefs(m[1] ?? m[2]!, s.ents);
    const from = orgChunk(m[3]!, s);
    const to = orgChunk(m[4]!, s);
    if (users.length > 0 && from && to) {
      return {
        kind: 'sequence',
        steps: [
          {
            kind: 'membership_add',
            org: to,
            users,
            role: roleKey(m[5] ?? 'member') ?? 'org:member',
            // ("… keeping the same role": the role held in the organization left, read by the plan.)
            ...(m[6] ? { roleFrom: from } : {}),
          },
          { kind: 'membership_remove', org: from, users },
        ],
      };
    }
  }
  return undefined;
}

/** "make <role description> <role> [in O]": each place the description could end is tried, shortest first. */
function describedTarget(c: string, s: Sentence): Intent | undefined {
  const head = c.match(/^(?:make|set|turn)\s+/i);
  if (!head) return undefined;
  const rest = c.slice(head[0].length);
  const tail = new RegExp(`^\\s+(?:into\\s+)?${ROLE}(?:\\s+(?:of|in|at|for|on)\\s+(.+))?$`, 'i');
  for (const gap of rest.matchAll(/\s+/g)) {
    const m = rest.slice(gap.index).match(tail);
    if (!m) continue;
    const who = toRef(rest.slice(0, gap.index), s.ents);
    const role = roleKey(m[1]!);
    if (who?.kind !== 'role' || !role || who.value === role) continue;
    const org = m[2] ? orgChunk(m[2], s) : who.org ? { kind: 'name' as const, value: who.org } : undefined;
    return { kind: 'membership_set_role', ...(org ? { org } : {}), users: [who], role };
  }
  return undefined;
}

// Words before a role that say what kind of member, not which organization ("a regular member", "a billing admin").
const ROLE_KIND =
  /^(?:regular|normal|plain|basic|ordinary|full|billing|org|read-only|new|sole|only|main|an?|the|their|his|her|our|its|to|into|in|at|of|on|for|as|and|or|then)$/i;

/** "set X to stark admin" → "set X to admin in stark"; undefined when the word before the role is no org name. */
function orgAdjective(c: string): string | undefined {
  const m = c.match(
    /^((?:make|set|switch|move|change|demote|promote|downgrade|upgrade|bump|put|turn|drop|knock|bring|take)\s+.+?\s+(?:(?:down|back|over|up)\s+)?(?:to\s+|into\s+)?)(?:(an?|the)\s+)?([A-Za-z][\w&'’-]*)\s+(admin|administrator|member|viewer|billing|guest)s?$/i,
  );
  if (!m || ROLE_KIND.test(m[3]!) || roleKey(m[3]!) || /\s(?:and|then)\s/i.test(m[1]!)) return undefined;
  // The role follows "to" ("switch X to Foo admin") or an article ("make X a Foo viewer").
  if (!/\b(?:to|into)\s+$/i.test(m[1]!) && !m[2]) return undefined;
  // (Nothing between the verb and "to" but the person: "switch X to Foo admin", not "switch the Foo … to".)
  return `${m[1]}${m[2] ? `${m[2]} ` : ''}${m[4]} in ${m[3]}`;
}

/** Role changes: "make X an admin of Y", "promote X in Y", "switch X to a normal member". */
function parseRoleChange(c: string, s: Sentence): Parsed {
  let m: RegExpMatchArray | null;
  // "X -> stark admin", "make X a Hooli viewer": the organization said as an adjective of the role.
  const adjective = orgAdjective(c);
  if (adjective) return parseRoleChange(adjective, s);
  // "make the viewer in Acme a normal member": the target is itself a role description, so its role word is not
  // the new role (the new role is the one said after the whole description).
  const described = describedTarget(c, s);
  if (described) return described;
  if (
    (m = c.match(
      new RegExp(`^(?:make|set|turn)\\s+(.+?)\\s+(?:into\\s+|to\\s+)?${ROLE}\\s+(?:of|in|at|for|on)\\s+(.+)$`, 'i'),
    ))
  ) {
    return setRole(m[1]!, m[3]!, m[2]!, s);
  }
  if (
    (m = c.match(
      new RegExp(`^(?:promote|demote)\\s+(.+?)\\s+(?:to|into)\\s+${ROLE}\\s+(?:of|in|at|for|on)\\s+(.+)$`, 'i'),
    ))
  ) {
    return setRole(m[1]!, m[3]!, m[2]!, s);
  }
  // "make jane@x.test an admin": no organization named; the planner finds hers or asks.
  if ((m = c.match(new RegExp(`^(?:make|set|turn|promote|demote)\\s+(.+?)\\s+(?:to\\s+|into\\s+)?${ROLE}$`, 'i')))) {
    const users = splitRefs(m[1]!, s.ents);
    const role = roleKey(m[2]!);
    if (users.length > 0 && role) return { kind: 'membership_set_role', users, role };
  }
  if (
    (m = c.match(
      new RegExp(`^(?:promote|demote)\\s+(.+?)\\s+(?:in|at|of|on)\\s+(.+?)\\s+(?:to|into)\\s+${ROLE}$`, 'i'),
    ))
  ) {
    return setRole(m[1]!, m[2]!, m[3]!, s);
  }
  if ((m = c.match(/^(promote|demote)\s+(.+?)\s+(?:in|at|of|on)\s+(.+)$/i))) {
    return setRole(m[2]!, m[3]!, m[1]!.toLowerCase() === 'promote' ? 'admin' : 'member', s);
  }
  if (
    (m = c.match(
      new RegExp(
        `^(?:change|set|update|switch|modify)\\s+(.+?)(?:'s|’s|s')?\\s+role\\s+(?:in|at|on|for|within)\\s+(.+?)(?:\\s+from\\s+(?:an?\\s+|the\\s+)?[\\w:-]+(?:\\s+member)?)?\\s+to\\s+${ROLE}$`,
        'i',
      ),
    )) ??
    (m = c.match(
      new RegExp(
        `^(?:change|set|update|switch|modify)\\s+(?:the\\s+)?role\\s+of\\s+(.+?)\\s+(?:in|at|on|for|within)\\s+(.+?)(?:\\s+from\\s+(?:an?\\s+|the\\s+)?[\\w:-]+(?:\\s+member)?)?\\s+to\\s+${ROLE}$`,
        'i',
      ),
    ))
  ) {
    return setRole(m[1]!, m[2]!, m[3]!, s);
  }
  // "grant viewer access to the user holding the guest role in their company [in Umbrella]".
  if (
    (m = c.match(
      new RegExp(
        `^(?:give|grant|assign)\\s+(?:the\\s+)?${ROLE}\\s+(?:role|rights|access|permissions|privileges)\\s+to\\s+(.+)$`,
        'i',
      ),
    ))
  ) {
    const role = roleKey(m[1]!);
    const whole = toRef(m[2]!, s.ents);
    if (role && whole?.kind === 'role')
      return {
        kind: 'membership_set_role',
        ...(whole.org ? { org: { kind: 'name', value: whole.org } } : {}),
        users: [whole],
        role,
      };
    const split = m[2]!.match(/^(.+?)\s+(?:in|at|on|for|within)\s+(?:the\s+)?(.+)$/i);
    if (role && split) return setRole(split[1]!, split[2]!, m[1]!, s);
    const users = splitRefs(m[2]!, s.ents);
    if (role && users.length > 0) return { kind: 'membership_set_role', users, role };
  }
  if (
    (m = c.match(
      new RegExp(
        `^give\\s+(.+?)\\s+(?:the\\s+)?${ROLE}\\s+(?:role|rights|access|permissions)?\\s*(?:in|at|on|for|to)\\s+(.+)$`,
        'i',
      ),
    ))
  ) {
    return setRole(m[1]!, m[3]!, m[2]!, s);
  }
  // "each person holding the guest role at Umbrella should become a member", "the sole account with billing
  // access in Wayne needs admin rights": a role stated as what the holders of another role should have. (A named subject
  // is request-form's "X should be a member of Y"; only a role description is read here, it names its org.)
  if (
    (m = c.match(
      new RegExp(
        `^(.+?)\\s+(?:needs?|should|must|has\\s+to|have\\s+to|is\\s+to|are\\s+to|will)\\s+(?:(?:now|just|only|all|each|also|then)\\s+)*(?:(?:be(?:come)?|get|have|be\\s+(?:made|given|moved\\s+to|switched\\s+to|changed\\s+to|set\\s+to|downgraded\\s+to|upgraded\\s+to))\\s+)?(?:the\\s+)?${ROLE}(?:\\s+(?:role|access|rights|permissions|seat))?(?:\\s+(?:in|of|at|for|within)\\s+(?:the\\s+)?(.+?))?(?:\\s+(?:now|instead|from now on|going forward|again|(?:from|starting|as of|effective)\\s+(?:today|now|tomorrow|monday|tuesday|wednesday|thursday|friday|next week|this week)))*$`,
        'i',
      ),
    ))
  ) {
    // "dana no longer needs admin in Foo": a need said in the negative asks for no role (least of all that one).
    if (/\b(?:no\s+longer|not|never|hardly)$|n['’]t$/i.test(m[1]!.trim())) return null;
    const who = toRef(m[1]!, s.ents);
    const role = roleKey(m[2]!);
    const org = m[3] ? orgChunk(m[3], s) : undefined;
    // A named subject needs the organization said ("dana should be billing in umbrella"); a role description names it.
    if (who?.kind === 'role' && role && who.value !== role)
      return {
        kind: 'membership_set_role',
        ...(org ? { org } : who.org ? { org: { kind: 'name', value: who.org } } : {}),
        users: [who],
        role,
      };
    if (who && who.kind !== 'role' && who.kind !== 'pronoun' && role && org && !NOT_A_SUBJECT.test(m[1]!))
      return { kind: 'membership_set_role', org, users: [who], role };
  }
  // "switch him to a normal member", "move Alice down to a regular member [in Acme]": a role change, not a move.
  if (
    (m = c.match(
      new RegExp(
        `^(?:switch|move|change|demote|downgrade|upgrade|bump|set|put|turn|drop|knock|bring|take)\\s+(.+?)\\s+(?:down\\s+|back\\s+|over\\s+|up\\s+)?(?:to|into)\\s+(?:the\\s+)?${ROLE}(?:\\s+(?:role|access|permissions))?(?:\\s+(?:of|in|at|for|on|within)\\s+(.+))?$`,
        'i',
      ),
    ))
  ) {
    // ("switch his role to admin" names no user; "switch whoever has the billing role to viewer" does.)
    const described = toRef(m[1]!, s.ents);
    if (described?.kind === 'role') {
      const org = m[3]
        ? orgChunk(m[3], s)
        : described.org
          ? { kind: 'name' as const, value: described.org }
          : undefined;
      const role = roleKey(m[2]!);
      if (role && described.value !== role)
        return { kind: 'membership_set_role', ...(org ? { org } : {}), users: [described], role };
    }
    if (/\brole\b/i.test(m[1]!)) return null;
    const users = splitRefs(m[1]!, s.ents);
    const role = roleKey(m[2]!);
    if (m[3]) return setRole(m[1]!, m[3], m[2]!, s);
    if (users.length > 0 && role) return { kind: 'membership_set_role', users, role };
  }
  return undefined;
}

// "the org" with no name: the organization the message names elsewhere. ("his organization" is the person's own,
// read by the planner: plan-org-of-user.ts.)
const THEIR_ORG = /^(?:(?:the|that|this)\s+)?(?:org|organi[sz]ation|company|workspace|tenant)$/i;

/** Removal from an organization (or from every organization the user is in). */
function parseMemberRemoval(c: string, s: Sentence): Parsed {
  // "remove whoever holds the guest role in Hooli", "kick Globex's guests": the role reference names the org.
  const byRole = c.match(
    /^(?:remove|kick|boot|expel|drop)\s+(?:out\s+)?(.+?)(?:\s+from\s+(?:the\s+)?(?:org|organi[sz]ation))?$/i,
  );
  const role = byRole && !/⟦/.test(byRole[1]!) ? roleRef(byRole[1]!) : undefined;
  if (role?.org) return { kind: 'membership_remove', org: { kind: 'name', value: role.org }, users: [role] };
  let m: RegExpMatchArray | null;
  if (
    (m = c.match(
      /^(?:remove|kick|take|drop|boot|expel|delete|eject|pull)\s+(.+?)\s+(?:out of|from|off(?: of)?)\s+(?:the\s+)?(.+)$/i,
    ))
  ) {
    if (/\b(?:ban|lock|suspension|block)\b/i.test(m[1]!)) return null;
    // "…from her organization, keep the account": an organization's name ends at a comma.
    m[2] = m[2]!.replace(/\s*,.*$/, '');
    // "out of every organization she's in", "from all her orgs": each of the user's organizations (read, not guessed).
    if (EVERY_ORG.test(m[2]!)) {
      const users = splitRefs(m[1]!, s.ents);
      return users.length > 0 ? { kind: 'membership_remove', users, everyOrg: true } : null;
    }
    const org = orgChunk(m[2]!, s);
    const users = splitRefs(
      m[1]!.replace(/(?:'s|’s)\s+membership$/i, '').replace(/^(?:the\s+)?membership\s+of\s+/i, ''),
      s.ents,
    );
    if (org && users.length > 0 && !THEIR_ORG.test(m[2]!.trim())) return { kind: 'membership_remove', org, users };
    // "from the org": the organization the message names elsewhere (or the planner asks).
    if (users.length > 0 && THEIR_ORG.test(m[2]!.trim())) return { kind: 'membership_remove', users };
  }
  if (
    (m = c.match(/^(?:remove|delete|end|revoke|cancel)\s+(.+?)(?:'s|’s)\s+membership\s+(?:in|at|of|from)\s+(.+)$/i))
  ) {
    const org = orgChunk(m[2]!, s);
    const users = splitRefs(m[1]!, s.ents);
    if (org && users.length > 0) return { kind: 'membership_remove', org, users };
  }
  return undefined;
}

/** Adding users to an organization with a role. */
function parseMemberAdd(c: string, s: Sentence): Parsed {
  let m: RegExpMatchArray | null;
  // "add him back as a member": the organization is the one the message named elsewhere (withOrg) or asked for.
  const back = c.match(new RegExp(`^(?:add|put)\\s+(.+?)\\s+back(?:\\s+(?:as|with role)\\s+${ROLE})?$`, 'i'));
  const backUsers = back ? splitRefs(back[1]!, s.ents) : [];
  if (back && backUsers.length > 0)
    return { kind: 'membership_add', users: backUsers, role: roleKey(back[2] ?? 'member') ?? 'org:member' };
  // "… as billing", "… with role billing", "… with the billing role": the role may come before or after "role".
  if (
    (m = c.match(
      new RegExp(
        `^(?:add|put|enroll|attach|join)\\s+(.+?)\\s+(?:to|into|in)\\s+(?:the\\s+)?(.+?)(?:\\s+(?:as|with role|with the role)\\s+${ROLE}|\\s+(?:with|having)\\s+(?:the\\s+|an?\\s+)?${ROLE}\\s+(?:role|access|permissions|rights))?$`,
        'i',
      ),
    ))
  ) {
    const org = orgChunk(m[2]!, s);
    const users = splitRefs(m[1]!, s.ents);
    if (org && users.length > 0 && !/^(?:the\s+)?(?:allow|block|deny)/i.test(m[2]!)) {
      return { kind: 'membership_add', org, users, role: roleKey(m[3] ?? m[4] ?? 'member') ?? 'org:member' };
    }
  }
  if (
    (m = c.match(new RegExp(`^(?:add|put)\\s+(.+?)\\s+as\\s+${ROLE}\\s+(?:of|in|to|at)\\s+(?:the\\s+)?(.+)$`, 'i')))
  ) {
    const org = orgChunk(m[3]!, s);
    const users = splitRefs(m[1]!, s.ents);
    if (org && users.length > 0) return { kind: 'membership_add', org, users, role: roleKey(m[2]!) ?? 'org:member' };
  }
  return undefined;
}

/** Questions about one membership: "what role does X have in Y", "is X in Y". */
function parseOneMembership(c: string, s: Sentence): Parsed {
  let m: RegExpMatchArray | null;
  if (
    (m = c.match(/^what(?:'s| is)?\s+(?:the\s+)?role\s+(?:does|do)\s+(.+?)\s+have\s+(?:in|at|on|within)\s+(.+)$/i)) ??
    (m = c.match(/^what(?:'s| is)\s+(.+?)(?:'s|’s|s')\s+role\s+(?:in|at|on|within)\s+(.+)$/i)) ??
    (m = c.match(
      /^(?:is|are)\s+(.+?)\s+(?:a|an|the)\s+(?:(?:regular|plain|normal)\s+)?(?:member|admin|administrator|owner|viewer|billing(?:\s+(?:member|manager|person))?|guest)\s+(?:of|in|at)\s+(.+)$/i,
    )) ??
    // "does X have admin in Y?", "has X got the billing role at Y?": the membership shows the role.
    (m = c.match(
      /^(?:does|do|has|have)\s+(.+?)\s+(?:got\s+|have\s+|hold\s+|still\s+have\s+)?(?:the\s+|an?\s+)?(?:admin|administrator|owner|member|viewer|billing|guest)\s*(?:role|access|rights|permissions?|privileges)?\s+(?:in|at|on|for|within)\s+(.+)$/i,
    )) ??
    (m = c.match(/^(?:is|are)\s+(.+?)\s+in\s+(.+?)$/i)) ??
    (m = c.match(
      /^(?:show|get|check|view|see|display|look up)\s+(.+?)(?:'s|’s|s')\s+(?:membership|role)\s+(?:in|at|on|of|within)\s+(.+)$/i,
    )) ??
    (m = c.match(
      /^(?:show|get|check|view|see|display|look up)\s+(?:the\s+)?(?:membership|role)\s+of\s+(.+?)\s+(?:in|at|on|within)\s+(.+)$/i,
    ))
  ) {
    const org = orgChunk(m[2]!, s);
    const user = toRef(m[1]!, s.ents);
    // "is X a viewer of Y?", "does X have admin in Y?": the role asked about is answered yes or no first.
    const asked = /^(?:is|are|does|do|has|have)\b/i.test(c)
      ? c.match(/\b(admin|administrator|owner|member|viewer|billing|guest)\b/i)?.[1]
      : undefined;
    const asks = asked ? roleKey(asked) : undefined;
    if (org && user) return { kind: 'membership_get', org, user, ...(asks ? { asks } : {}) };
  }
  return undefined;
}

/** Member lists and counts of one organization. */
function parseMemberList(c: string, s: Sentence): Parsed {
  let m: RegExpMatchArray | null;
  // "who are Hooli's viewers?", "who's the billing person at Wayne", "show whoever holds guest in Initech": a
  // question about any role description (refs.ts) is that organization's member list filtered by the role.
  const asked = c.match(
    /^(?:who(?:'s|’s|\s+is|\s+are|\s+was|\s+were)(?:\s+(?:currently|now|right\s+now))?|(?:list|show|display|get|tell\s+me|give\s+me|name)(?:\s+me)?)\s+(.+?)(?:\s+(?:currently|now|right\s+now|at\s+the\s+moment|these\s+days))?\s*\??$/i,
  );
  const described = asked ? roleRef(unmask(asked[1]!, s.ents)) : undefined;
  // ("show Acme's members" is the whole list: only a qualified member — "regular", "the member role" — filters.)
  const plain =
    asked &&
    /\bmembers?\b/i.test(asked[1]!) &&
    !/\b(?:role|ordinary|plain|regular|normal|basic|standard|simple|non-admin)\b/i.test(asked[1]!);
  if (described?.org && !plain)
    return { kind: 'members_list', org: { kind: 'name', value: described.org }, role: described.value, count: false };
  // "…, and who are the admins?": the organization is the one the message names (request.ts fills it, or the
  // planner asks).
  const bare = asked?.[1]?.match(
    /^(?:the|their|its|our)\s+(admins?|administrators?|owners?|viewers?|billing(?:\s+(?:people|persons?|contacts?|managers?))?|guests?)(?:\s+(?:there|then))?$/i,
  );
  const bareWord = bare?.[1]
    ?.replace(/s$/, '')
    .replace(/\s+\w+$/, '')
    .toLowerCase();
  const bareRole = bareWord ? (roleKey(bareWord) ?? (bareWord === 'guest' ? 'org:guest' : undefined)) : undefined;
  if (bareRole) return { kind: 'members_list', role: bareRole, count: false };
  // "who holds the billing role at Foo?", "who holds viewer at Foo", "who's got admin in Foo": that role's holders.
  const holders = c.match(
    /^who(?:'s|’s|\s+has|\s+have|\s+holds|\s+is\s+holding|\s+has\s+got)\s+(?:got\s+)?(?:the\s+|an?\s+)?(admin|administrator|owner|member|viewer|billing|guest)\s*(?:role|access|rights|permissions?)?(?:\s+(?:in|at|of|for|on)\s+(.+?))?\??$/i,
  );
  const holderOrg = holders?.[2] ? orgChunk(holders[2], s) : undefined;
  const holderRole = holders ? roleKey(holders[1]!) : undefined;
  if (holderOrg && holderRole) return { kind: 'members_list', org: holderOrg, role: holderRole, count: false };
  // ("…, and who has the admin role?": the organization the other part or the message names — org-thread.ts,
  // request.ts — else the planner asks.)
  if (holders && !holders[2] && holderRole) return { kind: 'members_list', role: holderRole, count: false };
  const roleFilter = /\badmins?\b|\badministrators?\b|\bowners?\b/i.test(c)
    ? 'org:admin'
    : /\bbasic members\b|\bregular members\b/i.test(c)
      ? 'org:member'
      : undefined;
  const count = COUNT.test(c);
  // "what roles do people have in Hooli?": the member list shows every member's role.
  const roles = c.match(
    /^(?:what|which)\s+roles?\s+do(?:es)?\s+(?:people|users|members|everyone|everybody)\s+have\s+(?:in|at)\s+(.+)$/i,
  );
  const rolesOrg = roles ? orgChunk(roles[1]!, s) : undefined;
  if (rolesOrg) return { kind: 'members_list', org: rolesOrg, count: false };
  if (
    (m = c.match(
      /^how many\s+(?:members|admins|administrators|people|users|seats)\s+(?:does|do|are (?:there )?in|are at|in|at)\s+(.+?)(?:\s+have)?$/i,
    )) ??
    (m = c.match(
      /^(?:who(?:'s| is| are)?)\s+(?:in|at|on|part of|(?:a\s+)?members? of|the members of|(?:the\s+)?admins? (?:of|in|at)|an admin (?:of|in|at))\s+(.+)$/i,
    )) ??
    (m = c.match(
      /^(?:list|show|display|get|view|see|print|give me|who are)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:members|admins|administrators|membership|memberships|people|users|team members|owners)\s+(?:of|in|at|for)\s+(.+)$/i,
    )) ??
    (m = c.match(
      /^(?:list|show|display|get|view|see|print|give me)?\s*(?:me\s+)?(.+?)(?:'s|’s|s')\s+(?:members|admins|administrators|membership|memberships|people|users|team|owners)$/i,
    )) ??
    (m = c.match(/^(?:list|show|display|get|view|see|print)\s+(.+?)\s+(?:members|admins|memberships)$/i)) ??
    (m = c.match(
      /^(?:the\s+|all\s+)?(?:members|admins|administrators|memberships|people|team members)\s+(?:of|in|at)\s+(.+)$/i,
    ))
  ) {
    const chunk = m[1]!;
    // "lock Hooli's admins": an action on the members the role names, not a request to list them.
    if (new RegExp(`^${ACTION_VERB}\\s`, 'i').test(chunk) && !/^(?:list|show|get|tell)\b/i.test(chunk))
      return undefined;
    // ("how many people are in Foo": a capitalised name after "in" is an organization; users have no place.)
    if (
      /\b(?:users|people)\b/i.test(c) &&
      !hasOrgContext(c, s) &&
      !/\b(?:members|admins|membership)\b/i.test(c) &&
      !/^[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*$/.test(chunk.trim())
    )
      return null;
    const org = orgChunk(chunk, s);
    // "their org", "the company": the organization the message names elsewhere (request.ts), not one called "their".
    if (org && /^(?:their|its|the|that|this|org|organi[sz]ation|company|team|workspace)$/i.test(org.value))
      return { kind: 'members_list', ...(roleFilter ? { role: roleFilter } : {}), count };
    if (org) return { kind: 'members_list', org, ...(roleFilter ? { role: roleFilter } : {}), count };
  }
  return undefined;
}

function setRole(userChunk: string, orgText: string, roleWord: string, s: Sentence): Intent | undefined {
  const org = orgChunk(orgText, s);
  const users = splitRefs(userChunk, s.ents);
  const role = roleKey(roleWord) ?? (/^demote$/i.test(roleWord) ? 'org:member' : undefined);
  if (!org || users.length === 0 || !role) return undefined;
  return { kind: 'membership_set_role', org, users, role };
}

/** Organization list/get/create/update/delete. */
export function parseOrganizations(c: string, s: Sentence): Intent | undefined {
  if (!hasOrgContext(c, s)) return undefined;
  // A person's metadata ("her public metadata", "x@y's metadata") is never an organization's, whatever its keys
  // are called ("team: growth").
  if (PERSON_METADATA.test(c) && !s.ents.ids.some((i) => i.prefix === 'org')) return undefined;
  const meta = parseOrgMetadata(c, s);
  if (meta) return meta;
  // "add"/"make"/"open" create only when their object is the organization itself ("add a new org called Foo");
  // "add X to the Foo org", "make sure she loses the Foo workspace" create nothing.
  if (
    /^(?:create|new|set ?up|start|register|spin up)\b/i.test(c) ||
    /^(?:add|make|open)\s+(?:(?:a|an|one|another|new|brand\s+new|fresh|second)\s+)+(?:org|organi[sz]ation|company|team|workspace)\b/i.test(
      c,
    )
  )
    return parseOrgCreate(c, s);
  return parseOrgDelete(c, s) ?? parseOrgUpdate(c, s) ?? parseOrgRead(c, s);
}

const PERSON_METADATA =
  /(?:\b(?:his|her)\s+|⟦[ei]\d+⟧(?:'s|’s)\s+|\b(?:user|account|person)(?:'s|’s)\s+)(?:public\s+|private\s+|unsafe\s+)?metadata\b|\bmetadata\s+of\s+the\s+(?:nameless\s+)?(?:user|account|person)\b/i;

// "add tier: gold to Acme's org metadata", "remove the legacy key from the metadata of the Foo org": a verb that
// writes or removes, then whose metadata. (A new organization is never this: "add a new org … with metadata".)
const META_VERB =
  /^(?:add|put|store|stick|save|record|write|include|merge|remove|delete|drop|clear|unset|erase|strip|wipe|get\s+rid\s+of|mark|flag|tag|set|change|update|edit)\b/i;
const META_OWNER = [
  // (the last preposition before "<owner>'s metadata": "set k to v in Foo's org metadata" names Foo)
  /^.*\b(?:from|in|of|on|to|into|inside)\s+(?:the\s+)?(.+?)(?:'s|’s|s')\s+(?:(?:org|organi[sz]ation|company|team|workspace)(?:'s|’s)?\s+)?(?:public\s+|private\s+)?metadata\b/i,
  /^\w+\s+(?:the\s+)?((?:(?!\b(?:to|in|from|of|on|into|as)\b)[^,;])+?)(?:'s|’s|s')\s+(?:(?:org|organi[sz]ation|company|team|workspace)(?:'s|’s)?\s+)?(?:public\s+|private\s+)?metadata\b/i,
  /\bmetadata\s+(?:of|for|on)\s+(?:the\s+)?(.+?)(?:\s+(?:org|organi[sz]ation|company|team|workspace))?(?:\s+(?:to|with|as)\s+.*)?\s*$/i,
  // "record ab_1 against the Foo org as vendor_no in its metadata": whose record the value is kept against.
  /\b(?:against|under)\s+(?:the\s+)?(.+?)\s+(?:org|organi[sz]ation|company|team|workspace)\s+as\s+/i,
];

/** A metadata edit of an existing organization said with a verb of writing or removing. */
function parseOrgMetadata(c: string, s: Sentence): Intent | undefined {
  // ("Foo upgraded — set plan to X in the org's metadata": the request after a report and a dash.)
  const lead = c.match(/^.+?\s+[—–-]+\s+(.+)$/);
  if (lead && META_VERB.test(lead[1]!)) return parseOrgMetadata(lead[1]!, s);
  if (!/\bmetadata\b/i.test(c) || !META_VERB.test(c)) return undefined;
  if (/\b(?:new|another)\s+(?:org|organi[sz]ation|company|team|workspace)\b|\b(?:called|named)\b/i.test(c))
    return undefined;
  const orgId = s.ents.ids.find((i) => i.prefix === 'org');
  const who = orgId ? `⟦i${s.ents.ids.indexOf(orgId)}⟧` : META_OWNER.map((re) => c.match(re)?.[1]).find((w) => w);
  const meta = s.ents.json[0] ?? parseKeyValues(c, s);
  // "the org's metadata", "their organization's metadata": the organization is for the message to say.
  if (who && /^(?:the|their|its|our|this|that)?\s*(?:org|organi[sz]ation|company|team|workspace)$/i.test(who.trim()))
    return {
      kind: 'org_update',
      fields: meta ? { [/\bprivate\b/i.test(c) ? 'private_metadata' : 'public_metadata']: meta } : {},
    };
  const org = orgChunk(who, s);
  if (!org) return undefined;
  const which = /\bprivate\b/i.test(c) ? 'private_metadata' : 'public_metadata';
  return { kind: 'org_update', org, fields: meta ? { [which]: meta } : {} };
}

/** "create an organization called X [with slug …, max N members, owned by …]". */
function parseOrgCreate(c: string, s: Sentence): Intent {
  const fields: Fields = {};
  const name =
    c.match(/\b(?:called|named|name)\s+⟦q(\d+)⟧/i)?.[1] !== undefined
      ? s.ents.quoted[Number(c.match(/\b(?:called|named|name)\s+⟦q(\d+)⟧/i)![1])]
      : (c.match(
          /\b(?:called|named|with\s+(?:the\s+)?name)\s+(.+?)(?=\s+(?:with|owned|for|and|slug|having|max|limit|that|where|created)\b|,|$)/i,
        )?.[1] ??
        c.match(
          /\b(?:org|organi[sz]ation|company|team|workspace)\s+(?!called|named|for|with)(.+?)(?=\s+(?:with|owned|for|and|slug|having|max|limit|that|where|created)\b|,|$)/i,
        )?.[1]);
  const cleaned = name
    ? unmask(name, s.ents)
        .replace(/^["'“]|["'”]$/g, '')
        .trim()
    : undefined;
  if (cleaned && !/⟦/.test(cleaned)) fields.name = cleaned;
  const slug = c.match(/\bslug\s+(?:of\s+|is\s+|=\s*)?(?:⟦q(\d+)⟧|([\w-]+))/i);
  if (slug) fields.slug = slug[1] !== undefined ? s.ents.quoted[Number(slug[1])] : slug[2];
  const max = c.match(
    /\b(?:max(?:imum)?|limit(?:ed)?(?: to)?|up to|at most|cap(?:ped)?(?: at)?)\s+(?:of\s+)?(\d+)|\b(\d+)\s+(?:members?|seats?|memberships?)\s+(?:max|limit|maximum)/i,
  );
  if (max) fields.max_allowed_memberships = Number(max[1] ?? max[2]);
  if (s.ents.json[0] && /\bmetadata\b/i.test(c))
    fields[/\bprivate\b/i.test(c) ? 'private_metadata' : 'public_metadata'] = s.ents.json[0];
  const owner = c.match(
    /\b(?:owned by|created by|for|with)\s+(.+?)(?:\s+as\s+(?:the\s+|its\s+|their\s+)?(?:first\s+)?(?:admin|owner|creator))?(?=\s+(?:with|and|slug|max)\b|,|$)/i,
  );
  const ownerRef =
    owner &&
    /⟦[ei]\d+⟧|\bas\s+(?:the\s+|its\s+|their\s+)?(?:first\s+)?(?:admin|owner)|owned by|created by/i.test(owner[0])
      ? toRef(owner[1]!, s.ents)
      : undefined;
  return { kind: 'org_create', fields, ...(ownerRef ? { ownerRef } : {}) };
}

/** "delete the X organization" (never in bulk). */
function parseOrgDelete(c: string, s: Sentence): Intent | undefined {
  let m: RegExpMatchArray | null;
  const orgId = s.ents.ids.find((i) => i.prefix === 'org');
  if ((m = c.match(/^(?:delete|remove|destroy|drop|erase|get rid of|wipe|purge|shut down|close)\s+(.+)$/i))) {
    // ("… delete do NOT ban/delete": words that forbid or name another act are never an organization's name.)
    if (/\b(?:not|never|don['’]?t|ban|unban|lock|delete|remove)\b|\//i.test(m[1]!) && !orgId) return undefined;
    if (/\b(?:all|every)\b/i.test(m[1]!) && !orgId)
      return {
        kind: 'refuse',
        reason:
          'I won\'t delete organizations in bulk. Name the organization, for example "delete the Hooli organization".',
      };
    const orgs = orgId
      ? s.ents.ids.filter((i) => i.prefix === 'org').map((i) => ({ kind: 'id' as const, value: i.value }))
      : splitOrgRefs(m[1]!, s.ents);
    const named = orgs;
    if (named.length > 0) return { kind: 'org_delete', orgs: named };
  }
  return undefined;
}

/** Renames and settings: name, slug, max members, admin delete, metadata. */
function parseOrgUpdate(c: string, s: Sentence): Intent | undefined {
  let m: RegExpMatchArray | null;
  const orgId = s.ents.ids.find((i) => i.prefix === 'org');
  if ((m = c.match(/^rename\s+(.+?)\s+to\s+(.+)$/i))) {
    const org = orgChunk(m[1]!, s);
    // (A name ends where the sentence goes on: "to Foo XYZ pls, slug can stay" → "Foo XYZ".)
    const name = unmask(/⟦q\d+⟧/.test(m[2]!) ? m[2]! : endOfName(m[2]!), s.ents)
      .replace(/^["'“]|["'”]$/g, '')
      .replace(/\s+(?:org|organization)$/i, '')
      .trim();
    if (org && name) return { kind: 'org_update', org, fields: { name } };
  }
  if (
    /^(?:change|set|update|edit|modify|raise|lower|increase|decrease|bump|limit|cap|enable|disable|allow|turn)\b/i.test(
      c,
    )
  ) {
    const fields: Fields = {};
    const slug = c.match(/\bslug\b.*?\bto\s+(?:⟦q(\d+)⟧|([\w-]+))/i);
    if (slug) fields.slug = slug[1] !== undefined ? s.ents.quoted[Number(slug[1])] : slug[2];
    // "its name to Foo Labs and its slug to foo-labs": the name ends where the next field starts.
    const name = c.match(/\bname\b.*?\bto\s+(?:⟦q(\d+)⟧|(.+?)(?=\s+and\s+(?:its\s+|the\s+|their\s+)?slug\b|$))/i);
    if (name && (!slug || /\bname\b.*?\bto\b.+?\band\s+(?:its\s+|the\s+|their\s+)?slug\b/i.test(c)))
      fields.name = name[1] !== undefined ? s.ents.quoted[Number(name[1])] : unmask(name[2]!, s.ents).trim();
    const max = c.match(/\b(?:max(?:imum)?|limit|cap|seats?|member(?:ship)? (?:limit|cap)|members)\b.*?\bto\s+(\d+)/i);
    if (max) fields.max_allowed_memberships = Number(max[1]);
    if (/\b(?:admin delete|admins? (?:to )?delete)\b/i.test(c))
      fields.admin_delete_enabled = !/\b(?:disable|turn off|forbid|don't|do not|prevent)\b/i.test(c);
    const meta = /\bmetadata\b/i.test(c) ? (s.ents.json[0] ?? parseKeyValues(c, s)) : undefined;
    if (meta) fields[/\bprivate\b/i.test(c) ? 'private_metadata' : 'public_metadata'] = meta;
    const who =
      (orgId ? `⟦i${s.ents.ids.indexOf(orgId)}⟧` : undefined) ??
      c.match(/\b(?:of|for|on)\s+(?:the\s+)?(.+?)(?:\s+(?:org|organi[sz]ation|company|team))?\s+to\b/i)?.[1] ??
      c.match(
        /^(?:change|set|update|edit|modify|raise|lower|increase|decrease|bump|limit|cap)\s+(?:the\s+)?(.+?)(?:'s|’s|s')\s/i,
      )?.[1] ??
      c.match(
        /^(?:change|set|update|edit|modify|raise|lower|increase|decrease|bump|limit|cap)\s+(?:the\s+)?(.+?)\s+(?:org|organi[sz]ation)(?:'s|’s)?\s/i,
      )?.[1];
    const org = orgChunk(who, s);
    if (Object.keys(fields).length > 0 || /\bmetadata\b/i.test(c))
      return { kind: 'org_update', ...(org ? { org } : {}), fields };
  }
  return undefined;
}

/** Organization lists (all, matching, of one user), member counts, one organization. */
function parseOrgRead(c: string, s: Sentence): Intent | undefined {
  let m: RegExpMatchArray | null;
  const orgId = s.ents.ids.find((i) => i.prefix === 'org');
  // member count of one org → member list count
  if ((m = c.match(/^how many\s+(?:members|people|users)\s+(?:does|do|in|at)\s+(.+?)(?:\s+have)?$/i))) {
    const org = orgChunk(m[1]!, s);
    if (org) return { kind: 'members_list', org, count: true };
  }
  // list
  const memberOf =
    c.match(
      /^(?:which|what)\s+(?:orgs?|organi[sz]ations?|compan(?:y|ies)|teams?)\s+(?:is|does|are|do)\s+(.+?)\s+(?:in|a member of|part of|belong to|members of|on)$/i,
    )?.[1] ??
    c.match(
      /^(?:list|show|get|view)\s+(?:the\s+)?(?:orgs|organi[sz]ations|companies|teams)\s+(?:of|for)\s+(.+)$/i,
    )?.[1] ??
    c.match(/^(?:list|show|get|view)\s+(.+?)(?:'s|’s|s')\s+(?:orgs|organi[sz]ations|companies|teams)$/i)?.[1];
  if (memberOf) {
    const ref = toRef(memberOf, s.ents);
    if (ref) return { kind: 'orgs_list', count: false, memberRef: ref };
  }
  const plural = /\b(?:orgs|organi[sz]ations|companies|teams|workspaces|tenants)\b/i.test(c);
  if (plural && (READ.test(c) || COUNT.test(c) || /^(?:all\s+)?(?:orgs|organi[sz]ations)$/i.test(c))) {
    const q = c.match(/\b(?:matching|containing|named|called|like|with name)\s+(?:⟦q(\d+)⟧|(\S+))/i);
    const query = q ? (q[1] !== undefined ? s.ents.quoted[Number(q[1])] : q[2]) : undefined;
    return { kind: 'orgs_list', count: COUNT.test(c), ...(query ? { query } : {}) };
  }
  // get one
  if (orgId) return { kind: 'org_get', org: { kind: 'id', value: orgId.value } };
  if (
    (m = c.match(
      /^(?:show|get|view|display|describe|look up|lookup|find|check|open|tell me about|details (?:of|for|on|about)|info (?:on|about|for)|what(?:'s| is)(?: in)?)\s+(?:me\s+)?(?:the\s+)?(?:details (?:of|for)\s+(?:the\s+)?)?(.+)$/i,
    ))
  ) {
    const org = orgChunk(m[1]!, s);
    if (org) return { kind: 'org_get', org };
  }
  return undefined;
}

/** Invitation options said anywhere in the text: expiry in days, redirect URL, no email, metadata. */
export const INVITE_FIELDS = (c: string, s: Sentence): Fields => {
  const fields: Fields = {};
  const days = c.match(
    /\b(?:expir\w*|valid|lasting|last|good|open)\s+(?:in|for|after)\s+(?:only\s+)?(\d+)\s+days?\b|\b(\d+)[- ]days?\s+(?:expiry|expiration|validity)\b/i,
  );
  if (days) fields.expires_in_days = Number(days[1] ?? days[2]);
  const redirect = c.match(/\bredirect(?:ing)?(?:\s+(?:url|to))*\s+⟦u(\d+)⟧/i);
  if (redirect) fields.redirect_url = s.ents.urls[Number(redirect[1])];
  if (
    /\b(?:don'?t|do not|without)\s+(?:send(?:ing)?|email(?:ing)?|notify(?:ing)?|notification)|\bno (?:email|notification)\b|\bsilently\b/i.test(
      c,
    )
  )
    fields.notify = false;
  if (s.ents.json[0]) fields.public_metadata = s.ents.json[0];
  return fields;
};

/** Invitations: list, create (app or org), revoke. */
// Recency of an invitation: "the latest open invite", "our last sent invitation".
// (An organization's name may stand between: "the newest pending Foo invite".)
const NEWEST_INVITE =
  /\b(?:newest|latest|most\s+recent(?:ly\s+(?:sent|created|issued))?|last(?:\s+sent)?)\s+(?:(?:pending|open|outstanding|app|application|org(?:ani[sz]ation)?)\s+)*(?:[\w&'’-]+\s+){0,2}?(?:(?:pending|open|org(?:ani[sz]ation)?)\s+)?invit(?:e|ation)\b(?!s)/i;
const OLDEST_INVITE =
  /\b(?:oldest|earliest|first(?:\s+sent)?)\s+(?:(?:pending|open|outstanding|app|application|org(?:ani[sz]ation)?)\s+)*(?:[\w&'’-]+\s+){0,2}?(?:(?:pending|open|org(?:ani[sz]ation)?)\s+)?invit(?:e|ation)\b(?!s)/i;

export function parseInvitations(c: string, s: Sentence): Intent | undefined {
  if (!/\binvit/i.test(c)) return undefined;
  // "at the umbrella org withdraw the newest invitation": a place said first is the same as said last.
  const placeFirst = c.match(
    /^(?:in|at|for|within)\s+(?:the\s+)?([^,]+?)\s+(?:org|organi[sz]ation|team|company)\s*,?\s+(?=(?:revoke|cancel|withdraw|rescind|delete|remove)\b)(.+)$/i,
  );
  if (placeFirst) return parseInvitations(`${placeFirst[2]!} in the ${placeFirst[1]!} organization`, s);
  if (/^(?:revoke|cancel|withdraw|rescind|delete|remove|void|invalidate|take back|retract|kill)\b/i.test(c))
    return parseInvitationRevoke(c, s);
  const createVerb =
    /^(?:invite|re-?invite|re-?send|send|create|add|issue|make|extend)\b/i.test(c) &&
    !/^(?:send|create)\b.*\binvitations\b.*\blist\b/i.test(c);
  if (createVerb && (/^invite\b/i.test(c) || /\binvit(?:e|ation)\b/i.test(c))) return parseInvitationCreate(c, s);
  const status = invitationStatus(c);
  if (READ.test(c) || COUNT.test(c) || /^(?:pending\s+|open\s+)?invitations$/i.test(c) || /\bbeen invited\b/i.test(c))
    return parseInvitationList(c, s, status);
  const m = c.match(/^invitations?\s+(?:for|to)\s+(.+)$/i);
  if (m) {
    const org = orgChunk(m[1]!, s);
    if (org) return { kind: 'org_invitations_list', org, ...(status ? { status } : {}) };
  }
  return undefined;
}

/** The status an invitation list asks for ("pending invitations"), if any. */
function invitationStatus(c: string): 'pending' | 'accepted' | 'revoked' | 'expired' | undefined {
  return /\b(?:pending|open|outstanding|unaccepted)\b/i.test(c)
    ? 'pending'
    : /\baccepted\b/i.test(c)
      ? 'accepted'
      : /\brevoked|cancell?ed\b/i.test(c)
        ? 'revoked'
        : /\bexpired\b/i.test(c)
          ? 'expired'
          : undefined;
}

// Who sent an invitation, said anywhere in the phrase: "the invite (that) Bob Stone sent (out)", "the invitations
// sent by ⟦e0⟧". WHO is a placeholder or one or two words (never a preposition or a verb of the phrase).
const SENDER =
  "(⟦[ei]\\d+⟧|(?!(?:to|for|in|at|from|of|sent|that|which|was|were|is|we|i|you|someone|somebody|the|an?)\\b)[A-Za-z][\\w'’-]*(?:\\s+(?!(?:to|for|in|at|from|of|and|had|has|have|just|already|sent|made|created|issued|last|on|out)\\b)[A-Za-z][\\w'’-]*)?)";
const SENT = '(?:sent|made|created|issued)(?:\\s+out)?';
const INVITER = [
  new RegExp(
    `(\\binvit(?:e|ation)s?)\\s+(?:that\\s+|which\\s+)?${SENDER}\\s+(?:(?:had|has|have|just|already|originally)\\s+)?${SENT}\\b`,
    'i',
  ),
  // "… sent by Bob", "the invite to Foo that was sent by Bob": said anywhere after the noun.
  new RegExp(
    `(\\binvit(?:e|ation)s?\\b.*?)\\s+(?:that\\s+|which\\s+)?(?:was\\s+|were\\s+)?${SENT}\\s+by\\s+${SENDER}`,
    'i',
  ),
];

/**
 * An invitation described by who sent it, anywhere in a revocation: the sender and the clause without that
 * description (which may still name the organization: "cancel the pending Globex invite Bob sent").
 */
function inviterIn(c: string, s: Sentence): { inviter: Ref; rest: string } | undefined {
  for (const re of INVITER) {
    const m = c.match(re);
    const inviter = m ? toRef(m[2]!, s.ents) : undefined;
    if (m && inviter) return { inviter, rest: c.replace(re, '$1') };
  }
  return undefined;
}

/** "revoke the invitation for x@y.test", "cancel all pending Acme invitations": app or organization invitations. */
function parseInvitationRevoke(said: string, s: Sentence): Intent | undefined {
  // "…to acme, sent to the wrong address": a participle after a comma describes the invitation, it names no place.
  const c = said.replace(
    /,\s+(?:(?:which|that)\s+(?:was|were)\s+)?(?:sent|created|issued|made|typed|entered|mailed)\b.*$/i,
    '',
  );
  const by = inviterIn(c, s);
  if (by) {
    // "… for it", "… to the contractor": what the invitation was for says nothing about which organization.
    const rest = parseInvitationRevoke(
      by.rest.replace(/\s+(?:for|about|to)\s+(?:it|that|this|them|the\s+[a-z]+)$/i, ''),
      s,
    );
    const org = rest && 'org' in rest ? rest.org : undefined;
    return { kind: 'invitation_by_inviter', inviter: by.inviter, ...(org ? { org } : {}) };
  }
  const inviteIds = s.ents.ids.filter((i) => i.prefix === 'inv' || i.prefix === 'orginv');
  // "… to the Acme organisation which are still pending", "… Acme org (not yet accepted)": a trailing status says
  // which invitations (read by `all` and the planner's pending filter), never where they are to.
  const core = c
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(
      /,?\s+(?:which|that)\s+(?:are|is|were|have|has|haven't|hasn't)\s+(?:still\s+|not\s+(?:yet\s+)?|yet\s+to\s+be\s+|never\s+)?(?:pending|open|outstanding|unaccepted|unused|accepted|been\s+accepted|used)\b.*$/i,
      '',
    )
    .replace(/\s+(?:still|currently)\s+(?:pending|open|outstanding)$/i, '');
  const rawOrgText =
    core.match(
      /\b(?:to|for|at|from|in|of)\s+(?:the\s+)?(?!⟦[ei])(.+?)(?:\s+(?:org|organi[sz]ation|team|company))?$/i,
    )?.[1] ?? core.match(/^\w+\s+(?:the\s+)?(?!⟦)(.+?)\s+(?:org(?:anization)?\s+)?invit\w*\b/i)?.[1];
  // "all pending Acme", "any Acme": the quantifier and status words say which invitations, not the organization.
  const orgText = rawOrgText
    ?.replace(
      /^(?:(?:the|all|every|each|any|of|pending|open|outstanding|still|only|just|newest|latest|oldest|earliest|last|first|most\s+recent(?:ly\s+sent)?)\s+)+(?=\S)/i,
      '',
    )
    // "all of Foo's pending org invitations": the status and the noun after the owner are not its name.
    .replace(/(?:'s|’s)?\s+(?:(?:pending|open|outstanding|org|organi[sz]ation|app|application)\s+)*invit\w*$/i, '')
    .replace(/(?:\s+(?:pending|open|outstanding))+$/i, '');
  // "every pending invitation to their org": the organization the message names (plan-orgs.orgOrAsk).
  const theirs = /^(?:their|its|our)(?:\s+(?:org|organi[sz]ation|company|team|workspace))?$/i.test(
    orgText?.trim() ?? '',
  );
  const cleanedOrg =
    orgText &&
    !/^(?:the\s+)?(?:all|every|each|any)\b|^(?:the\s+)?(?:pending\s+|open\s+)?invit|^(?:the\s+)?(?:pending\s+)?(?:app|application)\b|^(?:the|this|that|an?|pending|open|their|his|her|my|our|it|org|organi[sz]ation)$|^(?:the\s+)?(?:very\s+)?(?:newest|latest|oldest|earliest|first|last|most\s+recent|recent)(?:\s+(?:pending|open|sent))?$/i.test(
      orgText.trim(),
    )
      ? orgChunk(orgText.replace(/^(?:pending|open)\s+/i, ''), s)
      : undefined;
  // ("the invitation to sign up, for the app": the invitation to the application itself.)
  const appOnly =
    /\b(?:app|application)\s+invit|\binvit\w*\s+to\s+sign[- ]?up\b|\binvit\w*\s+(?:to|for)\s+(?:the\s+|our\s+)?(?:app|application)\b/i.test(
      c,
    );
  const named = s.ents.emails.length > 0 || inviteIds.length > 0;
  const newest: Recency | undefined = named
    ? undefined
    : NEWEST_INVITE.test(c)
      ? 'newest'
      : OLDEST_INVITE.test(c)
        ? 'oldest'
        : undefined;
  // "the latest invitation we sent": "we sent" says who sent it, it names no organization.
  const org =
    appOnly || (newest && /^(?:we|i|you|they)\b/i.test(orgText ?? ''))
      ? undefined
      : (cleanedOrg ?? (theirs ? { kind: 'name' as const, value: 'their organization' } : undefined));
  // "revoke the pending Acme invitations": the plural names every one of them, like "all".
  const all =
    !newest &&
    /\b(?:all|every|each|any)\b|\binvit(?:ation|e)s\b/i.test(c) &&
    s.ents.emails.length === 0 &&
    inviteIds.length === 0;
  if (org || inviteIds.some((i) => i.prefix === 'orginv')) {
    return {
      kind: 'org_invitation_revoke',
      ...(org ? { org } : {}),
      emails: [...s.ents.emails],
      ids: inviteIds.map((i) => i.value),
      ...(all ? { all } : {}),
      ...(newest ? { newest } : {}),
    };
  }
  if (newest && !/\borg(?:ani[sz]ation)?\s+invit/i.test(c))
    return { kind: 'invitation_revoke', emails: [], ids: [], one: true, newest };
  // "scrap the open org invitation for x@y.test": an organization invitation; the organization comes from the rest
  // of the message (withOrg) or the planner asks for it.
  if (/\borg(?:ani[sz]ation)?\s+invit/i.test(c) && !appOnly)
    return {
      kind: 'org_invitation_revoke',
      emails: [...s.ents.emails],
      ids: inviteIds.map((i) => i.value),
      ...(all ? { all } : {}),
      ...(newest ? { newest } : {}),
    };
  if (s.ents.emails.length > 0 || inviteIds.length > 0)
    return { kind: 'invitation_revoke', emails: [...s.ents.emails], ids: inviteIds.map((i) => i.value) };
  if (
    /\b(?:all|every|each|any)\b/i.test(c) &&
    /\binvit(?:ation|e)s\b|\b(?:every|each|any)\s+(?:(?:pending|open|app|application|sign-?up)\s+)*invit(?:ation|e)\b/i.test(
      c,
    )
  ) {
    // Every app invitation is the widest revoke there is: when the words speak of an organization this parser
    // could not read, asking (not understood) beats revoking invitations the admin never meant.
    const orgWords = core.replace(/\bnot\s+(?:the\s+|any\s+)?(?:org|organi[sz]ation)[\w-]*/gi, '');
    if (!appOnly && /\b(?:org|organi[sz]ation|team|company)s?\b/i.test(orgWords)) return undefined;
    return { kind: 'invitation_revoke', emails: [], ids: [], all: true };
  }
  // "revoke the pending invitation": one, not named — the planner revokes it only if it is the only one.
  if (
    /^\w+(?:\s+back)?\s+(?:the|that|this|our)\s+(?:(?:pending|open|outstanding|unaccepted|app|application)\s+)*invit(?:e|ation)\b/i.test(
      c,
    )
  )
    return { kind: 'invitation_revoke', emails: [], ids: [], one: true };
  return undefined;
}

const INVITEE =
  /^(?:(?:their|our|his|her|my|your|the|a|an|this|that)\s+)(?:[a-z-]+\s+){0,2}(?:contractors?|hires?|employees?|colleagues?|persons?|people|users?|members?|staff|interns?|consultants?|friends?|candidates?|recruits?|volunteers?|tutors?|customers?|clients?|reps?|managers?|starters?|joiners?|guests?|auditors?)$/;

/** "invite x@y.test to Acme as admin", "send an app invitation to x@y.test". */
function parseInvitationCreate(c: string, s: Sentence): Intent {
  const emails = [...s.ents.emails];
  const said = roleKey(
    c.match(new RegExp(`\\bas\\s+${ROLE}`, 'i'))?.[1] ?? c.match(/\bwith (?:the )?role\s+(\S+)/i)?.[1] ?? '',
  );
  const role = said ?? 'org:member';
  // "send them a fresh invitation, same address as before": the address of their old invitation (the planner
  // finds the expired one), and its role when none is said.
  const again = emails.length === 0 && AGAIN.test(c) ? { again: { keepRole: said === undefined } } : {};
  const app =
    /\b(?:app|application|instance|platform|product|sign[- ]?up|site)\s+invit|\binvit\w*\s+(?:to|for)\s+(?:the\s+)?(?:app|application|instance|platform|product|sign[- ]?up|site|clerk)\b|\bto sign up\b|\bjoin (?:the\s+)?(?:app|application|instance|platform|product|site)\b/i.test(
      c,
    );
  const orgText = app
    ? undefined
    : (c.match(
        /\b(?:to join|into|to|join|at|in|for)\s+(?:the\s+)?(?!⟦[ei])(.+?)(?:\s+(?:org|organi[sz]ation|team|company|workspace))?(?=\s+(?:as|with|expiring|valid|lasting|and|that|which|redirect|without|silently|no)\b|,|$)/i,
      )?.[1] ??
      // "resend the Globex invitation (that expired)": the organization said before the noun.
      c.match(
        /^(?:re-?send|re-?invite|send)\s+(?:the|their|that|our)\s+(?!(?:new|fresh|app|pending|same)\b)([\w&'’-]+?)(?:'s|’s)?\s+(?:org(?:ani[sz]ation)?\s+)?invit/i,
      )?.[1]);
  // ("invite our new intern, Ann Lee, at ⟦e0⟧" — "to" a description of whom it goes to, not an organization.)
  const person = orgText !== undefined && INVITEE.test(orgText.trim());
  const org = orgText && !person && !APP_WORDS.test(orgText.trim()) ? orgChunk(orgText, s) : undefined;
  return {
    kind: 'invite',
    emails,
    ...(org ? { org } : {}),
    app: app || (orgText !== undefined && APP_WORDS.test(orgText.trim())),
    role,
    fields: INVITE_FIELDS(c, s),
    ...again,
  };
}

const AGAIN = /\b(?:same\s+(?:e-?mail\s+)?address|same\s+e-?mail|as\s+before|again|re-?send|re-?invite)\b/i;

/** "pending invitations for Acme", "who has been invited": app or organization invitation lists. */
function parseInvitationList(c: string, s: Sentence, status: ReturnType<typeof invitationStatus>): Intent {
  const orgText =
    // "an open invitation to join Globex, and with what role?": the organization ends at the comma.
    c.match(
      /\b(?:to join|join|to|for|at|of|in|from)\s+(?:the\s+)?(?!⟦e)([^,]+?)(?:\s+(?:org|organi[sz]ation|team|company))?(?:,.*)?$/i,
    )?.[1] ??
    c.match(
      /^(?:list|show|display|get|view|see|print|give me)?\s*(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:pending\s+|open\s+|accepted\s+|revoked\s+)?(.+?)(?:'s|’s|s')\s+(?:pending\s+|open\s+)?(?:org(?:anization)?\s+)?invitations$/i,
    )?.[1] ??
    c.match(
      /^(?:list|show|display|get|view|see|print)\s+(?:the\s+)?(?:pending\s+|open\s+)?(.+?)\s+(?:org(?:anization)?\s+)?invitations$/i,
    )?.[1];
  const bad =
    orgText &&
    /^(?:pending|open|all|the|app|application|accepted|revoked|expired|org|organization|user|users)\b/i.test(
      orgText.trim(),
    );
  const org = orgText && !bad && !APP_WORDS.test(orgText.trim()) ? orgChunk(orgText, s) : undefined;
  if (org) return { kind: 'org_invitations_list', org, ...(status ? { status } : {}) };
  if (/\borg(?:ani[sz]ation)?\s+invitations\b/i.test(c))
    return { kind: 'org_invitations_list', ...(status ? { status } : {}) };
  const query = s.ents.emails[0];
  return { kind: 'invitations_list', ...(status ? { status } : {}), ...(query ? { query } : {}) };
}
