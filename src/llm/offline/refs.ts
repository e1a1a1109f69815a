/**
 * Turning captured chunks of a request ("jane@example.com and Dave", "the Acme org", "Chris Park's account") into
 * References. Placeholders from entities.ts are resolved back to the entity they stand for.
 */
import type { Entities, Sentence } from './entities.js';
import { unmask } from './entities.js';
import type { Ref } from './intent-types.js';

const LEAD =
  /^(?:(?:the|a|an|user|users|account|accounts|member|members|person|people|customer|customers|of|for|called|named|with email|email|e-mail|id|user id|my|our|this|that)\s+)+/i;
const TRAIL =
  /(?:'s|’s|s')?(?:\s+(?:account|accounts|user|users|profile|too|as well|please|now|right now|immediately|permanently|for good|from the app|from clerk|everywhere|again|instead|then|also|as well|for now|for the moment|for a while|for the time being|temporarily|asap|right away))+$/i;
const PRONOUN =
  /^(?:him|her|them|this one|that one|this user|that user|the same user|those users|these users|both of them|both)$/i;

/** Removes filler around a name: "the user Dave Miller's account" → "Dave Miller". */
export function cleanName(chunk: string): string {
  let s = chunk
    .trim()
    .replace(/^[,;:]+|[,;:?]+$/g, '')
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
/** "Globex's admins", "the viewers of Initech", "whoever holds the billing role in Initech", "everyone with the billing role at Hooli". */
const ROLE_REFS: Array<{ re: RegExp; org: number; role: number }> = [
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
  {
    re: new RegExp(
      `^(?:whoever|anyone|everyone|everybody|all users|the users?|the people|users|people|each user)\\s+(?:who\\s+)?(?:has|have|with|holding)\\s+(?:the\\s+|an?\\s+)?${ROLE_WORD}\\s+role\\s+(?:in|at|of|on)\\s+(?:the\\s+)?${ORG_NAME}(?:\\s+(?:org|organi[sz]ation))?$`,
      'i',
    ),
    org: 2,
    role: 1,
  },
];

/** A role reference ("Globex's admins") as a Ref of kind `role`, or undefined. */
export function roleRef(chunk: string): Ref | undefined {
  const text = chunk.trim();
  for (const { re, org, role } of ROLE_REFS) {
    const m = text.match(re);
    if (!m) continue;
    const word = m[role]!.toLowerCase();
    if (/^(?:user|users|people|account|accounts)$/.test(word)) return undefined;
    const key = /^(?:admins?|administrators?|owners?)$/.test(word)
      ? 'org:admin'
      : /^members?$/.test(word)
        ? 'org:member'
        : `org:${word.replace(/ managers?$/, '').replace(/s$/, '')}`;
    return { kind: 'role', value: key, org: m[org]! };
  }
  return undefined;
}

/** One chunk → one Ref, or undefined when nothing usable is left. */
export function toRef(chunk: string, ents: Entities): Ref | undefined {
  const role = /⟦/.test(chunk) ? undefined : roleRef(chunk);
  if (role) return role;
  const email = chunk.match(/⟦e(\d+)⟧/);
  if (email) return { kind: 'email', value: ents.emails[Number(email[1])]! };
  const id = chunk.match(/⟦i(\d+)⟧/);
  if (id) return { kind: 'id', value: ents.ids[Number(id[1])]!.value };
  const quoted = chunk.match(/⟦q(\d+)⟧/);
  if (quoted) return { kind: 'name', value: ents.quoted[Number(quoted[1])]! };
  const bare = unmask(chunk, ents)
    .trim()
    .replace(/(?:'s|’s)$/i, '')
    .replace(/\s+(?:too|as well|again|also|back|instead|then)$/i, '');
  if (PRONOUN.test(bare)) return { kind: 'pronoun', value: bare.toLowerCase() };
  const name = preferFullName(cleanName(unmask(chunk, ents)));
  if (!name || /⟦/.test(name) || /^(?:it|its)$/i.test(name)) return undefined;
  if (name.length > 60 || name.split(' ').length > 5) return undefined;
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
  const parts = chunk.split(/\s*(?:,|;|\band\b|&|\bplus\b|\bas well as\b)\s*/i).filter((p) => p.trim() !== '');
  const refs: Ref[] = [];
  for (const part of parts) {
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

/** An organization reference from a captured chunk ("the Acme org", "org_…", "acme"). */
export function orgRef(chunk: string | undefined, ents: Entities): Ref | undefined {
  if (!chunk) return undefined;
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
    // Words after a name that are not part of it: sequencing ("… there first"), a role ("Initech with the member
    // role"); then the org noun they followed ("Stark org first").
    .replace(
      /\s+(?:first|then|next|now|too|also|afterwards|again|as well|right away|please|entirely|completely|permanently|for good|altogether)$/i,
      '',
    )
    .replace(/\s+(?:with|as)\s+(?:\S+\s+){0,4}?(?:role|permissions?|access)$/i, '')
    .replace(/\s+(?:org|organization|organisation|company|team|workspace|tenant)$/i, '');
  // A clause is not a name: "…the umbrella corp organisation, the contract is over".
  if (/\b(?:is|are|was|were|has|have|had|will|won't|isn't|aren't|wasn't)\b/i.test(name)) return undefined;
  // …nor a time: "the customer churned last month".
  if (/\b(?:last|this|next)\s+(?:week|month|year|quarter)\b|\b(?:yesterday|ago)\b/i.test(name)) return undefined;
  if (host && !name) name = ents.hosts[Number(host[1])]!;
  if (!name || /⟦/.test(name) || name.split(' ').length > 5) return undefined;
  if (/^(?:it|them|the app|app|application|the application|our app|instance|the instance|everyone|all)$/i.test(name))
    return undefined;
  return { kind: 'name', value: name };
}
