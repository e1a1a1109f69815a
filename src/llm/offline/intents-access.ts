/**
 * Intent patterns for sessions ("sign Dave out everywhere", "revoke session sess_…", "list Dave's sessions") and
 * the sign-up allowlist and blocklist.
 */
import type { Sentence } from './entities.js';
import type { Intent } from './intent-types.js';
import { COUNT, READ } from './phrases.js';
import { splitRefs, toRef } from './refs.js';
import { bulkReason } from './intents-users.js';

const SESSION_STATUSES = ['active', 'revoked', 'ended', 'expired', 'removed', 'replaced', 'abandoned', 'pending'];

/** Sessions: sign-out-everywhere, revoke/get by id, list for a user. */
export function parseSessions(c: string, s: Sentence): Intent | undefined {
  const ids = s.ents.ids.filter((i) => i.prefix === 'sess').map((i) => i.value);
  if (ids.length > 0) {
    if (/\b(?:revoke|end|kill|terminate|invalidate|sign out|log out|close|expire|stop|delete|remove)\b/i.test(c))
      return { kind: 'session_revoke', ids };
    return { kind: 'session_get', ids };
  }
  let m: RegExpMatchArray | null;
  const chunk =
    ((m = c.match(/^(?:sign|log)\s+(.+?)\s+out\b/i)) ? m[1] : undefined) ??
    ((m = c.match(/^(?:kick|boot)\s+(.+?)\s+out(?:\s+(?:everywhere|of (?:all|every)\b.*))?$/i)) ? m[1] : undefined) ??
    ((m = c.match(
      /^(?:sign|log)[- ]?out\s+(.+?)(?:\s+(?:everywhere|of (?:all|every)\b.*|from (?:all|every)\b.*|on (?:all|every)\b.*|across\b.*))?$/i,
    ))
      ? m[1]
      : undefined) ??
    ((m = c.match(
      /^(?:revoke|end|kill|terminate|invalidate|clear|close|wipe)\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:active\s+)?(.+?)(?:'s|’s|s')\s+(?:active\s+|open\s+)?sessions?\b/i,
    ))
      ? m[1]
      : undefined) ??
    ((m = c.match(
      /^(?:revoke|end|kill|terminate|invalidate|clear|close|wipe)\s+(?:all\s+)?(?:the\s+)?(?:active\s+|open\s+)?sessions\s+(?:of|for|from|belonging to)\s+(.+)$/i,
    ))
      ? m[1]
      : undefined) ??
    ((m = c.match(/^force[- ]?(?:a\s+)?(?:logout|log ?out|sign[- ]?out)\s+(?:of\s+|for\s+)?(.+)$/i))
      ? m[1]
      : undefined);
  if (chunk !== undefined) {
    if (/^(?:everyone|everybody|all users|all)$/i.test(chunk.trim()))
      return { kind: 'refuse', reason: bulkReason('sign out') };
    const targets = splitRefs(chunk, s.ents);
    if (targets.length > 0) return { kind: 'sign_out', targets };
  }
  const signedInQuestion =
    /^(?:is|are|where is|where's)\s+.+?\s+(?:signed|logged)\s+in(?:\s+(?:anywhere|right now|now|currently))?$/i.test(c);
  if (!/\bsessions?\b/i.test(c) && !signedInQuestion) return undefined;
  const status =
    SESSION_STATUSES.find((st) => new RegExp(`\\b${st}\\b`, 'i').test(c)) ??
    (/\bsigned in\b|\blogged in\b|\bonline\b/i.test(c) ? 'active' : undefined);
  const who =
    c.match(
      /(?:^|\s)(?:list|show|display|get|view|see|check|print|give me|what are)?\s*(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:of\s+)?(.+?)(?:'s|’s|s')\s+(?:active\s+|current\s+|open\s+|revoked\s+|ended\s+|expired\s+)?sessions\b/i,
    )?.[1] ??
    c.match(
      /\bsessions\s+(?:of|for|belonging to|from)\s+(?:the\s+)?(?:user\s+)?(.+?)(?:\s+(?:that|which|with|are)\b.*)?$/i,
    )?.[1] ??
    c.match(/\bsessions\s+does\s+(.+?)\s+have\b/i)?.[1] ??
    c.match(/\b(?:is|are)\s+(.+?)\s+(?:signed|logged)\s+in\b/i)?.[1] ??
    c.match(/\bwhere\s+is\s+(.+?)\s+(?:signed|logged)\s+in\b/i)?.[1] ??
    c.match(/\bhow many\s+(?:active\s+)?sessions\s+(?:does|do|has)\s+(.+?)(?:\s+have)?$/i)?.[1];
  const target = who ? toRef(who.replace(/^(?:active|all|current)\s+/i, ''), s.ents) : undefined;
  if (!target && !(READ.test(c) || COUNT.test(c))) return undefined;
  return { kind: 'sessions_list', ...(target ? { target } : {}), ...(status ? { status } : {}) };
}

const ALLOW =
  /\ballow[- ]?list(?:ed|s)?\b|\bwhite[- ]?list(?:ed|s)?\b|\ballowed (?:identifiers|emails|domains|addresses|list|sign-?ups)\b|\ballowed to sign up\b/i;
const BLOCK =
  /\bblock[- ]?list(?:ed|s)?\b|\bblack[- ]?list(?:ed|s)?\b|\bdeny[- ]?list(?:ed|s)?\b|\bblocked (?:identifiers|emails|domains|addresses|list|sign-?ups)\b/i;

// "the entire domain x.test", "a wildcard", "any address on it": every email address at the host.
const WHOLE_DOMAIN =
  /\b(?:whole|entire|full)\s+(?:⟦h\d+⟧\s+)?(?:e-?mail\s+)?domain\b|\bwildcard\b|\b(?:every|any|all)\s+(?:e-?mail\s+)?address(?:es)?\s+(?:at|on|from|under)\b|\b(?:anyone|everyone|anybody)\s+(?:at|from|with)\b/i;

/** Identifiers named in the request: wildcards, emails, phones, then bare hosts. */
function identifiers(s: Sentence, list: 'allowlist' | 'blocklist', c = ''): string[] {
  // "the sender's whole domain, x.test, (as *@x.test)": an address in the possessive only says whose domain it is,
  // and a bare domain that a wildcard in the same request already covers is the same entry said twice.
  // (Only what the text still says: a re-read with a clause left out keeps the entity tables of the whole message.)
  const says = (kind: string, i: number): boolean => s.masked.includes(`⟦${kind}${i}⟧`);
  const emails = s.ents.emails.filter((_, i) => says('e', i) && !new RegExp(`⟦e${i}⟧['’]s\\b`).test(s.masked));
  const wildcards = s.ents.wildcards.filter((_, i) => says('w', i));
  const covered = new Set(wildcards.map((w) => w.replace(/^\*@/, '').toLowerCase()));
  const out = [...wildcards, ...emails, ...s.ents.phones.filter((_, i) => says('p', i))];
  for (const h of s.ents.hosts.filter((_, i) => says('h', i))) {
    if (covered.has(h.toLowerCase())) continue;
    // "the whole domain x.test (wildcard, every address at it)": a blocklisted domain said as every address.
    const everyAddress =
      /\b(?:whole|entire|all of)\s+(?:the\s+)?domain\b|\bwildcard\b|\b(?:every|all|any)\s+(?:e-?mail\s+)?address(?:es)?\b/i;
    out.push(list === 'allowlist' || everyAddress.test(s.masked) || WHOLE_DOMAIN.test(c) ? `*@${h}` : h);
  }
  return [...new Set(out)];
}

// The list something leaves: "off/from/out of the allowlist", "instead of / rather than / not on the allowlist".
const SOURCE =
  /\b(?:off|from|out of|instead of|rather than|not on|no longer on)\s+(?:the\s+|our\s+|my\s+|its\s+)?(\w+[- ]?list)\b/i;

/**
 * A move between the lists: "move X from the allowlist to the blocklist", "X has to leave the allowlist and go
 * on the blocklist", "put X on the blocklist instead of the allowlist". Rule: a clause that names both lists and
 * an identifier, and marks one list as the one it leaves, removes it there and adds it to the other.
 */
function parseListMove(c: string, s: Sentence): Intent | undefined {
  if (!ALLOW.test(c) || !BLOCK.test(c) || /\b(?:is|are)\s+.*\?$/.test(c)) return undefined;
  const sourceAt = c.match(SOURCE);
  const source = sourceAt?.[1];
  if (!source) return undefined;
  // "take X off the allowlist, and blocklist Y": two requests, each with its own identifier, are no move.
  const [before, after] = [c.slice(0, sourceAt.index), c.slice(sourceAt.index! + sourceAt[0].length)];
  if (/⟦[wehp]\d+⟧/.test(before) && /⟦[wehp]\d+⟧/.test(after)) return undefined;
  const from: 'allowlist' | 'blocklist' | undefined = ALLOW.test(source)
    ? 'allowlist'
    : BLOCK.test(source)
      ? 'blocklist'
      : undefined;
  if (!from) return undefined;
  const to = from === 'allowlist' ? 'blocklist' : 'allowlist';
  const moved = identifiers(s, from);
  if (moved.length === 0) return undefined;
  return {
    kind: 'sequence',
    steps: [
      { kind: 'list_remove', list: from, identifiers: moved, ids: [] },
      { kind: 'list_add', list: to, identifiers: identifiers(s, to) },
    ],
  };
}

const CHECK =
  /^(?:is|are)\s+(.+?)\s+(?:currently\s+|still\s+|already\s+)?(blocked|blocklisted|blacklisted|denied|(?:on|in)\s+(?:the|our)\s+(?:block(?:ed)?|black|deny|denied|banned)[- ]?list|allowed|allowlisted|whitelisted|(?:on|in)\s+(?:the|our)\s+(?:allow(?:ed)?|white)[- ]?list)\b/i;
const SIGNUP_WORDS =
  /\b(?:the|any|all|new|sign-?ups?|signing up|registrations?|accounts?|users?|people|emails?|e-mails?|addresses|address|domains?|domain|from|at|with|using|on|our|instance|app|allowed to sign up)\b/gi;

/**
 * "Are registrations from mailinator addresses blocked?", "is *@x.test on the allowlist?": a question answered from
 * the list (wildcards included), never a change. Rule: the subject names sign-ups, addresses or a domain (or is a
 * wildcard/host), so "is jane@x.test blocked?" about a user stays a user question.
 */
function parseListCheck(c: string, s: Sentence): Intent | undefined {
  const m = c.match(CHECK);
  if (!m) return undefined;
  const subject = m[1]!;
  const list: 'allowlist' | 'blocklist' = /allow|white/i.test(m[2]!) ? 'allowlist' : 'blocklist';
  // "is partner@x.test on the allowlist?": an address asked about by the list's name is a list question.
  const email = subject.match(/^⟦e(\d+)⟧$/);
  if (email && /list$/i.test(m[2]!)) return { kind: 'list_entries', list, term: s.ents.emails[Number(email[1])]! };
  const entity = subject.match(/⟦([wh])(\d+)⟧/);
  if (entity) {
    const v = entity[1] === 'w' ? s.ents.wildcards[Number(entity[2])] : s.ents.hosts[Number(entity[2])];
    return v ? { kind: 'list_entries', list, term: v } : undefined;
  }
  if (!/\b(?:sign-?ups?|signing up|registrations?|addresses|emails|domains?)\b/i.test(subject) || /⟦/.test(subject))
    return undefined;
  const term = subject.replace(SIGNUP_WORDS, ' ').replace(/\s+/g, ' ').trim();
  return /^[\w.-]+$/.test(term) ? { kind: 'list_entries', list, term: term.toLowerCase() } : undefined;
}

/** Allowlist and blocklist: list, add, remove. */
export function parseAccessLists(c: string, s: Sentence): Intent | undefined {
  const check = parseListCheck(c, s);
  if (check) return check;
  const move = parseListMove(c, s);
  if (move) return move;
  // "block the address x@y.test": an identifier, not a user (banning is "ban" or "block the user").
  const blockIdentifier =
    /^(?:block|deny|blacklist)\s+(?:the\s+)?(?:email\s+)?(?:address(?:es)?|identifiers?|domains?|phone(?: numbers?)?|emails?)\s+⟦[wehp]/i.test(
      c,
    );
  const blockSignup =
    blockIdentifier ||
    /^(?:block|ban|stop|prevent|deny)\b.*\bfrom\s+(?:signing up|sign(?:ing)?[- ]?ups?|registering|creating (?:an )?accounts?|joining)\b/i.test(
      c,
    );
  const allowSignup = /^(?:allow|permit|let)\b.*\b(?:to\s+)?sign(?:ing)?[- ]?up\b/i.test(c) && !/\bagain\b/i.test(c);
  const list: 'allowlist' | 'blocklist' | undefined =
    BLOCK.test(c) || blockSignup || s.ents.ids.some((i) => i.prefix === 'blid')
      ? 'blocklist'
      : ALLOW.test(c) ||
          allowSignup ||
          s.ents.ids.some((i) => i.prefix === 'alid') ||
          /^(?:allow|permit)\s+⟦[wehp]/i.test(c)
        ? 'allowlist'
        : undefined;
  if (!list) {
    if (/^(?:disallow|un-?allow|stop allowing)\s+⟦[wehp]/i.test(c))
      return { kind: 'list_remove', list: 'allowlist', identifiers: identifiers(s, 'allowlist'), ids: [] };
    if (/^(?:unblock|stop blocking)\s+⟦[wh]/i.test(c))
      return { kind: 'list_remove', list: 'blocklist', identifiers: identifiers(s, 'blocklist'), ids: [] };
    // "unblock that domain / that address": an entry, named by a word elsewhere in the message (list-entry.ts).
    if (
      /^(?:unblock|stop blocking)\s+(?:that|this|the|the\s+same)\s+(?:(?:e-?mail\s+)?address|e-?mail|domain|identifier|entry|one)\b/i.test(
        c,
      )
    )
      return {
        kind: 'list_remove',
        list: 'blocklist',
        identifiers: identifiers(s, 'blocklist'),
        ids: [],
        described: true,
      };
    return undefined;
  }
  const ids = s.ents.ids.filter((i) => i.prefix === (list === 'allowlist' ? 'alid' : 'blid')).map((i) => i.value);
  const idents = identifiers(s, list, c);
  const removing =
    /^(?:remove|delete|drop|take|unlist|clear|get rid of|erase|purge|pull|strike|disallow|un-?allow|stop allowing|stop blocking|unblock|un-?blocklist|un-?blacklist|un-?whitelist|un-?allowlist)\b/i.test(
      c,
    );
  if (removing) {
    // "nuke the mailinator thing from the blocklist": the entry the message names by a word of it.
    if (idents.length === 0 && ids.length === 0)
      return { kind: 'list_remove', list, identifiers: [], ids: [], described: true };
    return { kind: 'list_remove', list, identifiers: idents, ids };
  }
  const adding =
    /^(?:add|put|allow|permit|let|whitelist|allowlist|blocklist|blacklist|block|ban|deny|stop|prevent|include|insert|create)\b/i.test(
      c,
    );
  // "… and put onto the allowlist": an add that names nothing is not a read of the list; unparsed, so the
  // sentence is read whole ("remove X from the blocklist and put onto the allowlist" is a move).
  if (adding && idents.length === 0 && ids.length === 0 && !READ.test(c) && !COUNT.test(c))
    return { kind: 'unknown', topic: list };
  // "add A, and drop B": an identifier that is the object of a removal verb is not one to add (that clause is a
  // removal of its own; accounting.ts gives it its own reading).
  const removed = new Set(
    [
      ...s.masked.matchAll(
        /\b(?:remove|drop|delete|take|pull|strike|erase|purge|unlist)\s+(?:the\s+)?(?:entry\s+(?:for\s+)?)?⟦([ewh])(\d+)⟧/gi,
      ),
    ].map((m) => (m[1] === 'e' ? s.ents.emails : m[1] === 'w' ? s.ents.wildcards : s.ents.hosts)[Number(m[2])]),
  );
  const adds = idents.filter((i) => !removed.has(i) && !removed.has(i.replace(/^\*@/, '')));
  if (adding && adds.length > 0) {
    const idents = adds;
    const notify = /\bnotify\b|\bsend (?:them |him |her )?(?:an? )?(?:invite|invitation|email)\b|\band invite\b/i.test(
      c,
    );
    return { kind: 'list_add', list, identifiers: idents, ...(notify && list === 'allowlist' ? { notify: true } : {}) };
  }
  if (
    READ.test(c) ||
    COUNT.test(c) ||
    /^(?:the\s+)?(?:allow|block|white|black|deny)[- ]?list$/i.test(c) ||
    idents.length === 0
  ) {
    return { kind: 'list_entries', list };
  }
  return undefined;
}
