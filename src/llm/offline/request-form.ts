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
import { VERBS } from './lexicon.js';
import { requestText } from './quoted.js';

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

// Context before the request in the same sentence ("X no longer works with us, she needs to be …").
const LEAD = '((?:[^,]*,\\s*)*?(?:(?:and|so|then|also)\\s+)?)';

const MODAL =
  '(?:should|must|needs?\\s+to|has\\s+to|have\\s+to|can|could|is\\s+to|are\\s+to|ought\\s+to|will\\s+need\\s+to|wants?\\s+to)';
const ADVERB = '(?:(?:now|also|please|just|finally|actually|probably|definitely)\\s+)?';

// "X should be locked …", "X needs to be removed from Acme", "X can be unbanned now".
const PASSIVE = new RegExp(`^${LEAD}([^,]+?)\\s+${MODAL}\\s+${ADVERB}(?:be|get)\\s+${ADVERB}${PP}\\b(.*)$`, 'i');
// "I need X gone", "we want X banned", "please get X unlocked", "can you have X removed from Acme".
const WANTED = new RegExp(
  `^${LEAD}(?:(?:i|we)(?:'d|’d| would)?\\s+(?:need|want|like)|(?:please\\s+)?(?:get|have)|(?:can|could|would)\\s+(?:you|u)\\s+(?:please\\s+)?(?:get|have))\\s+(?!to\\b)([^,]+?)\\s+${PP}\\b(.*)$`,
  'i',
);
// "make sure X is banned", "ensure that X gets locked".
const ENSURE = new RegExp(
  `^${LEAD}(?:(?:can|could|would)\\s+(?:you|u)\\s+)?(?:please\\s+)?(?:make\\s+sure|ensure|see\\s+to\\s+it)\\s+(?:that\\s+)?([^,]+?)\\s+(?:is|are|gets|get|stays|stay)\\s+${PP}\\b(.*)$`,
  'i',
);
// "is it possible to unlock X?", "would you be able to …": the question wraps an instruction.
const ASKS =
  /^(?:(?:can|could|would|will)\s+(?:you|u)(?:\s+(?:please|possibly|kindly|perhaps|maybe|quickly|just|also))+|is\s+it\s+possible\s+to|would\s+it\s+be\s+possible\s+to|is\s+there\s+a\s+way\s+to|are\s+you\s+able\s+to|would\s+you\s+be\s+able\s+to|any\s+chance\s+you\s+(?:can|could)|(?:i|we)(?:'d|’d| would)\s+like\s+you\s+to|(?:i|we)\s+need\s+you\s+to)\s+/i;
// "X shouldn't be on the blocklist anymore", "X should no longer be in Acme", "X shouldn't have access to Acme".
const NO_LONGER =
  /^(.+?)\s+(?:should(?:n't|n’t|\s+not)|must(?:n't|n’t|\s+not)|should\s+no\s+longer|must\s+no\s+longer|(?:does|do)(?:n't|n’t|\s+not)\s+need\s+to)\s+(?:be\s+(?:on|in|part\s+of|a\s+member\s+of)|have\s+access\s+to)\s+(.+?)(?:\s+(?:anymore|any\s+more|any\s+longer))?([,;].*)?$/i;
// "Bob should just be a regular member of Globex, not an admin": a role (or kind) stated as what someone should be.
const BE_A = new RegExp(
  `^${LEAD}([^,]+?)\\s+${MODAL}\\s+${ADVERB}(?:only\\s+)?be\\s+(an?\\s+.+?)(?:,?\\s+(?:not|instead\\s+of|rather\\s+than)\\s+.*)?$`,
  'i',
);
// "the Zapier app should only have the profile and email scopes": a list field stated as what it should hold.
const HAVE =
  /^(.+?)\s+(?:should|must|needs?\s+to)\s+(?:only\s+|just\s+)?have\s+(?:the\s+)?(.+?)\s+(scopes?|redirect\s+ur[il]s?|claims)$/i;
// "Acme's slug should be acme-inc", "the lifetime of hasura should be 300": a field stated as it should be.
const FIELD_STATE =
  /^((?:.+?(?:'s|’s)|the\s+.+?\s+(?:of|for|on))\s+.+?)\s+(?:should|must|needs?\s+to)\s+(?:now\s+)?be\s+(?:changed\s+to\s+|set\s+to\s+|updated\s+to\s+)?(.+)$/i;

const NEGATION = /\b(?:not|never|no\s+longer|nobody|hardly)\b|n['’]t\b/i;

// A subject that asks or negates ("who should be removed?", "nobody needs to be banned") is not a request.
const NOT_A_SUBJECT = /^(?:who|whom|what|which|whoever|nobody|no\s+one|none|nothing|if|whether|when|why|how)\b/i;

const OBJECT_FORM: Record<string, string> = { she: 'her', he: 'him', they: 'them', we: 'us', i: 'me' };

/** "remove" + the subject as an object + the rest, "out of"/"off" said as "from": "remove her from Stark". */
function request(verb: string, subject: string, rest: string): string {
  const who = OBJECT_FORM[subject.trim().toLowerCase()] ?? subject;
  const tail = verb === 'remove' ? rest.replace(/^\s*(?:out\s+of|off(?:\s+of)?)\s+/i, ' from ') : rest;
  return `${verb} ${who}${tail}`;
}

/** One sentence in the imperative, or unchanged when it is not one of the shapes above. */
export function imperative(sentence: string): string {
  const s = sentence.replace(ASKS, '');
  if (NOT_A_SUBJECT.test(s)) return sentence;
  for (const re of [PASSIVE, WANTED, ENSURE]) {
    const m = s.match(re);
    const verb = m && verbOf(m[3]!, m[4]!);
    // A negation anywhere before the participle ("X doesn't need to be removed", "we never want X banned")
    // means the opposite of the request: left alone.
    const head = m ? s.slice(m[1]!.length, s.length - m[4]!.length) : '';
    if (m && verb && !NOT_A_SUBJECT.test(m[2]!) && !NEGATION.test(head)) return `${m[1]}${request(verb, m[2]!, m[4]!)}`;
  }
  const be = s.match(BE_A);
  // Only with a named subject and an organization: "she should be a regular member" answering a question keeps
  // its own words (the question's parser reads them).
  if (
    be &&
    !NOT_A_SUBJECT.test(be[2]!) &&
    !/^(?:it|this|that|there|he|she|they|i|we|you)$/i.test(be[2]!.trim()) &&
    /\s(?:of|in|at)\s/i.test(be[3]!) &&
    !NEGATION.test(be[2]!)
  )
    return `${be[1]}make ${OBJECT_FORM[be[2]!.trim().toLowerCase()] ?? be[2]} ${be[3]}`;
  const has = s.match(HAVE);
  if (has && !NOT_A_SUBJECT.test(has[1]!) && !NEGATION.test(has[0])) return `set ${has[1]}'s ${has[3]} to ${has[2]}`;
  const gone = s.match(NO_LONGER);
  if (gone) return `remove ${gone[1]} from ${gone[2]}${gone[3] ?? ''}`;
  const field = s.match(FIELD_STATE);
  if (field && !/^(?:it|he|she|they|this|that|there)\b/i.test(field[1]!)) return `set ${field[1]} to ${field[2]}`;
  return s;
}

const BULLET = /^\s*(?:[-*•·]|\d{1,2}[.)])\s+/;

/** Each line a sentence, bullets removed: "few things:\n- unlock X\n- ban Y" is three sentences. */
function linesToSentences(text: string): string {
  // JSON or code spread over lines keeps its layout (a period inside it would change it).
  if (!text.includes('\n') || /[{[]/.test(text)) return text;
  return text
    .split('\n')
    .map((l) => l.replace(BULLET, '').trim())
    .filter((l) => l !== '')
    .map((l) => (/[.!?;,]$/.test(l) ? l : `${l.replace(/:$/, '')}.`))
    .join(' ');
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

/** Pasted text as sentences: quoted history and headers, signature, bullets and line layout handled. */
export function layout(raw: string): string {
  return raw.includes('\n') ? linesToSentences(dropSignature(requestText(raw))) : raw;
}

/** Every sentence of the message in the imperative (sentence ends kept). */
export function imperatives(masked: string): string {
  return masked
    .split(/((?:[.!?;]+)\s+)/)
    .map((piece, i) => (i % 2 === 0 ? imperative(piece) : piece))
    .join('');
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
