/**
 * Questions that only check a state (issue 15, round 2). People ask whether something was already done before
 * asking for it: "did we ever ban him?", "has anyone locked X yet?", "have you already banned Ann Lee?",
 * "was X ever banned?". Each becomes the state question the parsers read ("is X banned?"), so the answer reads
 * the account and changes nothing. A conditional follow-up ("if not, we should", "if not, please do") names no
 * action of its own: it is dropped here, so it can never turn a check into a change the admin did not see asked.
 */
import { conditionalChanges } from './conditional.js';
import { invitationStatus } from './invitation-status.js';
import { orgMention } from './org-context.js';
import { correctedValues } from './address-correction.js';
import { asksForAnswer, dateFieldQuestion, embeddedQuestion, sessionQuestion, wantedRead } from './wanted-read.js';

// The state verbs a check can ask about, with the adjective the state question uses.
const STATE: Readonly<Record<string, string>> = {
  ban: 'banned',
  lock: 'locked',
  unban: 'unbanned',
  unlock: 'unlocked',
};
const VERB = `(${Object.keys(STATE).join('|')})`;
const PARTICIPLE = `(${Object.values(STATE).join('|')})`;
const DOER = '(?:we|you|u|someone|somebody|anyone|anybody|they|i|support|the\\s+team)';
const ADVERBS = '(?:(?:ever|already|actually|really|even|yet|previously|before)\\s+)*';
const TAIL = '(?:\\s+(?:already|yet|before|ever|at\\s+some\\s+point|back\\s+then|previously))*';

// "did we ever ban him", "have you already locked x@y.test", "has anyone banned Ann Lee yet".
const DID = new RegExp(
  `^(?:did|have|has|had)\\s+${DOER}\\s+${ADVERBS}${VERB}(?:ned|ed)?\\s+(.+?)${TAIL}\\s*(\\?*)$`,
  'i',
);
// "was he ever banned", "has X been locked already", "is X already banned".
const WAS = new RegExp(
  `^(?:was|were|has|have|is)\\s+(.+?)\\s+(?:been\\s+)?${ADVERBS}(?:been\\s+)?${PARTICIPLE}${TAIL}\\s*(\\?*)$`,
  'i',
);
// "X is banned, right?", "X's still locked, isn't she?", "X is unlocked now, correct?": a statement asked back.
const TAG = new RegExp(
  `^(.+?)(?:\\s+(?:is|are)|'s|’s)\\s+(?:still\\s+|already\\s+|now\\s+)*${PARTICIPLE}(?:\\s+(?:now|still|already))?\\s*,?\\s+(?:right|correct|yes|yeah|yep|no|true|isn['’]?t\\s+(?:he|she|it|that\\s+so)|aren['’]?t\\s+they|i\\s+(?:assume|hope|think))\\s*(\\?*)$`,
  'i',
);
// "if not (I suppose) we should (do it)", "if not, please do", "if she isn't, then lock her": a follow-up on a check.
const IF_NOT =
  /^(?:and\s+)?if\s+(?:not|he\s+isn['’]?t|she\s+isn['’]?t|they\s+aren['’]?t|it\s+isn['’]?t|so|(?:he|she|they|it)\s+(?:is|are|was))\b[^.!?]*[.!?]*$/i;

// "please confirm that X holds the billing role within Foo", "can u check X is actually in the Foo class?": a
// membership said as what to check is the question about it (an answer, never a change). "make sure X is in Foo"
// only as a question: said plainly it may ask for the change.
const ASK_CHECK =
  '^(?:(?:please|pls|kindly|can\\s+(?:you|u)|could\\s+(?:you|u)|would\\s+you)\\s+)*(?:(?<check>confirm|check|verify|double[- ]?check|see)|make\\s+sure)\\s+(?:that\\s+|whether\\s+|if\\s+)?';
const ORG_TAIL = '(?:the\\s+)?(?<org>.+?)(?:\\s+(?:org|organi[sz]ation|group|class|cohort|team|workspace))?';
const QUESTION_END = '\\s*(?<asked>\\?*)$';
const CHECK_ROLE = new RegExp(
  `${ASK_CHECK}(?<who>.+?)\\s+(?:holds?|has|have)\\s+(?:the\\s+|an?\\s+)?(?<role>admin|member|viewer|billing)\\s+role\\s+(?:in|within|at|of|for)\\s+${ORG_TAIL}${QUESTION_END}`,
  'i',
);
const CHECK_IN = new RegExp(
  `${ASK_CHECK}(?<who>.+?)(?:\\s+(?:is|are)|['’]s)\\s+(?:actually\\s+|really\\s+|still\\s+|already\\s+)*(?:in|a\\s+member\\s+of|part\\s+of)\\s+${ORG_TAIL}${QUESTION_END}`,
  'i',
);
/** A check said with a checking verb, or any check said as a question ("make sure …" only then). */
const isCheck = (g: Record<string, string | undefined>): boolean => Boolean(g.check || g.asked);

/** The sentence as a state question, or unchanged. */
export function checkQuestion(sentence: string): string {
  const role = sentence.match(CHECK_ROLE)?.groups;
  if (role && isCheck(role)) return `does ${role.who} hold the ${role.role!.toLowerCase()} role in ${role.org}?`;
  const member = sentence.match(CHECK_IN)?.groups;
  if (member && isCheck(member)) return `is ${member.who} in ${member.org}?`;
  const did = sentence.match(DID);
  if (did) return `is ${did[2]} ${STATE[did[1]!.toLowerCase()]}${did[3]}`;
  const tag = sentence.match(TAG);
  if (tag && !/^(?:it|this|that|there|who|what|which)$/i.test(tag[1]!.trim()))
    return `is ${tag[1]} ${tag[2]!.toLowerCase()}${tag[3]}`;
  const was = sentence.match(WAS);
  if (was && !/^(?:it|this|that|there)$/i.test(was[1]!)) return `is ${was[1]} ${was[2]!.toLowerCase()}${was[3]}`;
  return sentence;
}

/** Every check question of the message as a state question; a follow-up conditioned on a check is dropped. */
export function checkQuestions(said: string): string {
  // "is X banned? if not, ban him": a change on the planner's own precondition is that change (conditional.ts).
  const masked = conditionalChanges(invitationStatus(correctedValues(said)), checkQuestion);
  const pieces = masked.split(/((?:[.!?;]+)\s+)/);
  const org = orgMention(masked);
  const checked = pieces.map((p, i) =>
    i % 2 === 0
      ? (limitQuestion(p, org) ??
        wantedRead(p) ??
        embeddedQuestion(p) ??
        sessionQuestion(p) ??
        dateFieldQuestion(p) ??
        checkQuestion(p))
      : p,
  );
  // "how many … at the moment? Could you tell me?": the second sentence only asks for the answer to the first.
  for (let i = 2; i < checked.length; i += 2)
    if (asksForAnswer(checked[i]!) && ASKED.test(checked.slice(0, i).join(''))) checked[i] = '';
  if (!checked.some((p, i) => i % 2 === 0 && p !== pieces[i]) && masked === said) return masked;
  // (Only after a check: "if not, we should" then has nothing to act on but the check's answer.)
  return checked
    .map((p, i) => (i % 2 === 0 && IF_NOT.test(p.trim()) ? '' : p))
    .join('')
    .replace(/\s+$/, (m) => (m.includes('\n') ? m : ''));
}

// A question asked before: a question mark, or a wh-question.
const ASKED = /\?|\b(?:how\s+many|who|which|what|when)\b/i;

// "how many members is Foo allowed to have", "how many seats can Foo have in total", "what's Foo's seat limit",
// "what is the member cap of Foo": the organization's limit, read from the organization itself.
const OWNER = '(?:the\\s+)?(.+?)(?:\\s+(?:org|organi[sz]ation|company|team|workspace))?';
const LIMIT_QUESTIONS = [
  new RegExp(
    // (anywhere in the sentence: "… asked me how many members their org is allowed to have")
    `\\bhow\\s+many\\s+(?:members|people|users|seats|memberships)\\s+(?:(?:is|are)\\s+${OWNER}\\s+(?:allowed|permitted|able)\\s+to|(?:can|could)\\s+${OWNER})\\s+have(?:\\s+(?:in\\s+total|at\\s+most|max(?:imum)?))?\\s*(\\?*)$`,
    'i',
  ),
  // The embedded order: "… asked how many members their org is allowed to have".
  new RegExp(
    `\\bhow\\s+many\\s+(?:members|people|users|seats|memberships)\\s+${OWNER}\\s+(?:is|are)\\s+(?:allowed|permitted|able)\\s+to\\s+have(?:\\s+(?:in\\s+total|at\\s+most|max(?:imum)?))?\\s*(\\?*)$`,
    'i',
  ),
  new RegExp(
    `^what(?:'s|’s|\\s+is|\\s+was)\\s+(?:the\\s+)?(?:seat|member(?:ship)?|user)\\s+(?:limit|cap)\\s+(?:of|for|on|at)\\s+${OWNER}\\s*(\\?*)$`,
    'i',
  ),
  new RegExp(
    `^what(?:'s|’s|\\s+is|\\s+was)\\s+${OWNER}(?:'s|’s)\\s+(?:seat|member(?:ship)?|user)\\s+(?:limit|cap)\\s*(\\?*)$`,
    'i',
  ),
];
const THEIRS = /^(?:their|its|our|that|this)(?:\s+(?:org|organi[sz]ation|company|team|workspace))?$/i;

/** A question about an organization's member limit as the organization's details, or undefined. */
function limitQuestion(sentence: string, messageOrg: string | undefined): string | undefined {
  for (const re of LIMIT_QUESTIONS) {
    const m = sentence.trim().match(re);
    if (!m) continue;
    // (The first form has the owner in one of two places: "is Foo allowed to" or "can Foo".)
    const owner = (m[1] ?? m[2])!.trim();
    // "their org": the organization the message names elsewhere, or nothing to read.
    const name = THEIRS.test(owner) ? messageOrg : owner;
    if (name && !/^(?:i|we|you|he|she|they|it)$/i.test(name)) return `show the ${name} organization${m.at(-1)}`;
  }
  return undefined;
}
