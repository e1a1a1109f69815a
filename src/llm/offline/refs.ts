/**
 * Turning captured chunks of a request ("jane@example.com and Dave", "the Acme org", "Chris Park's account") into
 * References. Placeholders from entities.ts are resolved back to the entity they stand for.
 */
import type { Entities, Sentence } from './entities.js';
import { unmask } from './entities.js';
import type { Ref } from './intent-types.js';
import { describedRef } from './described.js';
import { inviterRef } from './inviter-described.js';

const LEAD =
  /^(?:(?:the|a|an|user|users|account|accounts|member|members|person|people|customer|customers|of|for|called|named|with email|email|e-mail|id|user id|my|our|this|that)\s+)+/i;
// Filler a name is typed with ("unlock dana account plz"): the possessive, the account noun and chat politeness.
const TRAIL =
  /(?:'s|’s|s')?(?:\s+(?:account|accounts|acct|accts|user|users|profile|login|too|as well|please|pls|plz|pleas|thx|thanks|ty|for me|for us|now|right now|immediately|permanently|for good|from the app|from clerk|everywhere|again|instead|then|also|as well|for now|for the moment|for a while|for the time being|temporarily|asap|right away))+$/i;
const PRONOUN =
  /^(?:him|her|them|she|he|they|this one|that one|this user|that user|the same user|those users|these users|both of them|both)$/i;

const NAME_PART =
  /^(?:the\s+)?(?:(?:user|person|account|member|one|guy|customer|employee)\s+)?(?:(?:with|having|whose|who\s+has)\s+(?:the\s+|a\s+)?|whoever['’]?s\s+)(?:sur|last|family|first|given)\s*-?\s*name\s+(?:is\s+|of\s+)?/i;

/** Removes filler around a name: "the user Dave Miller's account" → "Dave Miller". */
export function cleanName(chunk: string): string {
  let s = chunk
    .trim()
    // "the user with the surname Haddad", "whoever's first name is Omar": the name part said is the name to find.
    .replace(NAME_PART, '')
    // ("unlock it if so", "ban him if needed": the condition is the planner's check, not part of the name.)
    .replace(/\s+if\s+(?:so|needed|necessary|required|need\s+be|applicable)\s*[?.!]?$/i, '')
    .replace(/^[,;:]+|[,;:?]+$/g, '')
    // (An aside in brackets cut off at the clause's end leaves its opening bracket: "her account (".)
    .replace(/\s*\($/, '')
    .trim();
  for (let i = 0; i < 3; i++) s = s.replace(LEAD, '').replace(TRAIL, '').trim();
  return s
    .replace(/(?:'s|’s)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ORG_NAME = "([A-Z][\\w&'-]*(?:\\s+[A-Z][\\w&'-]*){0,2})";
const ROLE_WORD = '(admins?|administrators?|owners?|members?|viewers?|billing(?: managers?)?|guests?|[a-z_]+)';
// "Hooli's billing person", "the viewer folks of Initech": a word for the people holding the role.
const HOLDER = '(?:\\s+(?:person|persons|people|folks?|guys?|users?|accounts?|contacts?|members?|role\\s+holders?))?';
// Who holds the role, said as a person: "whoever", "the one person", "every user", "all the people".
const HOLDER_WORDS =
  '(?:(?:the|every|each|all(?:\\s+(?:of\\s+)?the)?|any|whichever|those|these)\\s+)?(?:(?:one|only|single|sole|current|lone)\\s+)*(?:whoever|anyone|anybody|everyone|everybody|someone|persons?|people|users?|members?|accounts?|folks?|guys?|ones?|individuals?|employees?|all users)';
const WHO_HAS =
  '(?:\\s+(?:who|that|which))?(?:\\s+(?:currently|now|still|already|presently))?\\s+(?:has|have|holds?|holding|having|with|owns?|carries|carrying)\\s+';
const ROLE_NOUN = '(?:role|access|rights|permissions?|seat|privileges?|level)s?';
// ("read-only" is what a viewer is: "the read-only user at Hooli".)
const KNOWN_ROLE = '(admins?|administrators?|owners?|members?|viewers?|billing(?: managers?)?|guests?|read[- ]?only)';
// A word of an organization's name: not a verb or a joining word ("… in Umbrella has been spamming" ends at Umbrella).
const ORG_WORD =
  "(?!(?:has|have|had|is|are|was|were|been|be|should|must|needs?|will|can|could|would|looks?|seems?|and|or|but|to|from|with|who|that|which|now|today|please|as|so|because|since|the|an?|our|my|their|this|that|team|org|organi[sz]ation|company|workspace|group|app|instance)\\b)[\\w&'’-]+";
// The organization after "in/at/of", or "their organization" (the one the request names elsewhere: no org here).
const IN_ORG = `(?:\\s+(?:in|at|of|on|for|within)\\s+(?:the\\s+)?(?:(?:their|his|her|its|our|your|that|this|the)\\s+(?:own\\s+)?(?:org|organi[sz]ation|company|team|workspace)|(${ORG_WORD}(?:\\s+${ORG_WORD}){0,2}?)(?:\\s+(?:org|organi[sz]ation|company|team|workspace))?))?`;
// One person meant: "the person who …", "the only admin of …", "Wayne's sole viewer" (not "whoever", not plurals).
const SINGULAR =
  /^(?:the|our)\s+[A-Za-z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*\s+(?:admin|administrator|owner|viewer|billing|guest|member)(?:\s+(?:person|user|contact|guy|manager))?$|^(?:the|a|an|our)\s+(?:(?:one|only|single|sole|lone|current)\s+)*(?:person|user|member|account|one|individual|employee|guy|admin|administrator|owner|viewer|billing|guest)\b(?!s\b)|(?:'s|’s)\s+(?:only|sole|one|single)\s/i;

/** "Globex's admins", "the viewers of Initech", "whoever holds the billing role in Initech", "everyone with the billing role at Hooli". */
// Words before a role that describe it rather than name an organization.
const ROLE_ADJECTIVE =
  '(?:new|old|other|current|former|main|only|sole|one|first|last|real|actual|acting|interim|temporary|backup|second|third|previous|next|same|right|wrong|existing|regular|normal|plain|basic|full|super|org|team|company|workspace|billing|their|his|her|its|lead|head|senior|junior|primary|secondary|single|lone|whole|entire|remaining|extra|additional|another|that|this|an?)';
const ROLE_REFS: Array<{ re: RegExp; org: number; role: number }> = [
  // "the Hooli viewer", "our Globex billing person", "the Initech admins": the organization said as an adjective.
  {
    re: new RegExp(`^(?:the|our)\\s+${ORG_NAME}\\s+${KNOWN_ROLE}${HOLDER}$`),
    org: 1,
    role: 2,
  },
  // (Typed in lower case — "the initech admin" — when the word is no adjective of the role: "the new admin".)
  {
    re: new RegExp(`^(?:the|our)\\s+(?!${ROLE_ADJECTIVE}\\s)([a-z][\\w&'-]*)\\s+${KNOWN_ROLE}${HOLDER}$`),
    org: 1,
    role: 2,
  },
  {
    re: new RegExp(`^(?:all\\s+(?:of\\s+)?)?(?:the\\s+)?${ORG_NAME}(?:'s|’s)\\s+${ROLE_WORD}${HOLDER}$`),
    org: 1,
    role: 2,
  },
  {
    re: new RegExp(
      `^(?:all\\s+(?:of\\s+)?)?the\\s+${ROLE_WORD}${HOLDER}\\s+(?:of|in|at)\\s+(?:the\\s+)?${ORG_NAME}(?:\\s+(?:org|organi[sz]ation))?$`,
    ),
    org: 2,
    role: 1,
  },
  // "anyone holding the admin role at Umbrella", "the user who now has the guest role in their company", "the
  // sole account with billing access in Wayne Corp", "each person that holds the viewer role".
  {
    re: new RegExp(`^${HOLDER_WORDS}${WHO_HAS}(?:(?:the|an?|that)\\s+)?${ROLE_WORD}\\s+${ROLE_NOUN}${IN_ORG}$`, 'i'),
    org: 2,
    role: 1,
  },
  // "the user with admin in Umbrella", "whoever has billing at Wayne": a known role needs no "role" after it.
  {
    re: new RegExp(
      `^${HOLDER_WORDS}${WHO_HAS}(?:(?:the|an?|that)\\s+)?${KNOWN_ROLE}(?:\\s+${ROLE_NOUN})?${IN_ORG}$`,
      'i',
    ),
    org: 2,
    role: 1,
  },
  // "the only admin of umbrella", "the billing person at wayne", "umbrella's sole viewer": lowercase as typed.
  {
    re: new RegExp(
      `^(?:all\\s+(?:of\\s+)?)?the\\s+(?:only\\s+|sole\\s+|one\\s+|single\\s+)?${KNOWN_ROLE}${HOLDER}(?:\\s+(?:of|in|at)\\s+(?:the\\s+)?(${ORG_WORD}(?:\\s+${ORG_WORD}){0,2}?)(?:\\s+(?:org|organi[sz]ation|company|team))?)$`,
      'i',
    ),
    org: 2,
    role: 1,
  },
  {
    re: new RegExp(
      `^(?:all\\s+(?:of\\s+)?)?(?:the\\s+)?(${ORG_WORD}(?:\\s+${ORG_WORD}){0,2}?)(?:'s|’s)\\s+(?:only\\s+|sole\\s+|one\\s+|single\\s+)?${KNOWN_ROLE}${HOLDER}$`,
      'i',
    ),
    org: 1,
    role: 2,
  },
  // "whoever is the billing manager of Initech", "the members who are admins of Umbrella".
  {
    re: new RegExp(
      `^${HOLDER_WORDS}(?:\\s+(?:who|that))?\\s+(?:is|are)\\s+(?:currently\\s+)?(?:(?:the|an?|our)\\s+)?(?:only\\s+|sole\\s+)?${KNOWN_ROLE}(?:\\s+${ROLE_NOUN})?${IN_ORG}$`,
      'i',
    ),
    org: 2,
    role: 1,
  },
  // "their org:billing seat", "its admin person": a role of the organization the message names (none here).
  {
    re: /^(?:the|their|its|that)\s+(?:org:)?(admin|billing|viewer|guest)\s+(?:seat|person|user|account|holder|contact)$/i,
    org: 99,
    role: 1,
  },
  // "all the regular members of Umbrella", "each plain member": members with the member role (no admin, no billing).
  {
    re: new RegExp(
      `^(?:every|each|all(?:\\s+(?:of\\s+)?the)?|the|any)\\s+(ordinary|plain|regular|normal|basic|standard|simple|non-admin)\\s+(?:members?|users?|people)${IN_ORG}$`,
      'i',
    ),
    org: 2,
    role: 1,
  },
];

/** A role reference ("Globex's admins") as a Ref of kind `role`, or undefined. */
const POSSESSION =
  /^(?:portal|website|site|club|app|platform|work|personal|main|primary|old|new|company|google|microsoft|laptops?|phones?|iphones?|ipads?|macs?|macbooks?|computers?|pcs?|devices?|tablets?|bags?|cars?|keys?|wallets?|passwords?|logins?|emails?|e-mails?|inbox|mailbox|sessions?|invit\w*|names?|surnames?|addresses|address|metadata|profiles?|settings?|browsers?|machines?|desk|badge|card|credentials?|sign-?ins?|access|membership|memberships|role|roles|data|details|info|files?|photos?|pictures?|avatars?|username|number)$/;

export function roleRef(chunk: string): Ref | undefined {
  // A determiner capitalised at a sentence start ("The Hooli viewer wants …") is still the determiner.
  const text = chunk
    .trim()
    .replace(/^(?:The|Our|All|Every|Each|Any|Whoever|Anyone|Everyone|Those|These)\b/, (w) => w.toLowerCase());
  for (const { re, org, role } of ROLE_REFS) {
    const m = text.match(re);
    if (!m) continue;
    const word = m[role]!.toLowerCase();
    if (/^(?:user|users|people|account|accounts|the|an?|that|this|their|same|any|some|no)$/.test(word))
      return undefined;
    // ("Kim's tablet went missing", "Ann's phone": a person's things, never a role held in an organization "Kim".)
    if (POSSESSION.test(word)) return undefined;
    // "Acme wants …": an organization typed with a capital does not go on in lower case (the words are a verb).
    const orgName = m[org]?.trim();
    if (orgName && /^[A-Z]/.test(orgName) && /\s[a-z]/.test(orgName)) continue;
    const key = /^(?:admins?|administrators?|owners?)$/.test(word)
      ? 'org:admin'
      : /^read[- ]?only$/.test(word)
        ? 'org:viewer'
        : /^(?:members?|ordinary|plain|regular|normal|basic|standard|simple|non-admin)$/.test(word)
          ? 'org:member'
          : `org:${word.replace(/ managers?$/, '').replace(/s$/, '')}`;
    const one = SINGULAR.test(text) ? { one: true } : {};
    return orgName ? { kind: 'role', value: key, org: orgName, ...one } : { kind: 'role', value: key, ...one };
  }
  return undefined;
}

/** "Liam (username liamt)", "ann, login ann_k,": a username said beside a name (group 1). */
export const USERNAME =
  /[(,]\s*(?:user\s*-?\s*name|handle|login)\s*(?:is\s+|[:=]\s*)?@?([a-z0-9][\w.-]*[a-z0-9])\s*(?:[),]|$)/i;

/** One chunk → one Ref, or undefined when nothing usable is left. */
export function toRef(chunk: string, ents: Entities): Ref | undefined {
  const inviter = inviterRef(chunk);
  if (inviter) return inviter;
  const described = /⟦/.test(chunk) ? undefined : describedRef(unmask(chunk, ents));
  if (described) return described;
  // "the account whose external ID is that": a description whose value is elsewhere is no name to search for.
  if (/\bexternal[\s_-]?id\s+(?:is\s+)?(?:that|this|it)$/i.test(chunk.trim())) return undefined;
  const email = chunk.match(/⟦e(\d+)⟧/);
  if (email) return { kind: 'email', value: ents.emails[Number(email[1])]! };
  const id = chunk.match(/⟦i(\d+)⟧/);
  if (id) return { kind: 'id', value: ents.ids[Number(id[1])]!.value };
  const quoted = chunk.match(/⟦q(\d+)⟧/);
  if (quoted) return { kind: 'name', value: ents.quoted[Number(quoted[1])]! };
  // The username beside a name finds the one person (Clerk's query matches usernames).
  const handle = chunk.match(USERNAME);
  if (handle) return { kind: 'name', value: handle[1]! };
  const bare = unmask(chunk, ents)
    .trim()
    .replace(/(?:'s|’s)$/i, '')
    .replace(/\s+(?:too|as well|again|also|back|instead|then)$/i, '');
  if (PRONOUN.test(bare)) return { kind: 'pronoun', value: bare.toLowerCase() };
  // "drop that flag for him": a key, flag or setting is no person (never a user to delete or ban).
  if (
    /^(?:(?:that|the|this)\s+)?(?:key|flag|field|entry|setting|note|tag|value|claim|scope|property|attribute)s?\b/i.test(
      bare,
    )
  )
    return undefined;
  // "lock that one, dont ban yet": a negated aside names nobody.
  if (/^(?:don'?t|do not|not|never|no need|nothing\s+(?:else|more)|that'?s\s+(?:it|all))\b/i.test(bare))
    return undefined;
  // "Chris at Globex", "Lee from Initech": a name narrowed by the organization the person belongs to.
  const qualified = cleanName(unmask(chunk, ents)).match(
    /^([\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)\s+(?:at|from|of|in)\s+(?:the\s+)?([\p{L}][\w&'’-]*(?:\s+[\p{L}][\w&'’-]*)?)(?:\s+(?:org|organi[sz]ation|team|company))?$/iu,
  );
  if (
    qualified &&
    !/^(?:the|a|an|it|him|her|them|everyone|everybody|all|every|each|any|some|no|both|whoever|anyone)\b/i.test(
      qualified[1]!,
    )
  )
    return { kind: 'name', value: qualified[1]!, org: qualified[2]! };
  const name = preferFullName(cleanName(unmask(chunk, ents)));
  if (!name || /⟦/.test(name) || /^(?:it|its)$/i.test(name)) return undefined;
  if (name.length > 60 || name.split(' ').length > 5) return undefined;
  // ("the account of the profiled~…": a description token is still a description once the words around it go.)
  if (/~/.test(name)) return inviterRef(name) ?? describedRef(name) ?? { kind: 'name', value: name };
  return { kind: 'name', value: name };
}

/**
 * A capitalised full name inside a longer fragment ("Nia Okafor's account for" → "Nia Okafor"): people are named
 * with capitals, the words around them ("account", "for") are not, so the fragment is never sent as a search.
 */
export function preferFullName(chunk: string): string {
  const words = chunk.split(' ');
  if (words.length < 3 || !words.some((w) => /^[a-z]/.test(w))) return chunk;
  const run = chunk.match(/\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+/);
  return run ? run[0].replace(/(?:'s|’s)$/i, '') : chunk;
}

/** A list of targets: "a@x.test, b@x.test and Dave" → three Refs. */
export function splitRefs(chunk: string, ents: Entities): Ref[] {
  // "the Foo admin who isn't Ann or Bo": the list names who is left out, not more targets.
  if (/\b(?:isn['’]t|is\s+not|other\s+than|besides|apart\s+from|except|but\s+not)\b/i.test(chunk) && !/⟦/.test(chunk)) {
    const one = describedRef(unmask(chunk, ents));
    if (one) return [one];
  }
  const parts = chunk.split(/\s*(?:,|;|\band\b|&|\bplus\b|\bas well as\b)\s*/i).filter((p) => p.trim() !== '');
  const refs: Ref[] = [];
  for (const [n, part] of parts.entries()) {
    // "lock X, her laptop got stolen": a later part that reads as a clause is an aside, not a target.
    if (n > 0 && ASIDE.test(unmask(part, ents))) continue;
    // Several placeholders in one part ("⟦e0⟧ ⟦e1⟧") are several targets.
    const many = part.match(/⟦[ei]\d+⟧/g);
    if (many && many.length > 1) {
      for (const one of many) {
        const r = toRef(one, ents);
        if (r) refs.push(r);
      }
      continue;
    }
    const r = toRef(part, ents);
    if (r) refs.push(r);
  }
  return dedupe(refs);
}

// A finite verb, a subject pronoun starting the part, or a contraction ("something's off"): words a name or an address
// never has. ("their manager" alone stays a target: a lookup says so when nobody matches.)
// ("ban the new one, X's already done", "lock Y, legal already agreed": a remark, not a second target.)
const ASIDE =
  /^(?:he|she|they|it|i|we)\b|\b(?:already|anyway)\s*$|\w(?:'s|’s)\s+(?:already|still|done|fine|ok|okay|sorted|handled)\b|\b(?:he|she|they|it|that|there|something|someone|nothing)(?:'s|’s|'re|’re|'ve|’ve|'ll|’ll)\b|\b(?:is|are|was|were|has|have|had|seems?|looks?|keeps?|did|does|got|said|says)\b|\w(?:'s|’s)\s+(?:off|wrong|weird|broken|not|been|gone)\b/i;

function dedupe(refs: Ref[]): Ref[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.kind}:${r.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** All user-ish targets anywhere in the sentence (emails and user ids), for requests that name them plainly. */
export function userRefsAnywhere(s: Sentence): Ref[] {
  const refs: Ref[] = s.ents.emails.map((value) => ({ kind: 'email' as const, value }));
  for (const id of s.ents.ids) if (id.prefix === 'user') refs.push({ kind: 'id', value: id.value });
  return refs;
}

/**
 * Organizations named in a list ("Hooli and the Umbrella org"). A part that reads as a clause ("…, the contract
 * is over", "…, the customer churned") is an aside, not a name.
 */
export function splitOrgRefs(chunk: string, ents: Entities): Ref[] {
  return chunk
    .split(/\s*(?:,|;|\band\b|&|\bplus\b|\bas well as\b)\s*/i)
    .filter((p) => p.trim() !== '' && !CLAUSE.test(unmask(p, ents)))
    .map((p) => orgRef(p, ents))
    .filter((r): r is Ref => r !== undefined);
}

// A finite verb in lowercase ("is over", "churned", "has ended"): the words are a clause, not a name.
const CLAUSE = /\b(?:is|are|was|were|has|have|had|will|did|does|got|went|left)\b|\b[a-z]{3,}ed\b/;
// Words after an organization's name that only say how ("… organisation entirely", "… for good").
const ORG_TRAIL =
  /\s+(?:entirely|completely|altogether|permanently|for good|right now|now|please|pls|plz|asap|too|as well|again|today|from now on|from today(?: on)?|going forward|for (?:that|this|it|them|now|the moment|the time being)|moving forward|effective (?:immediately|today|now)|immediately|this week|starting (?:today|now|monday|tomorrow))$/i;

const ORG_RECENCY =
  /^(?:(?:our|my|very)\s+)*(?:newest|latest|youngest|most\s+recent(?:ly\s+(?:created|added|made))?|last\s+created|oldest|earliest|first(?:\s+created)?)(?:\s+one)?$/i;
// "the slug of Acme", "Acme's member limit": the field asked about is not part of the name (the read shows it).
const FIELD_OF =
  /^(?:the\s+)?(?:slug|name|id|member\s+(?:limit|cap|count)|seat\s+(?:limit|count)|max(?:imum)?\s+(?:allowed\s+)?memberships?|(?:public\s+|private\s+)?metadata|creation\s+date)\s+(?:of|for)\s+/i;
const OF_FIELD =
  /(?:'s|’s)\s+(?:slug|name|id|member\s+(?:limit|cap|count)|seat\s+(?:limit|count)|max(?:imum)?\s+(?:allowed\s+)?memberships?|(?:public\s+|private\s+)?metadata|creation\s+date)$/i;

/** An organization reference from a captured chunk ("the Acme org", "org_…", "acme"). */
export function orgRef(given: string | undefined, ents: Entities): Ref | undefined {
  if (!given) return undefined;
  // "Globex, please check", "Hooli - thanks": what follows a comma or dash in lower case is an aside, not the name.
  let chunk = given
    .trim()
    .replace(
      /\s*(?:[,;]\s+|\s[-–—]\s+)(?=(?:please|pls|plz|thanks|thx|ty|can|could|would|will|if|check|verify|so|as|since|because|he|she|they|it|we|i|just|asap|no\s+rush|cheers|thank)\b).*$/i,
      '',
    )
    .replace(FIELD_OF, '')
    .replace(OF_FIELD, '');
  for (let i = 0; i < 3; i++) chunk = chunk.trim().replace(ORG_TRAIL, '');
  const id = chunk.match(/⟦i(\d+)⟧/);
  if (id && ents.ids[Number(id[1])]!.prefix === 'org') return { kind: 'id', value: ents.ids[Number(id[1])]!.value };
  const quoted = chunk.match(/⟦q(\d+)⟧/);
  if (quoted) return { kind: 'name', value: ents.quoted[Number(quoted[1])]! };
  const host = chunk.match(/⟦h(\d+)⟧/);
  let name = unmask(chunk, ents)
    .replace(
      /\s+(?:and|with|including|plus|along with)\s+(?:their|its|the(?:ir)?)\s+(?:roles?|emails?(?: addresses)?|ids?|details|names?)$/i,
      '',
    )
    .replace(/^(?:the|an?|our|my)\s+/i, '')
    .replace(/\s+(?:org|orgs|organization|organisation|organizations|company|team|workspace|tenant)$/i, '')
    .replace(/^(?:org|organization|organisation|company|team|workspace|tenant)\s+/i, '')
    .replace(/(?:'s|’s)$/i, '')
    .replace(/^(?:the|an?)\s+/i, '')
    .trim()
    // Words after a name that are not part of it: sequencing ("… there first"), a role ("Fooco with the viewer
    // role"); then the org noun they followed ("Fooco org first").
    .replace(
      /\s+(?:first|then|next|now|too|also|afterwards|again|as well|right away|please|entirely|completely|permanently|for good|altogether)$/i,
      '',
    )
    .replace(/\s+(?:with|as)\s+(?:\S+\s+){0,4}?(?:role|permissions?|access)$/i, '')
    .replace(/\s+(?:org|organization|organisation|company|team|workspace|tenant)$/i, '');
  // A clause is not a name: "…the fooco organisation, the deal has ended".
  if (/\b(?:is|are|was|were|has|have|had|will|won't|isn't|aren't|wasn't)\b/i.test(name)) return undefined;
  // …nor a time: "they left us last year".
  if (/\b(?:last|this|next)\s+(?:week|month|year|quarter)\b|\b(?:yesterday|ago)\b/i.test(name)) return undefined;
  if (host && !name) name = ents.hosts[Number(host[1])]!;
  if (!name || /⟦/.test(name) || name.split(' ').length > 5) return undefined;
  if (/^(?:it|them|the app|app|application|the application|our app|instance|the instance|everyone|all)$/i.test(name))
    return undefined;
  // "the newest org", "our oldest organization": by creation date (resolve.ts lists them in that order).
  const recency = name.match(ORG_RECENCY);
  if (recency) return { kind: 'newest', value: /^(?:oldest|earliest|first)/i.test(recency[0]) ? 'oldest' : 'newest' };
  return { kind: 'name', value: name };
}
