/**
 * Intent patterns for users: ban/unban/lock/unlock/delete, "let … sign in again", create, update (names,
 * username, external id, metadata), look-ups and lists with filters (banned, locked, signed up / active in a
 * window, by email domain, search by name, counts).
 */
import { parseDateWindow, parseInactiveSpan } from './dates.js';
import type { Sentence } from './entities.js';
import { unmask } from './entities.js';
import type { Fields, Intent, Ref, UserFilter } from './intent-types.js';
import { COUNT, READ } from './phrases.js';
import { cleanName, splitRefs, toRef, userRefsAnywhere } from './refs.js';
import { parseKeyValues } from './kv.js';
import { endOfName } from './new-name.js';

type Verb = 'clerk_user_ban' | 'clerk_user_unban' | 'clerk_user_lock' | 'clerk_user_unlock' | 'clerk_user_delete';

const VERBS: Array<{ re: RegExp; action: Verb | 'restore' }> = [
  { re: /^(?:un-?ban|un-?block|un-?suspend|reinstate|pardon|unbar)\s+(.+)$/i, action: 'clerk_user_unban' },
  {
    re: /^(?:lift|remove|drop|undo|reverse|clear)\s+(?:the\s+)?(?:ban|suspension|block)\s+(?:on|for|from|of|against)\s+(.+)$/i,
    action: 'clerk_user_unban',
  },
  { re: /^(?:ban|block|suspend|bar|blacklist|disable)\s+(?:user\s+|account\s+)?(.+)$/i, action: 'clerk_user_ban' },
  { re: /^un-?lock\s+(.+)$/i, action: 'clerk_user_unlock' },
  { re: /^(?:lift|remove|clear)\s+(?:the\s+)?lock(?:out)?\s+(?:on|for|from|of)\s+(.+)$/i, action: 'clerk_user_unlock' },
  { re: /^lock\s+out\s+(.+)$/i, action: 'clerk_user_lock' },
  { re: /^lock\s+(.+?)\s+out$/i, action: 'clerk_user_lock' },
  { re: /^lock\s+(.+)$/i, action: 'clerk_user_lock' },
  { re: /^(?:let|allow|enable)\s+(.+?)\s+(?:to\s+)?(?:sign|log)\s*(?:-\s*)?in\s+again$/i, action: 'restore' },
  { re: /^restore\s+(?:sign[- ]?in\s+|login\s+)?access\s+(?:for|to)\s+(.+)$/i, action: 'restore' },
  {
    re: /^(?:delete|remove|erase|destroy|wipe|purge|get rid of)\s+(?:the\s+)?(?:user|account|users|accounts)\s+(.+)$/i,
    action: 'clerk_user_delete',
  },
  {
    re: /^(?:delete|remove|erase|destroy|wipe|purge|get rid of)\s+(.+?)(?:'s|’s)\s+account$/i,
    action: 'clerk_user_delete',
  },
  { re: /^(?:delete|erase|destroy|wipe|purge)\s+(.+)$/i, action: 'clerk_user_delete' },
  // "remove <email or user id>" with no "from …": the user itself.
  {
    re: /^(?:remove|get rid of)\s+((?:⟦[ei]\d+⟧(?:\s*,\s*|\s+and\s+|\s+)?)+)(?:\s+(?:permanently|for good|completely|entirely))?$/i,
    action: 'clerk_user_delete',
  },
];

// "all week", "every day", "all the time", "all along": a stretch of time, not everyone.
const TIME_QUANTIFIER =
  /\b(?:all|every)\s+(?:the\s+)?(?:day|days|week|weeks|night|nights|month|year|morning|evening|weekend|time|along|over|season|game|match|round)\b/gi;

/** ban/unban/lock/unlock/delete/"let … sign in again" with one or more targets. */
export function parseUserAction(c: string, s: Sentence): Intent | undefined {
  for (const { re, action } of VERBS) {
    const m = c.match(re);
    if (!m) continue;
    const chunk = m[1]!.replace(
      /\s+(?:now|again|immediately|permanently|for good|from (?:the )?app|from clerk|everywhere)$/i,
      '',
    );
    // ("ban richard, toxic all week": a time said with "all" or "every" is no set of users.)
    const quantified = chunk.replace(TIME_QUANTIFIER, ' ');
    if (/\b(?:all|every|everyone|everybody|anyone)\b/i.test(quantified) && !/⟦[ei]/.test(chunk)) {
      return {
        kind: 'refuse',
        reason: bulkReason(action === 'restore' ? 'change' : action.replace('clerk_user_', '')),
      };
    }
    const targets = splitRefs(chunk, s.ents);
    if (targets.length === 0) return undefined;
    if (action === 'restore') return { kind: 'user_restore_sign_in', targets };
    const unblock =
      action === 'clerk_user_unban' && /^un-?block\b/i.test(c) && targets.every((t) => t.kind === 'email');
    const block =
      action === 'clerk_user_ban' && /^(?:block|blacklist)\b/i.test(c) && targets.every((t) => t.kind === 'email');
    return { kind: 'user_action', action, targets, ...(unblock ? { unblock } : {}), ...(block ? { block } : {}) };
  }
  return undefined;
}

/** The refusal for "ban everyone" / "delete all users". */
export function bulkReason(verb: string): string {
  return `I won't ${verb} users in bulk from one sentence. Name the users (emails or ids), for example "${verb} a@x.test and b@x.test", and I'll prepare one call per user for you to approve.`;
}

const FIELD_WORDS: Array<{ re: RegExp; field: string }> = [
  { re: /first ?name/i, field: 'first_name' },
  { re: /last ?name|surname|family name/i, field: 'last_name' },
  { re: /user ?name|handle/i, field: 'username' },
  { re: /external ?id/i, field: 'external_id' },
  { re: /locale|language/i, field: 'locale' },
  { re: /(?:full )?name|display name/i, field: 'name' },
];

/** Profile and metadata updates: "rename X to Y", "change X's first name to Y", "set X's public metadata to {…}". */
export function parseUserUpdate(c: string, s: Sentence): Intent | undefined {
  const meta = parseMetadataChange(c, s);
  if (meta) return meta;
  let m = c.match(/^rename\s+(?:the\s+)?(?:user\s+)?(.+?)\s+to\s+(.+)$/i);
  if (m) {
    const target = toRef(m[1]!, s.ents);
    // ("rename X to Y, can you …": the name ends where the sentence goes on.)
    const newName = cleanValue(unmask(endOfName(m[2]!), s.ents));
    if (!target || !newName) return undefined;
    if (target.kind === 'name' && !/\buser\b/i.test(c)) return { kind: 'rename_any', target, newName };
    return { kind: 'user_update', target, fields: splitName(newName) };
  }
  const FIELD =
    '(first ?name|last ?name|surname|family name|user ?name|handle|external ?id|locale|language|full name|display name|name)';
  const VERB = '^(?:change|set|update|edit|modify|correct|fix)\\s+';
  let fieldWord: string | undefined;
  let who: string | undefined;
  let value: string | undefined;
  if ((m = c.match(new RegExp(`${VERB}(?:the\\s+)?${FIELD}\\s+(?:of|for|on)\\s+(.+?)\\s+to\\s+(.+)$`, 'i'))))
    [, fieldWord, who, value] = m;
  else if ((m = c.match(new RegExp(`${VERB}(.+?)(?:'s|’s|s')\\s+${FIELD}\\s+to\\s+(.+)$`, 'i'))))
    [, who, fieldWord, value] = m;
  if (!fieldWord || !who || !value) return undefined;
  // "the name on my account": the writer, whom the message names by address (message-user.ts), never "account".
  const self = /^(?:(?:my|our)\s+(?:own\s+)?(?:account|profile|login|user|record)|me|myself|mine)$/i.test(who.trim());
  const target = self ? undefined : toRef(who, s.ents);
  // "… to Anne, it's misspelled": a comma that starts a new clause ends the value.
  const said = value
    .replace(
      /\s*[,;]\s*(?:it'?s|its|he|she|they|this|that|because|since|as|so|which|who|please|pls|thanks?|thx|nothing|only|just|and nothing)\b.*$/i,
      '',
    )
    // ("… to kofi.m - login x@y", "… to Brandt (see ticket)": a dash or a bracket ends the value.)
    .replace(/\s+[-–—]+\s+.*$|\s*\(.*$/, '');
  const text = cleanValue(unmask(said, s.ents));
  const field = FIELD_WORDS.find((f) => new RegExp(`^(?:${f.re.source})$`, 'i').test(fieldWord!.trim()))?.field;
  if ((!target && !self) || !text || !field) return undefined;
  const fields: Fields = field === 'name' ? splitName(text) : { [field]: text };
  return { kind: 'user_update', ...(target ? { target } : {}), fields };
}

/** "set jane@example.com's public metadata to {…}" / "update the metadata of Dave with {…}" (users only). */
function parseMetadataChange(c: string, s: Sentence): Intent | undefined {
  if (!/\bmetadata\b/i.test(c)) return undefined;
  // ("team: growth" is a key, not an organization.)
  // (… nor is a value at the end: "flip his tier in the metadata from basic to team".)
  const words = c.replace(/\b[\w.-]+\s*[:=]\s*[^\s,;]*/g, ' ').replace(/\b(?:from\s+\S+\s+)?to\s+\S+\s*$/i, ' ');
  if (/\b(?:org|orgs|organi[sz]ation|company|team)\b/i.test(words) || s.ents.ids.some((i) => i.prefix === 'org'))
    return undefined;
  const which = /\bprivate\b/i.test(c)
    ? 'private_metadata'
    : /\bunsafe\b/i.test(c)
      ? 'unsafe_metadata'
      : 'public_metadata';
  const json = s.ents.json[0] ?? parseKeyValues(c.replace(/⟦[ei]\d+⟧(?:'s|’s)?/g, ' '), s);
  // The owner named before "'s … metadata" comes first: a later "to X" is usually the value ("set Omar's
  // private metadata employee_id to ACME-0042"), not the user.
  const target =
    userRefsAnywhere(s)[0] ??
    // "… the shift key from Ann Lee's public metadata", "beta: true in Ann Lee's metadata": the owner after a
    // preposition, wherever the key and value were said.
    refFrom(
      // (the last preposition before it: "set x to true in Ann Lee's metadata" names Ann Lee, not "true in …")
      c.match(
        /^.*\b(?:in|from|of|on|off|inside|to|into|out\s+of)\s+(?!the\b(?!\s+(?:nameless\s+user|profiled~)))([^,]+?)(?:'s|’s|s')\s+(?:public |private |unsafe )?metadata/i,
      )?.[1],
      s,
    ) ??
    // "from maria garcias private metadata": a possessive typed without its apostrophe (two words, then "s").
    refFrom(
      c.match(
        /\b(?:in|from|of|on|inside|to|into)\s+(?!(?:the|his|her|their|its|our|my|your)\b)([a-z][\w-]*\s+[a-z][\w-]*?)(?<!['’])s\s+(?:public |private |unsafe )?metadata\b/i,
      )?.[1],
      s,
    ) ??
    refFrom(
      c.match(
        /^(?:set|update|change|merge|add|put|edit)\s+(.+?)(?:'s|’s|s')\s+(?:public |private |unsafe )?metadata/i,
      )?.[1],
      s,
    ) ??
    // "mark Noah Wilson as a vip in his public metadata": the one marked.
    // ("tag him in the private metadata with x set to 1": the one tagged, however the entry is said.)
    refFrom(c.match(/^(?:mark|flag|tag|label)\s+(.+?)\s+(?:as|in|with)\s+/i)?.[1], s) ??
    // "store ab_1 against Foo as vendor_no in its metadata": whose record the value is kept against.
    refFrom(c.match(/\b(?:against|under)\s+(?:the\s+)?(.+?)\s+as\s+/i)?.[1], s) ??
    // ("set k to "v"": the value after "to" is no user.)
    notValue(
      refFrom(
        c.match(/\b(?:of|for|on|to)\s+(?:the\s+user\s+|user\s+)?(.+?)(?:\s+(?:to|with|as)\s+⟦j\d+⟧.*)?$/i)?.[1],
        s,
      ),
      json,
    ) ??
    // "… in her public metadata" with the person named in another clause: the pronoun, filled from that clause.
    possessiveOwner(c);
  // No JSON given: the planner asks for it — when the clause asks for a change at all ("the flag reads beta_tester
  // out of her public metadata" only describes).
  if (!json && !/\b(?:set|update|change|add|put|merge|edit|remove|clear|delete|drop|store|record|write|fix)\b/i.test(c))
    return undefined;
  if (!json) return { kind: 'user_update', ...(target ? { target } : {}), fields: {} };
  return { kind: 'user_update', ...(target ? { target } : {}), fields: { [which]: json } };
}

function notValue(ref: Ref | undefined, json: unknown): Ref | undefined {
  if (!ref || !json || typeof json !== 'object') return ref;
  const values = Object.values(json as Record<string, unknown>).map((v) => String(v).toLowerCase());
  return values.includes(ref.value.toLowerCase()) ? undefined : ref;
}

function refFrom(chunk: string | undefined, s: Sentence): Ref | undefined {
  if (!chunk) return undefined;
  const cleaned = chunk
    .replace(/\s*(?:public |private |unsafe )?metadata.*$/i, '')
    .replace(/\s*[:=].*$/, '')
    .replace(/⟦j\d+⟧/g, '')
    .trim();
  return cleaned ? toRef(cleaned, s.ents) : undefined;
}

function cleanValue(v: string): string {
  return v
    .trim()
    .replace(/^["'“‘]|["'”’]$/g, '')
    .trim();
}

/** "Janet Doe" → first_name Janet, last_name Doe; one word → first_name only. */
function splitName(full: string): Fields {
  const parts = full.trim().split(/\s+/);
  if (parts.length === 1) return { first_name: parts[0] };
  return { first_name: parts.slice(0, -1).join(' '), last_name: parts[parts.length - 1] };
}

/** "create a user tom@x.test named Tom Hardy with password …". */
export function parseUserCreate(c: string, s: Sentence): Intent | undefined {
  const isCreate =
    // ("make the billing person admin" makes nobody: "make" creates only "a/an/new" one.)
    /^(?:create|add|register|make\s+(?:a|an|new|one)\b|set ?up|new|onboard|sign up)\b.*\b(?:user|account|person|login)\b/i.test(
      c,
    ) ||
    /^(?:create|register|onboard|sign up)\s+⟦e\d+⟧/i.test(c) ||
    /^new user\b/i.test(c);
  if (!isCreate || /\b(?:to|into)\s+(?:the\s+)?(?:allow|block|deny)/i.test(c)) return undefined;
  const fields: Fields = {};
  if (s.ents.emails.length > 0) fields.email_address = [...s.ents.emails];
  if (s.ents.phones.length > 0) fields.phone_number = [...s.ents.phones];
  const nameMatch =
    c.match(/\b(?:named|called|name(?:d)?:?|for)\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,2})/) ??
    c.match(/\b(?:user|account)\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,2})(?=\s*(?:⟦|\(|<|,|with|$))/);
  const quotedName = c.match(/\b(?:named|called)\s+⟦q(\d+)⟧/i);
  const fullName = quotedName ? s.ents.quoted[Number(quotedName[1])] : nameMatch?.[1];
  if (fullName) Object.assign(fields, splitName(fullName));
  const username = c.match(/\buser ?name\s+(?:of\s+)?(?:⟦q(\d+)⟧|([\w.-]+))/i);
  if (username) fields.username = username[1] !== undefined ? s.ents.quoted[Number(username[1])] : username[2];
  const password = c.match(/\bpassword\s+(?:of\s+|is\s+)?(?:⟦q(\d+)⟧|(\S+))/i);
  if (password && !/\b(?:no|without)\s+(?:a\s+)?password\b/i.test(c)) {
    fields.password = password[1] !== undefined ? s.ents.quoted[Number(password[1])] : password[2];
  }
  if (/\b(?:no|without(?: a)?)\s+password\b|\bpasswordless\b/i.test(c)) fields.skip_password_requirement = true;
  const external = c.match(/\bexternal ?id\s+(?:⟦q(\d+)⟧|([\w.-]+))/i);
  if (external) fields.external_id = external[1] !== undefined ? s.ents.quoted[Number(external[1])] : external[2];
  if (s.ents.json[0] && /\bmetadata\b/i.test(c)) {
    fields[
      /\bprivate\b/i.test(c) ? 'private_metadata' : /\bunsafe\b/i.test(c) ? 'unsafe_metadata' : 'public_metadata'
    ] = s.ents.json[0];
  }
  return { kind: 'user_create', fields };
}

/** "who is jane@example.com", "show user_…", "look up Dave", "tell me about Chris Park". */
export function parseUserLookup(c: string, s: Sentence): Intent | undefined {
  const anywhere = userRefsAnywhere(s);
  if (
    anywhere.length > 0 &&
    (READ.test(c) ||
      /^(?:⟦[ei]\d+⟧(?:\s*(?:,|and)\s*⟦[ei]\d+⟧)*)$/.test(c) ||
      /\bstatus\b|\bis\b.*\b(?:banned|locked)\b/i.test(c))
  ) {
    const asks = c.match(/^(?:is|are)\b.*?\b(banned|locked)\b/i)?.[1]?.toLowerCase() as 'banned' | 'locked' | undefined;
    return { kind: 'user_lookup', refs: anywhere, ...(asks ? { asks } : {}) };
  }
  const m =
    c.match(
      /^(?:look ?up|lookup|find|search for|tell me about|who is|who's|show me|show|get|pull up|bring up|describe|details (?:of|for|on|about)|info (?:on|about|for))\s+(?:the\s+)?(?:user|person|account)\s+(.+)$/i,
    ) ??
    c.match(
      /^(?:look ?up|lookup|tell me about|who is|who's|pull up|bring up|describe|details (?:of|for|on|about)|info (?:on|about|for)|find|show me|show)\s+(.+)$/i,
    ) ??
    c.match(/^is\s+(.+?)\s+(?:(?:still|already|currently|now|really)\s+)?(?:banned|locked|blocked|active)$/i) ??
    c.match(/^what(?:'s| is)\s+(?:the\s+)?status\s+of\s+(.+)$/i);
  if (!m) return undefined;
  // "who's banned?", "show me everything": a status or a vague word, not somebody's name.
  const chunk = m[1]!.trim();
  if (
    /^(?:the\s+|all\s+|my\s+|our\s+)*(?:\d+\s+)?(?:banned|locked(?: out)?|blocked|suspended|active|inactive|new|newest|latest|oldest|earliest|recent|first|last|top|online|everyone|everybody|all|everything|users?|people|accounts?|me|stats|statistics|status|admins?|members?|ones?)\b/i.test(
      chunk,
    )
  )
    return undefined;
  if (/\b(?:users|accounts|people|members|ones)\b/i.test(chunk)) return undefined;
  const refs = splitRefs(m[1]!, s.ents);
  // "is Ann Lee banned?" asks a yes/no about the state, named by name as by email.
  const asks = c
    .match(/^is\s+.+?\s+(?:(?:still|already|currently|now|really)\s+)?(banned|locked)$/i)?.[1]
    ?.toLowerCase() as 'banned' | 'locked' | undefined;
  return refs.length > 0 ? { kind: 'user_lookup', refs, ...(asks ? { asks } : {}) } : undefined;
}

/** User lists and counts with filters. */
export function parseUsersList(c: string, s: Sentence, now: number): Intent | undefined {
  const aboutUsers =
    /\b(?:users?|people|accounts?|members?|customers?|sign-?ups?|signups|anyone|anybody|everyone|who|ones)\b|\b(?:banned|locked|suspended)\b/i.test(
      c,
    );
  const verbish = READ.test(c) || COUNT.test(c) || /^(?:users|all users|banned|locked|new users)\b/i.test(c);
  if (!aboutUsers || !verbish) return undefined;
  const filter: UserFilter = {};
  const count = COUNT.test(c);
  if (/\b(?:banned|blocked|suspended)\b/i.test(c))
    filter.banned = !/\b(?:not|isn't|aren't|un)[- ]?(?:banned|blocked|suspended)\b/i.test(c);
  if (/\b(?:locked)\b/i.test(c)) filter.locked = !/\b(?:not|isn't|aren't|un)[- ]?locked\b/i.test(c);
  const inactive =
    /\b(?:haven't|hasn't|have not|has not|not|didn't|never|no longer)\s+(?:signed|logged|been)\s*(?:in|active|on)?\b|\binactive\b|\bdormant\b/i.test(
      c,
    );
  const window = parseDateWindow(c, now);
  if (inactive) {
    const span =
      parseInactiveSpan(c, now) ??
      (window?.after !== undefined ? { before: window.after, label: `not ${window.label}` } : undefined);
    if (span) filter.signIn = span;
  } else if (window) {
    if (/\b(?:active|signed in|logged in|sign[- ]?ins?|logins?|used|online|seen)\b/i.test(c)) filter.active = window;
    else filter.created = window;
  } else if (/\bnew(?:est)?\b|\brecent(?:ly)?\b|\blatest\b/i.test(c) && !/\bnew user\b.*⟦e/i.test(c)) {
    filter.limit = s.ents.numbers[0] ?? 10;
  }
  const host = s.masked.match(/@?⟦h(\d+)⟧/);
  if (
    host &&
    (/\b(?:at|from|with|on|in|using|@)\b|@⟦h/i.test(c) ||
      /⟦h\d+⟧\s+(?:e-?mails?|e-?mail addresses|addresses|address|accounts?)\b/i.test(c))
  )
    filter.emailQuery = `@${s.ents.hosts[Number(host[1])]!}`;
  const named = c.match(
    /\b(?:named|called|matching|containing|with (?:the )?name|whose name (?:is|contains))\s+(.+?)(?:\s+(?:who|that|in|at)\b.*)?$/i,
  );
  if (named) {
    const q = cleanName(unmask(named[1]!, s.ents));
    if (q && !/⟦/.test(q)) filter.query = q;
  }
  const top = c.match(
    /\b(?:first|top|last|latest|newest|recent)\s+(\d+)\b(?!\s*(?:days?|weeks?|months?|hours?|years?)\b)|\b(\d+)\s+(?:newest|latest|most recent|recent|users)\b/i,
  );
  if (top) filter.limit = Number(top[1] ?? top[2]);
  // "the oldest account", "our 3 earliest users": sorted reads. ("5 newest users" keeps Clerk's default order.)
  if (
    /\b(?:oldest|earliest|longest[- ]standing)\b|\bfirst (?:users?|accounts?|sign-?ups?|customers?) (?:ever|we had|to sign up)\b/i.test(
      c,
    )
  ) {
    filter.order = '+created_at';
    filter.limit = top
      ? Number(top[1] ?? top[2])
      : /\b(?:users|accounts|people|customers|ones|sign-?ups)\b/i.test(c)
        ? (s.ents.numbers[0] ?? 10)
        : 1;
  } else if (
    /\b(?:newest|latest|most recent)\s+(?:one|user|account|sign-?up|customer)\b|\bwho signed up last\b/i.test(c) &&
    !top
  ) {
    filter.order = '-created_at';
    filter.limit = 1;
  }
  const plainList =
    /\b(?:list|show|display|get|see|view|print|all)\b.*\b(?:users|accounts|people|customers)\b|^users$/i.test(c);
  const hasFilter = Object.keys(filter).length > 0;
  if (!hasFilter && !count && !plainList) return undefined;
  return { kind: 'users_list', filter, count };
}

/** "her metadata", "his private metadata": the pronoun whose antecedent another clause names. */
function possessiveOwner(c: string): Ref | undefined {
  const m = c.match(/\b(his|her|their)\s+(?:public\s+|private\s+|unsafe\s+)?metadata\b/i);
  if (!m) return undefined;
  return { kind: 'pronoun', value: { his: 'him', her: 'her', their: 'them' }[m[1]!.toLowerCase()]! };
}
