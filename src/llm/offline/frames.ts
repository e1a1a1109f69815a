/**
 * The second reader: action frames found anywhere in a message, for what the sentence readers (intents.ts and
 * the files around it) could not read. Those readers are precise and shaped: a verb where a request puts it, a
 * name where the verb's object stands. People write otherwise — "can her Foo membership be taken off her?",
 * "end every sesion that guy still has open, no bans though", "pls revkoe the invitaton for x@y to the Foo
 * organisaton". A frame is an action word (by edit distance against a small lexicon, in any position, as a
 * base form or as a participle after a modal "be") plus the resource words around it; the slots come from what the
 * sentence holds (addresses, ids, a domain, a role word) and otherwise from names looked up in the listing
 * (`mention` references, listed-names.ts), so a name is whatever a record is called rather than whatever stood in a
 * position. Negated actions ("no bans", "don't delete her") and reports ("his account got locked") are no frame.
 * Used only when the readers understood nothing: they keep precedence, and this reader never widens what they read.
 */
import { closest } from './lexicon.js';
import { roleRef } from './refs.js';
import { splitSentences } from './clauses.js';
import { analyze, roleKey, type Sentence, unmask } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { CREATES_ORG, orgSeats, userFields } from './field-frames.js';
import { recordRename } from './record-rename.js';
import { recencyIn } from './described.js';
import { appScopes } from './app-scopes.js';

type Act = 'lock' | 'unlock' | 'ban' | 'unban' | 'delete' | 'remove' | 'revoke' | 'end' | 'role' | 'restore' | 'add';

/** Base forms of the action words, and what each does. */
const ACTS: Record<string, Act> = {
  lock: 'lock',
  freeze: 'lock',
  unlock: 'unlock',
  unfreeze: 'unlock',
  ban: 'ban',
  unban: 'unban',
  delete: 'delete',
  erase: 'delete',
  nuke: 'delete',
  wipe: 'delete',
  purge: 'delete',
  bin: 'delete',
  trash: 'delete',
  destroy: 'delete',
  scrap: 'delete',
  remove: 'remove',
  drop: 'remove',
  kick: 'remove',
  boot: 'remove',
  offboard: 'remove',
  eject: 'remove',
  revoke: 'revoke',
  cancel: 'revoke',
  withdraw: 'revoke',
  rescind: 'revoke',
  retract: 'revoke',
  kill: 'end',
  end: 'end',
  terminate: 'end',
  add: 'add',
  allow: 'add',
  make: 'role',
  promote: 'role',
  demote: 'role',
  downgrade: 'role',
  switch: 'role',
  change: 'role',
  set: 'role',
  move: 'role',
};

/** Participles after "be"/"get" ("should be locked", "can he be made a viewer"). */
const PARTICIPLES: Record<string, Act> = {
  locked: 'lock',
  frozen: 'lock',
  unlocked: 'unlock',
  unfrozen: 'unlock',
  banned: 'ban',
  unbanned: 'unban',
  deleted: 'delete',
  erased: 'delete',
  removed: 'remove',
  kicked: 'remove',
  revoked: 'revoke',
  cancelled: 'revoke',
  canceled: 'revoke',
  withdrawn: 'revoke',
  rescinded: 'revoke',
  terminated: 'end',
  ended: 'end',
  killed: 'end',
  made: 'role',
  promoted: 'role',
  demoted: 'role',
  downgraded: 'role',
  switched: 'role',
  changed: 'role',
  moved: 'role',
  set: 'role',
  reduced: 'role',
  lowered: 'role',
  upgraded: 'role',
  raised: 'role',
};

const GERUNDS: Record<string, Act> = {
  locking: 'lock',
  unlocking: 'unlock',
  banning: 'ban',
  unbanning: 'unban',
  deleting: 'delete',
  removing: 'remove',
  kicking: 'remove',
  revoking: 'revoke',
  cancelling: 'revoke',
  canceling: 'revoke',
  withdrawing: 'revoke',
  ending: 'end',
  terminating: 'end',
  making: 'role',
  promoting: 'role',
  demoting: 'role',
  switching: 'role',
  changing: 'role',
};

const NOUNS: Record<string, string> = {
  invite: 'invite',
  invites: 'invite',
  invitation: 'invite',
  invitations: 'invite',
  session: 'session',
  sessions: 'session',
  account: 'account',
  accounts: 'account',
  acct: 'account',
  accts: 'account',
  user: 'account',
  users: 'account',
  login: 'account',
  organization: 'org',
  organisation: 'org',
  organizations: 'org',
  organisations: 'org',
  org: 'org',
  orgs: 'org',
  workspace: 'org',
  membership: 'org',
  memberships: 'org',
  access: 'access',
  app: 'app',
  apps: 'app',
  application: 'app',
  applications: 'app',
  integration: 'app',
  integrations: 'app',
  template: 'template',
  templates: 'template',
  allowlist: 'allowlist',
  whitelist: 'allowlist',
  blocklist: 'blocklist',
  blacklist: 'blocklist',
};

const LEXICON = [...Object.keys(ACTS), ...Object.keys(PARTICIPLES), ...Object.keys(GERUNDS), ...Object.keys(NOUNS)];

/** One word of a sentence, as typed and as read. */
interface Word {
  said: string;
  word: string;
  at: number;
}

function wordsOf(sentence: string): Word[] {
  const out: Word[] = [];
  for (const m of sentence.matchAll(/⟦[a-z]\d+⟧|[\p{L}'’-]+/gu)) {
    const said = m[0];
    const lower = said.toLowerCase().replace(/’/g, "'");
    const word =
      lower.startsWith('⟦') || LEXICON.includes(lower) || said.length < 4 ? lower : (closest(lower, LEXICON) ?? lower);
    out.push({ said, word, at: m.index ?? 0 });
  }
  return out;
}

const NEGATION =
  /^(?:no|not|never|without|don't|dont|doesn't|doesnt|didn't|didnt|shouldn't|shouldnt|won't|wont|can't|cant|nor|instead)$/;
const BE = /^(?:be|been|get|gets|getting|is|are|was|were)$/;
const MODAL_REQUEST =
  /\b(?:should|shall|must|needs?\s+to|has\s+to|have\s+to|could|can|would|will|please|pls|to\s+be|want|wants|like|asked?|requests?|requested)\b/i;
// A question about what is or was ("did you lock X?", "is X banned?") asks nothing to change; a request put as a
// question starts with one of these.
const ASKING = /^(?:(?:hi|hey|hello|so|ok|okay|and|also|then)[,!]?\s+)*(?:can|could|would|will|pls|please)\b/i;

/**
 * True when a negation stands in the few words before word `i` of its own clause: the look back stops at
 * punctuation, at another action word and at "just/but/only/and" ("don't delete him, just lock him" locks).
 */
function negatedAt(sentence: string, words: Word[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const w = words[k]!;
    if (/[,;:.!?()]/.test(sentence.slice(w.at + w.said.length, words[k + 1]!.at))) return false;
    if (NEGATION.test(w.word)) return true;
    if (ACTS[w.word] || /^(?:just|but|only|and|then|instead)$/.test(w.word)) return false;
  }
  return false;
}

/** The clause of `sentence` word `at` stands in: after the last dash, semicolon, colon or comma before it. */
function clauseOf(sentence: string, at: number): string {
  const head = sentence.slice(0, at);
  const cut = Math.max(...['—', '–', ' - ', ';', ':', ','].map((d) => head.lastIndexOf(d) + d.length));
  return sentence.slice(Math.max(0, cut)).trim();
}

/** The actions a sentence asks for, in order (negated ones and reports left out). */
function actsOf(sentence: string, words: Word[], asked: boolean): Array<{ act: Act; index: number }> {
  const question = asked && !ASKING.test(sentence) && !/\bis\s+it\s+possible\b/i.test(sentence);
  const out: Array<{ act: Act; index: number }> = [];
  words.forEach((w, i) => {
    // "don't ban him", "no bans", "doesn't need to be removed" within the same few words.
    if (negatedAt(sentence, words, i)) return;
    const base = ACTS[w.word];
    if (base) {
      // ("X sent an invite last week — could you please revoke it?": the clause the verb is in asks.)
      if (question && !ASKING.test(clauseOf(sentence, w.at))) return;
      // "set up a workspace", "make up", "end up": a phrasal verb, not the action.
      if (/^\s+(?:up|out)\b/i.test(sentence.slice(w.at + w.said.length)) && /^(?:set|make|end)$/.test(w.word)) return;
      // "Unlock is not needed", "the ban was discussed": the action word as a noun, the subject of a statement;
      // "unlock nothing": the object says none.
      if (
        /^\s*(?:is|was|were|are|has|had|can|will|would|should|needs?|isn'?t|wasn'?t|nothing|no\s+one|nobody)\b/i.test(
          sentence.slice(w.at + w.said.length),
        )
      )
        return;
      // "lift the ban", "undo her lock": the action word as the object of another verb is a noun — unless it says
      // on whom ("do the ban on X" asks for the ban); "just a ban" alone still asks for one.
      if (
        i > 1 &&
        /^(?:the|a|an|his|her|their|its|my|our|your|this|that)$/.test(words[i - 1]!.word) &&
        /^(?:lift|lifted|undo|reverse|remove|clear|cancel|drop|revoke|appeal|discuss|review|extend|keep|explain|end|take)$/.test(
          words[i - 2]!.word,
        ) &&
        !/^\s+(?:on|of|for|against)\b/i.test(sentence.slice(w.at + w.said.length))
      )
        return;
      // (Generic verbs — "set", "change", "end", "add" — make a frame only with the role word or resource word
      // their frame needs, checked in `frame`; inflected reports such as "he locks" never match a base form.)
      out.push({ act: base, index: i });
      return;
    }
    // "would you mind removing …", "please go ahead with locking …": the -ing form after a request word.
    const gerund = GERUNDS[w.word];
    if (gerund) {
      if (
        /\b(?:mind|consider|proceed\s+with|go\s+ahead\s+(?:and|with)|start|recommend|suggest)\s*$/i.test(
          sentence.slice(0, w.at),
        )
      )
        out.push({ act: gerund, index: i });
      return;
    }
    const participle = PARTICIPLES[w.word];
    if (participle) {
      // "should be locked", "can he be made a viewer", "is to be locked": the state asked for.
      const prev = words
        .slice(Math.max(0, i - 3), i)
        .map((b) => b.word)
        .reverse();
      // "wants this account banned", "we need her locked asap": the state wanted for an object.
      const wantedFor = words
        .slice(Math.max(0, i - 5), i)
        .some((b) => /^(?:want|wants|wanted|need|needs|like|'d)$/.test(b.word));
      if (wantedFor && !prev.some((b) => BE.test(b))) {
        // ("we need the locked accounts counted": an adjective before its noun, not the state wanted.)
        const attributive =
          /^\s+(?:users?|accounts?|accts?|people|ones|members?|sessions?|invit\w*|e-?mails?|addresses|list)\b/i.test(
            sentence.slice(w.at + w.said.length),
          );
        if (!asked && !attributive) out.push({ act: participle, index: i });
        return;
      }
      if (!prev.some((b) => BE.test(b))) return;
      const head = sentence.slice(0, w.at);
      if (!MODAL_REQUEST.test(head.slice(Math.max(0, head.length - 60)))) return;
      // "I'd like to know whether X is locked": a question about the state, not the state asked for.
      if (/\b(?:whether|if|tell\s+me)\b/i.test(head)) return;
      // "could X be banned for sharing a password?", "could anyone be removed by mistake?": whether it can happen.
      if (
        asked &&
        (/^\s+(?:for|by|if|when|because|without|after|just)\b/i.test(sentence.slice(w.at + w.said.length)) ||
          /\b(?:anyone|anybody|someone|somebody|everyone|one)\s+(?:\S+\s+)?$/i.test(
            head.replace(/\b(?:be|get)\s*$/i, ''),
          ))
      )
        return;
      out.push({ act: participle, index: i });
    }
  });
  // "take his access away", "take her out of Foo", "take him off Foo": a removal.
  const takes = sentence.match(/\b(?:take|taken|took|pull|pulled|get)\b[^.?!]{0,40}?\b(?:out|off|away)\b/i);
  if (takes && !out.some((o) => o.act === 'remove')) {
    const at = words.findIndex((w) => w.at >= (takes.index ?? 0));
    if (!(at > 0 && negatedAt(sentence, words, at)) && (!question || /\bbe\s+taken\b/i.test(takes[0])))
      out.push({ act: 'remove', index: Math.max(0, at) });
  }
  // "X should be admin now", "she needs viewer, not member", "has to become a billing member": a role wanted.
  const wanted = sentence.match(
    /\b(?:(?:should|must|needs?|has\s+to|have\s+to|wants?)\s+(?:to\s+)?(?:(?:be|become|get|have)\s+)?|(?:he|she|they|also)\s+(?:becomes?|get|gets)\s+)(?:an?\s+|the\s+)?(?:(?:regular|plain|normal)\s+member|admin(?:istrator)?|member|viewer|billing)\b/i,
  );
  if (wanted && !out.some((o) => o.act === 'role') && !question) {
    const at = words.findIndex((w) => w.at >= (wanted.index ?? 0));
    if (!(at > 0 && negatedAt(sentence, words, at))) out.push({ act: 'role', index: Math.max(0, at) });
  }
  // "put X inside Foo as admin", "include her as a viewer": a membership with a role (the role frame reads it).
  if (
    !out.some((o) => o.act === 'role') &&
    !question &&
    /\b(?:put|place|include|add)\b[^.;]*?\bas\s+(?:an?\s+|the\s+)?(?:admin(?:istrator)?|member|viewer|billing)\b/i.test(
      sentence,
    )
  ) {
    const at = words.findIndex((w) => /^(?:put|place|include|add)$/.test(w.word));
    if (!(at > 0 && negatedAt(sentence, words, at))) out.push({ act: 'role', index: Math.max(0, at) });
  }
  // "sign him out", "log her out everywhere": every session ends.
  if (/\b(?:sign|log)\s+(?:\S+\s+){0,3}?out\b/i.test(sentence) && !question) out.push({ act: 'end', index: 0 });
  // "let him back in", "give her access back", "lift the ban": sign-in restored (the planner looks which).
  if (
    /\blet\s+(?:\S+\s+){1,3}?back\s+in\b|\bgive\s+(?:\S+\s+){1,3}?access\s+back\b|\blift\s+the\s+(?:ban|lock|block)\b/i.test(
      sentence,
    )
  )
    out.push({ act: 'restore', index: 0 });
  return out;
}

const ALL_WORD = /\b(?:all|every|each|everyone|everybody|every1|any\s+(?:user|account)s?)\b/i;
const NEWEST = /\b(?:newest|latest|most\s+recent(?:ly)?|last)\b/i;

/** The role a sentence names ("admin", "read-only access", "regular member"), as a Clerk role key. */
// ("the member limit", "the billing address": a role word that names a setting is no role.)
function roleOf(sentence: string): string | undefined {
  if (/\b(?:view[\s-]?only|read[\s-]?only|read\s+access)\b/i.test(sentence)) return 'org:viewer';
  const m = sentence.match(
    /\b(?:(?:regular|plain|normal|ordinary|basic)\s+member|administrator|admin|member|viewer|billing)\b(?!\s+(?:of\s+)?(?:the\s+)?(?:team|department|dept))(?!\s*(?:limit|cap|count|number|maximum|max|quota|list|ship|seats?\s+(?:limit|cap|count|max|maximum)|s\b))/gi,
  );
  const keys = [...new Set((m ?? []).map((r) => roleKey(r)).filter((r): r is string => r !== undefined))];
  // "viewer, not member", "viewer instead of member": the role before the negation.
  const not = sentence.match(
    /\b((?:regular|plain|normal)\s+member|administrator|admin|member|viewer|billing)\b,?\s+(?:not|instead\s+of|rather\s+than)\s+(?:an?\s+)?(?:(?:regular|plain|normal)\s+member|administrator|admin|member|viewer|billing)\b/i,
  );
  if (keys.length > 1 && not) return roleKey(not[1]!);
  // "from billing to member": the role asked for is the one after "to"/"as"/"an".
  if (keys.length > 1) {
    const to = sentence.match(
      /\b(?:to|as|an?|into)\s+(?:a\s+|an\s+|the\s+)?((?:regular|plain|normal)\s+member|administrator|admin|member|viewer|billing)\b/i,
    );
    return to ? roleKey(to[1]!) : undefined;
  }
  return keys[0];
}

/** The users a sentence names by address or id; else the one address the whole message has; else a lookup by name. */
function usersOf(sentence: string, said: Sentence): Ref[] {
  const emails = [...sentence.matchAll(/⟦e(\d+)⟧/g)].map((m) => said.ents.emails[Number(m[1])]!);
  const ids = [...sentence.matchAll(/⟦i(\d+)⟧/g)]
    .map((m) => said.ents.ids[Number(m[1])]!)
    .filter((i) => i.prefix === 'user')
    .map((i) => i.value);
  if (emails.length > 0 || ids.length > 0)
    return [
      ...emails.map((value): Ref => ({ kind: 'email', value })),
      ...ids.map((value): Ref => ({ kind: 'id', value })),
    ];
  // "external_id=crm-7", "external id: crm-7" (a log line or ticket field): the user with that external id.
  const external = unmask(said.masked, said.ents).match(/\bexternal[_\s-]?id\s*[=:]\s*([\w.-]+)/i)?.[1];
  if (external) return [{ kind: 'external', value: external }];
  // "whoever holds the billing role in Foo": the holders of that role (resolve.ts lists them).
  const holder = holderRef(sentence, said);
  if (holder) return [holder.ref];
  // The address a ticket labels as the one affected ("Affected user(s): x@y", "Account: x@y"), else the one
  // address elsewhere in the message — never a sender's or requester's ("a message from x@y", "Requester: x@y").
  const affected = labelledEmails(said, AFFECTED);
  if (affected.length > 0) return affected.map((value): Ref => ({ kind: 'email', value }));
  const senders = labelledEmails(said, SENDER);
  const others = [...new Set(said.ents.emails)].filter((e) => !senders.includes(e));
  if (others.length === 1) return [{ kind: 'email', value: others[0]! }];
  // "Affected user(s): Ann Lee": the person a ticket is about, said by name (looked up in the listing).
  const named = said.masked.match(AFFECTED_NAME)?.[1]?.trim();
  if (named && !/^(?:n\/?a|none|nobody|-+|tbd|unknown|see\s+below)$/i.test(named))
    return [{ kind: 'mention', value: unmask(named, said.ents), wider: unmask(said.masked, said.ents) }];
  // "the newest signup … lock that acct": the most recently created user (one read in creation order) — said in
  // this sentence, or pointed back at ("that acct") from a sentence that names nobody.
  const pointsBack =
    /\b(?:that|this|it|them)\b/i.test(sentence) && !/\p{Lu}/u.test(unmask(sentence, said.ents).slice(1));
  const recent = recencyIn(sentence) ?? (pointsBack ? recencyIn(said.masked) : undefined);
  if (recent) return [recent];
  return [{ kind: 'mention', value: unmask(sentence, said.ents), wider: unmask(said.masked, said.ents) }];
}

// Ticket and mail labels: the person a request is about, and the people who only sent or handle it.
const AFFECTED =
  /\b(?:affected\s+(?:users?|accounts?|persons?|members?)(?:\(s\))?|target\s+(?:user|account)|user\s+account|(?:user|account|employee|member|customer|subject|offending|reported)(?:\s+(?:user|account|acct|member))?(?:\(s\))?\s*:)/;
const SENDER =
  /\b(?:from|by|sender|cc|sent\s+by|requester|requested\s+by|reported\s+by|reporter|submitted\s+by|opened\s+by|raised\s+by|created\s+by|assignee|assigned\s+to|agent|contact)\b/;

/** The message's addresses a label stands just before ("Affected user(s): x@y", "Requester: Ann <x@y>"). */
function labelledEmails(said: Sentence, label: RegExp): string[] {
  return [...new Set(said.ents.emails)].filter((e) =>
    new RegExp(`${label.source}[^⟦.]{0,30}⟦e${said.ents.emails.indexOf(e)}⟧`, 'i').test(said.masked),
  );
}

const AFFECTED_NAME =
  /\baffected\s+(?:users?|accounts?|persons?|members?|people)(?:\(s\))?\s*:\s*([^.;:(⟦]{2,60}?)(?=\s*(?:[.;(]|--|\s-\s|$))/i;

const HOLDER =
  /\b(?:whoever|anyone\s+who|anybody\s+who|the\s+(?:person|one|user|member|guy|people|folks?)\s+(?:who|that))\b[^,.;!?()]*/i;

/** A role holder said as a description ("anyone who has read-only access at Foo"), and the words it spans. */
function holderRef(sentence: string, said: Sentence): { ref: Ref; words: string } | undefined {
  const m = sentence.match(HOLDER);
  if (!m) return undefined;
  const words = m[0]
    .replace(/\s+(?:should|must|needs?|is\s+to|to\s+be|be|can|could|will|would|from\s+now)\b.*$/i, '')
    // ("make whoever holds billing in Foo an admin": the role asked for is not part of the description.)
    .replace(
      /(?<!\b(?:is|are|was|were|has|have|holds?|with|as))\s+(?:an?|to|as|into)\s+(?:admin|administrator|member|viewer|billing|regular|plain|normal)\b.*$/i,
      '',
    );
  const chunk = unmask(words, said.ents).replace(
    /\b(?:(?:view|read)[\s-]?only|read)\s+(?:access|seat|role)\b/i,
    'the viewer role',
  );
  const ref = roleRef(chunk);
  return ref ? { ref, words } : undefined;
}

const orgRef = (sentence: string, said: Sentence): Ref => ({
  kind: 'mention',
  value: unmask(sentence, said.ents),
  wider: unmask(said.masked, said.ents),
});

/**
 * "add *@foo.test, remove old@bar.test" (with the allowlist named in the sentence, or the only list the message
 * names): one entry change per identifier in the sentence; "it" is the one identifier the message names.
 */
function listFrame(
  act: 'add' | 'remove',
  sentence: string,
  nouns: Set<string>,
  said: Sentence,
  context: string,
): Intent | undefined {
  const named = ['allowlist', 'blocklist'].filter((l) => nouns.has(l));
  const inContext = ['allowlist', 'blocklist'].filter((l) =>
    new RegExp(l === 'allowlist' ? '\\b(?:allow|white)[\\s-]?list' : '\\b(?:block|black)[\\s-]?list', 'i').test(
      `${said.masked} ${context}`,
    ),
  );
  const list = (named.length === 1 ? named : inContext.length === 1 ? inContext : [])[0] as
    | 'allowlist'
    | 'blocklist'
    | undefined;
  if (!list) return undefined;
  const ids = (text: string): string[] =>
    [...text.matchAll(/⟦([ewh])(\d+)⟧/g)].map((m) =>
      m[1] === 'e'
        ? said.ents.emails[Number(m[2])]!
        : m[1] === 'w'
          ? said.ents.wildcards[Number(m[2])]!
          : said.ents.hosts[Number(m[2])]!,
    );
  let identifiers = [...new Set(ids(sentence))];
  // "make sure x@y is on the allowlist … can you add it?": the one identifier the message names.
  if (identifiers.length === 0 && /\b(?:it|that|them|this)\b/i.test(sentence)) {
    const all = [...new Set(ids(said.masked))];
    if (all.length === 1) identifiers = all;
  }
  if (identifiers.length === 0) return undefined;
  return act === 'add' ? { kind: 'list_add', list, identifiers } : { kind: 'list_remove', list, identifiers, ids: [] };
}

/** The intent one action of a sentence asks for, or undefined when its slots are not there. */
function frame(act: Act, sentence: string, words: Word[], said: Sentence, at = 0, context = ''): Intent | undefined {
  const nouns = new Set(words.map((w) => NOUNS[w.word]).filter((n): n is string => n !== undefined));
  const hosts = [...sentence.matchAll(/@?⟦h(\d+)⟧|⟦w(\d+)⟧/g)];
  const emailsIn = [...sentence.matchAll(/⟦e(\d+)⟧/g)].map((m) => said.ents.emails[Number(m[1])]!);
  switch (act) {
    case 'lock':
    case 'unlock':
    case 'ban':
    case 'unban': {
      const action = `clerk_user_${act}` as const;
      // "lock all the proton.test accts": every user at that domain, one approval each (bulk.ts).
      const domains = [
        ...new Set(
          hosts.map((h) =>
            h[1] !== undefined
              ? said.ents.hosts[Number(h[1])]!
              : said.ents.wildcards[Number(h[2])]!.replace(/^\*?@/, ''),
          ),
        ),
      ];
      if (ALL_WORD.test(sentence) && domains.length === 1 && emailsIn.length === 0) {
        const domain = domains[0]!;
        return { kind: 'bulk_user_action', action, filter: { emailQuery: `@${domain}` }, domain };
      }
      // Every user in the state the change undoes ("unban each account that is banned"; bulk.ts lists them with
      // that filter). Only the undoing direction: "lock everyone who is locked" asks nothing.
      const undone = act === 'unban' ? 'banned' : act === 'unlock' ? 'locked' : undefined;
      if (
        undone &&
        ALL_WORD.test(sentence) &&
        emailsIn.length === 0 &&
        new RegExp(
          `\\b(?:who(?:'s|s)?|that|which)\\s+(?:(?:is|are|r|were|got|have\\s+been|has\\s+been)\\s+)?(?:currently\\s+|now\\s+|still\\s+)?${undone}\\b|\\b${undone}\\s+(?:users|usrs|accounts|accts|accnts|accs|logins|profiles|people|ones|folks)\\b`,
          'i',
        ).test(sentence)
      )
        return { kind: 'bulk_user_action', action, filter: undone === 'banned' ? { banned: true } : { locked: true } };
      return { kind: 'user_action', action, targets: usersOf(sentence, said) };
    }
    case 'restore':
      return { kind: 'user_restore_sign_in', targets: usersOf(sentence, said) };
    case 'end':
      if (!nouns.has('session') && !/\b(?:sign|log)\b/i.test(sentence)) return undefined;
      return { kind: 'sign_out', targets: usersOf(sentence, said) };
    case 'revoke': {
      // ("… an invitation Priya sent. … please cancel it": "it" is the invitation the message speaks of.)
      const itInvite =
        !nouns.has('invite') &&
        /\b(?:it|that|this|that\s+one)\b/i.test(sentence.slice(at)) &&
        /\binvit/i.test(said.masked);
      if (!nouns.has('invite') && !itInvite) return undefined;
      // "(x@y.test) … Can that invitation be cancelled?": the one address the message names.
      const everyEmail = [...new Set(said.ents.emails)];
      if (
        emailsIn.length === 0 &&
        everyEmail.length === 1 &&
        /\b(?:that|this|the|their|her|his)\s+(?:\w+\s+)?invit/i.test(sentence)
      )
        emailsIn.push(everyEmail[0]!);
      const newest = NEWEST.test(sentence) ? ('newest' as const) : undefined;
      // "the invite Ann Lee sent to Foo": the invitations that person sent (two-lookups.ts asks when several).
      const inviterIn = (text: string): string | undefined =>
        unmask(text, said.ents).match(
          /\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:had\s+|has\s+|was\s+|had\s+been\s+)?(?:sent|sending|issued|created)\b/u,
        )?.[1];
      // (… or in the message, when this sentence points back at it: "revoke that invitation".)
      const pointsBack = itInvite || /\b(?:it|that|this)\s+(?:\w+\s+)?invit/i.test(sentence.slice(at));
      const inviter = inviterIn(sentence) ?? (pointsBack ? inviterIn(said.masked) : undefined);
      // "withdraw the invitation I sent" in a ticket: the writer sent it — the requester's (sender's) address.
      const writer = labelledEmails(said, SENDER);
      if (
        !inviter &&
        emailsIn.length === 0 &&
        writer.length === 1 &&
        /\b(?:I|we)\s+(?:had\s+|have\s+|just\s+)?(?:sent|invited|issued|created)\b/i.test(said.masked)
      )
        return {
          kind: 'invitation_by_inviter',
          inviter: { kind: 'email', value: writer[0]! },
          ...(nouns.has('org') ? { org: orgRef(sentence, said) } : {}),
        };
      if (inviter && emailsIn.length === 0 && !/^(?:I|We|You|They|He|She|It|Someone)$/.test(inviter))
        return {
          kind: 'invitation_by_inviter',
          inviter: { kind: 'name', value: inviter },
          ...(nouns.has('org') ? { org: orgRef(sentence, said) } : {}),
        };
      // ("cancel all the pending invitations to their org": every one of them, listed first, one approval each.)
      const every =
        emailsIn.length === 0 &&
        !newest &&
        /\b(?:all|every|each)\b[^.;!?]{0,40}?\binvit(?:ation|e)s?\b/i.test(sentence);
      if (nouns.has('org'))
        return {
          kind: 'org_invitation_revoke',
          org: orgRef(sentence, said),
          emails: emailsIn,
          ids: [],
          ...(emailsIn.length === 0 && newest ? { newest } : {}),
          ...(every ? { all: true } : {}),
        };
      if (emailsIn.length === 0 && !newest) return undefined;
      return { kind: 'invitation_revoke', emails: emailsIn, ids: [], ...(emailsIn.length === 0 ? { newest } : {}) };
    }
    case 'add':
      return listFrame('add', sentence, nouns, said, context);
    case 'delete':
    case 'remove': {
      // "take away his admin rights in Foo", "remove the admin role from her": a demotion to member, not a removal.
      if (
        /\badmin(?:istrator)?\s+(?:role|rights|privileges?|permissions?|status|access)\b|\b(?:take|took)\s+away\s+(?:him|her|them)\s+(?:the\s+)?admin\b/i.test(
          sentence.slice(at),
        )
      )
        return {
          kind: 'membership_set_role',
          org: orgRef(sentence, said),
          users: usersOf(sentence, said),
          role: 'org:member',
        };
      if (nouns.has('invite')) return frame('revoke', sentence, words, said);
      const listed = listFrame('remove', sentence, nouns, said, context);
      if (listed) return listed;
      // "bin the zapier integration app": the OAuth app (or JWT template) the text names, found by listing.
      // Only when the app itself is the object ("delete pkce on the X app", "drop the claim from the Y template"
      // delete a field, not the record).
      const object =
        sentence.slice(at).match(/^\S+\s+(.*?)\b(?:app|apps|application|integration|integraton|template)\b/i)?.[1] ??
        '';
      if (
        act === 'delete' &&
        (nouns.has('app') || nouns.has('template')) &&
        !nouns.has('account') &&
        object.split(/\s+/).length <= 5 &&
        !/\b(?:on|from|of|in|for|at)\b|\b(?:pkce|scopes?|claims?|redirects?|uris?|urls?|lifetime|skew|metadata|keys?|secrets?|consent|name|logo)\b/i.test(
          object,
        )
      )
        return {
          kind: 'named_delete',
          resource: nouns.has('app') ? 'oauth' : 'jwt',
          refs: [{ kind: 'mention', value: unmask(sentence, said.ents), wider: unmask(said.masked, said.ents) }],
        };
      // "remove her from Foo", "kick him out of the Foo org", "take her access to Foo away", "boot the intern at
      // foo": one membership ("kick"/"boot" always mean the organization; "remove X at Y" names where).
      if (
        nouns.has('org') ||
        /\b(?:from|out\s+of|off)\b/i.test(sentence) ||
        holderRef(sentence, said) ||
        /^(?:kick|boot|eject|kicking)$/i.test(words.find((w) => w.at >= at)?.word ?? '') ||
        /\b(?:at|in)\s+\S+/i.test(sentence.slice(at))
      )
        return { kind: 'membership_remove', org: orgRef(sentence, said), users: usersOf(sentence, said) };
      // Deleting an account is asked for in so many words (an account word, not negated), never inferred.
      // (Only of an account named by address or id: a deletion is never proposed for a name read from prose.)
      const targets = usersOf(sentence, said);
      if (
        act === 'delete' &&
        nouns.has('account') &&
        targets.every((t) => t.kind !== 'mention') &&
        !/\bnot\s+(?:the\s+)?(?:whole\s+)?account\b/i.test(sentence)
      )
        return { kind: 'user_action', action: 'clerk_user_delete', targets };
      return undefined;
    }
    case 'role': {
      // "make sure she is a member" asks nothing; the role is said after the verb.
      if (/\bmake\s+sure\b/i.test(sentence)) return undefined;
      // (The role that describes the target — "whoever holds billing" — is not the one asked for.)
      const described = holderRef(sentence, said)?.words ?? '';
      const role = roleOf(sentence.slice(at).replace(described, ' '));
      if (!role) return undefined;
      return {
        kind: 'membership_set_role',
        org: orgRef(sentence, said),
        users: usersOf(sentence, said).map((u) => (u.kind === 'mention' ? { ...u, asked: role } : u)),
        role,
      };
    }
  }
}

const LAST_SIGN_IN =
  /\blast\s+(?:sign(?:ed)?[\s-]?in|log(?:ged)?[\s-]?(?:in|on)|login|signin|logon)\b|\blast\s+time\s+(?:he|she|they|\S+)\s+(?:signed|logged)\s+(?:in|on)\b|\bwhen\s+did\s+.{1,40}?\blast\s+(?:sign|log)/i;
const LAST_ACTIVE = /\blast\s+(?:seen|active|activity)\b|\bwhen\s+was\s+.{1,40}?\blast\s+(?:seen|active)\b/i;
const ORGS_OF =
  /\b(?:which|what|any)\s+(?:of\s+(?:the|our)\s+)?(?:orgs?|organi[sz]ations?|workspaces?)\b|\bbelongs?\s+to\s+(?:any|an?)\s+(?:orgs?|organi[sz]ations?)\b/i;
const HOLDERS =
  /\bwho\s+(?:(?:are|is|'s|r)\s+)?(?:the\s+)?(?:current\s+)?(admins?|administrators?|viewers?|billing|members?)\b|\b(?:names?|list)\s+(?:of\s+)?(?:the\s+)?(admins?|administrators?)\b/i;

// "how many people are in Foo", "Foo's headcount": an organization's size (the listing also shows each role).
const HEADCOUNT =
  /\bhow\s+many\s+(?:people|ppl|persons|users|members|folks|accounts|seats|employees|staff|of\s+them)\b|\bhead\s?count\b|\bhow\s+(?:big|large)\s+is\b/i;
// (… of the whole instance: "how many users are in the app / in total" is the user count, not an organization's.)
const WHOLE_INSTANCE =
  /\b(?:app|application|system|instance|in\s+total|altogether|platform|clerk|database|signed\s+up)\b/i;
// "which role does X have", "what roles are held by X", "X, what role in Foo?": a user's role in each organization.
const ROLE_OF =
  /\b(?:which|what)\s+(?:(?:org(?:ani[sz]ation)?|membership)\s+)?roles?\b|\broles?\s+(?:does|do|did|has|have|is|are)\s+(?!the\b)/i;

const ORG_CHANGES = new Set<Intent['kind']>(['membership_set_role', 'membership_remove', 'org_update', 'named_update']);

/** Sets `wider` on every `mention` reference of a reading to the whole message it was read from. */
function widen(value: unknown, context: string): void {
  if (Array.isArray(value)) for (const v of value) widen(v, context);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.kind === 'mention') {
      o.wider = context;
      // ("the newest signup …, lock that acct": the part points back at the newest user the message speaks of.)
      const recent = recencyIn(context);
      if (recent && /\b(?:that|this|it|them|him|her)\b/i.test(String(o.value)) && !/\p{Lu}|@/u.test(String(o.value))) {
        o.kind = recent.kind;
        o.value = recent.value;
        delete o.wider;
      }
    } else for (const v of Object.values(o)) widen(v, context);
  }
}

/** The questions the frame reader answers (`readsOf`); everything else it returns is a change. */
const FRAME_READS = new Set<Intent['kind']>(['user_when', 'roles_every_org', 'members_list']);

/** True when a frame reading only asks (one question or several), changing nothing. */
export function onlyAsks(intent: Intent | undefined): intent is Intent {
  if (!intent) return false;
  if (intent.kind === 'sequence') return intent.steps.every((s) => FRAME_READS.has(s.kind));
  return FRAME_READS.has(intent.kind);
}

/** True when a frame reading is one change (not a question, not several steps). */
export function isOneChange(intent: Intent | undefined): intent is Intent {
  return intent !== undefined && intent.kind !== 'sequence' && !FRAME_READS.has(intent.kind);
}

const ASKS_ABOUT_SELF =
  /^(?:(?:so|and|also|btw)[,]?\s+)?((?:[A-Z][\p{L}'’-]+\s+){0,2}[A-Z][\p{L}'’-]+)\s+(?:asked|asks|wants\s+to\s+know|wanted\s+to\s+know|wonders|wondered)\s+(?:(?:me|us)\s+)?(?:which|what|whether|if|how|when)\b(?=.*\b(?:she|he|they)\b)/u;

/** The questions a sentence asks (a date, a user's organizations, an organization's admins), in order. */
function readsOf(sentence: string, said: Sentence): Intent[] {
  const out: Intent[] = [];
  // ("Jane Doe asked me which organizations she is in": who asks about themselves is whom the question is about;
  // only for these questions, which change nothing.)
  const asker = sentence.match(ASKS_ABOUT_SELF);
  const user = (): Ref => (asker ? { kind: 'name', value: unmask(asker[1]!, said.ents) } : usersOf(sentence, said)[0]!);
  if (LAST_SIGN_IN.test(sentence)) out.push({ kind: 'user_when', user: user(), what: 'last_sign_in' });
  else if (LAST_ACTIVE.test(sentence)) out.push({ kind: 'user_when', user: user(), what: 'last_active' });
  const headcount =
    HEADCOUNT.test(sentence) &&
    !WHOLE_INSTANCE.test(sentence) &&
    // (… and of a place the sentence names: a bare "how many users have we got" names none.)
    /\b(?:in|at|of|does|inside)\s+(?!(?:we|you|i|they|us|them|total|all|here|there)\b)\S/i.test(sentence);
  // (The listing states the count too: asked also who they are or who holds a role, the members are listed.)
  if (headcount)
    out.push({
      kind: 'members_list',
      org: orgRef(sentence, said),
      count: !/\b(?:who|whom|which\s+of\s+them|names?|admins?|administrators?|roles?|viewers?|billing)\b/i.test(
        sentence,
      ),
    });
  else if (ORGS_OF.test(sentence) || ROLE_OF.test(sentence)) out.push({ kind: 'roles_every_org', user: user() });
  const holders = sentence.match(HOLDERS);
  // (An organization's size comes with each member's role: "… and who is its admin" is answered by it.)
  if (holders && !ORGS_OF.test(sentence) && !headcount) {
    const role = roleKey((holders[1] ?? holders[2]!).replace(/s$/, ''));
    if (role) out.push({ kind: 'members_list', org: orgRef(sentence, said), role, count: false });
  }
  return out;
}

/**
 * Reads a message the sentence readers could not: one frame per asked action, or undefined when none is whole.
 * The message is read as typed first (normalizing recasts sentences for the sentence readers' patterns: "is to be
 * frozen" → "set … to frozen"), then as normalized; `asTyped: false` when `said` is the message with a part left out
 * (accounting.ts), whose raw text still has that part.
 */
export function parseFrames(said: Sentence, asTyped = true, context = ''): Intent | undefined {
  return (asTyped ? framesOf(analyze(said.raw), context) : undefined) ?? framesOf(said, context);
}

function framesOf(said: Sentence, context: string): Intent | undefined {
  // A scope name is evidence no other reading has: "take away the public_metadata" is about an app's scopes.
  const scopes = appScopes(said);
  if (scopes) return scopes;
  const steps: Intent[] = [];
  const reads: Intent[] = [];
  let from = 0;
  for (const sentence of splitSentences(said.masked)) {
    const words = wordsOf(sentence);
    // (The sentence splitter drops the "?", so whether it was asked is read from the message.)
    const at = said.masked.indexOf(sentence, from);
    from = at < 0 ? from : at + sentence.length;
    const asked = at >= 0 && /^\s*\?/.test(said.masked.slice(at + sentence.length));
    const acts = actsOf(sentence, words, asked);
    // One action per kind per sentence ("lock … lock" is one ask), in the order said.
    const seen = new Set<Act>();
    for (const { act, index } of acts) {
      if (seen.has(act)) continue;
      seen.add(act);
      const intent = frame(act, sentence, words, said, words[index]?.at ?? 0, context);
      if (intent) steps.push(intent);
    }
    if (acts.length === 0) reads.push(...readsOf(sentence, said));
  }
  // Field changes said in prose (field-frames.ts), when no action was asked.
  if (steps.length === 0) {
    const renamed = recordRename(said);
    if (renamed) return renamed;
    const fields = userFields(said);
    const seats = fields ? undefined : orgSeats(said, context);
    if (fields) steps.push({ kind: 'user_update', target: usersOf(said.masked, said)[0]!, fields });
    else if (seats) steps.push({ kind: 'org_update', org: seats.org, fields: seats.fields });
  }
  // A part read apart from its message (accounting.ts): a person or organization it names by no name ("fix her
  // last name", "raise it to 20") is looked for in the whole message.
  if (context) for (const st of steps) widen(st, context);
  // Questions are answered when the message asks for no change (a question beside a change is its context).
  if (steps.length === 0) steps.push(...reads);
  // A message that creates an organization: a role, removal or limit read from it is the new organization's, which
  // no existing one stands for (an existing one sharing a word of its name would be changed) — those are left out.
  if (CREATES_ORG.test(unmask(said.masked, said.ents)))
    for (let i = steps.length - 1; i >= 0; i--) if (ORG_CHANGES.has(steps[i]!.kind)) steps.splice(i, 1);
  // The writer's address is the inviter where the writer says they sent it: never also an invitation for them.
  const senders = steps.flatMap((st) =>
    st.kind === 'invitation_by_inviter' && st.inviter.kind === 'email' ? [st.inviter.value] : [],
  );
  for (let i = steps.length - 1; i >= 0; i--) {
    const st = steps[i]!;
    if (
      (st.kind === 'invitation_revoke' || st.kind === 'org_invitation_revoke') &&
      st.emails.length > 0 &&
      st.emails.every((e) => senders.includes(e))
    )
      steps.splice(i, 1);
  }
  const unique = steps.filter((s, i) => steps.findIndex((t) => JSON.stringify(t) === JSON.stringify(s)) === i);
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : { kind: 'sequence', steps: unique };
}
