/**
 * A read said as what someone needs (issue 15, round 4): "need the list of banned users for the audit", "we'd like
 * an overview of locked accounts", "I want all pending invites on one page", "could you get me the number of
 * banned users". The object is a group of records (a plural resource noun, with the state words the list parsers
 * read), so the sentence is that list — or that count — in the imperative. It never yields a change: the result
 * always starts with "list" or "how many", and a sentence whose object is one person ("I need Ann banned") does
 * not fit (request-form.ts reads that one).
 */
import { VERBS } from './lexicon.js';

const LEAD = '((?:[^,.!?]*,\\s*)?(?:(?:and|so|also|pls|please)\\s+)*)';
const WHO =
  "(?:(?:i|we|they|the\\s+\\w+(?:\\s+\\w+)?|someone|management|compliance|legal|audit)(?:'d|’d|\\s+would|\\s+will)?\\s+)?";
const WANT =
  '(?:(?:really|just|only|also|urgently)\\s+)?(?:need|needs|want|wants|like|require|requires|would\\s+like|(?:can|could)\\s+(?:you|u)\\s+(?:please\\s+)?(?:get|send|give|pull)\\s+(?:me|us)|(?:please\\s+)?(?:get|send|give|pull)\\s+(?:me|us))';
const SEE = '(?:to\\s+(?:see|get|have|receive|pull)\\s+)?';
const HEAD =
  '(?:(?:a|an|the)\\s+)?(?:(?:full|complete|quick|current|up-to-date|updated|fresh)\\s+)?(?:(list(?:ing)?|overview|rundown|export|report|dump|roster|summary|count|number|tally|total)\\s+of\\s+)?';
const STATE =
  '(?:(?:all|every|each)\\s+(?:of\\s+)?(?:the\\s+)?|the\\s+)?(?:(?:currently|presently|still|now)\\s+)?(?:(?:banned|locked|pending|outstanding|expired|accepted|revoked|active|new|recent|unaccepted)\\s+)*';
const NOUN =
  '(?:users|accounts|people|members|memberships|orgs|organi[sz]ations|invit(?:ation|e)s|sign-?ups|sessions|admins|domains)';
const WANTED_READ = new RegExp(`^${LEAD}${WHO}${WANT}\\s+${SEE}${HEAD}(${STATE}${NOUN}\\b.*)$`, 'i');

// "we need the users at @x.test banned": the group is the object of a change said as a wanted state (request-form).
const CHANGE_AFTER = new RegExp(
  `\\b(?:${VERBS.filter((v) => !['list', 'show', 'sign', 'make'].includes(v))
    .flatMap((v) => (v.endsWith('e') ? [`${v}d`] : [`${v}ed`, `${v}${v.at(-1)}ed`]))
    .join('|')}|gone|added|kicked|out\\s+of|off\\s+(?:the|of))\\b`,
  'i',
);

/** The sentence as a list (or count) when it asks for a group of records, or undefined. */
export function wantedRead(sentence: string): string | undefined {
  const m = sentence.trim().match(WANTED_READ);
  if (!m || CHANGE_AFTER.test(m[3]!.replace(new RegExp(`^${STATE}`, 'i'), ''))) return undefined;
  const count = /^(?:count|number|tally|total)$/i.test(m[2] ?? '');
  return `${m[1]}${count ? 'how many' : 'list'} ${m[3]!.replace(/^(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?/i, '')}`;
}

// "we want to know which …", "could you tell me who …", "do you know when …", "any idea which …": the question
// inside. ("whether X is banned" is a state check, conditional.ts.)
const KNOW = new RegExp(
  `^${LEAD}(?:${WHO}(?:(?:really|just|only|also)\\s+)?(?:need|needs|want|wants|would\\s+like|wanted|have)\\s+to\\s+(?:know|find\\s+out|check|see|confirm|understand)|(?:(?:can|could|would)\\s+(?:you|u)\\s+(?:please\\s+)?|please\\s+|pls\\s+)?(?:tell|let)\\s+(?:me|us)(?:\\s+know)?(?!\\s+when\\s+(?:you|u|we|i|it|that|this|done)\\b)|(?:do|does)\\s+(?:you|anyone|anybody)\\s+know|any\\s+idea)\\s+((?:(?:on|from|in|at)\\s+)?(?:how\\s+many|how\\s+much|who|whom|which|what)\\b.*)$`,
  'i',
);
// (The same after context with no comma: "for the offsite we want to know which …".)
const KNOW_AFTER =
  /^(.*?\s)(?:(?:i|we)(?:'d|’d|\s+would)?\s+)(?:(?:really|just|only|also)\s+)?(?:need|want|would\s+like|like|wanted|have)\s+to\s+(?:know|find\s+out|check|see|confirm)\s+((?:(?:on|from|in|at)\s+)?(?:how\s+many|how\s+much|who|whom|which|what)\b.*)$/i;
// "Could you tell me?", "Let me know, thanks": asks for the answer the question before it already gets.
const TELL_ME =
  /^(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+|kindly\s+)?(?:tell\s+me|let\s+me\s+know|revert|get\s+back\s+to\s+me)(?:\s+(?:please|pls|asap|thanks|when\s+you\s+can))*\s*[?.!]*$/i;

// "can you check if Ann is still part of Foo", "we need to know if the invite to x@y has been accepted": a
// yes/no question asked indirectly. It is asked directly ("is Ann still in Foo?"), which the question readers read.
// (Only "is / are / has / have" after a short subject: "let me know if you need anything" asks nothing.)
const WHETHER = new RegExp(
  `^${LEAD}(?:${WHO}(?:(?:really|just|only|also)\\s+)?(?:need|needs|want|wants|would\\s+like|wanted|have)\\s+to\\s+(?:know|find\\s+out|check|see|confirm)|(?:(?:can|could|would)\\s+(?:you|u)\\s+(?:please\\s+|kindly\\s+)?|please\\s+|pls\\s+|kindly\\s+)?(?:tell\\s+(?:me|us)|let\\s+(?:me|us)\\s+know|check|find\\s+out|confirm|see|verify|look\\s+up))\\s+(?:whether|if)\\s+((?!(?:you|u|we|i|there|anything|something)\\b)(?:[\\w'’.⟦⟧-]+\\s+){0,4}?[\\w'’.⟦⟧-]+)\\s+(is|are|has|have)\\s+(?!(?:able|going|ok|okay|fine|possible|needed|necessary)\\b)(.+?)\\s*[?.!]*$`,
  'i',
);

/** The question an indirect question asks ("we want to know which X" → "which X"), or undefined. */
export function embeddedQuestion(sentence: string): string | undefined {
  const yesNo = sentence.trim().match(WHETHER);
  if (yesNo) {
    const lead = yesNo[1]!.replace(/[\s,;:-]+$/, '');
    return `${lead ? `${lead}, ` : ''}${yesNo[3]!.toLowerCase()} ${yesNo[2]} ${yesNo[4]}?`;
  }
  const m = sentence.trim().match(KNOW) ?? sentence.trim().match(KNOW_AFTER);
  if (!m) return undefined;
  const lead = m[1]!.replace(/[\s,;:-]+$/, '');
  return `${lead ? `${lead}, ` : ''}${sessionQuestion(m[2]!) ?? m[2]}`;
}

// "how many devices is X signed in on", "on how many browsers is X logged in", "which machines is X logged in
// from": the places someone is signed in are their active sessions.
const DEVICES = new RegExp(
  `^${LEAD}(?:on\\s+|from\\s+|in\\s+)?(how\\s+many|which|what)\\s+(?:devices|browsers|machines|computers|phones|laptops|places|locations|sessions)\\s+(?:(?:is|are|was|does|do)\\s+(.+?)|(.+?)\\s+(?:is|are|was))\\s+(?:currently\\s+|still\\s+|actually\\s+)?(?:signed|logged)\\s+in(?:to)?(?:\\s+(?:on|from|at|with|to|in))?\\b(.*)$`,
  'i',
);

/** A question about where someone is signed in, as the sessions question, or undefined. */
export function sessionQuestion(sentence: string): string | undefined {
  const m = sentence.trim().match(DEVICES);
  if (!m) return undefined;
  // (The question's order, "is X signed in", or the embedded one, "X is signed in".)
  const who = (m[3] ?? m[4])!.trim();
  const rest = m[5]!.replace(/^\s*(?:right\s+now|now|currently|at\s+the\s+moment|today)\b/i, '');
  return /^how/i.test(m[2]!)
    ? `${m[1]}how many sessions does ${who} have${rest}`
    : `${m[1]}list the sessions of ${who}${rest}`;
}

/** True for a sentence that only asks to be told the answer ("Could you tell me?"). */
export function asksForAnswer(sentence: string): boolean {
  return TELL_ME.test(sentence.trim());
}

// A date field of a person said as a noun phrase: "last sign-in for X?", "X's last login?", "the signup date of X".
const DATE_FIELDS: ReadonlyArray<[RegExp, (who: string) => string]> = [
  [
    /(?:last|latest|most\s+recent)\s+(?:sign(?:ed)?[-\s]?ins?|log(?:ged)?[-\s]?ins?|logins?)/,
    (who) => `when did ${who} last sign in`,
  ],
  [/(?:last|latest|most\s+recent)\s+(?:active|activity|seen)/, (who) => `when was ${who} last active`],
  [/(?:sign[-\s]?up|join(?:ed)?|registration|creation|created)(?:\s+date)?/, (who) => `when did ${who} sign up`],
];
const FIELD = DATE_FIELDS.map(([re]) => `(${re.source})`).join('|');
const FIELD_LEAD = '((?:[^,.!?:]*(?:[,:]|\\s[-–—]+)\\s*)?(?:(?:and|so|also|pls|please|quick\\s+one)\\s+)*)';
const FIELD_OF = new RegExp(
  `^${FIELD_LEAD}(?:what(?:'s|’s|\\s+is|\\s+was)\\s+)?(?:the\\s+)?(?:${FIELD})(?:\\s+(?:date|time|timestamp))?\\s+(?:for|of|on)\\s+(.+?)\\s*$`,
  'i',
);
const OWNERS_FIELD = new RegExp(
  `^${FIELD_LEAD}(?:what(?:'s|’s|\\s+is|\\s+was)\\s+)?(.+?)(?:'s|’s)\\s+(?:${FIELD})(?:\\s+(?:date|time|timestamp))?\\s*$`,
  'i',
);

/** A person's date field asked as a noun phrase, as the "when did X …" question, or undefined. */
export function dateFieldQuestion(sentence: string): string | undefined {
  const s = sentence.trim().replace(/\?+$/, '');
  const of = s.match(FIELD_OF);
  const owners = of ? undefined : s.match(OWNERS_FIELD);
  const m = of ?? owners;
  if (!m) return undefined;
  const who = (of ? m[m.length - 1] : m[2])!.trim();
  // (A group or a question word is no person: "last sign-in for all users" is a listing.)
  if (who.split(/\s+/).length > 6 || /^(?:all|every|each|the|our|users|everyone|who|which)\b/i.test(who))
    return undefined;
  const field = (of ? m.slice(2, -1) : m.slice(3)).findIndex((g) => g !== undefined);
  const lead = m[1]!.replace(/[\s,:;-]+$/, '');
  // (The context before it is a sentence of its own: the question parsers read a question from its start.)
  return `${lead ? `${lead}. ` : ''}${DATE_FIELDS[field]![1](who)}${/\?\s*$/.test(sentence) ? '?' : ''}`;
}
