/**
 * Context a message gives once and its clauses rely on. Rule: an organization named in one sentence is the
 * organization of a membership clause elsewhere that names none ("… there"), and a person named by full name in
 * one sentence is who a pronoun in another clause means. Names are recognised by their capitals; an organization
 * by the word that introduces it ("at", "running", "of") or a company suffix ("Inc", "Corp").
 */
import { descriptionIn } from './described.js';
import { USERNAME } from './refs.js';
import type { Intent } from './intent-types.js';
import { VERBS } from './lexicon.js';

const CAPS = "[A-Z][\\w&'’-]*";
const SUFFIX = /\s(?:Inc|Corp|Corporation|LLC|Ltd|Co|Labs|Group|Industries|GmbH|SA|AG)\.?$/;
const ORG_INTRO = new RegExp(
  `\\b(?:at|At|running|runs|run|within|Within|inside|Inside|of the|for the|For the|join|joins|joining|joined|removed from|taken out of|kicked out of|left|leaves|leaving|quit|quits)\\s+((?:${CAPS})(?:\\s+${CAPS}){0,2})`,
  'g',
);
const ORG_WORD = new RegExp(
  `\\b((?:${CAPS})(?:\\s+${CAPS}){0,2})\\s+(?:org|organi[sz]ation|team|company|workspace)\\b`,
  'g',
);
const SUFFIXED = new RegExp(
  `(?:${CAPS}\\s+){1,2}(?:Inc|Corp|Corporation|LLC|Ltd|Co|Labs|Group|Industries|GmbH|SA|AG)\\b\\.?`,
  'g',
);
const NOT_NAME =
  /^(?:I|We|You|He|She|They|It|The|This|That|Which|What|Whose|Who|How|Please|Can|Could|Would|Our|My|Hey|Hi|Hello|Ok|Okay|So|And|But|Also|Then|Switch|Move|Make|Promote|Demote|Remove|Add|Set|Change|Lock|Unlock|Ban|Unban|Delete|Rename|Invite|Update|Revoke|Suspend|Block|Unblock|Kick|Give|Put|Mark|Flag|Reset|On|Thanks|Regards|Best|Dear|Mr|Mrs|Ms|Dr)$/;

/** The organization a masked message names, if exactly one. */
export function orgMention(masked: string): string | undefined {
  const found = new Set<string>();
  for (const re of [ORG_INTRO, ORG_WORD]) for (const m of masked.matchAll(re)) found.add(trimOrg(m[1]!));
  for (const m of masked.matchAll(SUFFIXED)) found.add(trimOrg(m[0]));
  // "Acme" and "Acme Inc" are one organization.
  const names = [...found].filter((n) => n !== '' && ![...found].some((o) => o !== n && o.startsWith(`${n} `)));
  return names.length === 1 ? names[0] : undefined;
}

function trimOrg(name: string): string {
  return name
    .replace(/\.$/, '')
    .replace(/(?:'s|’s)$/, '')
    .split(' ')
    .filter((w) => !NOT_NAME.test(w))
    .join(' ')
    .trim();
}

// "Initech Legal", "Hooli Support Desk": a name that ends in a department is a team writing in, not a person.
const TEAM =
  /\s(?:HR|IT|Finance|Legal|Support|Sales|Ops|Operations|Security|Compliance|Marketing|Engineering|Accounting|Billing|Payments|Procurement|Payroll|Team|Desk|Helpdesk|Office|Department|Dept|Admins)$/;

const BARE_ORG =
  /^(?:(?:the|their|its|our|this|that)\s+)?(?:org|organi[sz]ation|company|workspace|team|group|club|circle|society)$/i;

/** Capitalised full names of people in a masked clause ("Marcus Johnson"), organizations excluded. */
export function personNames(masked: string, org: string | undefined): string[] {
  const out: string[] = [];
  for (const m of masked.matchAll(new RegExp(`(?<![\\w⟦])${CAPS}(?:\\s+${CAPS})+`, 'g'))) {
    const words = m[0].replace(/(?:'s|’s)$/, '').split(' ');
    // (A request's verb before a name — "Lock Ann Lee's account" — is not part of the name: any lexicon verb.)
    while (words.length > 0 && (NOT_NAME.test(words[0]!) || VERBS.includes(words[0]!.toLowerCase()))) words.shift();
    const name = words.join(' ');
    if (
      words.length < 2 ||
      // ("Do NOT delete …", "FYI Please …": a shouted or function word is no part of a name.)
      words.some((w) => /^[A-Z]{2,}$/.test(w) || NOT_NAME.test(w) || /^(?:Do|Does|Don't|Not|No|Never|Note)$/.test(w)) ||
      SUFFIX.test(name) ||
      TEAM.test(name) ||
      (org && (name === org || org.startsWith(name) || name.startsWith(org)))
    )
      continue;
    const before = masked.slice(0, m.index).trimEnd();
    // ("came to our Poetry Circle": a name after "our" / "their" is a group's; after "the" it may be a person's —
    // "the Sam Taylor chargeback".)
    if (/\b(?:at|running|within|inside|in|of|our|their|your|my)$/i.test(before)) continue;
    out.push(name);
  }
  return out;
}

// Capitalised words that start a sentence without naming anyone ("How many …", "Every user …", "Today we …").
const STARTER =
  /^(?:How|What|Which|Who|Whom|Whose|When|Where|Why|Is|Are|Was|Were|Do|Does|Did|Has|Have|Had|Will|Shall|Should|Must|May|Might|Any|All|Every|Each|Some|No|None|Nobody|Everyone|Everybody|Someone|Somebody|Anyone|Just|Only|Let|Lets|Note|Fyi|FYI|Yes|Not|There|Here|Now|Today|Yesterday|Tomorrow|Once|If|After|Before|Since|Because|As|In|On|At|For|From|To|With|Without|Their|His|Her|Its|Your|A|An|Whoever|Both|Either|Neither|Thanks|Thank|Sorry|Dear|Team|Folks|Guys|Everything|Nothing|Something)$/;

/**
 * Who a clause is about, for a pronoun in another clause: a user description ("the newest account is obviously
 * spam", "anyone holding the guest role at Umbrella"), else the people named by full name, else a capitalised first name
 * that is the clause's subject ("Ravi is leaving …", "Mira sent an invite …"). `context` is the whole message
 * (a description may point into it: "whose external ID is that").
 */
export function referents(masked: string, org: string | undefined, context = ''): string[] {
  // "Liam (username liamt)", "ann, login ann_k,": a username said beside a name is the surest way to find them.
  const handle = masked.match(USERNAME);
  if (handle) return [handle[1]!];
  const described = descriptionIn(masked, context);
  if (described) return [described];
  const names = personNames(masked, org);
  if (names.length > 0) return names;
  // Only before a verb a person is the subject of ("Ravi is …", "Mira from Legal sent …"): a capitalised word
  // before any other verb is as likely an organization or a team ("Sales wants …").
  const subject = masked.match(
    new RegExp(
      `^(${CAPS})(?:\\s+(?:from|in|at|on)\\s+${CAPS}(?:\\s+[a-z]+(?=\\s+(?:pinged|emailed|messaged|wrote|told|asked|texted|called)\\b))?)?\\s+(?=(?:is|was|sent|invited|has|had)\\b|(?:pinged|emailed|messaged|wrote\\s+to|told|asked|texted|called)\\s+(?:me|us)\\b)`,
    ),
  );
  const name = subject?.[1]?.replace(/(?:'s|’s)$/, '');
  if (!name || NOT_NAME.test(name) || STARTER.test(name) || /['’]/.test(name) || org?.split(' ').includes(name))
    return [];
  // A word the message also uses as an organization ("… the guest role at Umbrella") is not a person.
  if (new RegExp(`\\b(?:in|at|of|from|for|into|within)\\s+(?:the\\s+)?${name}\\b`).test(`${masked} ${context}`))
    return [];
  return [name];
}

/** "promote X to admin there": "there" is the organization named elsewhere in the message. */
export function fillThere(masked: string, org: string): string {
  // ("how many people are there in …": an existential "there" points nowhere.)
  return masked.replace(/(?<!\b(?:are|is|was|were|any|anyone|anybody))\s+(?:in |over )?there\b/i, ` in ${org}`);
}

const MEMBERSHIP_KINDS = new Set<Intent['kind']>([
  'membership_set_role',
  'membership_add',
  'membership_remove',
  'membership_get',
  'members_list',
  'org_invitations_list',
  'org_invitation_revoke',
]);

/** A membership intent without an organization gets the one the message named. */
export function withOrg(intent: Intent, org: string | undefined): Intent {
  // ("we met at Foo … please retitle the team to that": an organization change said of "the org / the group"
  // is of the one organization the message names.)
  if (org && intent.kind === 'org_update' && intent.org && BARE_ORG.test(intent.org.value))
    return { ...intent, org: { kind: 'name', value: org } } as Intent;
  if (
    !org ||
    !MEMBERSHIP_KINDS.has(intent.kind) ||
    ('org' in intent && intent.org) ||
    ('everyOrg' in intent && intent.everyOrg)
  )
    return withRefOrg(intent);
  return withRefOrg({ ...intent, org: { kind: 'name', value: org } } as Intent);
}

/**
 * "remove each regular member from Umbrella": a role reference that names no organization means the organization of
 * the membership change it is part of.
 */
export function withRefOrg(intent: Intent): Intent {
  if (!('users' in intent) || !Array.isArray(intent.users) || !('org' in intent) || !intent.org) return intent;
  const org = intent.org;
  if (org.kind !== 'name' && org.kind !== 'id') return intent;
  // "in their organization": which one is still to be found (resolve.ts), so it is not copied.
  if (
    /^(?:(?:the|their|its|our|his|her)\s+)?(?:org|organi[sz]ation|company|workspace|team|it|its|their)$/i.test(
      org.value,
    )
  )
    return intent;
  if (!intent.users.some((u) => u.kind === 'role' && !u.org)) return intent;
  const users = intent.users.map((u) => (u.kind === 'role' && !u.org ? { ...u, org: org.value } : u));
  return { ...intent, users } as Intent;
}
