/**
 * Everyday and second-language wordings of plain requests (rounds 18 and 19), said the way the readers know them:
 * - "get her invited onto the Foo clinic", "add him onto Foo": "onto" is "to" for an invitation or a membership;
 * - "how many staff do you have inside Foo", "how many users have they got at Foo": the head count of
 *   Foo ("how many people are in Foo"); and a second count said short after it ("… and how many on Bar") counts
 *   the same thing in Bar;
 * - "add me to Foo as an admin I'm x@y.test so I can cover": the writer saying who they are, run on without a
 *   stop, is a sentence of its own (the request before it reads whole, and "me" is that address — first-person.ts);
 *   "add me — Ann Lee — to Foo" is Ann Lee;
 * - "change the slug to just `alpha`", "set title to simply "Lead"": the word that plays the value down is no part
 *   of the value (it had become the new slug, "just"). Only before a quoted value, a capitalised word or a number;
 * - forms carried over from another language: "remove him of the organization" (from), "the last person that
 *   made signup" (signed up);
 * - a wanted change said with "needs" and a gerund, as British English does: "she needs taking out of Foo" is
 *   "she needs to be removed from Foo", "he needs adding to Bar", "it needs locking";
 * - the lock said as a thing: "take the little lock off Omar's account" (unlock), "put the lock on his account"
 *   (lock), "his account has got that lock on it" (is locked), and "take a quick look and check if" is a check;
 * - "raise the count of seats permitted in Foo": Foo's member limit, a setting — never a count of users;
 * - the object first, as German and terse notes put it: "grafana tmpl delete", "the user omar please unlock",
 *   "x@y.test unlock", "stripe_id remove pls" — the verb after a record (or a key) ending the clause is said
 *   first. Only a record word, an address or a snake_case key before it, and only at the start of a sentence.
 *   With an arrow too ("`*@foo.test` → blocklist", "foo → rename to …");
 * - round 19: "the foo token thing" (a filler noun); "my boss says: …" (whose wish it relays); "Foo's plan is
 *   moving to gold" (set it); "how many sessions she has" (the question in statement order); a setting said to be
 *   off, then "enable it" (that setting); and, on the raw text, "she" in a question about the one address a
 *   message gives.
 */

const ONTO = /\b(invit\w*|add(?:ed|ing)?|put)\b([^.?!\n]{0,60}?)\bonto\b/gi;
const HAVE_ON =
  /\bhow\s+many\s+(people|users|members|staff|folks|accounts|seats)\s+(?:do|does|did)\s+(?:we|you|they|it)\s+(?:have|got)\s+(?:on|in|at|inside|under)\b|\bhow\s+many\s+(people|users|members|staff|folks|accounts|seats)\s+(?:have|has)\s+(?:we|you|they)\s+got\s+(?:on|in|at|inside|under)\b/gi;

const SHORT_SECOND =
  /\b(how\s+many\s+(people|users|members|staff|folks|accounts|seats)\s+are\s+in\b[^?\n]*?)\band\s+how\s+many\s+(?:on|in|at|for)\b/gi;

// "add me — Ruth Okoye — to Foo", "add me (Ann Lee) to Foo": the writer names herself; the name is whom "me" means.
// (Read on the raw text: the dashed aside would otherwise be dropped as a remark.)
const ME_NAMED =
  /\bme\s*(?:[—–]|--|\(|,)\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*(?:[—–]|--|\)|,)/gu;

/** The raw message with "me — <name> —" said as the name. */
export function withNamedSelf(text: string): string {
  return text.replace(ME_NAMED, '$1');
}
const RUN_ON_SELF = /([\p{L}\d])[ \t]+(I['’]m|I\s+am|this\s+is|my\s+(?:email|e-mail|address)\s+is)[ \t]+(⟦e\d+⟧)/gu;

const PLAYED_DOWN = /\b(to|as|into|be|is|=)\s+(?:just|simply|only|merely|plain)\s+(?=⟦q\d+⟧|[\p{Lu}\d])/gu;

const REMOVED_OF =
  /\b([Rr]emove|[Kk]ick|[Dd]elete|[Dd]rop|[Tt]ake\s+out)\s+(him|her|them|⟦e\d+⟧|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s+of\s+(?=(?:the\s+|this\s+|that\s+)?(?:org\b|orgs\b|organi[sz]ation|group|team|workspace|\p{Lu}))/gu;
const MADE_SIGNUP =
  /\b(?:make|made|makes|did|do|does)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:sign[- ]?up|signup|registration|register)\b/gi;
const MADE_LOGIN =
  /\b(?:make|made|makes|did|do|does)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:log[- ]?in|login|sign[- ]?in|signin)\b/gi;

const NEEDS_DOING: ReadonlyArray<[RegExp, string]> = [
  [/\b(needs?|wants?)\s+taking\s+(?:out\s+of|off(?:\s+of)?|away\s+from)\b/gi, '$1 to be removed from'],
  [/\b(needs?|wants?)\s+removing\s+from\b/gi, '$1 to be removed from'],
  [/\b(needs?|wants?)\s+(?:adding|putting)\s+(?:in)?to\b/gi, '$1 to be added to'],
];
// ("banning" → "banned": the doubled consonant is kept.)
const GERUND = /\b(needs?|wants?)\s+(locking|unlocking|banning|unbanning)\b/gi;

// (Whom: an address, a pronoun, or a name of one or two words — typed in any case, as people type names.)
const WHO = String.raw`(⟦e\d+⟧|him|her|them|his|their|\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*)?)(?:['’]s)?(?:\s+(?:account|login))?`;
const THE_LOCK = String.raw`(?:the|that|this|a)\s+(?:little\s+|wee\s+|small\s+)?lock(?:\s+(?:thing|thingy|symbol|icon))?`;
const LOCK_OFF = new RegExp(String.raw`\b(?:take|get|remove|lift)\s+${THE_LOCK}\s+off(?:\s+of)?\s+${WHO}`, 'giu');
const LOCK_ON = new RegExp(String.raw`\b(?:put|place|pop|stick)\s+${THE_LOCK}\s+on\s+${WHO}`, 'giu');
const HAS_LOCK = new RegExp(String.raw`\b(?:has|have)\s+(?:got\s+)?${THE_LOCK}\s+on(?:\s+it)?\b`, 'giu');
// "… is locked? If it is, just take it off; if it isn't, tell me": the branches of that question.
const IF_HAS_OFF =
  /\bif\s+(?:it|he|she|they)\s+(?:has|have|is|does)\s*,\s*(?:please\s+|then\s+|just\s+)*take\s+it\s+off\b/gi;
const IF_HASNT = /\bif\s+(?:it|he|she|they)\s+(?:hasn['’]?t|has\s+not|haven['’]?t|isn['’]?t|doesn['’]?t)\s*,/gi;
// "private meta: …", "public meta onboarding=…": metadata, said short.
const META = /\b(public|private|unsafe)\s+meta\b(?!data)/gi;
// ("take a look and check if …": a check, never "have … locked", the passive request.)
const HAVE_A_LOOK = /\b(?:have|take)\s+a\s+(?:quick\s+)?look\s+and\s+(?:see|check)\s+(whether|if)\b/gi;
const OBJECT: Readonly<Record<string, string>> = { his: 'him', their: 'them' };
const objectOf = (who: string): string => OBJECT[who.toLowerCase()] ?? who;

const OBJECT_FIRST =
  /(^|[.!?;:\n]\s*)((?:the\s+)?(?:(?:user|template|org|organi[sz]ation|app|domain)\s+[\w.-]+(?:\s+(?!(?:pls|please|plz|kindly)\b)[\w.-]+)?|(?:(?:[\w.-]+|⟦q\d+⟧)\s+){0,2}(?:template|org|organi[sz]ation|app|application|invite|invitation|domain|session|user|account)|⟦[eiwh]\d+⟧(?:['’]s\s+account)?|[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\s+key)?))(?:\s*(?:->|→|=>)\s*|\s+(?:(?:pls|please|plz|kindly)\s+)?)(delete|remove|revoke|lock|unlock|ban|unban|blocklist|allowlist|block|unblock)(?=\s*(?:pls|please|plz|now|asap|thx|thanks)?\s*(?:[,.;!?\n]|$))/gi;

// "globex → rename to Globex Corp", "grace → make admin in acme": a record, an arrow, then what to do to it.
const ARROW_VERB =
  /(^|[.!?;:\n]\s*)((?:[\w.&-]+|⟦[eiq]\d+⟧)(?:\s+(?:[\w.&-]+|⟦q\d+⟧)){0,2})\s*(?:->|→|=>)\s*(rename|make)\b/gi;

// "the foo token thing", "that app thingy": a record said with a filler noun after it.
const THING = /\b(tokens?|template|app|application|domain|invite|invitation)\s+(?:thing|thingy|stuff)\b/gi;

const NUMBER_ALLOWED =
  /\b(?:the\s+)?(?:number|amount|count)\s+of\s+(?:people|members|users|seats|staff|accounts)\s+(?:(?:that\s+are|who\s+are|we\s+are)\s+)?(?:allowed|permitted)\b/gi;

// "the consent screen appears turned off on Foo. please enable it": a setting said to be on or off, then "enable it" /
// "turn it on" — "it" is that setting (of the record the first sentence names).
const SETTING_STATE =
  /\b((?:[a-z]+\s+){0,2}?(?:screen|pkce|setting|option|flag|feature|toggle|mode))\s+(?:is|was|are|seems|appears)\s+(?:to\s+be\s+)?(?:found\s+|currently\s+|still\s+|now\s+)?(?:disabled|enabled|off|on|turned\s+off|turned\s+on|not\s+enabled|not\s+required|switched\s+off)\b([^.!?]*)/i;
const SWITCH_IT = /\b(enable|disable|turn\s+on|turn\s+off|switch\s+on|switch\s+off|activate|deactivate)\s+it\b/i;

function withSettingPointed(masked: string): string {
  const stated = masked.match(SETTING_STATE);
  if (!stated || stated.index === undefined) return masked;
  const after = stated.index + stated[0].length;
  const rest = masked.slice(after);
  const setting = stated[1]!.replace(/^(?:the|a|an|its|their)\s+/i, '');
  // (Of which record: what the first sentence said after the state — "for the ⟦q0⟧ OAuth application".)
  const of = stated[2]!.match(/\b(?:for|of|on)\s+(.+)$/i)?.[0] ?? '';
  return masked.slice(0, after) + rest.replace(SWITCH_IT, (_m, verb: string) => `${verb} the ${setting} ${of}`.trim());
}

// "details for x@y.test: 1) how many devices she has 2) which orgs she is part of": in a
// question about the one person the message gives an address for, "she"/"he" is that person. Read on the raw text
// (request.ts RAW_STAGES), before the list is split into clauses that no longer see the address. ("which all" is
// "which"; "part of" an organization is being its member.)
const QUESTION_START = /^(?:\d+[.)]\s*)?(?:how\s+many|how\s+much|which|what|when|whether|is|does|has)\b/i;
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
export function withQuestionPronoun(text: string): string {
  const said = text
    .replace(/\bwhich\s+all\b/gi, 'which')
    .replace(/\b(is|are|am)\s+(?:a\s+)?part\s+of\b/gi, '$1 a member of');
  const people = [...new Set((said.match(ADDRESS) ?? []).map((a) => a.toLowerCase()))];
  if (people.length !== 1) return said;
  const who = people[0]!;
  return said
    .split(/(?<=[.!?;\n]\s*)/)
    .map((sentence) =>
      QUESTION_START.test(sentence.trim())
        ? sentence.replace(/\b(?:she|he)\b/i, who).replace(/\b(?:her|his)\b(?=\s+roles?\b)/i, `${who}'s`)
        : sentence,
    )
    .join('');
}

// "how many active sessions she has", "how many orgs ⟦e0⟧ is having": the question in statement order. (The
// subject is an address, a pronoun or a capitalised name — case matters here: "how many members their org is
// allowed to have" has none.)
const HOW_MANY_STATED =
  /\b[Hh]ow\s+many\s+((?:(?!(?:does|do|did|can|could|will|would|should|may|might|must|is|are|was|were)\b)[a-z]+\s+){0,3}?(?!(?:does|do|did|can|could|will|would|should|may|might|must|is|are|was|were)\b)[a-z]+)\s+(⟦[ei]\d+⟧|she|he|they|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:has|have|is\s+having|are\s+having)\b/g;

// "mom says: …", "the boss says that …": whose wish it relays, said before the request — no part of it.
const SAYS_LABEL =
  /(^|[.!?;]\s+)(?:my\s+|our\s+|the\s+)?(?:mom|mum|mother|dad|father|boss|manager|client|customer|owner|partner|ceo|lead)\s+(?:says|said)\s*(?::|,|that\b|(?=(?:please\s+|pls\s+|to\s+)?(?:delete|remove|ban|unban|lock|unlock|add|invite|revoke|make|set|change|give|kick|block|rename|cancel)\b))\s*/g;
// "Foo's pickup slot is changing to noon", "her shift changes to late": a key said to take a new value.
const MOVES_TO =
  /\b((?:⟦[ei]\d+⟧|[\p{L}][\p{L}'’&-]*(?:\s+[\p{L}][\p{L}'’&-]*){0,2})['’]s\s+(?:[a-z][a-z_]*\s+){0,2}?[a-z][a-z_]*)\s+(?:is\s+(?:moving|changing|switching|going|being\s+(?:moved|changed|switched))|moves|changes|switches)\s+(?:over\s+)?to\b/gu;

/** The masked message with these wordings said plainly. */
export function withPlainForms(masked: string): string {
  return NEEDS_DOING.reduce((t, [re, to]) => t.replace(re, to), withSettingPointed(masked))
    .replace(LOCK_OFF, (_m, who: string) => `unlock ${objectOf(who)}`)
    .replace(LOCK_ON, (_m, who: string) => `lock ${objectOf(who)}`)
    .replace(META, '$1 metadata')
    .replace(NUMBER_ALLOWED, 'the member limit')
    .replace(THING, '$1')
    .replace(SAYS_LABEL, '$1')
    .replace(MOVES_TO, 'set $1 to')
    .replace(HOW_MANY_STATED, 'how many $1 does $2 have')
    .replace(ARROW_VERB, '$1$3 $2')
    .replace(OBJECT_FIRST, (_m, lead: string, object: string, verb: string) => `${lead}${verb} ${object}`)
    .replace(HAVE_A_LOOK, 'check $1')
    .replace(HAS_LOCK, 'is locked')
    .replace(IF_HAS_OFF, (m, at: number, whole: string) =>
      /\bis\s+locked\b/i.test(whole.slice(0, at)) ? 'if so, unlock them' : m,
    )
    .replace(IF_HASNT, (m, at: number, whole: string) => (/\bis\s+locked\b/i.test(whole.slice(0, at)) ? 'if not,' : m))
    .replace(ONTO, '$1$2to')
    .replace(RUN_ON_SELF, '$1. $2 $3')
    .replace(PLAYED_DOWN, '$1 ')
    .replace(REMOVED_OF, '$1 $2 from ')
    .replace(MADE_SIGNUP, 'signed up')
    .replace(MADE_LOGIN, 'signed in')
    .replace(GERUND, (_m, need: string, verb: string) => `${need} to be ${verb.replace(/ing$/i, 'ed')}`)
    .replace(HAVE_ON, (_m, a: string | undefined, b: string | undefined) => `how many ${a ?? b} are in`)
    .replace(SHORT_SECOND, (_m, first: string, noun: string) => `${first.trimEnd()}? how many ${noun} are in`);
}
