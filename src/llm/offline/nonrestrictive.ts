/**
 * Remarks set off by commas that a request carries but never acts on:
 * - a non-restrictive relative clause after a name or an address ("add Ann Lee, who joined on Monday, to Foo",
 *   "unlock x@y.test, whose laptop was replaced."): the person is already named, so the clause only describes;
 * - an announcing lead before a list of changes ("please make the following two changes: …", "do these three
 *   things:"), whose verb is no request of its own ("make" would otherwise read as a role change);
 * - a gloss on what the change amounts to ("…, read-only mode basically");
 * - why or when, said before the request ("In preparation for the audit, please …");
 * - how long a change holds ("… a viewer till January", "until the end of term"): when, not what.
 * Only clauses after a capitalised name, an address or id placeholder are dropped ("the user, who …" keeps its
 * clause: there the clause may be what identifies them).
 */
import { ACTION_VERB } from './clauses.js';

const NAMED = "(?:⟦[ei]\\d+⟧|\\b[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){0,2})";
// (Not a clause that holds an address, a domain or a value a later sentence may point back to — "Foo, whose staff use
// @foo.test addresses … allow that domain" — nor one that ends a question; only "who"/"whose" clauses: after a name,
// "which" starts a question as often as a remark.)
const RELATIVE = new RegExp(
  `(${NAMED}),\\s+(?:who|whose)\\b(?![^,.;:!?()]*[⟦@])[^,.;:!?()]*?(?:,\\s*|(?=\\s*[.;!]|$))`,
  'g',
);

const LEAD =
  /\b(?:(?:please|pls|kindly)\s+)?(?:make|do|carry\s+out|action|apply|process|handle)\s+(?:the\s+following|these|the\s+below)(?:\s+(?:\w+))?\s+(?:changes?|amendments?|updates?|edits?|things?|items?|tasks?|requests?)\s*:\s*/gi;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WHEN = `(?:further\\s+notice|${MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next\\s+(?:week|month|term|semester|year|quarter)|the\\s+(?:end|start)\\s+of\\s+(?:the\\s+)?\\w+|(?:the\\s+)?new\\s+year|spring|summer|autumn|fall|winter|tomorrow)`;
const UNTIL = new RegExp(`\\s+(?:until|till|til|through|thru)\\s+${WHEN}\\b(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?`, 'gi');

// "…, read-only mode basically!", "…, more or less": a gloss after a comma that says what the change amounts to.
const GLOSS =
  /,\s+(?![^,.;!?]*⟦)[^,.;!?]{1,40}?\s+(?:basically|essentially|more\s+or\s+less|i\s+guess)(?=\s*[.;!?]|$)/gi;

// "In preparation for the audit, please …", "Following the end of the contract, kindly …": why or when, said
// before the request (only before a word a request starts with).
const PURPOSE_LEAD = new RegExp(
  String.raw`(^|[.!?]\s+)(?:in\s+preparation\s+for|ahead\s+of|as\s+part\s+of|for\s+the\s+purposes?\s+of|in\s+advance\s+of|prior\s+to|in\s+light\s+of|in\s+view\s+of|in\s+connection\s+with|in\s+accordance\s+with|with\s+reference\s+to|with\s+regard\s+to|at\s+the\s+request\s+of|on\s+behalf\s+of|following|further\s+to|pursuant\s+to|whereas)\s+[^.;!?⟦]{1,160}?,\s+(?=(?:please|kindly|could|can|would|i|we)\b|${ACTION_VERB}\b)`,
  'gi',
);

// "Mr. Tom Lee having moved to Sales, kindly record …": an absolute clause before the request is a statement of its
// own — said as one, so a "his" in the request finds its person in the sentence before.
const ABSOLUTE = /(^|[.!?]\s+)([^,.;!?]{1,60}?)\s+having\s+([^.;!?]{1,160}?),\s+(?=(?:please|kindly)\b)/gi;

/** The masked message without descriptive relative clauses, list leads and "until <when>" adjuncts. */
export function withoutRemarks(masked: string): string {
  return masked
    .replace(LEAD, '')
    .replace(ABSOLUTE, '$1$2 has $3. ')
    .replace(PURPOSE_LEAD, '$1')
    .replace(RELATIVE, (_m, who: string) => `${who} `)
    .replace(UNTIL, '')
    .replace(GLOSS, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ +([,.;!?])/g, '$1');
}
