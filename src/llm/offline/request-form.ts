/**
 * The shapes a request takes besides the imperative, reduced to the imperative the parsers read (issue 15). People
 * rarely write "lock X": they write "X should be locked", "X needs to be removed from Acme", "I need the blog
 * domain gone", "is it possible to unlock X?", "make sure X is banned", "X shouldn't be on the blocklist
 * anymore", "Acme's slug should be acme-inc". Each shape is ONE rule over the action lexicon (any verb's past
 * participle works, so a new verb in lexicon.ts needs no new rule here), applied sentence by sentence.
 *
 * Also the layout of pasted text: one request per line or bullet ("- unlock X"); quoted and forwarded text is
 * data unless the admin hands it over (quoted.ts).
 *
 * Safety: only the affirmative forms are rewritten. A negated participle ("X should not be banned"), a report of
 * the past ("X was banned") or a question about state ("is X locked?") is left alone, so it never becomes an
 * instruction.
 */
import { ACTION_VERB } from './clauses.js';
import { VERBS } from './lexicon.js';
import { NOT_UPDATE } from './phrases.js';
import { withTicketSubject } from './ticket-steps.js';
import { hasLayout, requestText } from './quoted.js';
import { withoutFormFields, withRecordOfChange } from './ticket-form.js';

// Verbs whose participle is not a request for that verb's action in these shapes (a listing, a "make").
const NOT_ACTIONS = new Set(['list', 'show', 'make', 'sign', 'change', 'update']);

/** Past participle → the verb it belongs to ("banned" → ban, "removed" → remove, "cancelled" → cancel). */
const PARTICIPLES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const v of VERBS) {
    if (NOT_ACTIONS.has(v)) continue;
    const forms = v.endsWith('e') ? [`${v}d`] : [`${v}ed`, `${v}${v.at(-1)}ed`];
    for (const f of forms) m.set(f, v === 'kick' ? 'remove' : v);
  }
  m.set('kicked', 'remove');
  // "should be added to the blocklist / to Acme": adding is not a lexicon verb (it is never misspelt-corrected).
  m.set('added', 'add');
  return m;
})();

/** The verb a participle asks for; "gone" is a removal from somewhere, or a deletion. */
function verbOf(participle: string, rest: string): string | undefined {
  const p = participle.toLowerCase();
  // "taken out of Acme", "thrown off the allowlist": a phrasal removal.
  if (/^(?:taken|thrown|kicked|booted)$/.test(p)) return /^\s*(?:out\s+of|off)\b/i.test(rest) ? 'remove' : undefined;
  if (p === 'gone' || p === 'deactivated') return /^\s*(?:from|out of)\b/i.test(rest) ? 'remove' : 'delete';
  return PARTICIPLES.get(p);
}

// Any participle the lexicon knows, or "gone": the word the rules below look for.
const PP = `(${[...PARTICIPLES.keys(), 'gone', 'deactivated', 'taken', 'thrown', 'booted'].join('|')})`;

// A participle before a noun is an adjective, not the state asked for: "I need the list of banned users" asks for a
// list (never a ban), "we want the locked accounts counted" asks for a count.
// (Every request pattern below ends its participle with this check: "banned users", "locked or disabled accounts".)
const ATTRIBUTIVE_NOUN =
  '\\s+(?:(?:and|or)\\s+\\w+\\s+)?(?:users?|accounts?|people|persons?|members?|ones?|e-?mails?|addresses|invit\\w*|sessions?|entries|identifiers?|domains?|apps?|applications?|orgs?|organi[sz]ations?|list|lists|folks|customers?)\\b';
const NOT_ATTRIBUTIVE = `(?!${ATTRIBUTIVE_NOUN})`;

// Context before the request in the same sentence ("X no longer works with us, she needs to be …").
// (Or a report joined by "so": "X left the company so we need her removed from Acme".)
// (A document's label before it — "Remediation: X is to be …", "Description: …" — is context too, never the subject.)
const LEAD =
  '((?:(?:remediation|description|summary|finding|observation|resolution|notes?|request(?:ed\\s+action)?|action|details?|issue|problem|context|background|update|recommendation)(?:\\s+\\d+)?(?:\\s*\\([^)]*\\))?\\s*:\\s+)?(?:[^,]*,\\s*)*?(?:[^,]*?\\s(?=so\\s))?(?:(?:and|so|then|also)\\s+)?)';

const MODAL =
  '(?:should|must|needs?\\s+to|has\\s+to|have\\s+to|can|could|is\\s+to|are\\s+to|ought\\s+to|will\\s+need\\s+to|wants?\\s+to)';
const ADVERB = '(?:(?:now|also|please|just|finally|actually|probably|definitely)\\s+)?';

// "X should be locked …", "X needs to be removed from Acme", "X can be unbanned now".
const PASSIVE = new RegExp(
  `^${LEAD}([^,]+?)\\s+${MODAL}\\s+${ADVERB}(?:be|get)\\s+${ADVERB}${PP}\\b${NOT_ATTRIBUTIVE}(.*)$`,
  'i',
);
// "Could she be added to Foo as a member?", "can x@y.test get unlocked today": the passive asked as a request (not
// "should X be banned?" — advice —, nor "could X be banned for sharing …" / "… if …" — a question about a rule).
const ASKED_PASSIVE = new RegExp(
  `^${LEAD}(?:could|can)\\s+(?!(?:you|u|we|i|it|there|this|that|anyone|someone|somebody)\\b)([^,]+?)\\s+(?:please\\s+)?${ADVERB}(?:be|get)\\s+${ADVERB}${PP}\\b${NOT_ATTRIBUTIVE}(?![^.!?]*\\b(?:if|when|whether|for\\s+\\w+ing)\\b)(.*)$`,
  'i',
);
// The object of "get / have X <participle>" never runs past a new clause: in "get him back in if he got locked
// out" the participle belongs to the condition, and reading "lock him" from it would do the opposite of the ask.
const NO_CLAUSE_BREAK = '(?:(?!\\b(?:if|when|unless|because|since|after|before|while|once|so\\s+that)\\b)[^,])';
// "I need X gone", "we want X banned", "please get X unlocked", "can you have X removed from Acme".
// "my mom wants …", "the boss needs …", "Priya wants …": a wish relayed from whom the admin works for.
const RELAYED =
  '(?:(?:my|our|the)\\s+(?:mom|mum|mother|dad|father|parents|boss|manager|client|customer|owner|owners|partner|partners|lead|ceo|cto|cfo|coo|director|principal|teacher|wife|husband|sister|brother|aunt|uncle|family|team)|[A-Z][a-z]+)\\s+(?:also\\s+)?(?:wants|needs|would\\s+like|(?:has\\s+)?asked\\s+(?:for|to\\s+have))';
const WANTED = new RegExp(
  `^${LEAD}(?:(?:all|what|the\\s+(?:only|one)\\s+thing)\\s+(?:i|we)\\s+(?:really\\s+)?(?:want|need|would\\s+like|'d\\s+like|’d\\s+like)\\s+(?:is|are)(?:\\s+for)?|(?:(?:i|we)(?:'d|’d| would)?\\s+)?(?:(?:also|really|just)\\s+)?(?:need|want)|(?:i|we)(?:'d|’d| would)\\s+(?:(?:also|really|just)\\s+)?like|(?:please\\s+)?(?:get|have)|(?:can|could|would)\\s+(?:you|u)\\s+(?:please\\s+)?(?:get|have)|${RELAYED})\\s+(?!to\\b)(${NO_CLAUSE_BREAK}+?)\\s+${PP}\\b${NOT_ATTRIBUTIVE}(.*)$`,
  'i',
);
// "make sure X is banned", "ensure that X gets locked".
const ENSURE = new RegExp(
  `^${LEAD}(?:(?:can|could|would)\\s+(?:you|u)\\s+)?(?:please\\s+)?(?:make\\s+sure|ensure|see\\s+to\\s+it)\\s+(?:that\\s+)?([^,]+?)\\s+(?:is|are|gets|get|stays|stay)\\s+${PP}\\b${NOT_ATTRIBUTIVE}(.*)$`,
  'i',
);
// "is it possible to unlock X?", "would you be able to …": the question wraps an instruction.
const ASKS =
  /^(?:(?:can|could|would|will)\s+(?:you|u)(?:\s+(?:please|possibly|kindly|perhaps|maybe|quickly|just|also))+|would\s+you\s+be\s+so\s+kind\s+as\s+to|is\s+it\s+possible\s+to|would\s+it\s+be\s+(?:at\s+all\s+)?possible\s+to|is\s+there\s+a\s+way\s+to|are\s+you\s+able\s+to|would\s+you\s+be\s+able\s+to|any\s+chance\s+you\s+(?:can|could)|(?:i|we)(?:'d|’d| would)\s+like\s+you\s+to|(?:i|we)\s+need\s+you\s+to)\s+/i;
// "X shouldn't be on the blocklist anymore", "X should no longer be in Acme", "X shouldn't have access to Acme".
const NO_LONGER =
  /^(.+?)\s+(?:should(?:n't|n’t|\s+not)|must(?:n't|n’t|\s+not)|should\s+no\s+longer|must\s+no\s+longer|(?:does|do)(?:n't|n’t|\s+not)\s+need\s+to)\s+(?:be\s+(?:on|in|part\s+of|a\s+member\s+of)|have\s+access\s+to)\s+(.+?)(?:\s+(?:anymore|any\s+more|any\s+longer))?([,;].*)?$/i;
// "Bob should just be a regular member of Globex, not an admin": a role (or kind) stated as what someone should be.
const BE_A = new RegExp(
  `^${LEAD}([^,]+?)\\s+${MODAL}\\s+${ADVERB}(?:only\\s+)?(?:be|become|turn\\s+into)\\s+((?:an?\\s+|(?=(?:admin|member|viewer|billing|owner)s?\\s+(?:of|in|at)\\s[^,]*$)).+?)(?:,?\\s+(?:not|instead\\s+of|rather\\s+than)\\s+.*)?$`,
  'i',
);
// "the Zapier app should only have the profile and email scopes": a list field stated as what it should hold.
const HAVE =
  /^(.+?)\s+(?:should|must|needs?\s+to)\s+(?:only\s+|just\s+)?have\s+(?:the\s+)?(.+?)\s+(scopes?|redirect\s+ur[il]s?|claims)$/i;
// "Acme's slug should be acme-inc", "the lifetime of hasura should be 300": a field stated as it should be.
// ("… should be able to invite people" says what someone can do, never a value.)
const FIELD_STATE =
  /^((?:.+?(?:'s|’s)|the\s+.+?\s+(?:of|for|on))\s+.+?)\s+(?:should|must|needs?\s+to)\s+(?:now\s+)?be\s+(?!able\s+to\b)(?:changed\s+to\s+|set\s+to\s+|updated\s+to\s+)?(.+)$/i;

// "Foo's seat limit needs to go up to 40", "their org's member cap should be raised to 25", "the slug of Foo has to
// change to foo-inc": a field of a named thing said as where it should go (issue 15, round 2). Context before it in
// the same sentence ("… signed the bigger contract so I think …") is kept as the lead.
const SETTING =
  '(?:seat|member(?:ship)?|user)\\s+(?:limit|cap|count)|seats|slug|(?:display\\s+|first\\s+|last\\s+)?name|surname|lifetime|(?:allowed\\s+)?clock\\s+skew|max(?:imum)?\\s+(?:allowed\\s+)?(?:members(?:hips)?|seats)';
// Words that end the context before the thing named, never part of its name ("so I think their org's …").
const NOT_OWNER = '(?:i|we|you|so|and|but|think|guess|believe|reckon|feel|suppose|that|then|now|also)\\b';
const FIELD_GOES = new RegExp(
  `^(.*?\\b)?((?:the\\s+(?:${SETTING})\\s+(?:of|for|on)\\s+[^,]+?)|(?:(?:their|its|our|the)\\s+(?:org|organi[sz]ation|company|team|workspace)|(?:(?!${NOT_OWNER})[\\w&.-]+\\s+){0,2}(?!${NOT_OWNER})[\\w&.-]+)(?:'s|’s)\\s+(?:${SETTING}))\\s+(?:needs?\\s+to|should|must|has\\s+to|will\\s+(?:need\\s+to\\s+)?)\\s*(?:now\\s+|also\\s+|just\\s+)?(?:be\\s+)?(?:go(?:ne)?|raised|increased|lowered|bumped|reduced|changed|change|set|updated|moved|brought)?\\s*(?:up|down)?\\s*to\\s+(.+)$`,
  'i',
);

// "x@y.test got married, last name should be Lee-Park now": a name field with no owner said is the person the
// message names ("their" is then filled in by anaphora.ts).
const BARE_NAME = new RegExp(
  `^${LEAD}(?:the\\s+|and\\s+)?((?:first|last|family)\\s+name|surname|username)\\s+(?:should|must|needs?\\s+to|has\\s+to|is\\s+to|will)\\s+(?:now\\s+)?(?:be|become|change\\s+to|read|show\\s+as)\\s+(?:changed\\s+to\\s+|set\\s+to\\s+|updated\\s+to\\s+)?(\\S+)(?:\\s+(?:now|from\\s+now\\s+on|going\\s+forward|please))*$`,
  'i',
);

// "she will need the admin role at Foo from today": a role stated as what someone needs.
const NEEDS_ROLE = new RegExp(
  `^${LEAD}([^,]+?)\\s+(?:needs|should\\s+(?:have|get)|must\\s+(?:have|get)|will\\s+need|gets)\\s+(?:the\\s+)?(?:([\\w:-]+)\\s+role|(admin|member|viewer|billing|owner|guest)\\s+(?:rights|access|permissions|privileges))\\s+((?:in|at|of|for|on)\\s+.+?)(?:\\s+(?:now|from\\s+now\\s+on|going\\s+forward|from\\s+today))?(?:,?\\s+(?:instead\\s+of|rather\\s+than|not)\\s+.*)?$`,
  'i',
);

// "a@x.test should get off the allowlist and be put on the blocklist": moving an entry between lists.
const LISTS = '(?:(?:the|our|my|their)\\s+)?(?:allow|block|white|black|deny)[- ]?list';
const MOVE = new RegExp(
  `^${LEAD}([^,]+?)\\s+${MODAL}\\s+${ADVERB}(?:(?:come|go|get|be\\s+taken)\\s+off(?:\\s+of)?\\s+(${LISTS})(?:\\s+and\\s+(?:go|get|be\\s+(?:added|put|moved))\\s+(?:onto|on|to|into)\\s+(${LISTS}))?|(?:go|get|be\\s+put)\\s+(?:onto|on|into)\\s+(${LISTS}))(?:\\s+instead)?$`,
  'i',
);

const FIELD_WORD =
  '(?:allowed\\s+)?clock\\s+skew|lifetime|scopes?|slug|(?:display\\s+|first\\s+|last\\s+|user)?name|redirect\\s+ur[il]s?|membership\\s+limit|max(?:imum)?\\s+(?:allowed\\s+)?members(?:hips)?';
const TERSE = new RegExp(
  `^((?!(?:(?:please|pls|plz|kindly)\\s+)?(?:${VERBS.join('|')}|set|add|put|give|let)\\b)[\\w\\s.-]+?(?:(?:'s|’s)|\\s+(?:jwt|template|o-?auth\\s+app|app|org|organi[sz]ation))\\s+(?:${FIELD_WORD}))\\s+to\\s+(.+)$`,
  'i',
);
const HAS_VERB = new RegExp(
  `\\b(?:${VERBS.join('|')}|set|add|put|give|let|make|please|pls|kindly|raise|bump|lower|increase|decrease|extend|shorten|reduce)\\b`,
  'i',
);
// Built on first use: clauses.ts and this module import each other through the lexicon.
const arrowToVerb = (value: string): boolean =>
  new RegExp(`^(?:(?:please|pls|just)\\s+)?${ACTION_VERB}\\b`, 'i').test(value);
const QUESTION_START =
  /^(?:what|whats|what['’]s|who|whos|who['’]s|which|when|where|why|how|is|are|does|do|did|can|could|has|have|was|were)\b/i;
const ARROW = /^([^:]+?:\s*[\w\s-]+?|[\w\s'’-]+?)\s*(?:->|→|=>)\s*(.+)$/;
const FRONTED =
  /^(?:for|on)\s+(.+?),?\s+(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+)?(set|change|update)\s+(?:the\s+|its\s+)?([\w\s-]+?)\s+to\s+(?:exactly\s*:?\s*|just\s+)?(.+)$/i;

const NEW_VALUE =
  /\b(his|her|their|he|she|they)(?:\s+new|\s+(?:new\s+)?(?:first|last|family)\s+name\s+is\s+now)?\s+((?:first|last|family|user|display)\s*name|surname|username)\s*,?\s*(?:which\s+)?(?:is|will\s+be|should\s+be|:|to\s+(?:now\s+)?(?:be|become|read(?:\s+as)?|say|show(?:\s+up)?\s+as|display\s+as|appear\s+as|change\s+to))\s+(⟦q\d+⟧|[A-Z][\w'’.-]*)/;

const TOPIC_VERB =
  /^((?:[^:]+?(?=\s*:)|.+?(?=\s+[-–—]\s)))\s*(?::|\s[-–—])\s*(?:(?:please|pls|plz|kindly)\s+)?(ban|unban|lock|unlock|delete|suspend|reinstate)(?:\s+(?:please|pls|plz|asap|now|thanks|thx))*$/i;

const NEGATION = /\b(?:not|never|no\s+longer|nobody|hardly)\b|n['’]t\b/i;

// A subject that asks or negates ("who should be removed?", "nobody needs to be banned") is not a request.
const NOT_A_SUBJECT =
  /^(?:who|whom|what(?!\s+(?:i|we)\s+(?:really\s+)?(?:need|want|would\s+like|'d\s+like|’d\s+like)\s+(?:is|are)\b)|which|whoever|nobody|no\s+one|none|nothing|if|whether|when|why|how)\b/i;

const OBJECT_FORM: Record<string, string> = {
  she: 'her',
  he: 'him',
  they: 'them',
  we: 'us',
  i: 'me',
  // (a possessive in "his surname to show as X" names the same person)
  his: 'him',
  their: 'them',
};

/** "remove" + the subject as an object + the rest, "out of"/"off" said as "from": "remove her from Stark". */
function request(verb: string, subject: string, rest: string): string {
  // "While we look into it the account of X should be locked": the subject is "the account of X".
  const owned = subject.replace(
    /^.+?(?<!\bthe)\s(?=(?:the\s+)?(?:user\s+)?(?:account|login|user)s?\s+(?:of|for|belonging\s+to)\s+⟦)/i,
    '',
  );
  const who = OBJECT_FORM[owned.trim().toLowerCase()] ?? owned;
  const tail = verb === 'remove' ? rest.replace(/^\s*(?:out\s+of|off(?:\s+of)?)\s+/i, ' from ') : rest;
  return `${verb} ${who}${tail}`;
}

/** One sentence in the imperative, or unchanged when it is not one of the shapes above. */
export function imperative(sentence: string): string {
  const s = sentence.replace(ASKS, '');
  if (NOT_A_SUBJECT.test(s)) return sentence;
  for (const re of [PASSIVE, ASKED_PASSIVE, WANTED, ENSURE]) {
    const m = s.match(re);
    const verb = m && verbOf(m[3]!, m[4]!);
    // A negation anywhere before the participle ("X doesn't need to be removed", "we never want X banned")
    // means the opposite of the request: left alone.
    const head = m ? s.slice(m[1]!.length, s.length - m[4]!.length) : '';
    if (m && verb && !NOT_A_SUBJECT.test(m[2]!) && !NEGATION.test(head)) return `${m[1]}${request(verb, m[2]!, m[4]!)}`;
  }
  const move = s.match(MOVE);
  if (move && !NOT_A_SUBJECT.test(move[2]!) && !NEGATION.test(move[0].slice(move[1]!.length))) {
    const who = OBJECT_FORM[move[2]!.trim().toLowerCase()] ?? move[2]!;
    if (move[5]) return `${move[1]}add ${who} to ${move[5]}`;
    return `${move[1]}remove ${who} from ${move[3]}${move[4] ? ` and add ${who} to ${move[4]}` : ''}`;
  }
  const role = s.match(NEEDS_ROLE);
  if (role && !NOT_A_SUBJECT.test(role[2]!) && !NEGATION.test(role[2]!))
    return `${role[1]}make ${OBJECT_FORM[role[2]!.trim().toLowerCase()] ?? role[2]} ${role[3] ?? role[4]} ${role[5]}`;
  // "… and would like her profile to show her new family name, which is X": the new value of a name field.
  const renamed = s.match(NEW_VALUE);
  // "… her new last name is X but don't update it yet": the update is what is not asked.
  const notYet = NOT_UPDATE.test(s);
  if (renamed && !NEGATION.test(renamed[0]) && !notYet) {
    const before = s.slice(0, renamed.index);
    const cut = before.search(/(?:,|\s+and|\s+who|\s+so)\s+[^,]*$/);
    const lead = (cut >= 0 ? before.slice(0, cut) : '').trim();
    const field = /family|surname|last/i.test(renamed[2]!) ? 'last name' : renamed[2]!.toLowerCase();
    return `${lead ? `${lead}, ` : ''}change the ${field} of ${OBJECT_FORM[renamed[1]!.toLowerCase()] ?? renamed[1]} to ${renamed[3]}`;
  }
  const be = s.match(BE_A);
  // Only with a named subject and an organization: "she should be a regular member" answering a question keeps
  // its own words (the question's parser reads them).
  if (
    be &&
    !NOT_A_SUBJECT.test(be[2]!) &&
    !/^(?:it|this|that|there|he|she|they|i|we|you)$/i.test(be[2]!.trim()) &&
    // The organization is in the role phrase, or the subject names people by their role there.
    (/\s(?:of|in|at)\s/i.test(be[3]!) || /\brole\s+(?:in|at|of)\s/i.test(be[2]!)) &&
    !NEGATION.test(be[2]!)
  )
    return `${be[1]}make ${OBJECT_FORM[be[2]!.trim().toLowerCase()] ?? be[2]} ${be[3]}`;
  // "x@y.test: please ban", "Ann Lee - pls unlock": the target first, then a verb with nothing after it.
  const topic = s.match(TOPIC_VERB);
  if (topic) {
    const tokens = topic[1]!.match(/⟦[ei]\d+⟧/g);
    const who = tokens && tokens.length === 1 ? tokens[0]! : topic[1]!;
    return `${topic[2]} ${who}`;
  }
  // "foo jwt lifetime to 2 min": a field of a named thing and its new value, said without a verb.
  const terse = s.match(TERSE);
  // (Only when no verb is said anywhere before the field: "please change the org name to X" has its own verb.)
  if (terse && !NEGATION.test(terse[0]) && !HAS_VERB.test(terse[1]!)) return `set ${terse[1]} to ${terse[2]}`;
  // "foo template: lifetime -> 90s": a field and the value it should take.
  const arrow = s.match(ARROW);
  // ("the Foo invite -> revoke": an arrow before a request points at what to act on, topic.ts.)
  // ("quick q → whats the lifetime of foo?": an arrow before a question points at the question.)
  if (arrow && !NEGATION.test(arrow[0]) && !arrowToVerb(arrow[2]!) && !QUESTION_START.test(arrow[2]!))
    return `set ${arrow[1]!.replace(/:\s*/, "'s ")} to ${arrow[2]}`;
  // "On the Portal app, change the scopes to just: a b": the thing changed named first.
  const fronted = s.match(FRONTED);
  if (fronted) return `${fronted[2]} the ${fronted[3]} of ${fronted[1]} to ${fronted[4]}`;
  const has = s.match(HAVE);
  if (has && !NOT_A_SUBJECT.test(has[1]!) && !NEGATION.test(has[0])) return `set ${has[1]}'s ${has[3]} to ${has[2]}`;
  const gone = s.match(NO_LONGER);
  if (gone) return `remove ${gone[1]} from ${gone[2]}${gone[3] ?? ''}`;
  const bare = s.match(BARE_NAME);
  if (bare && !NEGATION.test(bare[0].slice(bare[1]!.length)))
    return `${bare[1]}set their ${/family|surname/i.test(bare[2]!) ? 'last name' : bare[2]!.toLowerCase()} to ${bare[3]}`;
  const goes = s.match(FIELD_GOES);
  if (goes && !NEGATION.test(goes[0].slice((goes[1] ?? '').length))) {
    // "their org's seat limit": the organization is the one the message is about (request.ts fills it in).
    const what = goes[2]!.replace(
      /^(?:their|its|our)\s+(?:org|organi[sz]ation|company|team|workspace)(?:'s|’s)\s+/i,
      'the ',
    );
    // The context before it ends where the request starts ("… contract so I think | their seat limit …").
    const lead = (goes[1] ?? '').replace(
      /\s*\b(?:(?:and|so|but)\s+)?(?:(?:i|we)\s+(?:think|guess|believe|reckon|suppose|feel(?:\s+like)?)\s+)?$/i,
      '',
    );
    return `${lead ? `${lead}, ` : ''}set ${what} to ${goes[3]}`;
  }
  const field = s.match(FIELD_STATE);
  if (field && !/^(?:it|he|she|they|this|that|there)\b/i.test(field[1]!)) return `set ${field[1]} to ${field[2]}`;
  return s;
}

const BULLET = /^\s*(?:[-*•·]|\d{1,2}[.)])\s+/;

// "ann.lee  10:15 PM", "Bob Smith 10:02": the author-and-time header of a pasted chat message.
const CHAT_HEADER = /^\s*[\w.'’-]+(?:\s+[\w.'’-]+){0,2}\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s*$/i;
/** Chat header lines become blank lines: a chat message ends at the next one's header. */
function dropChatHeaders(text: string): string {
  return text
    .split('\n')
    .map((l) => (CHAT_HEADER.test(l) ? '' : l))
    .join('\n');
}

/**
 * Hard-wrapped prose joined back: a line of a paragraph that ends mid-sentence (no closing punctuation, long
 * enough to have been wrapped) continues on the next line when that one starts in lower case ("…we agreed that
 * x@y.test should be" / "locked for now"). Bullets and numbered steps are never joined.
 */
function unwrap(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      prev.trim().length >= 50 &&
      !/[.!?:;]\s*$/.test(prev) &&
      // (A capital after a word no sentence ends on — "… the billing role in" / "Hooli to …" — continues too, and so
      // does an address or domain: "… whose email is at" / "@x.test …".)
      (/^\s*[a-z]/.test(line) || (/^\s*[A-Z⟦@*]/.test(line) && DANGLING.test(prev)) || MID_ACRONYM.test(line)) &&
      !BULLET.test(line) &&
      !ENUMERATOR.test(line) &&
      // (A log or alert line — it opens on a timestamp — is a record of its own, never wrapped prose.)
      !LOG_LINE.test(prev!);
    if (continues) out[out.length - 1] = `${prev!.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

const LOG_LINE = /^\s*\[?\d{4}-\d{2}-\d{2}[T\s]\d{2}:\d{2}/;

// "… please update the callback" / "URL for the Foo app": a line that starts with an acronym and goes on in lower
// case continues the sentence (a new sentence rarely opens on "URL for", "ID of", "JWT for"; "OK so" and "PS" do).
const MID_ACRONYM = /^\s*(?!(?:OK|PS|FYI|BTW|NB|ASAP|TLDR|IMO|FWIW|AFAIK)\b)[A-Z]{2,5}s?\s+[a-z]/;

const DANGLING =
  /\b(?:in|at|of|to|for|from|with|into|onto|by|on|the|a|an|and|or|that|whoever|is|are|be|my|our|their|his|her|its|as|than|called|named)\s*$/i;

// "(a) unlock X; (b) ban Y": letters or numbers in parentheses that enumerate steps inside a line.
const ENUMERATOR = /^\s*\(?(?:[a-h]|[1-9])\)\s+/i;
const INLINE_ENUMERATOR = /(?:^|\s*[:;,]?\s+)(?:\((?:[a-h]|[1-9])\)|[1-9]\))\s+(?=[a-z])/gi;
// ":(" and ";)" end what was said before them, like a full stop.
const EMOTICON = /\s+[:;]-?[()](?=\s|$)/g;

// Where JSON or code opens: a brace, or a bracket before a value or a line break ("[" then '"', digit, "{", "[").
const JSON_OPEN = /\{|\[\s*(?:["'{[\d\]]|$)/m;

// One key and its value on a line of its own: "plan: gold", "dpa_date = 2026-11-18".
const KEY_VALUE_LINE = /^[a-z][\w.-]*\s*[:=]\s*[^\s:=][^:=]*$/i;

/** Each line a sentence, bullets removed: "few things:\n- unlock X\n- ban Y" is three sentences. */
function linesToSentences(text: string): string {
  // JSON or code spread over lines keeps its layout (a period inside it would change it).
  // ("[SIEM] …", "[EXTERNAL] …": a tag in brackets is not JSON.)
  if (!text.includes('\n') || JSON_OPEN.test(text)) return text;
  return (
    unwrap(text.split('\n'))
      // A numbered or bulleted item is a step of its own even when it ends with a comma ("1) …,\n2) …").
      .map((l) => (BULLET.test(l) || ENUMERATOR.test(l) ? l.replace(/,\s*$/, ';') : l))
      .map((l) => l.replace(BULLET, '').trim())
      .filter((l) => l !== '')
      // ("… in its private metadata as:" then "dpa_date: 2026-11-18": the pair the line announces is part of it.)
      .map((l, i, all) =>
        /:$/.test(l) && KEY_VALUE_LINE.test(all[i + 1] ?? '')
          ? l.replace(/:$/, '')
          : /[.!?;,]$/.test(l)
            ? l
            : `${l.replace(/:$/, '')}.`,
      )
      .join(' ')
  );
}

// A sign-off alone on its line ("Thanks,", "Best regards", "--").
const SIGN_OFF_LINE =
  /^\s*(?:thx|tia|ty|(?:many\s+)?thanks(?:\s+(?:a lot|so much|in advance|again))?|thank you(?: so much| in advance)?|cheers|best(?:\s+regards|\s+wishes)?|kind regards|regards|warm regards|sincerely|--+)\s*[,!.]?\s*$/i;

/** A mail signature: the sign-off line and the short lines after it (name, title, team). */
function dropSignature(text: string): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i > 0; i--) {
    if (!SIGN_OFF_LINE.test(lines[i]!)) continue;
    const after = lines.slice(i + 1).filter((l) => l.trim() !== '');
    if (after.length <= 4 && after.every((l) => l.trim().split(/\s+/).length <= 5)) return lines.slice(0, i).join('\n');
  }
  return text;
}

// A line of a machine record ("[SIEM] severity=HIGH rule=x", "subject=x@y.test", "geo=Sao Paulo,BR"): key=value.
const RECORD_LINE = /^\s*(?:\[[^\]\n]*\]\s*)?[a-z][\w.-]*=\S/i;
const RECORD_PAIR = /(?:^|\s)[a-z][\w.-]*=\S/gi;
// The values of a record that name someone: an address or a Clerk id.
const RECORD_ENTITY = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:user|org|sess|inv|orginv|blid|alid)_\w+/g;

/**
 * A pasted alert or log record (two or more key=value lines, one with several pairs) is data: its values are not
 * names or requests ("geo=Sao Paulo" is a place, not a user). It becomes one context sentence with the addresses and
 * ids it holds, so "lock that account" below it still finds the one it names. A single "key=value" line is left
 * alone (it may be a field edit).
 */
function records(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && RECORD_LINE.test(lines[j]!)) j++;
    const run = lines.slice(i, j);
    if (run.length >= 2 && run.some((l) => (l.match(RECORD_PAIR) ?? []).length >= 2)) {
      const named = [...new Set(run.join(' ').match(RECORD_ENTITY) ?? [])];
      if (named.length > 0) out.push(`The pasted record names ${named.join(', ')}.`);
    } else out.push(...(run.length > 0 ? run : [lines[i]!]));
    i = Math.max(j, i + 1);
  }
  return out.join('\n');
}

// A pasted JSON object of two or more "key": "value" pairs (an alert, a log event, an API response).
const JSON_RECORD = /\{[^{}]*?"[\w.-]+"\s*:\s*"[^"]*"[^{}]*?,[^{}]*?"[\w.-]+"\s*:[^{}]*\}/g;
const JSON_PAIR = /"([\w.-]+)"\s*:\s*"([^"]*)"/g;
// What writing JSON is for here: metadata, claims, a template — then the object is a value, never a record.
const JSON_VALUE_TALK = /\b(?:metadata|claims?|templates?|json|payload|set|merge)\b/i;

/**
 * "raw alert: {"actor":"x@y", "msg":"…"} — ban the actor": a pasted JSON object that is not a value for a change is
 * a machine record, like key=value lines: it is kept only as the addresses it holds (so any instruction inside it,
 * in a "msg" or "note" field, is never read), and "the <key>" elsewhere in the message is the address under that
 * key ("the actor", "the target user").
 */
function jsonRecords(text: string): string {
  const blocks = text.match(JSON_RECORD);
  if (!blocks) return text;
  const outside = blocks.reduce((t, b) => t.replace(b, ' '), text);
  if (JSON_VALUE_TALK.test(outside)) return text;
  let out = text;
  for (const block of blocks) {
    const pairs = [...block.matchAll(JSON_PAIR)].map((m) => [m[1]!, m[2]!] as const);
    const addresses = [...new Set(block.match(RECORD_ENTITY) ?? [])];
    out = out.replace(block, addresses.length > 0 ? `\nThe pasted record names ${addresses.join(', ')}.\n` : '\n');
    for (const [key, value] of pairs) {
      if (!/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(value)) continue;
      const words = key.replace(/[_.-]+/g, '\\s+');
      out = out.replace(new RegExp(`\\bthe\\s+${words}\\b(?!\\s*")`, 'gi'), value);
    }
  }
  return out;
}

/** Pasted text as sentences: quoted history and headers, signature, bullets and line layout handled. */
export function layout(given: string): string {
  const raw = withTicketSubject(jsonRecords(given));
  // (A one-line message typed as a bullet, "- unlock X", is that line.)
  const text = hasLayout(raw)
    ? linesToSentences(dropSignature(requestText(dropChatHeaders(records(withRecordOfChange(withoutFormFields(raw)))))))
    : raw.replace(BULLET, '');
  // A step number inside a line ends the step before it: "please: 1) … 2) …".
  return text.replace(INLINE_ENUMERATOR, (_m, offset: number) => (offset === 0 ? '' : '; ')).replace(EMOTICON, '.');
}

// "…so nobody signs in with it", "…until he calls back", "…because they asked": why or how long, said
// after the request. It names no target and no action, and would otherwise be read as part of the reference.
const ADJUNCT =
  /\s*,?\s+(?:so\s+that|so|until|while|because)\s+(?:no\s*one|nobody|anyone|anybody|someone|somebody|everyone|he|she|they|we|i|it|you|his|her|their|people|others|the\s+(?:next|other)\s+[\w-]+|the\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s+(?:can|could|will|would|won't|cannot|can't|may|might|stops?|doesn't|does\s+not|is\s+no\s+longer|no\s+longer)\b))\b(?![^,;]*\b(?:need|needs|want|wants|should|must|please|pls|have\s+to|has\s+to|can\s+you|could\s+you|\d+\s+(?:ppl|people|members|memberships|seats|users))\b)[^,;]*/gi;
// "… as the contract is terminated", "… since their trial has ended", "… because the office closed": the reason,
// said after the request with a subject and a verb of its own (so "as admin" or "since Monday" are not reasons).
const REASON_AFTER =
  /\s*,?\s+(?:because|since|as)\s+(?:the|a|an|our|their|his|her|its|my|this|that)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:is|was|are|were|has|have|had|got|gets)\b[^,;]*/gi;
// "…, like fully gone", "…, like for good", "…, like asap": emphasis said after the request.
const EMPHASIS =
  /\s*,\s*like\s+(?:(?:fully|totally|completely|permanently|really|properly|entirely)\s+(?:gone|deleted|removed|wiped|erased|blocked|banned|locked)|for\s+good|forever|asap|right\s+now|now|today)\b[^,;]*/gi;
// "… or the sync keeps creating duplicates", "… otherwise she will be locked out again": what happens if the
// request is not done, said after it. Like a purpose, it names no target and no action of its own.
const CONSEQUENCE =
  /\s*,?\s+(?:or(?:\s+else)?|otherwise)\s+(?:the\s+[\w-]+|he|she|they|it|we|i|you|people|users|nobody|no\s*one)\s+(?:is|are|will|would|might|may|could|can't|cannot|won't|keeps?|is\s+going\s+to|are\s+going\s+to|gonna)\b[^,;]*/gi;
// "…, and since she's now working there day to day, bump her …", "…, because the contract changed, set …": a reason
// said between two commas before the next request. It names no action of its own, so it becomes a sentence of its
// own (context a later "there" or "her" can still use); the requests on either side stay.
const REASON_BETWEEN =
  /,\s*(?:and\s+)?(?:since|because|as|given\s+that|now\s+that|seeing\s+as)\s+(?:he|she|they|we|it|i|you|the\s+\w+)\b[^,;.]{0,120},\s*(?=(?:(?:please|pls|then|also|just)\s+)?[a-z]+\s)/gi;
// "we'd be glad if you could …", "it would be great if you could …": a polite "please".
const POLITE =
  /\b(?:(?:i|we)(?:'d|’d|\s+would)\s+(?:be\s+(?:\w+\s+)?(?:grateful|thankful|glad|happy|obliged)|(?:really\s+)?appreciate\s+it)|it\s+would\s+be\s+(?:\w+\s+)?(?:great|good|helpful|nice|ideal))\s+if\s+(?:you|u)\s+(?:could|would|can|might)(?:\s+(?:kindly|please|possibly|perhaps))?\s+/gi;

/**
 * A fix asked for with no verb of its own ("could you fix that for her?", "please resolve it"), in a message that
 * says someone cannot sign in (locked, banned, "can't get in"): the fix is restoring sign-in, which lifts
 * whichever of the ban or the lock is there (the planner looks). Without such a statement it stays a wrapper.
 */
const FIX =
  /\b(?:sort\s+(?:that|this|it)(?:\s+out)?|sort\s+(⟦[ei]\d+⟧|him|her|them)\s+out|sort\s+out\s+(?:that|this|it)|get\s+(?:that|this|it)\s+(?:sorted|fixed|resolved)(?:\s+out)?|(?:fix|resolve|take\s+care\s+of|deal\s+with|handle)\s+(?:that|this|it)|do\s+(?:the\s+)?needful|(?:do|handle|sort(?:\s+out)?|take\s+care\s+of)\s+(?:both|all)(?:\s+of)?(?:\s+(?:those|these|them|things))?(?=\s*(?:[,.;!?]|$)))(?:\s+for\s+(⟦[ei]\d+⟧|him|her|them))?/i;
const LOCKED_OUT =
  /\b(?:is|was|got|gets|been|are|were|being|still)\s+(?:locked|banned)(?:\s+out)?\b|\blocked\s+out\b|\bcan(?:'|’)?t\s+(?:get|log|sign)\s+(?:in|on)\b|\bcannot\s+(?:get|log|sign)\s+(?:in|on)\b|\b(?:not|un)\s*able\s+to\s+(?:log|sign)\s*-?\s*(?:in|on)\b/i;

// A sign-in fix the message asks for in so many words ("… the user asks us to unlock her").
const OWN_FIX = /\b(?:unlock|unban|un-?suspend|reinstate|let\s+\S+(?:\s+\S+)?\s+(?:sign|log)\s+in)\b/i;

function fixMeansRestore(masked: string): string {
  if (!LOCKED_OUT.test(masked)) return masked;
  // "pls sort this" above a forwarded mail that asks for the unlock itself hands that ask over: one request.
  if (OWN_FIX.test(masked.replace(FIX, ''))) return masked;
  // (No one named with the fix: the one address the message gives, a ticket's "Mail ID: …", is whose sign-in.)
  const addresses = [...new Set(masked.match(/⟦e\d+⟧/g) ?? [])];
  const named = addresses.length === 1 ? addresses[0]! : 'the account';
  return masked.replace(
    FIX,
    (_m, sorted: string | undefined, who: string | undefined) => `let ${sorted ?? who ?? named} sign in again`,
  );
}

// "ensure the invitation is no longer valid", "make sure this invite won't work": a revocation.
// "see to it that nobody can use it" (it: the invitation another clause names): a revocation of that invitation.
const CANNOT_USE =
  /\b(?:make\s+sure|ensure)\s+(?:that\s+)?(?:they|he|she|nobody|no\s*one)\s+(?:can(?:not|'t|’t|\s+no\s+longer)|won'?t\s+be\s+able\s+to)\s+use\s+(?:it|that|the\s+(?:invite|invitation|link))\b(?=[^.!?]*[.!?]?)/gi;
const UNUSABLE =
  /\b(?:make\s+sure|ensure|see\s+to\s+it)\s+(?:that\s+)?((?:the|that|this|their|his|her)\s+(?:[\w-]+\s+)?(?:invit\w*|sessions?)(?:\s+(?:to|for|of)\s+⟦e\d+⟧)?)\s+(?:can(?:not|'t|’t|\s+not|\s+no\s+longer)\s+be\s+used|is\s+no\s+longer\s+(?:valid|usable)|(?:won't|will\s+not)\s+work(?:\s+anymore)?)\b/gi;

/** Every sentence of the message in the imperative (sentence ends kept). */
export function imperatives(masked: string): string {
  const polite = fixMeansRestore(
    masked
      .replace(POLITE, 'please ')
      .replace(REASON_BETWEEN, (m) => `. ${m.replace(/^,\s*(?:and\s+)?/, '').replace(/,\s*$/, '')}. `)
      .replace(/\bplease\s+to\s+(?=[a-z])/gi, 'please ')
      .replace(UNUSABLE, 'revoke $1')
      .replace(CANNOT_USE, (m) => (/\binvit/i.test(masked) ? 'revoke that invitation' : m)),
  );
  return polite
    .split(/((?:[.!?;]+)\s+)/)
    .map((piece, i) => (i % 2 === 0 ? inAdjunct(piece) : piece))
    .join('');
}

/** The sentence in the imperative without its purpose adjunct ("lock X so he can't …"), unless the request is the
 * adjunct itself ("… signed the contract so I think their seat limit needs to go up to 40"). */
function inAdjunct(piece: string): string {
  const cut = piece.replace(ADJUNCT, '').replace(REASON_AFTER, '').replace(EMPHASIS, '').replace(CONSEQUENCE, '');
  const rewritten = imperative(cut);
  if (rewritten !== cut) return rewritten;
  const whole = imperative(piece);
  return whole !== piece ? whole : rewritten;
}

/** Whether a sentence of the message is a request form said in the negative ("X doesn't need to be removed"). */
export function negatedRequest(masked: string): boolean {
  return masked.split(/[.!?;]+\s+/).some((sentence) => {
    const s = sentence.replace(ASKS, '');
    if (!NEGATION.test(s)) return false;
    // The same sentence without its negation is a request form: the negation is what the sentence says.
    const positive = s.replace(/\b(?:not|never)\s+/gi, '').replace(/n['’]t\b/gi, '');
    return [PASSIVE, WANTED, ENSURE].some((re) => {
      const m = positive.match(re);
      return !!m && !!verbOf(m[3]!, m[4]!);
    });
  });
}
